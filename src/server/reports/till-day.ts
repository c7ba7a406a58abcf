import type { ZReport } from '@shared/contract/channels/settlement'
import type { DayFigures } from '../../main/domain/reports/z-report'
import type { HqDatabase } from '../db/types'
import { HELD_EVENTS, lastProfile } from '../push/held-events'
import { doubtfulAnomalies, type DayAnomaly } from './day-anomalies'
import { lateEvents, windowsOf, type LateEvent } from './day-windows'
import { tillZoneDiffering } from './till-zone'
import { assembleTillDay } from './till-day-assemble'
import { partsOf } from './till-day-parts'

export type { LateEvent, Window } from './day-windows'

/** The figures of a day a Z-report is built from, without the report's own header fields. */
export type DayParts = Omit<DayFigures, 'date' | 'currency' | 'generatedAt' | 'topProducts'>

/** Whether the head office holds all of a till's day: see `tillDay`. */
export interface Completeness {
  /** The till sold, voided or refunded something in the day (only those tills count). */
  sold: boolean
  complete: boolean
  /**
   * `settled` (the till closed the day and it arrived), `shifts-closed`, `idle`, or why not:
   * `zone-differs` when the till keeps its days in another time zone than its store's now
   * (`tillTimeZone`, its latest store profile), so the figures here, cut in the store's zone, are
   * not its Z-report's. A day sold under another zone by a till that has since taken its store's
   * is not: the till recomputes it in the store's zone (`tillZoneDiffering`). `anomaly` when an
   * open anomaly that makes the figures doubtful touches the day (`anomalies`, `doubtfulAnomalies`):
   * it needs review even when the till settled it.
   */
  reason: 'settled' | 'shifts-closed' | 'idle' | 'shift-open' | 'quarantined' | 'zone-differs' | 'anomaly'
  /** The open anomalies that make this day's figures doubtful (a seq collision), by id. */
  anomalies: DayAnomaly[]
  /** The till's current time zone when it differs from its store's, else null. */
  tillTimeZone: string | null
  /** Shift numbers opened before the day's end whose close has not reached the head office. */
  openShifts: string[]
  quarantined: number
  lastShiftClosedAt: string | null
  highSeq: number
  lastPushAt: string | null
}

export interface TillDay {
  tillId: string
  tillCode: string
  label: string | null
  /** The same object the till's `kassa report day --json` prints for the day. */
  report: ZReport
  completeness: Completeness
  /** The events behind `report.adjustments` (and late refunds), oldest first. */
  late: LateEvent[]
  /** What the report is built from, for the store's and the chain's sums. */
  parts: DayParts
  currency: string
}

/**
 * One till's Z-report for `date` (the store's local date in `timeZone`), from the events it
 * pushed, with the till's own definitions (`settlement-service.ts`): a money event belongs to the
 * first business day, from its own, that the till had not settled when it happened. So a sale
 * made after the till closed its day — and pushed whenever — is posted to the next open day as an
 * adjustment, keeping its own time; a day the till settled is cut at its settlement. The figures
 * are built by the till's own pure `buildZReport`, so they equal the till's report by construction
 * of the same aggregates (minor units throughout).
 */
export async function tillDay(
  db: HqDatabase,
  till: TillRow,
  date: string,
  timeZone: string,
  now: Date
): Promise<TillDay> {
  const settled = new Map<
    string,
    { settledAt: string; settledBy: string | null; currency: string; cashRoundingMode?: 'half-up' | 'down' }
  >()
  // A restored till may close a day the head office already holds closed by the history it lost:
  // the first close received stands (a settled day never changes), a later one is only kept.
  for (const row of await db.query<{ payload: string }>(
    `SELECT h.payload FROM ${HELD_EVENTS} h WHERE h.till_id = ? AND h.type = 'settlement.day_closed'
     ORDER BY h.received_at, h.seq`,
    [till.id]
  )) {
    const z = JSON.parse(row.payload) as ZReport
    if (z.date && z.settledAt && !settled.has(z.date))
      settled.set(z.date, {
        settledAt: z.settledAt,
        settledBy: z.settledBy,
        currency: z.currency,
        ...(z.cashRoundingMode ? { cashRoundingMode: z.cashRoundingMode } : {})
      })
  }
  const asOf = settled.get(date)?.settledAt ?? null
  const windows = windowsOf(date, asOf, timeZone, (d) => settled.get(d)?.settledAt ?? null)
  const figures = await partsOf(db, till.id, [windows.main, ...windows.late], timeZone)
  const late = windows.late.length ? await partsOf(db, till.id, windows.late, timeZone) : null
  const open = await db.query<{ number: string | null; shift_id: string }>(
    'SELECT number, shift_id FROM hq_shifts WHERE till_id = ? AND opened_at < ? AND closed_at IS NULL ORDER BY opened_at',
    [till.id, windows.main.to]
  )
  const [quarantine] = await db.query<{ n: number }>(
    `SELECT (SELECT COUNT(*) FROM events WHERE till_id = ? AND status = 'quarantined')
       + (SELECT COUNT(*) FROM event_collisions WHERE till_id = ? AND status = 'quarantined') AS n`,
    [till.id, till.id]
  )
  const [last] = await db.query<{ at: string | null }>(
    'SELECT MAX(closed_at) AS at FROM hq_shifts WHERE till_id = ? AND closed_at < ?',
    [till.id, windows.main.to]
  )
  return assembleTillDay({
    till,
    date,
    now,
    settledDay: settled.get(date),
    // The cash rounding mode the till's report shows: as frozen when it settled the day, else the
    // till's setting now — the last store profile it sent. Said only for 抹零, as the till says it.
    cashRoundingMode: settled.has(date)
      ? settled.get(date)!.cashRoundingMode
      : await cashRoundingModeOf(db, till.id),
    figures,
    late: late?.parts ?? null,
    currency: settled.get(date)?.currency ?? figures.currency ?? (await lastCurrency(db, till.id)),
    openShifts: open.map((s) => s.number ?? s.shift_id),
    quarantined: Number(quarantine?.n ?? 0),
    lastShiftClosedAt: last?.at ?? null,
    lateEvents: await lateEvents(db, till.id, windows.late, timeZone),
    tillTimeZone: await tillZoneDiffering(db, till.id, timeZone),
    anomalies: await doubtfulAnomalies(db, till.id, windows.main)
  })
}

export type TillRow = {
  id: string
  code: string
  label: string | null
  high_seq: number
  last_push_at: string | null
}

/** A till's day figures over its windows (the day and the tails of settled days before it). */
export interface WindowFigures {
  parts: Omit<DayParts, 'adjustments'>
  /** The till sold, voided or refunded something in the windows. */
  sold: boolean
  currency: string | null
}

/** The cash rounding mode of the till's last store profile (`settings.updated`, `lastProfile`), if it sent one. */
export async function cashRoundingModeOf(
  db: HqDatabase,
  tillId: string
): Promise<'half-up' | 'down' | undefined> {
  const profile = await lastProfile(db, tillId)
  if (!profile) return undefined
  const mode = (JSON.parse(profile) as { cashRoundingMode?: unknown }).cashRoundingMode
  return mode === 'down' || mode === 'half-up' ? mode : undefined
}

export async function lastCurrency(db: HqDatabase, tillId: string): Promise<string> {
  const [row] = await db.query<{ currency: string }>(
    'SELECT currency FROM hq_orders WHERE till_id = ? ORDER BY paid_at DESC LIMIT 1',
    [tillId]
  )
  // The till's default currency when it has never sold.
  return row?.currency ?? 'CNY'
}
