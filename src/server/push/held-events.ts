import type { SqlTx } from '../db/types'
import { project, type Projection } from './projections'
import { upgradePayload, type UpgraderRegistry } from './upgraders'

// The events whose business effect the head office holds: a till's events as stored, and — a till
// restored from an old backup sells again under seqs the head office already holds — the
// colliding events kept in `event_collisions` whose event id it had never seen (migration 0016
// marks them with their projection status, as `events.status`). Everything that reads a figure
// from events, and everything that re-projects, reads both.
//
// What such a new event means, by type (the head office = what the till holds now + what it
// pushed before the restore, each event once):
// - sales, voids, refunds, shifts: projected under the ids their payload carries, as if fresh;
// - cash in / out: a real movement of the drawer, counted in its window (`shift.cash_*`);
// - a day close: the day is closed as the till closed it, unless the head office already holds
//   a close of that day from the lost history — then the first stands (a settled day never
//   changes) and the second is only kept, in front of a person as the collision's anomaly;
// - a store profile (`settings.updated`): the till's profile now, the last one received;
// - master data, users, policies, evaluations, reconciliations, cancelled carts: kept only, as
//   their fresh events are (the head office reads no figure from them).

/**
 * What a kept collision is (`event_collisions.status`): `applied`, `recorded` or `quarantined` as
 * an event's status, for a collision that was another event (an event id the head office never saw
 * before it); `same-id` for another form of an event it already holds (same event id, other bytes),
 * which is never applied.
 */
export type CollisionStatus = 'applied' | 'recorded' | 'quarantined' | 'same-id'

/**
 * The held events of every till, as one row source with `events`' columns that reports read
 * (`till_id`, `store_id`, `seq`, `event_id`, `type`, `version`, `at`, `payload`, `received_at`,
 * `status`), for `FROM ${HELD_EVENTS} h`. Quarantined events and collisions are left out, and
 * `source` says where the row is (`e` events, `c` event_collisions).
 */
export const HELD_EVENTS = `(
  SELECT till_id, store_id, seq, event_id, type, version, at, payload, received_at, status, 'e' AS source
    FROM events WHERE status <> 'quarantined'
  UNION ALL
  SELECT till_id, store_id, seq, event_id, type, version, at, payload, received_at, status, 'c' AS source
    FROM event_collisions WHERE status IN ('applied', 'recorded')
)`

/** A stored event (or kept collision) with its store's time zone, as re-projection reads it. */
export interface StoredRow {
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
 * What a stored event does to the projections now: its payload upgraded to the version the head
 * office reads and projected (`project`), or quarantined with the reason (not JSON, no upgrader).
 * Pure. The push decides fresh events the same way (`push-service.ts`).
 */
export function projectStored(upgraders: UpgraderRegistry, row: StoredRow): Projection {
  let payload: unknown
  try {
    payload = JSON.parse(row.payload)
  } catch {
    return { status: 'quarantined', reason: 'payload is not JSON' }
  }
  const upgraded = upgradePayload(upgraders, row.type, Number(row.version), payload, { at: row.at })
  if (!upgraded.ok) return { status: 'quarantined', reason: upgraded.reason }
  return project(
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
}

/**
 * The latest settings.updated payload of a till (JSON text) sent before `before` (ISO, the till's
 * clock), if any: held events and applied collisions in the order the head office received them —
 * a restored till's profile, sent after its restore, is its profile now.
 */
export async function lastProfile(
  tx: Pick<SqlTx, 'query'>,
  tillId: string,
  before?: string
): Promise<string | null> {
  // Through the till's store: the (store, type) indexes find its few profiles among all its events.
  const [row] = await tx.query<{ payload: string }>(
    `SELECT h.payload FROM ${HELD_EVENTS} h
     WHERE h.store_id = (SELECT t.store_id FROM tills t WHERE t.id = ?) AND h.type = 'settings.updated'
       AND h.till_id = ? ${before ? 'AND h.at < ?' : ''}
     ORDER BY h.received_at DESC, h.seq DESC, h.source DESC LIMIT 1`,
    before ? [tillId, tillId, before] : [tillId, tillId]
  )
  return row?.payload ?? null
}
