import { useTranslation } from 'react-i18next'
import type { CheckoutSession } from '@shared/contract/channels/tenders'
import { useMoney } from '../../../lib/money'

/**
 * What closing the payment window asks (issue 10): a tender still open blocks it ('pending'),
 * a part already paid blocks it ('paid': refund or finish instead), and an order with nothing
 * paid asks whether to cancel it ('confirm').
 */
export type CloseAsk = 'confirm' | 'pending' | 'paid' | null

/** The answer to "close the payment window?": why not, or keep paying / cancel the order. */
export function CloseNotice({
  ask,
  session,
  busy,
  onKeep,
  onCancelOrder
}: {
  ask: Exclude<CloseAsk, null>
  session: CheckoutSession | null
  busy: boolean
  onKeep: () => void
  onCancelOrder: () => void
}) {
  const { t } = useTranslation()
  const money = useMoney()
  if (!session) return null
  if (ask === 'pending') {
    return (
      <p className="notice notice--error" role="alert">
        {t('payments.close.blockedPending')}
      </p>
    )
  }
  if (ask === 'paid') {
    return (
      <p className="notice notice--error" role="alert">
        {t('payments.close.blockedPaid', {
          paid: money(session.paid, session.order.currency),
          remaining: money(session.remaining, session.order.currency)
        })}
      </p>
    )
  }
  return (
    <section
      className="close-confirm"
      role="alertdialog"
      aria-label={t('payments.close.confirmTitle', { number: session.order.number })}
    >
      <p className="close-confirm__title">
        {t('payments.close.confirmTitle', { number: session.order.number })}
      </p>
      <p>{t('payments.close.confirmBody')}</p>
      <div className="close-confirm__actions">
        <button type="button" className="button" autoFocus onClick={onKeep}>
          {t('payments.close.keep')}
        </button>
        <button type="button" className="button button--danger-ghost" disabled={busy} onClick={onCancelOrder}>
          {t('payments.close.cancelOrder')}
        </button>
      </div>
    </section>
  )
}
