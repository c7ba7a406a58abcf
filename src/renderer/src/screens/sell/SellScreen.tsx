import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Banknote, MonitorSmartphone, PauseCircle, ListRestart, Trash } from 'lucide-react'
import { call } from '../../api/client'
import { useBarcodeScanner } from '../../lib/scanner'
import { useMoney } from '../../lib/money'
import { useErrorText } from '../../i18n/error-text'
import { useCartStore } from '../../stores/cart-store'
import { usePaymentStore } from '../../stores/payment-store'
import { CartLines } from './CartLines'
import { CouponBox } from './CouponBox'
import { LineEditor } from './LineEditor'
import { ParkedDialog } from './ParkedDialog'
import { CustomerDevicePanel } from './payments/CustomerDevicePanel'
import { PaymentDialog } from './payments/PaymentDialog'
import { ProductGrid } from './ProductGrid'
import { SaleDoneDialog } from './SaleDoneDialog'
import { ScanBar } from './ScanBar'
import { TotalsPanel } from './TotalsPanel'
import './sell.css'

/**
 * The cashier's screen, keyboard-first: a scanner works anywhere; F2 search, F4 park,
 * F8 coupon, Delete removes the selected line, F12 (or the big button) takes payment.
 */
export function SellScreen() {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const money = useMoney()
  const {
    cart,
    selectedLineId,
    notice,
    open,
    scan,
    addProduct,
    select,
    removeLine,
    park,
    discard,
    lastSale
  } = useCartStore()
  const [query, setQuery] = useState('')
  const [paying, setPaying] = useState(false)
  const [showParked, setShowParked] = useState(false)
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
  }, [open, refreshAvailability])

  const refreshParked = useCallback(() => {
    void call('cart:list-parked', {}).then((list) => setParkedCount(list.length))
  }, [])
  useEffect(refreshParked, [refreshParked, cart?.id])

  const dialogsOpen = paying || showParked || lastSale !== null || cart?.status === 'awaiting_payment'
  useBarcodeScanner((code) => void scan(code), !dialogsOpen)

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (dialogsOpen || !cart) return
      const inField = (event.target as HTMLElement | null)?.closest('input, select, textarea') !== null
      if (event.key === 'F2') {
        event.preventDefault()
        scanInput.current?.focus()
      } else if (event.key === 'F4') {
        event.preventDefault()
        if (cart.lines.length) void park()
      } else if (event.key === 'F8') {
        event.preventDefault()
        couponInput.current?.focus()
      } else if (event.key === 'F12') {
        event.preventDefault()
        if (cart.lines.length) setPaying(true)
      } else if (event.key === 'Delete' && !inField && selectedLineId) {
        event.preventDefault()
        void removeLine(selectedLineId)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [cart, dialogsOpen, park, removeLine, selectedLineId])

  // Back to the scan field after each sale, so the next customer can be scanned at once.
  useEffect(() => {
    if (!dialogsOpen) scanInput.current?.focus()
  }, [dialogsOpen, cart?.id])

  if (!cart) return <section className="screen" aria-busy="true" />

  return (
    <section className="sell" aria-label={t('sell.title')}>
      <div className="sell__main">
        <ScanBar ref={scanInput} onScan={scan} onSearch={setQuery} />
        {notice && (
          <p className={`notice notice--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
            {notice.error
              ? errorText(notice.error)
              : notice.text === 'parked'
                ? t('sell.notices.parked')
                : notice.text}
          </p>
        )}
        <CartLines cart={cart} selectedLineId={selectedLineId} onSelect={select} />
        <ProductGrid query={query} onPick={(product) => void addProduct(product.id)} />
      </div>

      <aside className="sell__side">
        <TotalsPanel cart={cart} />
        <button
          type="button"
          className="button button--pay"
          disabled={cart.lines.length === 0}
          aria-keyshortcuts="F12"
          onClick={() => setPaying(true)}
        >
          <Banknote aria-hidden="true" size={30} />
          <span>{t('payments.payButton')}</span>
          <span className="button--pay__amount">{money(cart.totals.cashTotal, cart.currency)}</span>
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
            onClick={() => {
              if (window.confirm(t('sell.actions.discardConfirm'))) void discard()
            }}
          >
            <Trash aria-hidden="true" size={20} /> {t('sell.actions.discard')}
          </button>
        </div>
        <CouponBox ref={couponInput} cart={cart} />
        <LineEditor cart={cart} />
        <p className="keys-hint">{t('sell.keys')}</p>
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

      <PaymentDialog
        cart={cart}
        open={paying || cart.status === 'awaiting_payment'}
        onClose={() => setPaying(false)}
      />
      {!paying && <CustomerDevicePanel />}
      <ParkedDialog open={showParked} onClose={() => setShowParked(false)} />
      <SaleDoneDialog />
    </section>
  )
}
