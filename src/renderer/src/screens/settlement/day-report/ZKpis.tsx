import { useTranslation } from 'react-i18next'
import { Kpi, type ZSectionProps } from './ZParts'

/**
 * The day's key figures (net sales, orders standing, average ticket, collected) and, when earlier
 * days' orders were voided or refunded today, a note with those adjustments and their orders.
 */
export function ZKpis({ report, m, open }: ZSectionProps) {
  const { t } = useTranslation()
  return (
    <>
      <div className="kpis">
        <Kpi label={t('settlement.figures.netSales')} value={m(report.netSales)} testId="kpi-net-sales" />
        <Kpi
          label={t('settlement.figures.ordersStanding')}
          value={String(report.orderCount)}
          testId="kpi-orders"
        />
        <Kpi
          label={t('settlement.figures.averageTicketBasis')}
          value={m(report.averageTicket)}
          testId="kpi-average"
        />
        <Kpi label={t('settlement.figures.collected')} value={m(report.collected)} />
      </div>
      {report.adjustments.orderCount !== 0 || report.adjustments.netSales !== 0 ? (
        <p className="notice notice--info">
          {t('settlement.figures.adjustments', {
            count: report.adjustments.orderCount,
            amount: m(report.adjustments.netSales)
          })}{' '}
          <button
            type="button"
            className="linkish"
            onClick={open(t('settlement.figures.netSales'), { figure: 'adjustments' })}
          >
            {t('settlement.drill.show')}
          </button>
        </p>
      ) : null}
    </>
  )
}
