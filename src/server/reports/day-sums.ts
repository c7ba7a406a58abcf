import type { ZReport } from '@shared/contract/channels/settlement'
import type { LineBucket, MethodSum, SalesBucket } from '../../main/domain/reports/z-report'
import type { HqDatabase, SqlValue } from '../db/types'
import { HELD_EVENTS } from '../push/held-events'
import { localDate } from '../clock'
import { windowsOf, type LateEvent, type Window } from './day-windows'
import { tillZoneDiffering } from './till-zone'
import {
  assembleTillDay,
  lastCurrency,
  type DayParts,
  type TillDay,
  type TillRow,
  type WindowFigures
} from './till-day'

/**
 * The consolidated report's fast path: every till of a store at once, its day summed in SQL over
 * the projections (migration 0014) instead of re-reading each order's JSON. The windows, the
 * aggregates' shapes and the assembly are the reference's (`tillDay`): only where the sums are
 * taken differs, and `hq-report-property.test.ts` holds the two equal on random multi-till days.
 */

/** Tills per statement: keeps the windows' parameters well under both engines' limits. */
const CHUNK = 500

interface TillWindows {
  till: TillRow
  settled: Map<
    string,
    { settledAt: string; settledBy: string | null; currency: string; cashRoundingMode?: 'half-up' | 'down' }
  >
  /** The till's cash rounding mode now: its last store profile's (`settings.updated`), if any. */
  mode: 'half-up' | 'down' | undefined
  main: Window
  late: Window[]
}

/** Per till, per window (0 = the day, 1… = the late tails): what `partsOf` collects. */
class Acc {
  sales: SalesBucket[] = []
  voids: SalesBucket[] = []
  saleLines = new Map<string, LineBucket>()
  voidLines = new Map<string, LineBucket>()
  refundLines = new Map<string, LineBucket>()
  saleTenders: MethodSum[] = []
  voidTenders: MethodSum[] = []
  refundTenders = new Map<string, number>()
  refunds = { n: 0, orders: 0, amount: 0, tax: 0, rounding: 0 }
  moves = new Map<string, number>()
  shifts: Array<ZReport['cash']['shifts'][number] & { window: number }> = []
  cashierNames = new Map<string, string>()
  /** The first currency of the window's sales, else of its voids (as the reference meets them). */
  currency: string | null = null
  voidCurrency: string | null = null
}

type LineRow = {
  till_id: string
  k: string
  sku: string
  tax_rate: string
  name: string
  name_en: string | null
  qty: number
  total: number
  tax: number
}

/** As `addLine` in the reference: the largest names win, quantities in thousandths add up. */
function addLine(lines: Map<string, LineBucket>, row: LineRow): void {
  const key = `${row.sku}\u0000${row.tax_rate}`
  const bucket = lines.get(key) ?? {
    sku: row.sku,
    name: row.name,
    name_en: row.name_en,
    tax_rate: row.tax_rate,
    qty_milli: 0,
    total: 0,
    tax: 0
  }
  if (row.name > bucket.name) bucket.name = row.name
  if (row.name_en !== null && (bucket.name_en === null || row.name_en > bucket.name_en))
    bucket.name_en = row.name_en
  bucket.qty_milli += Number(row.qty)
  bucket.total += Number(row.total)
  bucket.tax += Number(row.tax)
  lines.set(key, bucket)
}

