import { useCallback, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MonitorSmartphone, WifiOff } from 'lucide-react'
import { minorToDecimalString } from '@shared/money/format'
import type { CartView } from '@shared/contract/channels/cart'
import { TENDER_METHODS, type CheckoutSession, type TenderMethod } from '@shared/contract/channels/tenders'
import { Dialog } from '../../../components/Dialog'
import { useErrorText } from '../../../i18n/error-text'
import { useMoney } from '../../../lib/money'
import { play } from '../../../lib/sounds'
import { useCartStore } from '../../../stores/cart-store'
import { useNotificationStore } from '../../../stores/notification-store'
import { methodState, usePaymentStore, type MethodState } from '../../../stores/payment-store'
import { CashSaleForm } from './CashSaleForm'
import { CloseNotice, type CloseAsk } from './CloseNotice'
import { CustomerDevicePanel } from './CustomerDevicePanel'
import { MethodTabs } from './MethodTabs'
import { PaymentSummary } from './PaymentSummary'
import { TenderFailure } from './TenderFailure'
import { TenderList } from './TenderList'
import { CardForm, SessionCashForm, WalletForm } from './TenderForms'
import { TenderProgress } from './TenderProgress'
import { useFailureText } from './failure-text'
import { isFailedTender, isOpenTender, useCheckout, type TenderRequest } from './use-checkout'
import './payments.css'

/** How often the gateway's reachability is asked again while the dialog is open. */
const AVAILABILITY_MS = 10_000

/**
 * Taking payment (F12): cash, card, Alipay or WeChat Pay, alone or split. A cash-only sale
 * keeps the one-step cash checkout (with cash rounding); anything else freezes the cart into
 * an order once per opening and takes tenders until they cover it.
 */
export function PaymentDialog({
  cart,
  open,
  onClose
}: {
  cart: CartView
  open: boolean
  onClose: () => void
}) {
  if (!open) return null
  return <Payment cart={cart} onClose={onClose} />
}

