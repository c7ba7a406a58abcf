import { useTranslation } from 'react-i18next'
import { rateToPercent } from '@shared/money/rate-percent'
import { TableHead } from '../../../components/TableHead'
import { Section, type ZSectionProps } from './ZParts'

/**
 * Tax by rate (net and tax, each rate opening its orders), less the tax refunded; the total row's
 * net is net sales less tax.
 */
export function TaxSection({ report, m, open }: ZSectionProps) {
  const { t } = useTranslation()
  return (
    <Section title={t('settlement.sections.tax')}>
      <table className="table">
        <TableHead
          columns={[
            { label: t('settlement.columns.rate') },
            { label: t('settlement.columns.net'), numeric: true },
            { label: t('settlement.columns.tax'), numeric: true }
          ]}
        />
        <tbody>
          {report.taxByRate.map((rate) => (
            <tr key={rate.rate}>
              <th scope="row">
                <button
                  type="button"
                  className="linkish"
                  onClick={open(`${rateToPercent(rate.rate)}%`, {
                    figure: 'sales',
                    taxRate: rate.rate
                  })}
                >
                  {rateToPercent(rate.rate)}%
                </button>
              </th>
              <td className="num">{m(rate.net)}</td>
              <td className="num">{m(rate.tax)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('settlement.figures.refundedTax')}</th>
            <td className="num">{m(-(report.refunds.amount - report.refunds.tax))}</td>
            <td className="num">{m(-report.refunds.tax)}</td>
          </tr>
          <tr className="figures__total">
            <th scope="row">{t('settlement.figures.taxTotal')}</th>
            <td className="num">{m(report.netSales - report.taxTotal)}</td>
            <td className="num">{m(report.taxTotal)}</td>
          </tr>
        </tbody>
      </table>
    </Section>
  )
}