/** The parts of the windows `pick` selects, merged as the reference merges them across windows. */
function partsOf(accs: Acc[], pick: (k: number) => boolean): WindowFigures {
  const chosen = accs.filter((_, k) => pick(k))
  const lines = (get: (a: Acc) => Map<string, LineBucket>) => {
    const out = new Map<string, LineBucket>()
    for (const a of chosen)
      for (const b of get(a).values())
        addLine(out, {
          till_id: '',
          k: '',
          sku: b.sku,
          tax_rate: b.tax_rate,
          name: b.name,
          name_en: b.name_en,
          qty: b.qty_milli,
          total: b.total,
          tax: b.tax
        })
    return [...out.values()]
  }
  const sumMap = (get: (a: Acc) => Map<string, number>) => {
    const out = new Map<string, number>()
    for (const a of chosen) for (const [k, v] of get(a)) out.set(k, (out.get(k) ?? 0) + v)
    return out
  }
  const refundTenders = sumMap((a) => a.refundTenders)
  const sales = chosen.flatMap((a) => a.sales)
  const voids = chosen.flatMap((a) => a.voids)
  return {
    sold: sales.length + voids.length + refundTenders.size > 0,
    currency: chosen.map((a) => a.currency ?? a.voidCurrency).find((c) => c !== null) ?? null,
    parts: {
      sales,
      voids,
      saleLines: lines((a) => a.saleLines),
      voidLines: lines((a) => a.voidLines),
      refundLines: lines((a) => a.refundLines),
      saleTenders: chosen.flatMap((a) => a.saleTenders),
      voidTenders: chosen.flatMap((a) => a.voidTenders),
      refunds: chosen.reduce(
        (r, a) => ({
          n: r.n + a.refunds.n,
          orders: r.orders + a.refunds.orders,
          amount: r.amount + a.refunds.amount,
          tax: r.tax + a.refunds.tax,
          rounding: r.rounding + a.refunds.rounding
        }),
        { n: 0, orders: 0, amount: 0, tax: 0, rounding: 0 }
      ),
      refundTenders: [...refundTenders].map(([method, amount]) => ({ method, amount })),
      cashMoves: [...sumMap((a) => a.moves)].map(([kind, amount]) => ({ kind, amount })),
      shifts: chosen.flatMap((a) =>
        a.shifts.map(({ window: _, ...shift }) => shift as ZReport['cash']['shifts'][number])
      ),
      cashierNames: new Map(chosen.flatMap((a) => [...a.cashierNames]))
    } satisfies Omit<DayParts, 'adjustments'>
  }
}

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

  type Bucket = { till_id: string; k: string; cashier: string | null; hour: number; n: number; gross: number }
  type Sums = { ld: number; od: number; tax: number; total: number; rounding: number }
  const buckets = async (at: 'paid_at' | 'voided_at', into: (a: Acc) => SalesBucket[]) => {
    for (const row of await qs<Bucket & Sums & { currency: string; name: string | null }>(
      `SELECT w.till_id, w.k, o.cashier_user_id AS cashier, o.paid_hour AS hour, COUNT(*) AS n,
         SUM(o.gross) AS gross, SUM(o.line_discount) AS ld, SUM(o.order_discount) AS od, SUM(o.tax) AS tax,
         SUM(o.total) AS total, SUM(o.cash_rounding) AS rounding, MIN(o.currency) AS currency,
         MAX(o.cashier_name) AS name
       FROM w JOIN hq_orders o ON o.till_id = w.till_id AND o.${at} >= w.f AND o.${at} < w.t
         AND o.store_id = ? AND o.${at} >= ? AND o.${at} < ?
       GROUP BY w.till_id, w.k, o.cashier_user_id, o.paid_hour`
    )) {
      const a = acc(row)
      if (at === 'paid_at') a.currency ??= row.currency
      else a.voidCurrency ??= row.currency
      // As the till: cashiers are named from the window's sales only.
      if (at === 'paid_at' && row.cashier && row.name) a.cashierNames.set(row.cashier, row.name)
      into(a).push({
        cashier: row.cashier ?? null,
        hour: Number(row.hour),
        n: Number(row.n),
        gross: Number(row.gross),
        ld: Number(row.ld),
        od: Number(row.od),
        tax: Number(row.tax),
        total: Number(row.total),
        rounding: Number(row.rounding)
      })
    }
  }
  // Independent statements, run side by side (PostgreSQL's pool; SQLite serialises them).
  const sums: Array<Promise<void>> = [
    buckets('paid_at', (a) => a.sales),
    buckets('voided_at', (a) => a.voids)
  ]

  const lineSums = async (at: 'paid_at' | 'voided_at', into: (a: Acc) => Map<string, LineBucket>) => {
    for (const row of await qs<LineRow>(
      `SELECT w.till_id, w.k, l.sku, l.tax_rate, l.name, l.name_en, SUM(l.qty_milli) AS qty,
         SUM(l.total) AS total, SUM(l.tax) AS tax
       FROM w JOIN hq_orders o ON o.till_id = w.till_id AND o.${at} >= w.f AND o.${at} < w.t
         AND o.store_id = ? AND o.${at} >= ? AND o.${at} < ?
       JOIN hq_order_lines l ON l.till_id = o.till_id AND l.order_id = o.order_id
       GROUP BY w.till_id, w.k, l.sku, l.tax_rate, l.name, l.name_en`
    ))
      addLine(into(acc(row)), row)
  }
  sums.push(
    lineSums('paid_at', (a) => a.saleLines),
    lineSums('voided_at', (a) => a.voidLines)
  )

  const tenders = async (at: 'paid_at' | 'voided_at', into: (a: Acc) => MethodSum[]) => {
    for (const row of await qs<{ till_id: string; k: string; method: string; amount: number }>(
      `SELECT w.till_id, w.k, p.method, SUM(p.amount) AS amount
       FROM w JOIN hq_orders o ON o.till_id = w.till_id AND o.${at} >= w.f AND o.${at} < w.t
         AND o.store_id = ? AND o.${at} >= ? AND o.${at} < ?
       JOIN hq_payments p ON p.till_id = o.till_id AND p.order_id = o.order_id
       WHERE p.status = 'succeeded'
       GROUP BY w.till_id, w.k, p.method`
    ))
      into(acc(row)).push({ method: row.method, amount: Number(row.amount) })
  }
  sums.push(
    tenders('paid_at', (a) => a.saleTenders),
    tenders('voided_at', (a) => a.voidTenders),
    refundSums(qs, acc),
    shiftSums(qs, acc)
  )

  // Cash in / out are kept as events only (a restored till's as applied collisions); their own
  // time decides the window.
  const ids = tills.map((t) => t.till.id)
  const cashMoves = async () => {
    for (const m of await db.query<{ till_id: string; type: string; payload: string }>(
      `SELECT h.till_id, h.type, h.payload FROM ${HELD_EVENTS} h WHERE h.store_id = ?
       AND h.type IN ('shift.cash_in', 'shift.cash_out') AND h.till_id IN (${ids.map(() => '?').join(', ')})`,
      [storeId, ...ids]
    )) {
      const p = JSON.parse(m.payload) as { amount: number; at: string }
      const t = tills.find((x) => x.till.id === m.till_id)!
      ;[t.main, ...t.late].forEach((win, k) => {
        if (p.at >= win.from && p.at < win.to) {
          const moves = accs.get(m.till_id)![k]!.moves
          const [kind, amount] = m.type === 'shift.cash_in' ? ['in', p.amount] : ['out', -p.amount]
          moves.set(kind, (moves.get(kind) ?? 0) + amount)
        }
      })
    }
  }

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
    cashMoves()
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
        tillTimeZone: await tillZoneDiffering(db, t.till.id, t.main.to, timeZone)
      })
    )
  }
  return days
}

