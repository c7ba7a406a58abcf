import { useTranslation } from 'react-i18next'
import { Fragment } from 'react'
import { CheckCircle2, History, ListOrdered, TriangleAlert } from 'lucide-react'
import { TableHead } from '@renderer/components/TableHead'
import type { ConsolidatedDayView, StoreDayView } from '@shared/hq-api/settlement'
import { useMoney } from '../../lib/money'
import { anomalyKinds, rowFigures } from './settlement-csv'

type Completeness = StoreDayView['tills'][number]['completeness']

/** Complete / incomplete, with why (the till's completeness reason) as its text. */
export function CompletenessBadge({ completeness }: { completeness: Completeness }) {
  const { t } = useTranslation()
  const why = t(`hq.settlement.reason.${completeness.reason}`, {
    shifts: completeness.openShifts.join(', '),
    count: completeness.quarantined,
    zone: completeness.tillTimeZone ?? '',
    kinds: anomalyKinds(completeness, t)
  })
  const review = completeness.reason === 'anomaly'
  return (
    <>
      <span className={`badge hq-badge${completeness.complete ? ' hq-badge--ok' : ' badge--warn'}`}>
        {completeness.complete ? (
          <CheckCircle2 size={14} aria-hidden="true" />
        ) : (
          <TriangleAlert size={14} aria-hidden="true" />
        )}{' '}
        {review
          ? t('hq.settlement.review')
          : completeness.complete
            ? t('hq.settlement.complete')
            : t('hq.settlement.incomplete')}
      </span>
      <span className="hq-badge__why">{why}</span>
    </>
  )
}

/** The row's name, which opens its orders (the name says so to screen readers too). */
function OrdersButton({ label, onClick }: { label: string; onClick: () => void }) {
  const { t } = useTranslation()
  return (
    <button type="button" className="linkish hq-orders-link" onClick={onClick} title={label}>
      <span className="hq-long-name">{label}</span>
      <ListOrdered size={14} aria-hidden="true" />
      <span className="visually-hidden"> · {t('hq.settlement.viewOrders')}</span>
    </button>
  )
}

type TillView = StoreDayView['tills'][number]

/**
 * Under a restored till's row: its figures hold, besides its own Z-report, the sales of the history
 * it lost in the restore (the head office counts both); the two parts, and where the collision is.
 */
function RestoredNote({ till, colSpan }: { till: TillView; colSpan: number }) {
  const { t } = useTranslation()
  const money = useMoney()
  if (!till.restored) return null
  const c = till.report.currency
  const f = rowFigures(till.report)
  return (
    <tr className="hq-figures__note" data-restored={till.tillCode}>
      <td colSpan={colSpan}>
        <History size={14} aria-hidden="true" />{' '}
        {t('hq.settlement.restored', {
          nowOrders: f.orders - till.restored.orders,
          nowTotal: money(f.netSales - till.restored.total, c),
          beforeOrders: till.restored.orders,
          beforeTotal: money(till.restored.total, c)
        })}{' '}
        <a
          className="hq-no-print"
          href={`#/anomalies?kind=seq-collision&till=${encodeURIComponent(till.tillId)}`}
        >
          {t('hq.settlement.restoredLink')}
        </a>
      </td>
    </tr>
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
        <td className="num">{money(f.voids, report.currency)}</td>
        <td className="num">{money(f.refunds, report.currency)}</td>
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
            { label: t('hq.settlement.columns.collected'), numeric: true }
          ]}
        />
        {day.stores.map((store) => (
          <tbody key={store.storeId} aria-label={store.name}>
            {store.tills.map((till) => (
              <Fragment key={till.tillId}>
                <tr data-till={till.tillCode}>
                  <th scope="row">
                    <OrdersButton
                      label={till.tillCode}
                      onClick={() => onOrders(store.storeId, till.tillId, `${store.name} ${till.tillCode}`)}
                    />
                    {till.late.length > 0 && (
                      <span className="hq-badge__why">
                        {t('hq.settlement.late', { count: till.late.length })}
                      </span>
                    )}
                  </th>
                  <td>
                    <CompletenessBadge completeness={till.completeness} />
                  </td>
                  {cells(till.report)}
                </tr>
                <RestoredNote till={till} colSpan={9} />
              </Fragment>
            ))}
            <tr className="hq-figures__store" data-store={store.name}>
              <th scope="row">
                <OrdersButton
                  label={`${store.name} · ${t('hq.settlement.storeTotal')}`}
                  onClick={() => onOrders(store.storeId, null, store.name)}
                />
              </th>
              <td>
                <span className={`badge hq-badge${store.complete ? ' hq-badge--ok' : ' badge--warn'}`}>
                  {store.complete ? t('hq.settlement.complete') : t('hq.settlement.incomplete')}
                </span>
              </td>
              {cells(store.report)}
            </tr>
          </tbody>
        ))}
        <tfoot>
          {day.totals.map((total) => (
            <tr key={total.currency} className="hq-figures__total">
              <th scope="row">{t('hq.settlement.total', { currency: total.currency })}</th>
              <td>
                <span className={`badge hq-badge${day.complete ? ' hq-badge--ok' : ' badge--warn'}`}>
                  {day.complete ? t('hq.settlement.complete') : t('hq.settlement.incomplete')}
                </span>
              </td>
              {cells(total)}
            </tr>
          ))}
        </tfoot>
      </table>
    </div>
  )
}
