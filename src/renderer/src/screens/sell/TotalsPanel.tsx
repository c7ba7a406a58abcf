import { useTranslation } from 'react-i18next'
import type { CartView } from '@shared/contract/channels/cart'
import { useMoney } from '../../lib/money'
import { fitChars } from '../../lib/fit-chars'
import { useSettingsStore } from '../../stores/settings-store'

/** The figures main computed, large enough to read from the customer's side. */
export function TotalsPanel({ cart }: { cart: CartView }) {
  const { t } = useTranslation()
  const money = useMoney()
  const taxMode = useSettingsStore((s) => s.saved?.taxMode ?? 'inclusive')
  const { totals } = cart
  return (
    <section className="totals" aria-label={t('sell.totals.title')}>
      <dl>
        <div className="totals__row">
          <dt>{t('sell.totals.gross')}</dt>
          <dd>{money(totals.grossTotal, cart.currency)}</dd>
        </div>
        {totals.lineDiscountTotal > 0 && (
          <div className="totals__row totals__row--discount">
            <dt>{t('sell.totals.lineDiscounts')}</dt>
            <dd>−{money(totals.lineDiscountTotal, cart.currency)}</dd>
          </div>
        )}
        {totals.orderDiscountTotal > 0 && (
          <div className="totals__row totals__row--discount">
            <dt>{t('sell.totals.coupons')}</dt>
            <dd>−{money(totals.orderDiscountTotal, cart.currency)}</dd>
          </div>
        )}
        <div className="totals__row totals__row--muted">
          <dt>{t(taxMode === 'inclusive' ? 'sell.totals.tax' : 'sell.totals.taxExclusive')}</dt>
          <dd>{money(totals.taxTotal, cart.currency)}</dd>
        </div>
        <div className="totals__payable">
          <dt>{t('sell.totals.payable')}</dt>
          <dd data-testid="payable" style={fitChars(money(totals.total, cart.currency))}>
            {money(totals.total, cart.currency)}
          </dd>
        </div>
        {totals.cashRounding !== 0 && (
          <div className="totals__row totals__row--muted">
            <dt>{t('sell.totals.cashPayable')}</dt>
            <dd>{money(totals.cashTotal, cart.currency)}</dd>
          </div>
        )}
      </dl>
    </section>
  )
}