/** A statement after the windows' `WITH`, given the store and the windows' span as its last parameters. */
type Query = <T>(sql: string) => Promise<T[]>

/** `lateEvents` of the reference for every till at once: what happened in the late windows. */
async function lateOf(q: Query, timeZone: string): Promise<Map<string, LateEvent[]>> {
  const out = new Map<string, LateEvent[]>()
  const add = (
    kind: LateEvent['kind'],
    row: { till_id: string; id: string; number: string | null; at: string }
  ) =>
    out.set(row.till_id, [
      ...(out.get(row.till_id) ?? []),
      { kind, id: row.id, number: row.number, at: row.at, originalDate: localDate(row.at, timeZone) }
    ])
  type Row = { till_id: string; id: string; number: string | null; at: string }
  const [sales, voids, refunds] = await Promise.all([
    q<Row>(
      `SELECT w.till_id, o.order_id AS id, o.number, o.paid_at AS at FROM w JOIN hq_orders o
         ON o.till_id = w.till_id AND o.paid_at >= w.f AND o.paid_at < w.t
         AND o.store_id = ? AND o.paid_at >= ? AND o.paid_at < ? WHERE w.k <> '0'`
    ),
    q<Row>(
      `SELECT w.till_id, o.order_id AS id, o.number, o.voided_at AS at FROM w JOIN hq_orders o
         ON o.till_id = w.till_id AND o.voided_at >= w.f AND o.voided_at < w.t
         AND o.store_id = ? AND o.voided_at >= ? AND o.voided_at < ? WHERE w.k <> '0'`
    ),
    q<Row>(
      `SELECT w.till_id, r.refund_id AS id, r.number, MIN(t.completed_at) AS at FROM w JOIN hq_refund_tenders t
         ON t.till_id = w.till_id AND t.completed_at >= w.f AND t.completed_at < w.t
         AND t.store_id = ? AND t.completed_at >= ? AND t.completed_at < ?
       JOIN hq_refunds r ON r.till_id = t.till_id AND r.refund_id = t.refund_id
       WHERE w.k <> '0' AND t.status = 'succeeded'
       GROUP BY w.till_id, w.k, r.refund_id, r.number`
    )
  ])
  for (const row of sales) add('sale', row)
  for (const row of voids) add('void', row)
  for (const row of refunds) add('refund', row)
  return out
}
type AccOf = (row: { till_id: string; k: string }) => Acc

