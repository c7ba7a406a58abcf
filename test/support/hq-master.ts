import { writeAudit } from '../../src/server/admin/auth/audit'
import type { RunningHq } from '../../src/server/hq'
import type { MasterAuditEntry, MasterDeps } from '../../src/server/master/types'
import { ensureStore } from '../../src/server/enrol/enrol-service'

/**
 * Master-data deps over a running head office, the audit written by the web app's own
 * `writeAudit` into `hq_audit` inside the publishing transaction (no user: a service test) — so a
 * test sees that a refused change leaves no audit row, and an accepted one exactly one.
 */
export async function masterDeps(
  hq: RunningHq
): Promise<MasterDeps & { auditRows(): Promise<MasterAuditEntry[]> }> {
  return {
    db: hq.db,
    clock: hq.clock,
    wakeups: hq.wakeups,
    audit: (tx, entry) => writeAudit(tx, null, hq.clock.now(), entry),
    async auditRows() {
      const rows = await hq.db.query<{ action: string; subject: string; details: string }>(
        "SELECT action, subject, details FROM hq_audit WHERE action LIKE 'master.%' ORDER BY at, id"
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
