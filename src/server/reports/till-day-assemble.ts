import type { ZReport } from '@shared/contract/channels/settlement'
import { buildZReport, type SalesBucket } from '../../main/domain/reports/z-report'
import type { DayAnomaly } from './day-anomalies'
import type { Completeness, DayParts, LateEvent, TillDay, TillRow, WindowFigures } from './till-day'

/**
 * A till's day from its aggregates (pure): the report by the till's own `buildZReport`, the
 * late events' adjustments, and the completeness badge. Shared by the reference (`tillDay`) and
 * the consolidated report's SQL path (`day-sums.ts`), so the two differ only in how they sum.
 */
export function assembleTillDay(input: {
  till: TillRow
  date: string
  now: Date
  settledDay: { settledAt: string; settledBy: string | null; currency: string } | undefined
  cashRoundingMode: 'half-up' | 'down' | undefined
  /** Over the day and the late windows together. */
  figures: WindowFigures
  /** Over the late windows alone (null when there are none). */
  late: Omit<DayParts, 'adjustments'> | null
  currency: string
  openShifts: string[]
  quarantined: number
  lastShiftClosedAt: string | null
  lateEvents: LateEvent[]
  /** The till's zone for the day when not its store's (`tillZoneDiffering`), else null. */
  tillTimeZone: string | null
  /** Open anomalies that make the day's figures doubtful (`doubtfulAnomalies`). */
  anomalies: DayAnomaly[]
}): TillDay {
  const { till, date, now, settledDay, figures, late, currency, quarantined } = input
  const sum = (rows: SalesBucket[], pick: 'n' | 'total') => rows.reduce((s, row) => s + row[pick], 0)
  const parts: DayParts = {
    ...figures.parts,
    ...(input.cashRoundingMode === 'down' ? { cashRoundingMode: input.cashRoundingMode } : {}),
    adjustments: late
      ? {
          orderCount: sum(late.sales, 'n') - sum(late.voids, 'n'),
          netSales: sum(late.sales, 'total') - sum(late.voids, 'total') - late.refunds.amount
        }
      : { orderCount: 0, netSales: 0 }
  }
  const built = buildZReport({ date, currency, generatedAt: now.toISOString(), ...parts })
  const report: ZReport = settledDay
    ? {
        ...built,
        generatedAt: settledDay.settledAt,
        status: 'settled',
        settledAt: settledDay.settledAt,
        settledBy: settledDay.settledBy
      }
    : { ...built, status: 'open', settledAt: null, settledBy: null }
  const sold = figures.sold
  // Two histories of one till (a seq collision) put in doubt even a day the till settled.
  const reason: Completeness['reason'] = input.anomalies.length
    ? 'anomaly'
    : input.tillTimeZone
      ? 'zone-differs'
      : settledDay
        ? 'settled'
        : quarantined > 0
          ? 'quarantined'
          : !sold
            ? 'idle'
            : input.openShifts.length > 0
              ? 'shift-open'
              : 'shifts-closed'
  return {
    tillId: till.id,
    tillCode: till.code,
    label: till.label,
    report,
    late: input.lateEvents,
    parts,
    currency,
    completeness: {
      sold,
      complete: reason === 'settled' || reason === 'shifts-closed' || reason === 'idle',
      reason,
      openShifts: settledDay ? [] : input.openShifts,
      quarantined,
      tillTimeZone: input.tillTimeZone,
      anomalies: input.anomalies,
      lastShiftClosedAt: input.lastShiftClosedAt,
      highSeq: Number(till.high_seq),
      lastPushAt: till.last_push_at
    }
  }
}
