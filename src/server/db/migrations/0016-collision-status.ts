import { type StoredRow, projectStored } from '../../push/held-events'
import { applyProjections } from '../../push/projections'
import { defaultUpgraders } from '../../push/upgraders'
import type { SqlTx } from '../types'
import type { HqMigration } from './types'

/**
 * A kept seq collision says what became of it, as an event does: `status` (`applied`, `recorded`,
 * `quarantined`, or `same-id` for another form of an event the head office already holds) and
 * `reason`, and carries its store, so the reports read a restored till's cash moves, day closes
 * and store profiles beside its events (`push/held-events.ts`) and a re-projection can find the
 * collisions that were applied.
 *
 * Existing collisions are decided as the push decides them since the fix for restored tills: the
 * first kept copy of an event id the head office does not hold in `events` is another event and is
 * projected here (idempotent: its rows are keyed by its ids, its updates guarded); every other copy
 * is `same-id`. Collisions kept before that fix were never projected: this counts them, once.
 */
export const migration0016CollisionStatus: HqMigration = {
  version: 16,
  name: 'collision-status',
  statements: [
    'ALTER TABLE event_collisions ADD COLUMN store_id TEXT',
    'ALTER TABLE event_collisions ADD COLUMN status TEXT',
    'ALTER TABLE event_collisions ADD COLUMN reason TEXT',
    'UPDATE event_collisions SET store_id = (SELECT t.store_id FROM tills t WHERE t.id = event_collisions.till_id)',
    'CREATE INDEX event_collisions_store_type ON event_collisions (store_id, type)',
    'CREATE INDEX event_collisions_till_event ON event_collisions (till_id, event_id)'
  ],
  backfill: decideKept
}

async function decideKept(tx: SqlTx): Promise<void> {
  const rows = await tx.query<StoredRow & { payload_sha256: string; received_at: string }>(
    `SELECT c.till_id, c.seq, c.payload_sha256, c.event_id, c.store_id, c.type, c.version, c.at, c.payload,
       c.received_at, s.time_zone
     FROM event_collisions c JOIN stores s ON s.id = c.store_id
     WHERE c.status IS NULL ORDER BY c.till_id, c.received_at, c.seq`
  )
  const seen = new Set<string>()
  for (const row of rows) {
    const key = `${row.till_id}\u0000${row.event_id}`
    const [held] = await tx.query<{ n: number }>(
      'SELECT COUNT(*) AS n FROM events WHERE till_id = ? AND event_id = ?',
      [row.till_id, row.event_id]
    )
    let status: string = 'same-id'
    let reason: string | null = null
    if (Number(held!.n) === 0 && !seen.has(key)) {
      const projection = projectStored(defaultUpgraders, row)
      status = projection.status
      if (projection.status === 'quarantined') reason = projection.reason
      if (projection.status === 'applied') {
        const missing = await applyProjections(tx, [{ seq: Number(row.seq), projection }])
        const why = missing.get(Number(row.seq))
        if (why) [status, reason] = ['quarantined', why]
      }
    }
    seen.add(key)
    await tx.run(
      'UPDATE event_collisions SET status = ?, reason = ? WHERE till_id = ? AND seq = ? AND payload_sha256 = ?',
      [status, reason, row.till_id, row.seq, row.payload_sha256]
    )
  }
}
