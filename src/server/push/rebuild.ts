import type { HqDatabase, SqlTx } from '../db/types'
import { projectStored, type StoredRow } from './held-events'
import { applyProjections, type Projection } from './projections'
import type { UpgraderRegistry } from './upgraders'

/** The read models `project` writes, children before parents. */
export const PROJECTION_TABLES = [
  'hq_coupon_uses',
  'hq_order_lines',
  'hq_refund_lines',
  'hq_refund_tenders',
  'hq_refunds',
  'hq_payments',
  'hq_orders',
  'hq_shifts'
] as const

const PAGE = 2000

/**
 * Rebuilds the projections from scratch from what the head office holds, in one transaction:
 * every event applied (`events.status`) and every collision applied (`event_collisions.status`,
 * a restored till's other events under reused seqs), read again through today's upgraders and
 * `project`. The rows every event inserts go in first, then the updates (voids, refund tenders'
 * outcomes, shift closes) run in the order the head office received the events, so the result is
 * what the pushes built one by one (`rebuild.test.ts` holds the two equal after a restore). For a
 * migration that adds a projection (as 0014 did) and for a head office whose projections are in
 * doubt. Returns how many events were projected. Raises what the store raises.
 */
export async function rebuildProjections(db: HqDatabase, upgraders: UpgraderRegistry): Promise<number> {
  return db.transaction(async (tx) => {
    for (const table of PROJECTION_TABLES) await tx.run(`DELETE FROM ${table}`)
    let n = 0
    await eachApplied(tx, async (rows) => {
      const applied = rows.map(({ seq, projection }) => ({ seq, projection: { ...projection, updates: [] } }))
      await applyProjections(tx, applied)
      n += rows.length
    })
    await eachApplied(tx, async (rows) => {
      await applyProjections(
        tx,
        rows.map(({ seq, projection }) => ({ seq, projection: { ...projection, inserts: [] } }))
      )
    })
    return n
  })

  /** Pages of the applied events' projections, in the order received (then by seq). */
  async function eachApplied(
    tx: SqlTx,
    run: (
      rows: Array<{ seq: number; projection: Extract<Projection, { status: 'applied' }> }>
    ) => Promise<void>
  ): Promise<void> {
    for (let offset = 0; ; offset += PAGE) {
      const page = await tx.query<StoredRow>(
        `SELECT h.till_id, h.seq, h.event_id, h.store_id, h.type, h.version, h.at, h.payload, s.time_zone
         FROM (
           SELECT till_id, seq, event_id, store_id, type, version, at, payload, received_at, 'e' AS source
             FROM events WHERE status = 'applied'
           UNION ALL
           SELECT till_id, seq, event_id, store_id, type, version, at, payload, received_at, 'c' AS source
             FROM event_collisions WHERE status = 'applied'
         ) h JOIN stores s ON s.id = h.store_id
         ORDER BY h.received_at, h.till_id, h.seq, h.source LIMIT ${PAGE} OFFSET ${offset}`
      )
      if (page.length === 0) return
      const rows: Array<{ seq: number; projection: Extract<Projection, { status: 'applied' }> }> = []
      for (const row of page) {
        const projection = projectStored(upgraders, row)
        // Applied once; an event today's code reads otherwise keeps no rows (as 0014's refill).
        if (projection.status === 'applied') rows.push({ seq: Number(row.seq), projection })
      }
      await run(rows)
    }
  }
}
