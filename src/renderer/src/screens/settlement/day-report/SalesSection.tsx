import { useTranslation } from 'react-i18next'
import { Row, Section, type ZSectionProps } from './ZParts'

/**
 * The day's sales as one sum, top to bottom: gross, discounts, tax added, sales total, voids,
 * refunds, net sales, cash rounding, collected (each bold figure sums the rows above it; minor units,
 * deductions shown negative). Gross, voids and refunds open the orders behind them.
 */
export function SalesSection({ report, m, open }: ZSectionProps) {
  const { t } = useTranslation()
  return (
    <Section title={t('settlement.sections.sales')}>
      {/* One sum top to bottom: each bold figure is the sum of the rows above it. */}
      <table className="table figures" aria-label={t('settlement.sections.sales')}>
        <tbody>
          <Row
            label={t('settlement.figures.grossSales', { count: report.paidOrders })}
            value={m(report.grossSales)}
            onOpen={open(t('settlement.figures.grossSales', { count: report.paidOrders }), {
              figure: 'sales'
            })}
          />
          <Row label={t('settlement.figures.lineDiscounts')} value={m(-report.lineDiscounts)} />
          <Row label={t('settlement.figures.couponDiscounts')} value={m(-report.couponDiscounts)} />
          {report.taxAdded !== 0 && (
            <Row label={t('settlement.figures.taxAdded')} value={m(report.taxAdded)} />
          )}
          <Row label={t('settlement.figures.salesTotal')} value={m(report.salesTotal)} strong />
          <Row
            label={t('settlement.figures.voids', { count: report.voids.count })}
            value={m(-report.voids.sales)}
            onOpen={
              report.voids.count
                ? open(t('settlement.figures.voids', { count: report.voids.count }), {
                    figure: 'voids'
                  })
                : undefined
            }
          />
          <Row
            label={t('settlement.figures.refunds', { count: report.refunds.count })}
            value={m(-report.refunds.amount)}
            onOpen={
              report.refunds.count
                ? open(t('settlement.figures.refunds', { count: report.refunds.count }), {
                    figure: 'refunds'
                  })
                : undefined
            }
          />
          <Row label={t('settlement.figures.netSales')} value={m(report.netSales)} strong />
          <Row label={t('settlement.figures.cashRounding')} value={m(report.cashRounding)} />
          <Row label={t('settlement.figures.collected')} value={m(report.collected)} strong />
        </tbody>
      </table>
      <p className="muted z-note">{t('settlement.figures.taxIncluded', { amount: m(report.taxTotal) })}</p>
    </Section>
  )
}
