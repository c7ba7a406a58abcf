import type { Database } from 'better-sqlite3'
import type { LineBucket, MethodSum, SaleSums, SalesBucket } from '../../domain/reports/z-report'
import type { OrderRow } from './orders-repo'

export interface SettledDayRow {
  date: string
  settled_at: string
  settled_by: string | null
  currency: string
  report_json: string
}

/** A half-open time range [from, to) of ISO instants. */
export interface TimeWindow {
  from: string
  to: string
}

export interface DrillFilter {
  figure: 'sales' | 'voids' | 'refunds'
  hour?: number | undefined
  cashierUserId?: string | undefined
  method?: string | undefined
  sku?: string | undefined
  taxRate?: string | undefined
}

const SUMS = `count(*) AS n, coalesce(sum(gross_total), 0) AS gross, coalesce(sum(line_discount_total), 0) AS ld,
  coalesce(sum(order_discount_total), 0) AS od, coalesce(sum(tax_total), 0) AS tax, coalesce(sum(total), 0) AS total,
  coalesce(sum(cash_rounding), 0) AS rounding`
// Sales are summed per quarter hour of UTC and each quarter is put under its hour in the store's time
// zone in JS: SQLite knows no IANA zones, and every zone's offset is a whole number of quarter hours
// (Nepal +5:45 included), so a quarter never straddles two local hours.
const SLOT =
  "strftime('%Y-%m-%dT%H:', paid_at) || printf('%02d', (CAST(strftime('%M', paid_at) AS INTEGER) / 15) * 15)"
const QUARTER_MS = 15 * 60 * 1000

interface SlotBucket extends SaleSums {
  cashier: string | null
  slot: string
}

/** Folds quarter-hour buckets into (cashier, local hour) buckets. */
function byLocalHour(rows: SlotBucket[], hourOf: (instant: Date) => number): SalesBucket[] {
  const hours = new Map<string, number>()
  const out = new Map<string, SalesBucket>()
  for (const { slot, ...row } of rows) {
    let hour = hours.get(slot)
    if (hour === undefined) {
      hour = hourOf(new Date(`${slot}:00.000Z`))
      hours.set(slot, hour)
    }
    const key = `${row.cashier ?? ''}\u0000${hour}`
    const into = out.get(key)
    if (!into) out.set(key, { ...row, hour })
    else for (const k of ['n', 'gross', 'ld', 'od', 'tax', 'total', 'rounding'] as const) into[k] += row[k]
  }
  return [...out.values()]
}

/** The instants of `windows` whose local hour is `hour`, as half-open ranges. */
function hourRanges(windows: TimeWindow[], hour: number, hourOf: (instant: Date) => number): TimeWindow[] {
  const out: TimeWindow[] = []
  for (const w of windows) {
    const end = Date.parse(w.to)
    for (let t = Math.floor(Date.parse(w.from) / QUARTER_MS) * QUARTER_MS; t < end; t += QUARTER_MS) {
      if (hourOf(new Date(t)) !== hour) continue
      const from = new Date(Math.max(t, Date.parse(w.from))).toISOString()
      const to = new Date(Math.min(t + QUARTER_MS, end)).toISOString()
      const last = out[out.length - 1]
      if (last && last.to === from) last.to = to
      else out.push({ from, to })
    }
  }
  return out
}

/**
 * The aggregates a Z-report is built from, each over one time window: sales by the moment
 * they were paid, voids and refunds by the moment they were made, cash moves by their time.
 * Every figure is a SQL sum of integer minor units; nothing is summed as a float.
 */
