import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Dialog } from '@renderer/components/Dialog'
import { hqApi } from '@shared/hq-api/index'
import type { RouteResult } from '@shared/hq-api/route'
import { call } from '../../api/client'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useDateTime } from '../../lib/time'

type HeldEvent = RouteResult<typeof hqApi.anomalies.event>

const pretty = (payload: string) => {
  try {
    return JSON.stringify(JSON.parse(payload), null, 2)
  } catch {
    return payload
  }
}

/** One event as the head office holds it: type, times, status and reason, its content, other copies. */
export function EventDialog({
  tillId,
  tillCode,
  seq,
  timeZone,
  onClose
}: {
  tillId: string
  tillCode: string
  seq: number
  timeZone: string | undefined
  onClose: () => void
}) {
  const { t } = useTranslation()
  const dateTime = useDateTime()
  const [event, setEvent] = useState<HeldEvent | null>(null)
  const [error, setError] = useState<unknown>(null)
  useEffect(() => {
    call(hqApi.anomalies.event, { tillId, seq }).then(setEvent, setError)
  }, [tillId, seq])

  return (
    <Dialog
      title={t('hq.anomalies.eventDialog.title', { till: tillCode, seq })}
      open
      onClose={onClose}
      size="wide"
    >
      <ErrorNotice error={error} />
      {event && (
        <div className="anomaly-event">
          <dl className="anomaly-event__facts">
            <dt>{t('hq.anomalies.eventDialog.type')}</dt>
            <dd>
              <code>{event.type}</code> v{event.version}
            </dd>
            <dt>{t('hq.anomalies.eventDialog.at')}</dt>
            <dd>{dateTime(event.at, timeZone)}</dd>
            <dt>{t('hq.anomalies.eventDialog.received')}</dt>
            <dd>{dateTime(event.receivedAt, timeZone)}</dd>
            <dt>{t('hq.anomalies.eventDialog.status')}</dt>
            <dd>{t(`hq.anomalies.eventDialog.statuses.${event.status}`, { defaultValue: event.status })}</dd>
            {event.reason && (
              <>
                <dt>{t('hq.anomalies.eventDialog.reason')}</dt>
                <dd>{event.reason}</dd>
              </>
            )}
          </dl>
          <h3 className="anomaly-event__heading">{t('hq.anomalies.eventDialog.payload')}</h3>
          <pre className="anomaly-event__payload" tabIndex={0}>
            {pretty(event.payload)}
          </pre>
          {event.collisions.length > 0 && (
            <>
              <h3 className="anomaly-event__heading">{t('hq.anomalies.eventDialog.collisions')}</h3>
              {event.collisions.map((copy) => (
                <pre key={copy.eventId} className="anomaly-event__payload" tabIndex={0}>
                  {pretty(copy.payload)}
                </pre>
              ))}
            </>
          )}
        </div>
      )}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('hq.anomalies.eventDialog.close')}
        </button>
      </div>
    </Dialog>
  )
}