/** Refund tenders paid out in each window, and the items of refunds completed in it. */
async function refundSums(q: Query, acc: AccOf): Promise<void> {
  const paidOut = `FROM w JOIN hq_refund_tenders t
      ON t.till_id = w.till_id AND t.completed_at >= w.f AND t.completed_at < w.t
         AND t.store_id = ? AND t.completed_at >= ? AND t.completed_at < ?
    JOIN hq_refunds r ON r.till_id = t.till_id AND r.refund_id = t.refund_id
    WHERE t.status = 'succeeded'`
  for (const row of await q<{
    till_id: string
    k: string
    method: string
    amount: number
    tax: number
    rounding: number | null
  }>(
    `SELECT w.till_id, w.k, t.method, SUM(t.amount) AS amount, SUM(t.tax) AS tax,
       SUM(t.cash_rounding) AS rounding ${paidOut}
     GROUP BY w.till_id, w.k, t.method`
  )) {
    const a = acc(row)
    // As the till sums its refund tenders: the share is what went back less the cash rounding
    // (a cash-rounded sale's cash refund), which counts in the day's cash rounding instead.
    const rounding = Number(row.rounding ?? 0)
    a.refunds.amount += Number(row.amount) - rounding
    a.refunds.rounding += rounding
    a.refunds.tax += Number(row.tax)
    a.refundTenders.set(row.method, (a.refundTenders.get(row.method) ?? 0) + Number(row.amount))
  }
  for (const row of await q<{ till_id: string; k: string; n: number; orders: number }>(
    `SELECT w.till_id, w.k, COUNT(DISTINCT t.refund_id) AS n, COUNT(DISTINCT r.order_id) AS orders ${paidOut}
     GROUP BY w.till_id, w.k`
  )) {
    const a = acc(row)
    a.refunds.n += Number(row.n)
    a.refunds.orders += Number(row.orders)
  }
  // A refund's items count when it is complete: every tender paid out, the last one in the window.
  for (const row of await q<LineRow>(
    `, c AS (
       SELECT DISTINCT w.till_id, w.k, w.f, w.t, t.refund_id FROM w JOIN hq_refund_tenders t
         ON t.till_id = w.till_id AND t.completed_at >= w.f AND t.completed_at < w.t
         AND t.store_id = ? AND t.completed_at >= ? AND t.completed_at < ?),
     d AS (
       SELECT c.till_id, c.k, c.refund_id FROM c JOIN hq_refund_tenders a
         ON a.till_id = c.till_id AND a.refund_id = c.refund_id
       GROUP BY c.till_id, c.k, c.refund_id, c.f, c.t
       HAVING SUM(CASE WHEN a.status = 'succeeded' THEN 0 ELSE 1 END) = 0
         AND MAX(a.completed_at) >= c.f AND MAX(a.completed_at) < c.t)
     SELECT d.till_id, d.k, l.sku, l.tax_rate, l.name, l.name_en, SUM(rl.qty_milli) AS qty,
       SUM(rl.amount) AS total, SUM(rl.tax) AS tax
     FROM d JOIN hq_refunds r ON r.till_id = d.till_id AND r.refund_id = d.refund_id
     JOIN hq_orders o ON o.till_id = r.till_id AND o.order_id = r.order_id
     JOIN hq_refund_lines rl ON rl.till_id = r.till_id AND rl.refund_id = r.refund_id
     JOIN hq_order_lines l ON l.till_id = o.till_id AND l.order_id = o.order_id AND l.line_id = rl.sale_line_id
     GROUP BY d.till_id, d.k, l.sku, l.tax_rate, l.name, l.name_en`
  ))
    addLine(acc(row).refundLines, row)
}

