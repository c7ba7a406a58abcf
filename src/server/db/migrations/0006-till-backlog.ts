import type { HqMigration } from './types'

/**
 * What a till says about its own outbox when it pushes: how many events were waiting and when the
 * oldest of them was written, and its clock's offset — the head office's dashboard shows which tills are behind.
 */
export const migration0006TillBacklog: HqMigration = {
  version: 6,
  name: 'till-backlog',
  statements: [
    `ALTER TABLE tills ADD COLUMN backlog BIGINT`,
    `ALTER TABLE tills ADD COLUMN oldest_unsynced_at TEXT`,
    // The till's clock − the head office's at the last push, flagged or not (clock_skew_ms holds
    // only a flagged skew).
    `ALTER TABLE tills ADD COLUMN clock_offset_ms BIGINT`
  ]
}