/** Mounted each time the dialog opens: a fresh checkout key, no order yet. */
function Payment({ cart, onClose }: { cart: CartView; onClose: () => void }) {
  const { t } = useTranslation()
  const failureText = useFailureText()
  const money = useMoney()
  const errorText = useErrorText()
  const availability = usePaymentStore((s) => s.availability)
  const refreshAvailability = usePaymentStore((s) => s.refreshAvailability)
  const deviceOpen = usePaymentStore((s) => s.deviceOpen)
  const setDeviceOpen = usePaymentStore((s) => s.setDeviceOpen)
  const push = useNotificationStore((s) => s.push)
  const showSale = useCartStore((s) => s.showSale)
  const sayOnCart = useCartStore((s) => s.say)
  const openCart = useCartStore((s) => s.open)
  const [method, setMethod] = useState<TenderMethod>('cash')
  const [closeAsk, setCloseAsk] = useState<CloseAsk>(null)
  const reasonId = useId()
  const seen = useRef(new Map<string, string>())
  const finished = useRef(false)

  useEffect(() => {
    void refreshAvailability()
    const timer = setInterval(() => void refreshAvailability(), AVAILABILITY_MS)
    return () => clearInterval(timer)
  }, [refreshAvailability])

  /** Every answer about the order: tell the till about tenders that ended, and finish when paid. */
  const onSession = useCallback(
    (session: CheckoutSession) => {
      const { order } = session
      const paidNow = order.status === 'paid'
      for (const tender of session.tenders) {
        const before = seen.current.get(tender.id)
        if (before === tender.status) continue
        seen.current.set(tender.id, tender.status)
        if (isOpenTender(tender) || tender.method === 'cash') continue
        const amount = money(tender.amount, order.currency)
        const methodName = t(`payments.methods.${tender.method}`)
        if (tender.status === 'succeeded') {
          // The tender that completes the order is announced with the order, once.
          if (paidNow || session.remaining === 0) continue
          play('scan')
          push({
            id: `tender:${tender.id}:succeeded`,
            level: 'success',
            read: true,
            title: t('payments.notify.tenderOk', { method: methodName }),
            body: t('payments.notify.tenderBody', { amount, number: order.number })
          })
        } else {
          play('error')
          push({
            id: `tender:${tender.id}:${tender.status}`,
            level: 'error',
            title: t('payments.notify.tenderFailed', { method: methodName }),
            body: tender.failure
              ? t('payments.notify.tenderBodyReason', {
                  amount,
                  number: order.number,
                  reason: failureText(tender.failure)
                })
              : t('payments.notify.tenderBody', { amount, number: order.number })
          })
        }
      }
      if (paidNow && !finished.current) {
        finished.current = true
        play('paid')
        // The sale-done dialog shows it: a sale is not news for the badge.
        push({
          id: `order:${order.id}:paid`,
          level: 'success',
          read: true,
          title: t('payments.notify.paidTitle', { number: order.number }),
          body: t('payments.notify.paidBody', { amount: money(order.payable, order.currency) })
        })
        showSale(order, order.changeGiven)
        onClose()
      }
    },
    [failureText, money, onClose, push, showSale, t]
  )

  const checkout = useCheckout(cart.id, onSession, cart.status === 'awaiting_payment')
  const { session, busy, error } = checkout
  const currency = session?.order.currency ?? cart.currency
  const openTender = session?.tenders.find(isOpenTender) ?? null
  const shownMethod = openTender?.method ?? method

  // The amount field follows what remains: after a part is paid it offers the rest.
  const remaining = session ? session.remaining : cart.totals.total
  const [amount, setAmount] = useState(() => minorToDecimalString(remaining, currency))
  const [amountFor, setAmountFor] = useState(remaining)
  if (amountFor !== remaining) {
    setAmountFor(remaining)
    setAmount(minorToDecimalString(remaining, currency))
  }

  const tender = (request: TenderRequest): void => {
    setCloseAsk(null)
    void checkout.addTender(request)
  }

  const requestClose = (): void => {
    if (!session || session.order.status !== 'awaiting_payment') return onClose()
    if (session.tenders.some(isOpenTender)) return setCloseAsk('pending')
    if (session.tenders.some((t) => t.status === 'succeeded')) return setCloseAsk('paid')
    setCloseAsk('confirm')
  }

  const cancelOrder = async (): Promise<void> => {
    const cancelled = await checkout.cancelCheckout()
    if (!cancelled || cancelled.order.status !== 'cancelled') return
    finished.current = true
    sayOnCart({ tone: 'info', text: t('payments.close.cancelled', { number: cancelled.order.number }) })
    onClose()
    await openCart()
  }

  const selectMethod = (next: TenderMethod): void => {
    setMethod(next)
    setCloseAsk(null)
    checkout.clearError()
  }

  const failed =
    checkout.current && isFailedTender(checkout.current) && checkout.current.method === method && !openTender
      ? checkout.current
      : null
  const quickCash = method === 'cash' && !session && !openTender
  const generalError = error && !error.field ? errorText(error) : null
  const formProps = {
    amount,
    onAmount: setAmount,
    currency,
    error,
    busy,
    onTender: tender,
    onBack: requestClose,
    onClearError: checkout.clearError
  }
  const states = Object.fromEntries(TENDER_METHODS.map((m) => [m, methodState(availability, m)])) as Record<
    TenderMethod,
    MethodState
  >
  // When the gateway is down every card/QR method has the same reason: say it once, plainly.
  const reasons = [
    ...new Set(TENDER_METHODS.filter((m) => !states[m].available).map((m) => states[m].reason ?? ''))
  ]
  const sharedReason = reasons.length === 1 ? reasons[0] || t('payments.unavailable') : null

  return (
    <Dialog title={t(`payments.title.${shownMethod}`)} open onClose={requestClose} size="wide">
      {availability?.sandbox && (
        <button
          type="button"
          className="button button--small payment__device-toggle"
          aria-expanded={deviceOpen}
          onClick={() => setDeviceOpen(!deviceOpen)}
        >
          <MonitorSmartphone aria-hidden="true" size={20} /> {t('payments.device.open')}
        </button>
      )}
      <div className="payment">
        <div className="payment__main">
          {sharedReason && (
            <p id={reasonId} className="notice notice--error payment__offline" role="status">
              <WifiOff aria-hidden="true" size={20} /> {t('payments.offline', { reason: sharedReason })}
            </p>
          )}
          <MethodTabs
            method={shownMethod}
            locked={openTender !== null || busy}
            onSelect={selectMethod}
            states={states}
            sharedReasonId={sharedReason ? reasonId : null}
          />

          <div className="payment__panel" role="tabpanel" aria-label={t(`payments.methods.${shownMethod}`)}>
            {failed && (
              <TenderFailure tender={failed} retry={checkout.lastRequest} busy={busy} onRetry={tender} />
            )}
            {openTender ? (
              <TenderProgress
                tender={openTender}
                currency={currency}
                busy={busy}
                onCancel={() => void checkout.cancelTender(openTender.id)}
              />
            ) : quickCash ? (
              <CashSaleForm
                cart={cart}
                onClose={requestClose}
                onSplit={(tendered) => tender({ method: 'cash', amount: tendered, tendered })}
              />
            ) : method === 'cash' ? (
              <SessionCashForm {...formProps} cart={cart} />
            ) : method === 'card' ? (
              <CardForm {...formProps} />
            ) : (
              <WalletForm key={method} method={method} {...formProps} />
            )}
            {generalError && (
              <p className="notice notice--error" role="alert">
                {generalError}
              </p>
            )}
            {closeAsk && (
              <CloseNotice
                ask={closeAsk}
                session={session}
                busy={busy}
                onKeep={() => setCloseAsk(null)}
                onCancelOrder={() => void cancelOrder()}
              />
            )}
          </div>
        </div>

        <div className="payment__side">
          <PaymentSummary session={session} cart={cart} />
          {session && session.tenders.length > 0 && (
            <TenderList tenders={session.tenders} currency={currency} />
          )}
        </div>
      </div>
      <CustomerDevicePanel />
    </Dialog>
  )
}
