import { useTranslation } from 'react-i18next'
import type { HqAnomaly } from '@shared/hq-api/anomalies'
import { useDateTime } from '../../lib/time'
import { useAnomalySummary, useEventInfo } from './summary'

/**
 * One anomaly: severity, kind, store, what it is about, the tills (each a link to that till's
 * anomalies) and the events (each opens the event), first and last seen, and its resolution or
 * the Resolve button (`onResolve` absent: the reader may not resolve).
 */
export function AnomalyCard({
  anomaly,
  timeZone,
  onResolve,
  onOpenEvent
}: {
  anomaly: HqAnomaly
  timeZone: string | undefined
  onResolve?: () => void
  onOpenEvent: (event: HqAnomaly['events'][number]) => void
}) {
  const { t } = useTranslation()
  const dateTime = useDateTime()
  const summary = useAnomalySummary(() => timeZone)
  const info = useEventInfo()
  const titleId = `anomaly-${anomaly.key.replace(/[^a-zA-Z0-9_-]/g, '_')}`
  const a = anomaly
  return (
    <article className={`panel anomaly anomaly--${a.severity}`} aria-labelledby={titleId}>
      <header className="anomaly__header">
        <span className={`anomaly__severity anomaly__severity--${a.severity}`}>
          {t(`hq.anomalies.severities.${a.severity}`)}
        </span>
        <h2 id={titleId} className="anomaly__title">
          {t(`hq.anomalies.kinds.${a.kind}`)}
        </h2>
        <span className="anomaly__store">{a.storeName}</span>
        {onResolve && a.status === 'open' && (
          <button type="button" className="button anomaly__resolve" onClick={onResolve}>
            {t('hq.anomalies.resolve')}
          </button>
        )}
      </header>
      <p className="anomaly__summary">{summary(a)}</p>
      <div className="anomaly__meta">
        <span className="anomaly__tills" aria-label={t('hq.anomalies.tills')}>
          {a.tills.length === 0 && <span className="muted">{t('hq.anomalies.storeWide')}</span>}
          {a.tills.map((till) => (
            <a
              key={till.id}
              className="anomaly__till"
              href={`#/anomalies?till=${encodeURIComponent(till.id)}&status=${a.status}`}
              aria-label={t('hq.anomalies.showTill', { till: till.code })}
            >
              {till.code}
              {till.label ? ` · ${till.label}` : ''}
            </a>
          ))}
        </span>
        <span className="muted">
          {t('hq.anomalies.firstSeen', { time: dateTime(a.firstSeen, timeZone) })}
          {a.lastSeen !== a.firstSeen && (
            <> · {t('hq.anomalies.lastSeen', { time: dateTime(a.lastSeen, timeZone) })}</>
          )}
        </span>
      </div>
      {a.eventCount > 0 && (
        <details className="anomaly__events">
          <summary>{t('hq.anomalies.events', { count: a.eventCount })}</summary>
          <ul>
            {a.events.map((event) => (
              <li key={`${event.tillId}-${event.seq}`}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => onOpenEvent(event)}
                  aria-label={t('hq.anomalies.openEvent', { till: event.tillCode, seq: event.seq })}
                >
                  {t('hq.anomalies.event', { till: event.tillCode, seq: event.seq })}
                </button>
                <span className="muted"> {info(event.info)}</span>
              </li>
            ))}
          </ul>
          {a.eventCount > a.events.length && (
            <p className="muted">
              {t('hq.anomalies.eventsMore', { shown: a.events.length, total: a.eventCount })}
            </p>
          )}
        </details>
      )}
      {a.resolution && (
        <div className="anomaly__resolution" role="note">
          <strong>
            {a.resolution.userName
              ? t('hq.anomalies.resolvedBy', {
                  name: a.resolution.userName,
                  time: dateTime(a.resolution.at, timeZone)
                })
              : t('hq.anomalies.resolvedBySystem', { time: dateTime(a.resolution.at, timeZone) })}
          </strong>
          {a.resolution.note && (
            <p className="anomaly__note">
              {t('hq.anomalies.noteLabel')} {a.resolution.note}
            </p>
          )}
          {a.seenAfterResolution && <p className="badge badge--warn">{t('hq.anomalies.seenAgain')}</p>}
        </div>
      )}
    </article>
  )
}
