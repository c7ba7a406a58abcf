import type { HqDatabase } from '../db/types'

// A till restored from an old backup sells again under seqs the head office already holds; those
// sales are kept as collisions (`push/held-events.ts`). The events first held at such a seq are
// the history the till lost in the restore: the head office still counts them (it holds both
// histories), the till's own Z-report no longer does. This says which orders those are.

/**
 * SQL condition (for an `hq_orders` row aliased `row`) true when the order came from the history
 * a restored till lost: its event is one the head office held first at a seq where, later, another
 * event arrived (a kept collision with another event id, any status but `same-id`).
 */
export const fromBeforeRestore = (row: string) =>
  `EXISTS (SELECT 1 FROM events e JOIN event_collisions c ON c.till_id = e.till_id AND c.seq = e.seq
     AND c.event_id <> e.event_id AND c.status <> 'same-id'
   WHERE e.till_id = ${row}.till_id AND e.event_id = ${row}.event_id)`

/** What only the head office holds of a till's day from before its restore: orders and their total, minor units. */
export interface RestoredPart {
  orders: number
  total: number
}

/**
 * Per till of `storeId`, the orders paid on `date` (the store's local date) and not voided that
 * came from a restored till's lost history (`fromBeforeRestore`), with their total in minor units.
 * Tills with none are absent. Reads only.
 */
export async function restoredParts(
  db: HqDatabase,
  storeId: string,
  date: string
): Promise<Map<string, RestoredPart>> {
  const rows = await db.query<{ till_id: string; n: number; total: number | null }>(
    `SELECT o.till_id, COUNT(*) AS n, SUM(o.total) AS total FROM hq_orders o
     WHERE o.store_id = ? AND o.paid_day = ? AND o.voided_at IS NULL AND ${fromBeforeRestore('o')}
     GROUP BY o.till_id`,
    [storeId, date]
  )
  return new Map(rows.map((r) => [r.till_id, { orders: Number(r.n), total: Number(r.total ?? 0) }]))
}
