import type { ZReport } from '@shared/contract/channels/settlement'
import type { HqDatabase, SqlValue } from '../db/types'
import { HELD_EVENTS } from '../push/held-events'
import { windowsOf, type LateEvent, type Window } from './day-windows'
import { tillZoneDiffering } from './till-zone'
import { doubtfulAnomalies } from './day-anomalies'
import { lastCurrency, type TillDay, type TillRow } from './till-day'
import { assembleTillDay } from './till-day-assemble'
import { Acc, partsOf, type TillWindows } from './sums/acc'
import { cashMoveSums, shiftSums } from './sums/cash'
import { lateOf } from './sums/late'
import { refundSums } from './sums/refunds'
import { salesSums } from './sums/sales'

/**
 * The consolidated report's fast path: every till of a store at once, its day summed in SQL over
 * the projections (migration 0014) instead of re-reading each order's JSON. The windows, the
 * aggregates' shapes and the assembly are the reference's (`tillDay`): only where the sums are
 * taken differs, and `hq-report-property.test.ts` holds the two equal on random multi-till days.
 * The statements of each figure family are in `sums/` (sales, refunds, cash, late events).
 */

/** Tills per statement: keeps the windows' parameters well under both engines' limits. */
const CHUNK = 500

/**
 * Every till's day of one store (`tills`, in the order given) for `date` in `timeZone`: the same
 * `TillDay` objects `tillDay` builds one by one, from a fixed number of grouped statements per
 * 500 tills. Reads only.
 */
export async function storeTillDays(
  db: HqDatabase,
  storeId: string,
  tills: readonly TillRow[],
  date: string,
  timeZone: string,
  now: Date
): Promise<TillDay[]> {
  const settledByTill = new Map<string, TillWindows['settled']>()
  // As `tillDay`: the first close of a day received stands (a restored till's may come second).
  for (const row of await db.query<{ till_id: string; payload: string }>(
    `SELECT h.till_id, h.payload FROM ${HELD_EVENTS} h WHERE h.store_id = ? AND h.type = 'settlement.day_closed'
     ORDER BY h.received_at, h.seq`,
    [storeId]
  )) {
    const z = JSON.parse(row.payload) as ZReport
    if (!z.date || !z.settledAt || settledByTill.get(row.till_id)?.has(z.date)) continue
    const map = settledByTill.get(row.till_id) ?? new Map()
    map.set(z.date, {
      settledAt: z.settledAt,
      settledBy: z.settledBy,
      currency: z.currency,
      ...(z.cashRoundingMode ? { cashRoundingMode: z.cashRoundingMode } : {})
    })
    settledByTill.set(row.till_id, map)
  }
  // Each till's last store profile, as `cashRoundingModeOf` reads it one till at a time.
  // (held events and applied collisions in the order received: the last one wins).
  const profiles = new Map<string, { mode: 'half-up' | 'down' | undefined }>()
  for (const row of await db.query<{ till_id: string; payload: string }>(
    `SELECT h.till_id, h.payload FROM ${HELD_EVENTS} h WHERE h.store_id = ? AND h.type = 'settings.updated'
     ORDER BY h.received_at, h.seq, h.source`,
    [storeId]
  )) {
    const mode = (JSON.parse(row.payload) as { cashRoundingMode?: unknown }).cashRoundingMode
    profiles.set(row.till_id, { mode: mode === 'down' || mode === 'half-up' ? mode : undefined })
  }
  const out: TillDay[] = []
  for (let at = 0; at < tills.length; at += CHUNK) {
    const chunk = tills.slice(at, at + CHUNK).map((till): TillWindows => {
      const settled = settledByTill.get(till.id) ?? new Map()
      const asOf = settled.get(date)?.settledAt ?? null
      const w = windowsOf(date, asOf, timeZone, (d) => settled.get(d)?.settledAt ?? null)
      return { till, settled, mode: profiles.get(till.id)?.mode, main: w.main, late: w.late }
    })
    out.push(...(await chunkDays(db, storeId, chunk, date, timeZone, now)))
  }
  return out
}

