import { businessDate } from '@shared/time/zone'
import type { LateEvent } from '../day-windows'
import type { Query } from './acc'

/** `lateEvents` of the reference for every till at once: what happened in the late windows. */
export async function lateOf(q: Query, timeZone: string): Promise<Map<string, LateEvent[]>> {
  const out = new Map<string, LateEvent[]>()
  const add = (
    kind: LateEvent['kind'],
    row: { till_id: string; id: string; number: string | null; at: string }
  ) =>
    out.set(row.till_id, [
      ...(out.get(row.till_id) ?? []),
      { kind, id: row.id, number: row.number, at: row.at, originalDate: businessDate(row.at, timeZone) }
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
