import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Banknote, MonitorSmartphone, PauseCircle, ListRestart, Trash } from 'lucide-react'
import type { Product } from '@shared/contract'
import { call } from '../../api/client'
import { Dialog } from '../../components/Dialog'
import { useBarcodeScanner } from '../../lib/scanner'
import { useMoney } from '../../lib/money'
import { play } from '../../lib/sounds'
import { useApprovalStore } from '../../stores/approval-store'
import { useCartStore } from '../../stores/cart-store'
import { usePaymentStore } from '../../stores/payment-store'
import { useShiftStore } from '../../stores/shift-store'
import { OpenShiftDialog } from '../settlement/ShiftPanel'
import { CartLines } from './CartLines'
import { CouponBox } from './CouponBox'
import { CounterNotice } from './CounterNotice'
import { KeysBar } from './KeysBar'
import { LineEditor } from './LineEditor'
import { LargeQuantityConfirm } from './LargeQuantityConfirm'
import { ParkedDialog } from './ParkedDialog'
import { CustomerDevicePanel } from './payments/CustomerDevicePanel'
import { PaymentDialog } from './payments/PaymentDialog'
import { ProductGrid } from './ProductGrid'
import { SaleDoneDialog } from './SaleDoneDialog'
import { ScanBar } from './ScanBar'
import { TotalsPanel } from './TotalsPanel'
import { fitChars } from '../../lib/fit-chars'
import './sell.css'

/** Keys the screen takes only outside text fields, where they would otherwise type. */
const LINE_KEYS = new Set(['+', '-', 'ArrowUp', 'ArrowDown', 'Delete'])

/**
 * A character typed with the focus on no field (the cart list, a button, the page) that
 * belongs in the scan bar: a code's first key, a `3*` multiplier, a search. It goes there, with
 * the keys after it, as it would have from the scan bar (a `3*` typed with the cart list
 * focused went nowhere, and the next scan was sold once).
 */
const SCAN_BAR_KEY = /^[0-9A-Za-z*._]$/

/**
 * The cashier's screen, keyboard-first: a scanner works anywhere (the app-wide burst
 * detector brings its codes here, even from inside a money field); F2 search (↑/↓ and Enter
 * pick a result), `3*` then a scan for three, +/− and ↑/↓ on the cart's lines, Delete
 * removes the selected line, F4 park, F8 coupon, F12 (or the big button) takes payment.
 */