export function createSettlementRepo(db: Database) {
  const s = {
    sales: db.prepare<[string, string], SlotBucket>(`
      SELECT cashier_user_id AS cashier, ${SLOT} AS slot, ${SUMS}
      FROM orders WHERE paid_at >= ? AND paid_at < ? GROUP BY cashier, slot`),
    voids: db.prepare<[string, string], SlotBucket>(`
      SELECT cashier_user_id AS cashier, ${SLOT} AS slot, ${SUMS}
      FROM orders WHERE status = 'voided' AND closed_at >= ? AND closed_at < ? GROUP BY cashier, slot`),
    saleLines: db.prepare<[string, string], LineBucket>(`
      SELECT l.sku, max(l.name) AS name, max(l.name_en) AS name_en, l.tax_rate,
        sum(CAST(round(l.quantity * 1000) AS INTEGER)) AS qty_milli, sum(l.total) AS total, sum(l.tax) AS tax
      FROM orders o JOIN order_lines l ON l.order_id = o.id
      WHERE o.paid_at >= ? AND o.paid_at < ? GROUP BY l.sku, l.tax_rate`),
    voidLines: db.prepare<[string, string], LineBucket>(`
      SELECT l.sku, max(l.name) AS name, max(l.name_en) AS name_en, l.tax_rate,
        sum(CAST(round(l.quantity * 1000) AS INTEGER)) AS qty_milli, sum(l.total) AS total, sum(l.tax) AS tax
      FROM orders o JOIN order_lines l ON l.order_id = o.id
      WHERE o.status = 'voided' AND o.closed_at >= ? AND o.closed_at < ? GROUP BY l.sku, l.tax_rate`),
    // Items given back, by the moment their refund was complete (a refund by amount has no lines).
    refundLines: db.prepare<[string, string], LineBucket>(`
      SELECT l.sku, max(l.name) AS name, max(l.name_en) AS name_en, l.tax_rate,
        sum(CAST(round(rl.quantity * 1000) AS INTEGER)) AS qty_milli, sum(rl.amount) AS total, sum(rl.tax) AS tax
      FROM refunds r JOIN refund_lines rl ON rl.refund_id = r.id JOIN order_lines l ON l.id = rl.order_line_id
      WHERE r.status = 'succeeded' AND r.completed_at >= ? AND r.completed_at < ? GROUP BY l.sku, l.tax_rate`),
    saleTenders: db.prepare<[string, string], MethodSum>(`
      SELECT p.method, sum(p.amount) AS amount FROM orders o JOIN payments p ON p.order_id = o.id
      WHERE o.paid_at >= ? AND o.paid_at < ? AND p.status = 'succeeded' GROUP BY p.method`),
    voidTenders: db.prepare<[string, string], MethodSum>(`
      SELECT p.method, sum(p.amount) AS amount FROM orders o JOIN payments p ON p.order_id = o.id
      WHERE o.status = 'voided' AND o.closed_at >= ? AND o.closed_at < ? AND p.status = 'succeeded' GROUP BY p.method`),
    // A refund is booked tender by tender, when each is paid out (cash at once, a provider when it confirms).
    // `amount` is the refunded share of sales (before cash rounding); `rounding` what the drawer gave
    // back beyond it (a cash-rounded sale's cash refund), so the day's cash rounding nets both.
    refunds: db.prepare<
      [string, string],
      { n: number; orders: number; amount: number; tax: number; rounding: number }
    >(`
      SELECT count(DISTINCT rt.refund_id) AS n, count(DISTINCT r.order_id) AS orders,
        coalesce(sum(rt.amount - rt.cash_rounding), 0) AS amount, coalesce(sum(rt.tax), 0) AS tax,
        coalesce(sum(rt.cash_rounding), 0) AS rounding
      FROM refund_tenders rt JOIN refunds r ON r.id = rt.refund_id
      WHERE rt.status = 'succeeded' AND rt.completed_at >= ? AND rt.completed_at < ?`),
    refundTenders: db.prepare<[string, string], MethodSum>(`
      SELECT method, sum(amount) AS amount FROM refund_tenders
      WHERE status = 'succeeded' AND completed_at >= ? AND completed_at < ? GROUP BY method`),
    cashMoves: db.prepare<[string, string], { kind: string; amount: number }>(
      'SELECT kind, sum(amount) AS amount FROM cash_moves WHERE at >= ? AND at < ? GROUP BY kind'
    ),
    ledger: db.prepare<[string, string], { account: string; net: number }>(`
      SELECT l.account, sum(l.debit) - sum(l.credit) AS net
      FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id
      -- Provider fees come from reconciling the providers' bills, not from the till's day.
      WHERE e.at >= ? AND e.at < ? AND e.kind <> 'provider_fees' GROUP BY l.account`),
    settled: db.prepare<[string], SettledDayRow>('SELECT * FROM settlement_days WHERE date = ?'),
    insertSettled: db.prepare(`
      INSERT INTO settlement_days (date, settled_at, settled_by, currency, report_json)
      VALUES (@date, @settled_at, @settled_by, @currency, @report_json)`),
    settledSince: db.prepare<[string], { date: string; settled_at: string }>(
      'SELECT date, settled_at FROM settlement_days WHERE date >= ? ORDER BY date'
    )
  }

  return {
    /** Sales by cashier and hour of the sale; `hourOf` gives an instant's hour in the store's time zone. */
    sales: (w: TimeWindow, hourOf: (instant: Date) => number): SalesBucket[] =>
      byLocalHour(s.sales.all(w.from, w.to), hourOf),
    /** Voids made in `w`, by cashier and hour of the sale they undo. */
    voids: (w: TimeWindow, hourOf: (instant: Date) => number): SalesBucket[] =>
      byLocalHour(s.voids.all(w.from, w.to), hourOf),
    saleLines: (w: TimeWindow): LineBucket[] => s.saleLines.all(w.from, w.to),
    voidLines: (w: TimeWindow): LineBucket[] => s.voidLines.all(w.from, w.to),
    refundLines: (w: TimeWindow): LineBucket[] => s.refundLines.all(w.from, w.to),
    saleTenders: (w: TimeWindow): MethodSum[] => s.saleTenders.all(w.from, w.to),
    voidTenders: (w: TimeWindow): MethodSum[] => s.voidTenders.all(w.from, w.to),
    refunds: (w: TimeWindow) => s.refunds.get(w.from, w.to)!,
    refundTenders: (w: TimeWindow): MethodSum[] => s.refundTenders.all(w.from, w.to),
    cashMoves: (w: TimeWindow) => s.cashMoves.all(w.from, w.to),
    /** Net movement (Σ debit − Σ credit) of each ledger account over the entries in a window. */
    ledger: (w: TimeWindow) => s.ledger.all(w.from, w.to),
    settledDay: (date: string): SettledDayRow | undefined => s.settled.get(date),
    settledSince: (date: string) => s.settledSince.all(date),
    insertSettled: (row: SettledDayRow) => void s.insertSettled.run(row),

    /** The orders behind a figure of a report, newest first. */
    drill(
      windows: TimeWindow[],
      filter: DrillFilter,
      limit: number,
      offset: number,
      hourOf: (instant: Date) => number
    ): { rows: OrderRow[]; total: number } {
      const within = (column: string) =>
        `(${windows.map(() => `(${column} >= ? AND ${column} < ?)`).join(' OR ')})`
      const params: unknown[] = windows.flatMap((w) => [w.from, w.to])
      const where: string[] = [
        filter.figure === 'sales'
          ? within('o.paid_at')
          : filter.figure === 'voids'
            ? `o.status = 'voided' AND ${within('o.closed_at')}`
            : `o.id IN (SELECT r.order_id FROM refund_tenders rt JOIN refunds r ON r.id = rt.refund_id
                WHERE rt.status = 'succeeded' AND ${within('rt.completed_at')})`
      ]
      if (filter.hour !== undefined) {
        // The sale's hour in the store's time zone: the instants of the day's windows in that hour.
        const ranges = hourRanges(windows, filter.hour, hourOf)
        if (ranges.length === 0) where.push('0')
        else {
          where.push(`(${ranges.map(() => '(o.paid_at >= ? AND o.paid_at < ?)').join(' OR ')})`)
          params.push(...ranges.flatMap((r) => [r.from, r.to]))
        }
      }
      if (filter.cashierUserId !== undefined) {
        where.push('o.cashier_user_id = ?')
        params.push(filter.cashierUserId)
      }
      if (filter.method !== undefined) {
        where.push(
          "EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id AND p.method = ? AND p.status = 'succeeded')"
        )
        params.push(filter.method)
      }
      if (filter.sku !== undefined) {
        where.push('EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id AND l.sku = ?)')
        params.push(filter.sku)
      }
      if (filter.taxRate !== undefined) {
        // Rates are stored as typed ("0.13", "0.130"): compared as numbers, not as text.
        where.push(
          'EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id AND CAST(l.tax_rate AS REAL) = CAST(? AS REAL))'
        )
        params.push(filter.taxRate)
      }
      const clause = where.join(' AND ')
      const rows = db
        .prepare<unknown[], OrderRow>(
          `SELECT o.* FROM orders o WHERE ${clause} ORDER BY o.paid_at DESC, o.id LIMIT ? OFFSET ?`
        )
        .all(...params, limit, offset)
      const total = db
        .prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM orders o WHERE ${clause}`)
        .get(...params)!.n
      return { rows, total }
    }
  }
}

export type SettlementRepo = ReturnType<typeof createSettlementRepo>
