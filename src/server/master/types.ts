import type { HqClock } from '../clock'
import type { HqDatabase, SqlTx } from '../db/types'
import type { Wakeups } from '../pull/wakeups'

/** One append-only audit row, written in the same transaction as the change it records. */
export type { AuditEntry as MasterAuditEntry } from '../admin/auth/audit'
import type { AuditEntry } from '../admin/auth/audit'

/** What every master-data service needs: the store, the clock, the long-poll wakeups and the audit. */
export interface MasterDeps {
  db: HqDatabase
  clock: HqClock
  wakeups: Wakeups
  /** Writes the audit row inside `tx` (the web app's `ctx.audit`). */
  audit: (tx: SqlTx, entry: AuditEntry) => Promise<void>
}

/** Anything that answers a SELECT: the database, or a transaction. */
export type Reader = Pick<SqlTx, 'query'>
