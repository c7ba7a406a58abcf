import { useTranslation } from 'react-i18next'
import { TableHead } from '../../../components/TableHead'
import { Section, sum, type ZSectionProps } from './ZParts'

/** Sales, refunds and net by tender method, with their totals. */
export function TenderSection({ report, m }: Omit<ZSectionProps, 'open'>) {
  const { t } = useTranslation()
  return (
    <Section title={t('settlement.sections.tenderTable')}>
      <table className="table">
        <TableHead
          columns={[
            { label: t('settlement.columns.method') },
            { label: t('settlement.columns.sales'), numeric: true },
            { label: t('settlement.columns.refunds'), numeric: true },
            { label: t('settlement.columns.netAmount'), numeric: true }
          ]}
        />
        <tbody>
          {report.tenders.map((tender) => (
            <tr key={tender.method}>
              <th scope="row">{t(`settlement.methods.${tender.method}`, { defaultValue: tender.method })}</th>
              <td className="num">{m(tender.sales)}</td>
              <td className="num">{m(-tender.refunds)}</td>
              <td className="num">{m(tender.net)}</td>
            </tr>
          ))}
          <tr className="figures__total">
            <th scope="row">{t('settlement.figures.tendersTotal')}</th>
            <td className="num">{m(sum(report.tenders, (x) => x.sales))}</td>
            <td className="num">{m(-sum(report.tenders, (x) => x.refunds))}</td>
            <td className="num">{m(sum(report.tenders, (x) => x.net))}</td>
          </tr>
        </tbody>
      </table>
    </Section>
  )
}
