import type { HqDatabase } from '../db/types'

/** One till's figures for one business day at the head office, minor units. */
export interface TillDayFigures {
  tillId: string
  tillCode: string
  /** Orders paid that day − orders voided that day (as the till's Z-report counts them). */
  orderCount: number
  /** Σ totals of orders paid − of orders voided that day, before cash rounding. */
  salesTotal: number
  /** Σ refund tenders paid out that day (cash at once, a provider's when it confirmed). */
  refunds: number
  /** salesTotal − refunds: the Z-report's net sales. */
  netSales: number
  /** netSales + cash rounding of the day's sales (net of voids): the Z-report's "collected". */
  collected: number
}

/**
 * The day's figures per till of a store, from the projections — what the next issue's head-office
 * screens show, and what the fault tests compare with each till's own `kassa report day`.
 * `day` is the store's local date, YYYY-MM-DD.
 */
export async function tillDayFigures(
  db: HqDatabase,
  storeId: string,
  day: string
): Promise<TillDayFigures[]> {
  const tills = await db.query<{ id: string; code: string }>(
    'SELECT id, code FROM tills WHERE store_id = ? ORDER BY code',
    [storeId]
  )
  const sums = async (sql: string) =>
    new Map(
      (
        await db.query<{ till_id: string; n: number; total: number; rounding: number }>(sql, [storeId, day])
      ).map((row) => [
        row.till_id,
        { n: Number(row.n), total: Number(row.total ?? 0), rounding: Number(row.rounding ?? 0) }
      ])
    )
  const sales = await sums(
    'SELECT till_id, COUNT(*) AS n, SUM(total) AS total, SUM(cash_rounding) AS rounding FROM hq_orders WHERE store_id = ? AND paid_day = ? GROUP BY till_id'
  )
  const voids = await sums(
    'SELECT till_id, COUNT(*) AS n, SUM(total) AS total, SUM(cash_rounding) AS rounding FROM hq_orders WHERE store_id = ? AND voided_day = ? GROUP BY till_id'
  )
  const refunds = await sums(
    "SELECT till_id, COUNT(*) AS n, SUM(amount) AS total, 0 AS rounding FROM hq_refund_tenders WHERE store_id = ? AND day = ? AND status = 'succeeded' GROUP BY till_id"
  )
  const zero = { n: 0, total: 0, rounding: 0 }
  return tills.map((till) => {
    const s = sales.get(till.id) ?? zero
    const v = voids.get(till.id) ?? zero
    const r = refunds.get(till.id) ?? zero
    const salesTotal = s.total - v.total
    const netSales = salesTotal - r.total
    return {
      tillId: till.id,
      tillCode: till.code,
      orderCount: s.n - v.n,
      salesTotal,
      refunds: r.total,
      netSales,
      collected: netSales + s.rounding - v.rounding
    }
  })
}