/** Floats of shifts opened in each window; counts, differences and drops of those closed in it. */
async function shiftSums(q: Query, acc: AccOf): Promise<void> {
  for (const row of await q<{ till_id: string; k: string; amount: number }>(
    `SELECT w.till_id, w.k, SUM(s.float_amount) AS amount FROM w JOIN hq_shifts s
       ON s.till_id = w.till_id AND s.opened_at >= w.f AND s.opened_at < w.t
       AND s.store_id = ? AND s.opened_at >= ? AND s.opened_at < ?
     GROUP BY w.till_id, w.k`
  )) {
    const moves = acc(row).moves
    moves.set('float', (moves.get('float') ?? 0) + Number(row.amount))
  }
  for (const s of await q<{
    till_id: string
    k: string
    shift_id: string
    number: string | null
    kind: string
    closed_at: string
    expected: number
    counted: number
    over_short: number
  }>(
    `SELECT w.till_id, w.k, s.shift_id, s.number, s.kind, s.closed_at, s.expected, s.counted, s.over_short
     FROM w JOIN hq_shifts s ON s.till_id = w.till_id AND s.closed_at >= w.f AND s.closed_at < w.t
       AND s.store_id = ? AND s.closed_at >= ? AND s.closed_at < ?
     ORDER BY s.closed_at`
  )) {
    const a = acc(s)
    const counted = Number(s.counted ?? 0)
    const overShort = Number(s.over_short ?? 0)
    // The till posts the count's difference and drops the counted cash at the close.
    if (overShort !== 0) a.moves.set('over_short', (a.moves.get('over_short') ?? 0) + overShort)
    if (counted > 0) a.moves.set('drop', (a.moves.get('drop') ?? 0) - counted)
    a.shifts.push({
      window: Number(s.k),
      id: s.shift_id,
      number: s.number ?? s.shift_id,
      kind: s.kind,
      closedAt: s.closed_at,
      expected: Number(s.expected ?? 0),
      counted,
      overShort
    } as ZReport['cash']['shifts'][number] & { window: number })
  }
}
