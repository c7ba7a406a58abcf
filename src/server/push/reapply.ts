import type { HqDatabase } from '../db/types'
import { applyProjections, project, type Projection } from './projections'
import { upgradePayload, type UpgraderRegistry } from './upgraders'

interface QuarantinedRow {
  till_id: string
  seq: number
  event_id: string
  store_id: string
  type: string
  version: number
  at: string
  payload: string
  time_zone: string
}

/**
 * Tries every quarantined event again, in each till's order, one transaction per event: what this
 * head office can now apply (a version it learnt to read after an update, an order that arrived
 * since) is projected and marked applied or recorded; the rest stays quarantined with its reason.
 * Runs when the head office starts. Returns how many were released.
 */
export async function reapplyQuarantined(db: HqDatabase, upgraders: UpgraderRegistry): Promise<number> {
  const rows = await db.query<QuarantinedRow>(
    `SELECT e.till_id, e.seq, e.event_id, e.store_id, e.type, e.version, e.at, e.payload, s.time_zone
     FROM events e JOIN stores s ON s.id = e.store_id
     WHERE e.status = 'quarantined' ORDER BY e.till_id, e.seq`
  )
  let released = 0
  for (const row of rows) {
    let decision: Projection
    try {
      const upgraded = upgradePayload(upgraders, row.type, Number(row.version), JSON.parse(row.payload), {
        at: row.at
      })
      decision = upgraded.ok
        ? project(
            {
              tillId: row.till_id,
              storeId: row.store_id,
              eventId: row.event_id,
              type: row.type,
              at: row.at,
              payload: upgraded.payload
            },
            row.time_zone
          )
        : { status: 'quarantined', reason: upgraded.reason }
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
        await tx.run(
          "UPDATE events SET status = ?, reason = NULL WHERE till_id = ? AND seq = ? AND status = 'quarantined'",
          [applied.status, row.till_id, row.seq]
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
