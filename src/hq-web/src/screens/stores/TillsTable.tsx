import { offsetSeconds } from '../../lib/clock-offset'
import { useTranslation } from 'react-i18next'
import { TableHead } from '@renderer/components/TableHead'
import type { HqTill } from '@shared/hq-api/stores'
import { useDateTime, useDuration } from '../../lib/time'

/**
 * A store's tills as the sync last saw them: last push, app version, backlog the till reported,
 * age of its oldest unsynced event, clock offset. `now` is the head office's time of the answer.
 */
export function TillsTable({ tills, now, timeZone }: { tills: HqTill[]; now: string; timeZone: string }) {
  const { t } = useTranslation()
  const duration = useDuration()
  const dateTime = useDateTime()
  const ago = (iso: string | null) =>
    iso ? t('hq.stores.ago', { time: duration(Date.parse(now) - Date.parse(iso)) }) : t('hq.common.never')
  if (tills.length === 0) return <p className="muted">{t('hq.stores.noTills')}</p>
  return (
    <div className="hq-table-wrap">
      <table className="table hq-table">
        <TableHead
          columns={[
            { label: t('hq.stores.columns.till') },
            { label: t('hq.stores.columns.lastSeen') },
            { label: t('hq.stores.columns.version') },
            { label: t('hq.stores.columns.backlog'), numeric: true },
            { label: t('hq.stores.columns.oldest') },
            { label: t('hq.stores.columns.offset'), numeric: true },
            { label: t('hq.stores.columns.status') }
          ]}
        />
        <tbody>
          {tills.map((till) => (
            <tr key={till.id}>
              <th scope="row">
                {till.code}
                {till.label && <span className="muted"> · {till.label}</span>}
              </th>
              <td title={till.lastSeenAt ? dateTime(till.lastSeenAt, timeZone) : undefined}>
                {ago(till.lastSeenAt)}
              </td>
              <td>{till.appVersion ?? t('hq.common.none')}</td>
              <td className="num">{till.backlog ?? t('hq.common.none')}</td>
              <td>{till.oldestUnsyncedAt ? ago(till.oldestUnsyncedAt) : t('hq.common.none')}</td>
              <td className="num">
                {till.clockOffsetMs === null
                  ? t('hq.common.none')
                  : t('hq.stores.offsetValue', { seconds: offsetSeconds(till.clockOffsetMs) })}
              </td>
              <td>{t(`hq.stores.status.${till.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
