import { useTranslation } from 'react-i18next'
import { CheckCircle2, TriangleAlert } from 'lucide-react'
import { TableHead } from '@renderer/components/TableHead'
import type { ConsolidatedDayView, StoreDayView } from '@shared/hq-api/settlement'
import { useMoney } from '../../lib/money'
import { rowFigures } from './settlement-csv'

type Completeness = StoreDayView['tills'][number]['completeness']

/** Complete / incomplete, with why (the till's completeness reason) as its text. */
export function CompletenessBadge({ completeness }: { completeness: Completeness }) {
  const { t } = useTranslation()
  const why = t(`hq.settlement.reason.${completeness.reason}`, {
    shifts: completeness.openShifts.join(', '),
    count: completeness.quarantined
  })
  return (
    <span className={`badge${completeness.complete ? '' : ' badge--warn'}`} title={why}>
      {completeness.complete ? (
        <CheckCircle2 size={14} aria-hidden="true" />
      ) : (
        <TriangleAlert size={14} aria-hidden="true" />
      )}{' '}
      {completeness.complete ? t('hq.settlement.complete') : t('hq.settlement.incomplete')}
      <span className="hq-badge__why"> · {why}</span>
    </span>
  )
}

interface Props {
  day: ConsolidatedDayView
  /** Opens the orders of a store (tillId absent) or of one till. */
  onOrders: (storeId: string, tillId: string | null, scope: string) => void
}

/** Per till, per store and in total: the Z-report's figures, with a completeness badge per till. */
export function FiguresTable({ day, onOrders }: Props) {
  const { t } = useTranslation()
  const money = useMoney()
  const cells = (report: ConsolidatedDayView['totals'][number]) => {
    const f = rowFigures(report)
    return (
      <>
        <td className="num">{f.orders}</td>
        <td className="num">{money(f.sales, report.currency)}</td>
        <td className="num">{money(-f.voids, report.currency)}</td>
        <td className="num">{money(-f.refunds, report.currency)}</td>
        <td className="num strong">{money(f.netSales, report.currency)}</td>
        <td className="num">{money(f.tax, report.currency)}</td>
        <td className="num">{money(f.collected, report.currency)}</td>
      </>
    )
  }
  return (
    <div className="hq-table-wrap">
      <table className="table hq-table hq-figures">
        <TableHead
          columns={[
            { label: t('hq.settlement.columns.scope') },
            { label: t('hq.settlement.columns.status') },
            { label: t('hq.settlement.columns.orders'), numeric: true },
            { label: t('hq.settlement.columns.sales'), numeric: true },
            { label: t('hq.settlement.columns.voids'), numeric: true },
            { label: t('hq.settlement.columns.refunds'), numeric: true },
            { label: t('hq.settlement.columns.netSales'), numeric: true },
            { label: t('hq.settlement.columns.tax'), numeric: true },
            { label: t('hq.settlement.columns.collected'), numeric: true },
            { label: t('hq.settlement.columns.actions'), hidden: true }
          ]}
        />
        {day.stores.map((store) => (
          <tbody key={store.storeId} aria-label={store.name}>
            {store.tills.map((till) => (
              <tr key={till.tillId} data-till={till.tillCode}>
                <th scope="row">
                  {till.tillCode}
                  {till.late.length > 0 && (
                    <span className="muted" title={t('hq.settlement.late', { count: till.late.length })}>
                      {' '}
                      *
                    </span>
                  )}
                </th>
                <td>
                  <CompletenessBadge completeness={till.completeness} />
                </td>
                {cells(till.report)}
                <td>
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => onOrders(store.storeId, till.tillId, `${store.name} ${till.tillCode}`)}
                    aria-label={`${t('hq.settlement.viewOrders')} ${store.name} ${till.tillCode}`}
                  >
                    {t('hq.settlement.viewOrders')}
                  </button>
                </td>
              </tr>
            ))}
            <tr className="hq-figures__store" data-store={store.name}>
              <th scope="row">
                {store.name} · {t('hq.settlement.storeTotal')}
              </th>
              <td>
                <span className={`badge${store.complete ? '' : ' badge--warn'}`}>
                  {store.complete ? t('hq.settlement.complete') : t('hq.settlement.incomplete')}
                </span>
              </td>
              {cells(store.report)}
              <td>
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => onOrders(store.storeId, null, store.name)}
                  aria-label={`${t('hq.settlement.viewOrders')} ${store.name}`}
                >
                  {t('hq.settlement.viewOrders')}
                </button>
              </td>
            </tr>
          </tbody>
        ))}
        <tfoot>
          {day.totals.map((total) => (
            <tr key={total.currency} className="hq-figures__total">
              <th scope="row">{t('hq.settlement.total', { currency: total.currency })}</th>
              <td>
                <span className={`badge${day.complete ? '' : ' badge--warn'}`}>
                  {day.complete ? t('hq.settlement.complete') : t('hq.settlement.incomplete')}
                </span>
              </td>
              {cells(total)}
              <td />
            </tr>
          ))}
        </tfoot>
      </table>
    </div>
  )
}
