import type { RunningHq } from '../../src/server/hq'
import type { MasterAuditEntry, MasterDeps } from '../../src/server/master/types'
import { ensureStore } from '../../src/server/enrol/enrol-service'

/**
 * Master-data deps over a running head office, with the audit written to a table of the test's own
 * (`test_master_audit`) inside the publishing transaction — so a test sees that a refused change
 * leaves no audit row, and an accepted one exactly one.
 */
export async function masterDeps(
  hq: RunningHq
): Promise<MasterDeps & { auditRows(): Promise<MasterAuditEntry[]> }> {
  await hq.db.exec(
    'CREATE TABLE IF NOT EXISTS test_master_audit (n INTEGER NOT NULL, action TEXT NOT NULL, subject TEXT NOT NULL, details TEXT)'
  )
  let n = 0
  return {
    db: hq.db,
    clock: hq.clock,
    wakeups: hq.wakeups,
    audit: async (tx, entry) => {
      await tx.run('INSERT INTO test_master_audit (n, action, subject, details) VALUES (?, ?, ?, ?)', [
        ++n,
        entry.action,
        entry.subject,
        JSON.stringify(entry.details ?? {})
      ])
    },
    async auditRows() {
      const rows = await hq.db.query<{ action: string; subject: string; details: string }>(
        'SELECT action, subject, details FROM test_master_audit ORDER BY n'
      )
      return rows.map((r) => ({ action: r.action, subject: r.subject, details: JSON.parse(r.details) }))
    }
  }
}

/** A store of the head office (with its revision row and settings record), by name. */
export async function makeStore(hq: RunningHq, name: string, timeZone = 'Asia/Shanghai'): Promise<string> {
  return (await hq.db.transaction((tx) => ensureStore(tx, hq.clock, name, { timeZone }))).id
}

/** The store's revision now. */
export async function revisionOf(hq: RunningHq, storeId: string): Promise<number> {
  const [row] = await hq.db.query<{ revision: number }>(
    'SELECT revision FROM store_revisions WHERE store_id = ?',
    [storeId]
  )
  return Number(row!.revision)
}
