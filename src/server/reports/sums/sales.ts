import type { LineBucket, MethodSum, SalesBucket } from '../../../main/domain/reports/z-report'
import { addLine, type Acc, type AccOf, type LineRow, type Query } from './acc'

// The sales family: orders paid and voided in each window, by cashier and hour, their items, and
// their tenders.

/**
 * The statements summing each window's sales and voids (buckets by cashier and local hour, items
 * by SKU and tax rate, tenders by method) into `acc`: independent, so the caller runs them side by
 * side (PostgreSQL's pool; SQLite serialises them).
 */
export function salesSums(qs: Query, acc: AccOf): Array<Promise<void>> {
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
    tenders('voided_at', (a) => a.voidTenders)
  )
  return sums
}
