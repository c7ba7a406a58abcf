import { useTranslation } from 'react-i18next'
import type { HqAnomaly } from '@shared/hq-api/anomalies'
import { useDateTime, useDuration } from '../../lib/time'

const str = (value: unknown) => (value === null || value === undefined ? '—' : String(value))

/** One sentence saying what an anomaly is about, from its kind-specific detail (times in the store's zone). */
export function useAnomalySummary(timeZoneOf: (storeId: string) => string | undefined) {
  const { t } = useTranslation()
  const duration = useDuration()
  const dateTime = useDateTime()
  return (a: HqAnomaly): string => {
    const d = a.detail
    switch (a.kind) {
      case 'receipt-gap':
        return t(
          Number(d['missing'] ?? 0) === 1 || d['firstMissing'] === d['lastMissing']
            ? 'hq.anomalies.summary.receipt-gap-one'
            : 'hq.anomalies.summary.receipt-gap',
          {
            first: str(d['firstMissing']),
            last: str(d['lastMissing']),
            count: Number(d['to']) - Number(d['from']) + 1,
            before: str(d['before']),
            after: str(d['after'])
          }
        )
      case 'seq-collision': {
        // Receipt numbers a different sale re-used after the restore: the detail names them all;
        // each event (the first 50 come here) names its own.
        const named = Array.isArray(d['reusedNumbers']) ? (d['reusedNumbers'] as unknown[]) : []
        const fromEvents = a.events.map((e) => e.info['number'])
        const numbers = [
          ...new Set([...named, ...fromEvents].filter((n): n is string => typeof n === 'string'))
        ]
        const params = { count: a.eventCount, seq: str(a.events[0]?.seq ?? d['firstSeq'] ?? d['seq']) }
        return numbers.length > 0
          ? t('hq.anomalies.summary.seq-collision-numbers', { ...params, numbers: numbers.join(', ') })
          : t('hq.anomalies.summary.seq-collision', params)
      }
      case 'coupon-over-limit':
      case 'coupon-overuse':
        return t(`hq.anomalies.summary.${a.kind}`, {
          code: str(d['code']),
          // The over-limit sentence counts its uses ("used once" / "used 3 times").
          count: Number(d['uses'] ?? 0),
          uses: str(d['uses']),
          limit: str(d['usageLimit']),
          allotment: str(d['allotment'])
        })
      case 'late-event':
        return t('hq.anomalies.summary.late-event', {
          count: a.eventCount,
          date: str(d['originalDate']),
          settledAt:
            typeof d['settledAt'] === 'string' ? dateTime(d['settledAt'], timeZoneOf(a.storeId)) : '—',
          postedTo: str(d['postedTo'])
        })
      case 'quarantined':
        return t('hq.anomalies.summary.quarantined', {
          count: a.eventCount,
          type: str(d['type']),
          reason: str(d['reason'])
        })
      case 'zone-differs':
        // `caughtUpAt`: the till has since taken its store's zone and reports those days in it.
        return t(
          d['caughtUpAt']
            ? 'hq.anomalies.summary.zone-differs-caught-up'
            : 'hq.anomalies.summary.zone-differs',
          {
            tillZone: str(d['tillTimeZone']),
            storeZone: str(d['storeTimeZone'])
          }
        )
      case 'clock-skew': {
        const skew = Number(d['skewMs'] ?? 0)
        return t(
          skew >= 0 ? 'hq.anomalies.summary.clock-skew-ahead' : 'hq.anomalies.summary.clock-skew-behind',
          {
            amount: duration(skew)
          }
        )
      }
    }
  }
}

/** What one event contributes to its anomaly, in a few words. */
export function useEventInfo() {
  const { t } = useTranslation()
  return (info: Record<string, unknown>): string => {
    if (typeof info['reason'] === 'string') return info['reason']
    if (typeof info['postedTo'] === 'string')
      return t('hq.anomalies.info.late', {
        kind: t(`hq.anomalies.info.lateKinds.${str(info['kind'])}`),
        number: str(info['number']),
        date: str(info['originalDate']),
        postedTo: info['postedTo']
      })
    if (typeof info['number'] === 'string')
      return [
        t('hq.anomalies.info.number', { number: info['number'] }),
        info['arrivedLater'] ? t('hq.anomalies.info.arrivedLater') : ''
      ]
        .filter(Boolean)
        .join(' · ')
    if (info['copy'] === 'received') return [str(info['type']), t('hq.anomalies.info.received')].join(' · ')
    if (typeof info['code'] === 'string') return t('hq.anomalies.info.code', { code: info['code'] })
    return ''
  }
}
