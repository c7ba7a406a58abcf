import { useTranslation } from 'react-i18next'
import { TableHead } from '../../../components/TableHead'
import { Section, sum, type ZSectionProps } from './ZParts'

/** Orders and sales by cashier after voids; a named cashier opens their orders. */
export function CashierSection({ report, m, open }: ZSectionProps) {
  const { t } = useTranslation()
  return (
    <Section title={t('settlement.sections.cashiers')}>
      <table className="table">
        <TableHead
          columns={[
            { label: t('settlement.columns.cashier') },
            { label: t('settlement.columns.orders'), numeric: true },
            { label: t('settlement.columns.sales'), numeric: true }
          ]}
        />
        <tbody>
          {report.byCashier.map((row) => (
            <tr key={row.userId ?? 'none'}>
              <th scope="row">
                {row.userId ? (
                  <button
                    type="button"
                    className="linkish"
                    onClick={open(row.name ?? row.userId, {
                      figure: 'sales',
                      cashierUserId: row.userId
                    })}
                  >
                    {row.name ?? row.userId}
                  </button>
                ) : (
                  t('settlement.noCashier')
                )}
              </th>
              <td className="num">{row.orders}</td>
              <td className="num">{m(row.sales)}</td>
            </tr>
          ))}
          <tr className="figures__total">
            <th scope="row">{t('settlement.figures.afterVoids')}</th>
            <td className="num">{sum(report.byCashier, (x) => x.orders)}</td>
            <td className="num">{m(sum(report.byCashier, (x) => x.sales))}</td>
          </tr>
        </tbody>
      </table>
    </Section>
  )
}