async function chunkDays(
  db: HqDatabase,
  storeId: string,
  tills: TillWindows[],
  date: string,
  timeZone: string,
  now: Date
): Promise<TillDay[]> {
  const params: SqlValue[] = []
  const values: string[] = []
  const accs = new Map<string, Acc[]>()
  for (const t of tills) {
    const windows = [t.main, ...t.late]
    accs.set(
      t.till.id,
      windows.map(() => new Acc())
    )
    windows.forEach((w, k) => {
      values.push('(?, ?, ?, ?)')
      params.push(t.till.id, String(k), w.from, w.to)
    })
  }
  const w = `WITH w (till_id, k, f, t) AS (VALUES ${values.join(', ')}) `
  const q = <T>(sql: string, extra: SqlValue[] = []) => db.query<T>(w + sql, [...params, ...extra])
  // Each statement also names the store and the span of all windows, so the engine reads the
  // rows of those hours through the (store, time) indexes and only then sorts them into windows.
  const span = (windows: Window[]) => ({
    lo: windows.reduce((x, win) => (win.from < x ? win.from : x), '9'),
    hi: windows.reduce((x, win) => (win.to > x ? win.to : x), '')
  })
  const { lo, hi } = span(tills.flatMap((t) => [t.main, ...t.late]))
  const late = span(tills.flatMap((t) => t.late))
  const qs = <T>(sql: string) => q<T>(sql, [storeId, lo, hi])
  const acc = (row: { till_id: string; k: string }) => accs.get(row.till_id)![Number(row.k)]!
  // Independent statements, run side by side (PostgreSQL's pool; SQLite serialises them).
  const sums: Array<Promise<void>> = [...salesSums(qs, acc), refundSums(qs, acc), shiftSums(qs, acc)]

  // Completeness: shifts still open at the day's end, the last close before it, quarantined events.
  const [open, lastClosed, quarantined, lateRows] = await Promise.all([
    q<{ till_id: string; number: string | null; shift_id: string }>(
      `SELECT w.till_id, s.number, s.shift_id FROM w JOIN hq_shifts s
         ON s.till_id = w.till_id AND s.opened_at < w.t AND s.store_id = ? AND s.closed_at IS NULL
       WHERE w.k = '0' ORDER BY w.till_id, s.opened_at`,
      [storeId]
    ).then((rows) => {
      const out = new Map<string, string[]>()
      for (const row of rows)
        out.set(row.till_id, [...(out.get(row.till_id) ?? []), row.number ?? row.shift_id])
      return out
    }),
    q<{ till_id: string; at: string | null }>(
      `SELECT w.till_id, MAX(s.closed_at) AS at FROM w JOIN hq_shifts s
         ON s.till_id = w.till_id AND s.closed_at < w.t
       WHERE w.k = '0' GROUP BY w.till_id`
    ).then((rows) => new Map(rows.map((row) => [row.till_id, row.at]))),
    db
      .query<{ till_id: string; n: number }>(
        // A restored till's events the head office could not apply count as its own do.
        `SELECT till_id, COUNT(*) AS n FROM (
           SELECT till_id FROM events WHERE store_id = ? AND status = 'quarantined'
           UNION ALL SELECT till_id FROM event_collisions WHERE store_id = ? AND status = 'quarantined'
         ) q GROUP BY till_id`,
        [storeId, storeId]
      )
      .then((rows) => new Map(rows.map((row) => [row.till_id, Number(row.n)]))),
    // The late tails only (the evenings after earlier settlements): their own, much shorter span.
    tills.some((t) => t.late.length)
      ? lateOf(<T>(sql: string) => q<T>(sql, [storeId, late.lo, late.hi]), timeZone)
      : new Map<string, LateEvent[]>(),
    ...sums,
    cashMoveSums(db, storeId, tills, accs)
  ])

  const days: TillDay[] = []
  for (const t of tills) {
    const windows = accs.get(t.till.id)!
    const figures = partsOf(windows, () => true)
    const settledDay = t.settled.get(date)
    days.push(
      assembleTillDay({
        till: t.till,
        date,
        now,
        settledDay,
        cashRoundingMode: settledDay ? settledDay.cashRoundingMode : t.mode,
        figures,
        late: t.late.length ? partsOf(windows, (k) => k > 0).parts : null,
        currency: settledDay?.currency ?? figures.currency ?? (await lastCurrency(db, t.till.id)),
        openShifts: open.get(t.till.id) ?? [],
        quarantined: quarantined.get(t.till.id) ?? 0,
        lastShiftClosedAt: lastClosed.get(t.till.id) ?? null,
        lateEvents: (lateRows.get(t.till.id) ?? []).sort(
          (a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id)
        ),
        tillTimeZone: await tillZoneDiffering(db, t.till.id, timeZone),
        anomalies: await doubtfulAnomalies(db, t.till.id, t.main)
      })
    )
  }
  return days
}
