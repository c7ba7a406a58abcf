import { businessDayWindow } from '@shared/time/zone'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { systemHqClock } from '../src/server/clock'
import { openHqDatabase } from '../src/server/db/open'
import type { HqDatabase } from '../src/server/db/types'
import { consolidatedDay, consolidatedDayReference } from '../src/server/reports/consolidated-day'
import { startPostgres } from '../test/support/postgres'
import { medianMs, type Bench, type BenchRow } from './bench'
import { loadChain, ZONE } from './hq-data'

// Smaller sizes for a smoke run: KASSA_BENCH_HQ_ORDERS=20000 npm run bench -- hq
const ORDERS = Number(process.env.KASSA_BENCH_HQ_ORDERS ?? 1_000_000)
const TILLS = Number(process.env.KASSA_BENCH_HQ_TILLS ?? 200)
const DAYS = Number(process.env.KASSA_BENCH_HQ_DAYS ?? 10)
const RUNS = 5

/**
 * What a person would write by hand for the same day's figures: one grouped statement per figure
 * over the store's day columns, no settlement windows, no completeness — the floor for this data.
 */
async function handAggregate(db: HqDatabase, storeId: string, date: string): Promise<number> {
  const day = [storeId, date]
  const { from, to } = businessDayWindow(date, ZONE)
  const results = await Promise.all([
    db.query(
      `SELECT till_id, cashier_user_id, paid_hour, COUNT(*) AS n, SUM(gross) AS gross, SUM(line_discount) AS ld,
         SUM(order_discount) AS od, SUM(tax) AS tax, SUM(total) AS total, SUM(cash_rounding) AS rounding
       FROM hq_orders WHERE store_id = ? AND paid_day = ? GROUP BY till_id, cashier_user_id, paid_hour`,
      day
    ),
    db.query(
      `SELECT till_id, cashier_user_id, paid_hour, COUNT(*) AS n, SUM(gross) AS gross, SUM(line_discount) AS ld,
         SUM(order_discount) AS od, SUM(tax) AS tax, SUM(total) AS total, SUM(cash_rounding) AS rounding
       FROM hq_orders WHERE store_id = ? AND voided_day = ? GROUP BY till_id, cashier_user_id, paid_hour`,
      day
    ),
    ...['paid_day', 'voided_day'].flatMap((column) => [
      db.query(
        `SELECT o.till_id, l.sku, l.tax_rate, MAX(l.name) AS name, MAX(l.name_en) AS name_en,
           SUM(l.qty_milli) AS qty, SUM(l.total) AS total, SUM(l.tax) AS tax
         FROM hq_orders o JOIN hq_order_lines l ON l.till_id = o.till_id AND l.order_id = o.order_id
         WHERE o.store_id = ? AND o.${column} = ? GROUP BY o.till_id, l.sku, l.tax_rate`,
        day
      ),
      db.query(
        `SELECT o.till_id, p.method, SUM(p.amount) AS amount
         FROM hq_orders o JOIN hq_payments p ON p.till_id = o.till_id AND p.order_id = o.order_id
         WHERE o.store_id = ? AND o.${column} = ? AND p.status = 'succeeded' GROUP BY o.till_id, p.method`,
        day
      )
    ]),
    db.query(
      `SELECT till_id, method, COUNT(DISTINCT refund_id) AS n, SUM(amount) AS amount, SUM(tax) AS tax
       FROM hq_refund_tenders WHERE store_id = ? AND day = ? AND status = 'succeeded' GROUP BY till_id, method`,
      day
    ),
    db.query(
      `SELECT r.till_id, l.sku, l.tax_rate, SUM(rl.qty_milli) AS qty, SUM(rl.amount) AS amount, SUM(rl.tax) AS tax
       FROM hq_refunds r JOIN hq_refund_lines rl ON rl.till_id = r.till_id AND rl.refund_id = r.refund_id
       JOIN hq_order_lines l ON l.till_id = r.till_id AND l.order_id = r.order_id AND l.line_id = rl.sale_line_id
       WHERE r.store_id = ? AND r.day = ? GROUP BY r.till_id, l.sku, l.tax_rate`,
      day
    ),
    db.query(
      `SELECT till_id, SUM(float_amount) AS floats, SUM(counted) AS counted, SUM(over_short) AS over_short
       FROM hq_shifts WHERE store_id = ? AND opened_at >= ? AND opened_at < ? GROUP BY till_id`,
      [storeId, from, to]
    ),
    db.query(
      `SELECT till_id, type, payload FROM events
       WHERE store_id = ? AND type IN ('shift.cash_in', 'shift.cash_out') AND at >= ? AND at < ?`,
      [storeId, from, to]
    )
  ])
  return results.reduce((n, rows) => n + rows.length, 0)
}

export const bench: Bench = {
  title: `Head office: consolidated day report, ${TILLS} tills holding ${ORDERS.toLocaleString('en')} orders over ${DAYS} days in PostgreSQL 15`,
  async run(): Promise<BenchRow[]> {
    const postgres = await startPostgres()
    const dir = mkdtempSync(join(tmpdir(), 'kassa-hq-report-bench-'))
    try {
      const db = await openHqDatabase({ dataDir: dir, databaseUrl: await postgres.createDatabase() })
      try {
        const loadStart = performance.now()
        const loaded = await loadChain(db, { tills: TILLS, orders: ORDERS, days: DAYS })
        await db.exec('ANALYZE')
        const loadMs = performance.now() - loadStart
        const date = loaded.dates.at(-1)!
        const report = await consolidatedDay(db, systemHqClock, date)
        const dayOrders = report.totals[0]?.paidOrders ?? 0
        const fast = await medianMs(RUNS, () => consolidatedDay(db, systemHqClock, date))
        const hand = await medianMs(RUNS, () => handAggregate(db, loaded.storeId, date))
        // The per-till reference re-reads every order's JSON: timed once (it is the slow one).
        const reference = await medianMs(1, () => consolidatedDayReference(db, systemHqClock, date), false)
        const ratio = fast / hand
        return [
          {
            name: 'consolidated day report',
            figure: {
              label: `${date}: ${dayOrders.toLocaleString('en')} orders that day, ${TILLS} tills (aim ≤ 1.5× the hand-written SQL)`,
              ms: fast
            },
            baseline: { label: 'hand-written SQL aggregate', ms: hand },
            note: `${ratio <= 1.5 ? 'aim met' : 'aim missed'}; loaded ${loaded.orders.toLocaleString('en')} orders (${loaded.events.toLocaleString('en')} events) by COPY in ${(loadMs / 1000).toFixed(1)} s`
          },
          {
            name: 'the same, till by till from the events (reference)',
            figure: {
              label: 'each till rebuilt from its pushed JSON, as before the SQL path',
              ms: reference
            },
            baseline: { label: 'hand-written SQL aggregate', ms: hand }
          }
        ]
      } finally {
        await db.close()
      }
    } finally {
      postgres.stop()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
