import type { HqMigration } from './types'

/**
 * Every event as received, keyed by (till, seq) with its payload's hash; the other copy of a
 * (till, seq) that arrived with another hash (a restored till); anomalies for a person to look at.
 * No global unique on the event id: Citus allows unique keys only with the distribution column.
 */
export const migration0002Events: HqMigration = {
  version: 2,
  name: 'events',
  statements: [
    `CREATE TABLE events (
      till_id TEXT NOT NULL,
      seq BIGINT NOT NULL,
      event_id TEXT NOT NULL,
      store_id TEXT NOT NULL,
      type TEXT NOT NULL,
      version INTEGER NOT NULL,
      at TEXT NOT NULL,
      aggregate_id TEXT NOT NULL,
      payload TEXT NOT NULL,
      payload_sha256 TEXT NOT NULL,
      received_at TEXT NOT NULL,
      -- applied: in the projections; recorded: kept, nothing to project; quarantined: see reason.
      status TEXT NOT NULL CHECK (status IN ('applied', 'recorded', 'quarantined')),
      reason TEXT,
      PRIMARY KEY (till_id, seq)
    )`,
    `CREATE INDEX events_event_id ON events (till_id, event_id)`,
    `CREATE INDEX events_quarantined ON events (store_id, status)`,
    `CREATE TABLE event_collisions (
      till_id TEXT NOT NULL,
      seq BIGINT NOT NULL,
      payload_sha256 TEXT NOT NULL,
      event_id TEXT NOT NULL,
      type TEXT NOT NULL,
      version INTEGER NOT NULL,
      at TEXT NOT NULL,
      aggregate_id TEXT NOT NULL,
      payload TEXT NOT NULL,
      received_at TEXT NOT NULL,
      PRIMARY KEY (till_id, seq, payload_sha256)
    )`,
    `CREATE TABLE anomalies (
      till_id TEXT NOT NULL,
      -- Deterministic per cause (e.g. seq-collision:42:<hash>), so a re-push records it once.
      id TEXT NOT NULL,
      store_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      detail TEXT NOT NULL,
      at TEXT NOT NULL,
      PRIMARY KEY (till_id, id)
    )`
  ]
}
