import { hash } from 'node:crypto'
import type { Database } from 'better-sqlite3'
import { canonicalJson } from '../canonical-json'

export const AUDIT_GENESIS_HASH = '0'.repeat(64)

export interface AuditEntryInput {
  id: string
  at: string
  actorUserId: string | null
  approverUserId?: string | null
  action: string
  subject?: string | null
  details: Record<string, unknown>
}

export interface AuditEntry extends Required<AuditEntryInput> {
  seq: number
  prevHash: string
  hash: string
}

interface AuditRow {
  seq: number
  id: string
  at: string
  actor_user_id: string | null
  approver_user_id: string | null
  action: string
  subject: string | null
  details: string
  prev_hash: string
  hash: string
}

/** The hash that chains an entry to the one before it. */
export function auditHash(prevHash: string, entry: Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>): string {
  const canonical = canonicalJson({
    id: entry.id,
    at: entry.at,
    actorUserId: entry.actorUserId,
    approverUserId: entry.approverUserId,
    action: entry.action,
    subject: entry.subject,
    details: entry.details
  })
  // One call rather than a Hash object fed three times: the same UTF-8 bytes, prevHash, '\n', canonical.
  return hash('sha256', `${prevHash}\n${canonical}`, 'hex')
}

export function fromAuditRow(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    id: row.id,
    at: row.at,
    actorUserId: row.actor_user_id,
    approverUserId: row.approver_user_id,
    action: row.action,
    subject: row.subject,
    details: JSON.parse(row.details) as Record<string, unknown>,
    prevHash: row.prev_hash,
    hash: row.hash
  }
}

/** Append-only, hash-chained audit log. Call `append` inside the action's transaction. */
export function createAuditRepo(db: Database) {
  const last = db.prepare<[], { hash: string }>('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1')
  const insert = db.prepare(`
    INSERT INTO audit_log (id, at, actor_user_id, approver_user_id, action, subject, details, prev_hash, hash)
    VALUES (@id, @at, @actorUserId, @approverUserId, @action, @subject, @details, @prevHash, @hash)
  `)
  const selectAll = db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY seq')

  return {
    append(input: AuditEntryInput): AuditEntry {
      const entry = {
        id: input.id,
        at: input.at,
        actorUserId: input.actorUserId,
        approverUserId: input.approverUserId ?? null,
        action: input.action,
        subject: input.subject ?? null,
        details: input.details
      }
      const prevHash = last.get()?.hash ?? AUDIT_GENESIS_HASH
      const chained = auditHash(prevHash, entry)
      const info = insert.run({ ...entry, details: JSON.stringify(entry.details), prevHash, hash: chained })
      return { ...entry, seq: Number(info.lastInsertRowid), prevHash, hash: chained }
    },
    *iterate(): Generator<AuditEntry> {
      for (const row of selectAll.iterate()) yield fromAuditRow(row)
    }
  }
}

export type AuditRepo = ReturnType<typeof createAuditRepo>
