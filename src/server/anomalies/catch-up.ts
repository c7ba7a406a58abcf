import type { HqDatabase } from '../db/types'
import { detectAnomalies, type DetectedEvent } from './detect'
import { settleAnomaly } from './record'

/** The columns an event has both as held (`events`) and as a colliding copy (`event_collisions`). */
interface EventRow {
  seq: number
  event_id: string
  type: string
  at: string
  payload: string
  payload_sha256: string
}

interface LaggingTill {
  id: string
  store_id: string
  time_zone: string
}

/**
 * Looks for anomalies in the events no one has looked at yet — those above a till's
 * `anomaly_seq` (all of them after migration 0011; a push only looks when the till's cursor is
 * up to date) — in seq order, `chunk` events per transaction, each moving the cursor in the same
 * transaction as what it found. Re-runnable: stopping half-way (a restart) loses nothing, and
 * resetting the cursors finds the same anomalies again. Returns how many events it looked at.
 */
export async function catchUpAnomalies(
  db: HqDatabase,
  now: () => Date,
  options: { chunk?: number } = {}
): Promise<number> {
  const chunk = options.chunk ?? 1000
  const tills = await db.query<LaggingTill>(
    `SELECT t.id, t.store_id, s.time_zone FROM tills t JOIN stores s ON s.id = t.store_id
     WHERE t.anomaly_seq < t.high_seq ORDER BY t.id`
  )
  let looked = 0
  for (const till of tills) {
    for (;;) {
      const done = await db.transaction(async (tx) => {
        const [row] = await tx.query<{ high_seq: number; anomaly_seq: number }>(
          'SELECT high_seq, anomaly_seq FROM tills WHERE id = ? FOR UPDATE',
          [till.id]
        )
        const from = Number(row!.anomaly_seq)
        const to = Math.min(Number(row!.high_seq), from + chunk)
        if (from >= to) return 0
        const stored = await tx.query<EventRow & { status: DetectedEvent['status']; reason: string | null }>(
          `SELECT seq, event_id, type, at, payload, payload_sha256, status, reason FROM events
           WHERE till_id = ? AND seq > ? AND seq <= ? ORDER BY seq`,
          [till.id, from, to]
        )
        const collided = await tx.query<EventRow & { held: string | null }>(
          `SELECT c.seq, c.event_id, c.type, c.at, c.payload, c.payload_sha256, e.payload_sha256 AS held
           FROM event_collisions c LEFT JOIN events e ON e.till_id = c.till_id AND e.seq = c.seq
           WHERE c.till_id = ? AND c.seq > ? AND c.seq <= ? ORDER BY c.seq, c.received_at`,
          [till.id, from, to]
        )
        const events: DetectedEvent[] = [
          ...stored.map((e) => ({
            seq: Number(e.seq),
            eventId: e.event_id,
            type: e.type,
            at: e.at,
            payload: e.payload,
            payloadSha256: e.payload_sha256,
            status: e.status,
            reason: e.reason
          })),
          ...collided.map((c) => ({
            seq: Number(c.seq),
            eventId: c.event_id,
            type: c.type,
            at: c.at,
            payload: c.payload,
            payloadSha256: c.payload_sha256,
            status: 'collision' as const,
            reason: null,
            heldSha256: c.held
          }))
        ].sort((a, b) => a.seq - b.seq)
        await detectAnomalies(
          tx,
          { tillId: till.id, storeId: till.store_id, timeZone: till.time_zone, at: now().toISOString() },
          events
        )
        await tx.run('UPDATE tills SET anomaly_seq = ? WHERE id = ?', [to, till.id])
        return to - from
      })
      if (done === 0) break
      looked += done
    }
  }
  return looked
}

/**
 * Settles each open `quarantined` anomaly none of whose events is quarantined any more (an updated
 * head office applied them at start, `push/reapply.ts`), with a note saying so. Returns how many.
 */
export async function settleReleasedQuarantines(db: HqDatabase, now: () => Date): Promise<number> {
  const released = await db.query<{ till_id: string; id: string }>(
    `SELECT a.till_id, a.id FROM anomalies a
     WHERE a.kind = 'quarantined' AND a.status = 'open' AND NOT EXISTS (
       SELECT 1 FROM anomaly_events r JOIN events e ON e.till_id = r.event_till_id AND e.seq = r.seq
       WHERE r.till_id = a.till_id AND r.anomaly_id = a.id AND e.status = 'quarantined')`
  )
  for (const row of released)
    await db.transaction((tx) =>
      settleAnomaly(
        tx,
        { tillId: row.till_id, id: row.id },
        'every event was applied after all (the head office learnt to read it, or what it needed arrived)',
        now().toISOString()
      )
    )
  return released.length
}
