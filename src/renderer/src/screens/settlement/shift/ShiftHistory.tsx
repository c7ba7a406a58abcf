import { useTranslation } from 'react-i18next'
import type { ShiftView } from '@shared/contract/channels/shifts'
import { TableHead } from '../../../components/TableHead'
import { useMoney } from '../../../lib/money'
import { useResult, useTime } from './shift-hooks'

/**
 * The till's last shifts (`shifts:list`): opened, closed, expected, counted and the result. An open
 * shift's expected cash stays hidden from someone who counts blind and does not supervise.
 */
export function ShiftHistory({
  history,
  blind,
  supervises
}: {
  history: ShiftView[]
  blind: boolean
  supervises: boolean
}) {
  const { t } = useTranslation()
  const money = useMoney()
  const result = useResult()
  const time = useTime()
  return (
    <section className="shift-history" aria-labelledby="shift-history-title">
      <h2 id="shift-history-title" className="section-title">
        {t('shift.history')}
      </h2>
      <table className="table">
        <TableHead
          columns={[
            { label: t('shift.columns.number') },
            { label: t('shift.columns.opened') },
            { label: t('shift.columns.closed') },
            { label: t('shift.columns.expected'), numeric: true },
            { label: t('shift.columns.counted'), numeric: true },
            { label: t('shift.columns.result') }
          ]}
        />
        <tbody>
          {history.map((row) => (
            <tr key={row.id}>
              <th scope="row">
                {row.number}
                {row.kind === 'rescue' && <span className="pill"> {t('shift.kinds.rescue')}</span>}
              </th>
              <td>{time(row.openedAt)}</td>
              <td>{time(row.closedAt)}</td>
              <td className="num">
                {row.drawer === null || (row.status === 'open' && blind && !supervises)
                  ? '—'
                  : money(row.drawer.expected, row.currency)}
              </td>
              <td className="num">{row.counted === null ? '—' : money(row.counted, row.currency)}</td>
              <td className={row.overShort ? 'shift-result shift-result--off' : 'shift-result'}>
                {result(row.overShort, row.currency)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
