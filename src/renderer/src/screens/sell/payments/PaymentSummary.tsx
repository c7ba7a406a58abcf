import { useTranslation } from 'react-i18next'
import type { CartView } from '@shared/contract/channels/cart'
import type { CheckoutSession } from '@shared/contract/channels/tenders'
import { useMoney } from '../../../lib/money'

/** Due, paid and still due once the order is being paid in tenders; before that, what the sale asks. */
export function PaymentSummary({ session, cart }: { session: CheckoutSession | null; cart: CartView }) {
  const { t } = useTranslation()
  const money = useMoney()
  if (!session) {
    return (
      <dl className="payment-summary" aria-label={t('payments.summary.label')}>
        <div>
          <dt>{t('payments.summary.due')}</dt>
          <dd>{money(cart.totals.total, cart.currency)}</dd>
        </div>
        {cart.totals.cashRounding !== 0 && (
          <div>
            <dt>{t('payments.summary.cashDue')}</dt>
            <dd>{money(cart.totals.cashTotal, cart.currency)}</dd>
          </div>
        )}
      </dl>
    )
  }
  const currency = session.order.currency
  return (
    <dl className="payment-summary" aria-label={t('payments.summary.label')}>
      <div>
        <dt>{t('payments.summary.due')}</dt>
        <dd data-testid="checkout-due">{money(session.due, currency)}</dd>
      </div>
      <div>
        <dt>{t('payments.summary.paid')}</dt>
        <dd data-testid="checkout-paid">{money(session.paid, currency)}</dd>
      </div>
      <div className="payment-summary__remaining">
        <dt>{t('payments.summary.remaining')}</dt>
        <dd data-testid="checkout-remaining">{money(session.remaining, currency)}</dd>
      </div>
    </dl>
  )
}
