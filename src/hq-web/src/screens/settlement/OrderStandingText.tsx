import { useTranslation } from 'react-i18next'
import type { DayOrder } from '@shared/hq-api/settlement'
import { useMoney } from '../../lib/money'
import { orderStanding } from './order-standing'

/** The order's standing in words with its amounts: "Partly refunded ¥3.00 of ¥10.00 (¥7.00 kept)". */
export function OrderStandingText({
  order
}: {
  order: Pick<DayOrder, 'voidedAt' | 'refunded' | 'total' | 'currency'>
}) {
  const { t } = useTranslation()
  const money = useMoney()
  const standing = orderStanding(order)
  const c = order.currency
  switch (standing.kind) {
    case 'voided':
      return <>{t('hq.settlement.order.voided')}</>
    case 'paid':
      return <>{t('hq.settlement.order.paid')}</>
    case 'refunded':
      return <>{t('hq.settlement.order.refunded', { amount: money(standing.refunded, c) })}</>
    case 'partlyRefunded':
      return (
        <>
          {t('hq.settlement.order.partlyRefunded', {
            amount: money(standing.refunded, c),
            total: money(standing.total, c),
            kept: money(standing.kept, c)
          })}
        </>
      )
  }
}
