import type { HqMigration } from './types'

/**
 * Master data published to tills. Each store has one revision counter row, bumped inside every
 * publishing transaction (which locks it), so revisions become visible in commit order — unlike a
 * sequence, whose values can commit out of order and be skipped by a cursor. `epoch` changes when
 * a store's master data must be fetched again from scratch (a `reset` for every till).
 * `scope` is '' for store-wide rows and a till id for rows only that till pulls (coupon allotments).
 * `rank` orders entities so a referenced row always comes before the rows that reference it.
 */
export const migration0003MasterData: HqMigration = {
  version: 3,
  name: 'master-data',
  statements: [
    `CREATE TABLE store_revisions (
      store_id TEXT PRIMARY KEY,
      revision BIGINT NOT NULL,
      epoch TEXT NOT NULL
    )`,
    `CREATE TABLE master_records (
      store_id TEXT NOT NULL,
      scope TEXT NOT NULL,
      entity TEXT NOT NULL,
      id TEXT NOT NULL,
      rank INTEGER NOT NULL,
      revision BIGINT NOT NULL,
      deleted INTEGER NOT NULL CHECK (deleted IN (0, 1)),
      data TEXT,
      PRIMARY KEY (store_id, scope, entity, id)
    )`,
    `CREATE INDEX master_records_by_revision ON master_records (store_id, revision, rank, scope, entity, id)`,
    `CREATE INDEX master_records_by_rank ON master_records (store_id, rank, scope, entity, id)`,
    // Stores made before this version get their counter row (the store id as first epoch).
    `INSERT INTO store_revisions (store_id, revision, epoch) SELECT id, 0, id FROM stores`
  ]
}
