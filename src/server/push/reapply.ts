import type { HqDatabase } from '../db/types'
import { projectStored, type StoredRow } from './held-events'
import { applyProjections, type Projection } from './projections'
import type { UpgraderRegistry } from './upgraders'

/** A quarantined event, or a quarantined collision (`payload_sha256` names its kept copy). */
type QuarantinedRow = StoredRow & { payload_sha256: string | null }

/**
 * Tries every quarantined event again, in each till's order, one transaction per event: what this
 * head office can now apply (a version it learnt to read after an update, an order that arrived
 * since) is projected and marked applied or recorded; the rest stays quarantined with its reason.
 * A restored till's collisions that were another event but could not be applied are tried the same
 * way (`event_collisions.status`, migration 0016). Runs when the head office starts. Returns how
 * many were released.
 */
export async function reapplyQuarantined(db: HqDatabase, upgraders: UpgraderRegistry): Promise<number> {
  const rows = await db.query<QuarantinedRow>(
    `SELECT q.till_id, q.seq, q.event_id, q.store_id, q.type, q.version, q.at, q.payload, q.payload_sha256, s.time_zone
     FROM (
       SELECT till_id, seq, event_id, store_id, type, version, at, payload, NULL AS payload_sha256, received_at
         FROM events WHERE status = 'quarantined'
       UNION ALL
       SELECT till_id, seq, event_id, store_id, type, version, at, payload, payload_sha256, received_at
         FROM event_collisions WHERE status = 'quarantined'
     ) q JOIN stores s ON s.id = q.store_id
     ORDER BY q.till_id, q.received_at, q.seq`
  )
  let released = 0
  for (const row of rows) {
    let decision: Projection
    try {
      decision = projectStored(upgraders, row)
    } catch {
      continue
    }
    if (decision.status === 'quarantined') continue
    const applied = decision
    const done = await db
      .transaction(async (tx) => {
        if (applied.status === 'applied') {
          const missing = await applyProjections(tx, [{ seq: Number(row.seq), projection: applied }])
          if (missing.size > 0) throw new StillMissing()
        }
        if (row.payload_sha256 === null)
          await tx.run(
            "UPDATE events SET status = ?, reason = NULL WHERE till_id = ? AND seq = ? AND status = 'quarantined'",
            [applied.status, row.till_id, row.seq]
          )
        else
          await tx.run(
            `UPDATE event_collisions SET status = ?, reason = NULL
             WHERE till_id = ? AND seq = ? AND payload_sha256 = ? AND status = 'quarantined'`,
            [applied.status, row.till_id, row.seq, row.payload_sha256]
          )
        return true
      })
      .catch((error: unknown) => {
        if (error instanceof StillMissing) return false
        throw error
      })
    if (done) released++
  }
  return released
}

/** The event's target is still unknown: roll its projection back and leave it quarantined. */
class StillMissing extends Error {}
