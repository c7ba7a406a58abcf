import type { SqlTx } from '../types'

/**
 * A head-office migration: numbered, forward-only, applied in one transaction. Its statements are
 * in the portable subset (TEXT, INTEGER, BIGINT; no engine-specific types), so the same list runs
 * on SQLite and PostgreSQL. Every key holds the row's distributing column (`till_id` or `store_id`)
 * so Citus can shard the tables as they are.
 */
export interface HqMigration {
  version: number
  name: string
  statements: readonly string[]
  /**
   * Runs after the statements, in the same transaction: fills what SQL alone cannot (columns
   * derived from events' JSON payloads with the push path's own code). Must be idempotent.
   */
  backfill?: (tx: SqlTx) => Promise<void>
}