export function SellScreen() {
  const { t, i18n } = useTranslation()
  const money = useMoney()
  const {
    cart,
    selectedLineId,
    notice,
    open,
    scan,
    addProduct,
    select,
    setQuantity,
    removeLine,
    park,
    discard,
    lastSale,
    finishSale,
    say,
    forget,
    largeLabel,
    dismissLargeLabel
  } = useCartStore()
  const shift = useShiftStore((s) => s.current)
  const loadShift = useShiftStore((s) => s.load)
  const [query, setQuery] = useState('')
  const [activeIndex, setActiveIndex] = useState(-1)
  const results = useRef<Product[]>([])
  const [paying, setPaying] = useState(false)
  const [showParked, setShowParked] = useState(false)
  const [confirmClear, setConfirmClear] = useState(false)
  const [openingShift, setOpeningShift] = useState<{ code?: string; quantity?: string | undefined } | null>(
    null
  )
  const [parkedCount, setParkedCount] = useState(0)
  const scanInput = useRef<HTMLInputElement>(null)
  const couponInput = useRef<HTMLInputElement>(null)
  const sandbox = usePaymentStore((s) => s.availability?.sandbox === true)
  const refreshAvailability = usePaymentStore((s) => s.refreshAvailability)
  const deviceOpen = usePaymentStore((s) => s.deviceOpen)
  const setDeviceOpen = usePaymentStore((s) => s.setDeviceOpen)

  useEffect(() => {
    void open()
    void refreshAvailability()
    void loadShift()
  }, [open, refreshAvailability, loadShift])

  const refreshParked = useCallback(() => {
    void call('cart:list-parked', {}).then((list) => setParkedCount(list.length))
  }, [])
  useEffect(refreshParked, [refreshParked, cart?.id])

  const paymentOpen = paying || cart?.status === 'awaiting_payment'
  // A notice belongs to the place and action it came from: the cart's refusals (a spent coupon, a
  // parked cart already taken) do not follow the cashier into the payment window.
  // A line still waiting for its weight has no price: payment is refused here, naming that line,
  // rather than after the cashier has taken the customer's money (main refuses it too).
  const startPaying = useCallback((): void => {
    const unweighed = cart?.lines.find((line) => line.weightPending)
    if (unweighed) {
      play('error')
      select(unweighed.id)
      const name = i18n.language === 'en' ? unweighed.nameEn || unweighed.name : unweighed.name
      say({ tone: 'error', text: t('errors.checkout.weightMissing', { name }) })
      focusWeight()
      return
    }
    say(null)
    setPaying(true)
  }, [cart, i18n.language, say, select, t])
  const dialogsOpen =
    paymentOpen ||
    showParked ||
    lastSale !== null ||
    confirmClear ||
    openingShift !== null ||
    largeLabel !== null

  /** A till sells only with an open shift: say so at the first scan, with the way to open one. */
  const noShift = shift !== null && shift.shift === null

  const scanCode = useCallback(
    async (code: string, quantity?: string): Promise<boolean> => {
      if (noShift) {
        play('error')
        say({ tone: 'error', text: t('counter.noShift'), action: { kind: 'open-shift', code, quantity } })
        return true
      }
      const result = await scan(code, quantity)
      // A refused code is said in the notice (naming it) and leaves the box: only a code no
      // product has stays there, as the search a person may have meant.
      if (result !== 'added') return result === 'refused'
      const state = useCartStore.getState()
      const line = state.cart?.lines.find((l) => l.id === state.selectedLineId)
      // Weighed goods without a weight: straight to the weight field (never a silent 1 kg).
      if (line?.weightPending) focusWeight()
      return true
    },
    [noShift, say, scan, t]
  )

  const pickProduct = useCallback(
    (product: Product): void => {
      if (noShift) {
        play('error')
        say({ tone: 'error', text: t('counter.noShift'), action: { kind: 'open-shift' } })
        return
      }
      void addProduct(product.id).then(() => {
        if (product.unit === 'kg') focusWeight()
      })
    },
    [addProduct, noShift, say, t]
  )

  // A burst from anywhere. While a window is open the code waits: money is never touched.
  const onBurst = useCallback(
    (code: string, whole?: string): void => {
      if (useApprovalStore.getState().pending) {
        // Never a PIN: the burst was swallowed before it reached the approval's PIN box.
        play('error')
        say({ tone: 'error', text: t('counter.scanInDialog', { code }), fleeting: true })
        return
      }
      if (lastSale) {
        // Scanning after a sale is the next customer's first item.
        void finishSale().then(() => void scanCode(code))
        return
      }
      if (dialogsOpen) {
        play('error')
        say({
          tone: 'error',
          text: t(paymentOpen ? 'counter.scanWhilePaying' : 'counter.scanInDialog', { code }),
          fleeting: true
        })
        return
      }
      // A key cut off as a person's may have been the scanner's own, delivered late.
      void scanCode(code).then((found) => {
        if (!found && whole) void scanCode(whole)
      })
    },
    [dialogsOpen, finishSale, lastSale, paymentOpen, say, scanCode, t]
  )
  useBarcodeScanner(onBurst)

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (dialogsOpen || !cart || event.defaultPrevented) return
      const inField = (event.target as HTMLElement | null)?.closest('input, select, textarea') !== null
      if (inField && LINE_KEYS.has(event.key)) return
      const input = scanInput.current
      if (
        !inField &&
        input &&
        SCAN_BAR_KEY.test(event.key) &&
        !event.ctrlKey &&
        !event.altKey &&
        !event.metaKey
      ) {
        // Focused during the keydown, the scan bar is where the browser then types the key.
        input.focus()
        input.setSelectionRange(input.value.length, input.value.length)
        return
      }
      const selected = cart.lines.find((line) => line.id === selectedLineId)
      const index = cart.lines.findIndex((line) => line.id === selectedLineId)
      if (event.key === 'F2') {
        event.preventDefault()
        scanInput.current?.focus()
        scanInput.current?.select()
      } else if (event.key === 'F4') {
        event.preventDefault()
        if (cart.lines.length) void park()
      } else if (event.key === 'F8') {
        event.preventDefault()
        couponInput.current?.focus()
      } else if (event.key === 'F12') {
        event.preventDefault()
        if (cart.lines.length) startPaying()
      } else if (event.key === 'Delete' && selected) {
        event.preventDefault()
        void removeLine(selected.id)
      } else if ((event.key === '+' || event.key === '-') && selected && selected.unit === 'piece') {
        event.preventDefault()
        const next = Number(selected.quantity) + (event.key === '+' ? 1 : -1)
        if (next >= 1) void setQuantity(selected.id, String(next))
      } else if ((event.key === 'ArrowUp' || event.key === 'ArrowDown') && cart.lines.length) {
        event.preventDefault()
        const step = event.key === 'ArrowDown' ? 1 : -1
        const target = cart.lines[Math.min(cart.lines.length - 1, Math.max(0, index + step))]
        if (target) select(target.id)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [cart, dialogsOpen, park, removeLine, select, selectedLineId, setQuantity, startPaying])

  // A notice about one refused scan goes at the cashier's next key or click (the scan that
  // raised it has ended by the time this runs): it must not sit there through the payment. On the
  // click, not the press: gone at the press, it moved the buttons under the pointer before the
  // click landed, and the click missed the button pressed.
  useEffect(() => {
    if (!notice?.fleeting) return
    const clear = (): void => forget(notice)
    window.addEventListener('keydown', clear, true)
    window.addEventListener('click', clear, true)
    return () => {
      window.removeEventListener('keydown', clear, true)
      window.removeEventListener('click', clear, true)
    }
  }, [notice, forget])

  // The customer's device panel belongs to one sale: it closes when that sale completes or a
  // new cart opens, so it never covers the next customer's totals, Pay button or language switch.
  const saleDone = lastSale !== null
  useEffect(() => {
    if (saleDone) setDeviceOpen(false)
  }, [saleDone, setDeviceOpen])
  useEffect(() => {
    setDeviceOpen(false)
  }, [cart?.id, setDeviceOpen])

  // Back to the scan field after each sale, so the next customer can be scanned at once.
  useEffect(() => {
    if (dialogsOpen) return
    const input = scanInput.current
    // A modal opened by a scan (the large-label question) hands the focus back to the scan field on
    // closing, yet its keys no longer land there (Chromium): a fresh focus makes the next scan land.
    if (input && document.activeElement === input) input.blur()
    input?.focus()
  }, [dialogsOpen, cart?.id])

  const onResults = useCallback((products: Product[]) => {
    results.current = products
    setActiveIndex(-1)
  }, [])
  const move = (step: 1 | -1): void => {
    const count = results.current.length
    if (!query.trim() || count === 0) return
    setActiveIndex((index) => Math.min(count - 1, Math.max(0, index + step)))
  }
  const pickActive = (): boolean => {
    const product = activeIndex >= 0 ? results.current[activeIndex] : undefined
    if (!product || !query.trim()) return false
    pickProduct(product)
    return true
  }

  if (!cart) return <section className="screen" aria-busy="true" />

  return (
    <section className="sell" aria-label={t('sell.title')}>
      <div className="sell__main">
        <ScanBar
          ref={scanInput}
          onScan={scanCode}
          onSearch={setQuery}
          onMove={move}
          onPickActive={pickActive}
        />
        <CounterNotice
          notice={notice}
          onOpenShift={(action) => setOpeningShift(action)}
          onDismiss={() => say(null)}
        />
        <CartLines cart={cart} selectedLineId={selectedLineId} onSelect={select} />
        <ProductGrid query={query} onPick={pickProduct} activeIndex={activeIndex} onResults={onResults} />
        <KeysBar />
      </div>

      <aside className="sell__side">
        <TotalsPanel cart={cart} />
        <button
          type="button"
          className="button button--pay"
          disabled={cart.lines.length === 0}
          aria-keyshortcuts="F12"
          onClick={startPaying}
        >
          <Banknote aria-hidden="true" size={30} />
          <span>{t('payments.payButton')}</span>
          <kbd className="button__key">F12</kbd>
          <span className="button--pay__amount" style={fitChars(money(cart.totals.cashTotal, cart.currency))}>
            {money(cart.totals.cashTotal, cart.currency)}
          </span>
        </button>
        <div className="sell__actions">
          <button
            type="button"
            className="button"
            disabled={cart.lines.length === 0}
            aria-keyshortcuts="F4"
            onClick={() => void park()}
          >
            <PauseCircle aria-hidden="true" size={20} /> {t('sell.actions.park')}
          </button>
          <button type="button" className="button" onClick={() => setShowParked(true)}>
            <ListRestart aria-hidden="true" size={20} /> {t('sell.actions.parked', { count: parkedCount })}
          </button>
          <button
            type="button"
            className="button button--danger-ghost"
            disabled={cart.lines.length === 0}
            onClick={() => setConfirmClear(true)}
          >
            <Trash aria-hidden="true" size={20} /> {t('sell.actions.discard')}
          </button>
        </div>
        {/* A new sale starts with an empty coupon box, whatever the last customer's code was. */}
        <CouponBox key={cart.id} ref={couponInput} cart={cart} />
        <LineEditor cart={cart} />
        {sandbox && (
          <button
            type="button"
            className="button button--small"
            aria-expanded={deviceOpen}
            onClick={() => setDeviceOpen(!deviceOpen)}
          >
            <MonitorSmartphone aria-hidden="true" size={20} /> {t('payments.device.open')}
          </button>
        )}
      </aside>

      <PaymentDialog cart={cart} open={paymentOpen} onClose={() => setPaying(false)} />
      {!paying && <CustomerDevicePanel />}
      <ParkedDialog open={showParked} onClose={() => setShowParked(false)} />
      <SaleDoneDialog />
      <LargeQuantityConfirm
        check={
          largeLabel && {
            quantity: largeLabel.quantity,
            unit: 'kg',
            name: i18n.language === 'en' ? largeLabel.nameEn : largeLabel.name,
            adding: true
          }
        }
        onBack={dismissLargeLabel}
        onConfirm={() => {
          const label = largeLabel
          dismissLargeLabel()
          if (label) void scan(label.code, undefined, true)
        }}
      />
      <Dialog
        title={t('counter.clear.title')}
        open={confirmClear}
        onClose={() => setConfirmClear(false)}
        actions={
          <>
            <button
              type="button"
              className="button button--ghost"
              autoFocus
              onClick={() => setConfirmClear(false)}
            >
              {t('counter.clear.back')}
            </button>
            <button
              type="button"
              className="button button--danger"
              onClick={() => {
                setConfirmClear(false)
                void discard()
              }}
            >
              {t('counter.clear.confirm')}
            </button>
          </>
        }
      >
        <p>{t('counter.clear.body', { count: cart.lines.length })}</p>
      </Dialog>
      {openingShift && (
        <OpenShiftDialog
          currency={cart.currency}
          onClose={() => setOpeningShift(null)}
          onDone={(opened) => {
            const pending = openingShift
            setOpeningShift(null)
            say(null)
            if (shift) useShiftStore.getState().adopt({ ...shift, shift: opened })
            void loadShift()
            // Back to selling: the scan that was refused goes through now.
            if (pending.code) void scan(pending.code, pending.quantity)
          }}
        />
      )}
    </section>
  )
}

/** Puts the cursor in the selected line's weight field, once the line editor shows it. */
function focusWeight(): void {
  requestAnimationFrame(() => {
    const field = document.getElementById('line-quantity') as HTMLInputElement | null
    field?.focus()
    field?.select()
  })
}
