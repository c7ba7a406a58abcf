import { addLine, type AccOf, type LineRow, type Query } from './acc'

/** Refund tenders paid out in each window, and the items of refunds completed in it. */
export async function refundSums(q: Query, acc: AccOf): Promise<void> {
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
