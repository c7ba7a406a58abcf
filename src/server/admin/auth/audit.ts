import { randomUUID } from 'node:crypto'
import type { SqlTx } from '../../db/types'

export interface AuditEntry {
  /** What was done, `<area>.<verb>` (`stores.create`, `auth.login`). */
  action: string
  /** The id of what it was done to, if any. */
  subject?: string | null
  /** Anything a reader needs to know what changed; never a secret (refused below). */
  details?: Record<string, unknown>
}

/** Keys that may hold a secret: an audit entry naming one is our bug, refused before it is written. */
const SECRET_KEY = /pass|secret|token|pin$|cookie|hash/i

function checkNoSecret(value: unknown, path: string): void {
  if (value === null || typeof value !== 'object') return
  for (const [key, inner] of Object.entries(value)) {
    if (SECRET_KEY.test(key)) throw new Error(`audit details may not hold a secret (${path}${key})`)
    checkNoSecret(inner, `${path}${key}.`)
  }
}

/**
 * Appends one `hq_audit` row inside `tx`, the transaction of the change it records (so both
 * happen or neither). `userId` is who did it (null: nobody signed in, e.g. a failed login).
 * Throws Error (an INTERNAL refusal) when details name a secret-looking key.
 */
export async function writeAudit(
  tx: SqlTx,
  userId: string | null,
  at: Date,
  entry: AuditEntry
): Promise<void> {
  const details = entry.details ?? {}
  checkNoSecret(details, '')
  await tx.run('INSERT INTO hq_audit (id, at, user_id, action, subject, details) VALUES (?, ?, ?, ?, ?, ?)', [
    randomUUID(),
    at.toISOString(),
    userId,
    entry.action,
    entry.subject ?? null,
    JSON.stringify(details)
  ])
}
