import { useTranslation } from 'react-i18next'
import { HourChart, TenderMix } from '../Charts'
import { Section, sum, type ZSectionProps } from './ZParts'

/**
 * Sales by hour and the tender mix; a bar or a slice opens its orders. The note under the hours
 * shows how their total (before refunds) reaches net sales.
 */
export function ZCharts({ report, m, open }: ZSectionProps) {
  const { t } = useTranslation()
  return (
    <div className="z-report__charts">
      <Section title={t('settlement.sections.byHour')}>
        <HourChart report={report} onPick={(hour) => open(`${hour}:00`, { figure: 'sales', hour })()} />
        <p className="muted z-note" data-testid="hour-total">
          {t('settlement.chart.total', {
            total: m(sum(report.byHour, (h) => h.sales)),
            refunds: m(report.refunds.amount),
            net: m(report.netSales)
          })}
        </p>
      </Section>
      <Section title={t('settlement.sections.tenders')}>
        <TenderMix
          report={report}
          onPick={(method) =>
            open(t(`settlement.methods.${method}`, { defaultValue: method }), { figure: 'sales', method })()
          }
        />
      </Section>
    </div>
  )
}
