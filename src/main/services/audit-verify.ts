import type { AuditChainStatus } from '@shared/contract'
import { AUDIT_GENESIS_HASH, auditHash, type AuditEntry } from '../store/repos/audit-repo'

/**
 * Walks the audit log in order and reports the first entry that does not chain:
 * a modified row no longer matches its own hash, a deleted row leaves a gap in `seq`
 * and a `prevHash` that names a row that is not there, an inserted row breaks the
 * `prevHash` of the row after it (or its own hash).
 *
 * What no chain can see: the newest rows removed from the end, or rows forged and
 * appended at the end by someone who recomputes the hashes (the chain has no secret);
 * the sync's server copy is the check for those.
 */
export function verifyAuditChain(entries: Iterable<AuditEntry>): AuditChainStatus {
  const iterator = entries[Symbol.iterator]()
  try {
    return walk(iterator)
  } finally {
    // Stopping early must release the cursor: better-sqlite3 refuses every other statement
    // on the connection while an iterate() is still open.
    iterator.return?.()
  }
}

function walk(iterator: Iterator<AuditEntry>): AuditChainStatus {
  let prevHash = AUDIT_GENESIS_HASH
  let prevSeq = 0
  let count = 0
  for (;;) {
    let step: IteratorResult<AuditEntry>
    try {
      step = iterator.next()
    } catch (error) {
      // A row whose details are not JSON any more: tampered with outside Kassa.
      const reason = `the entry after ${prevSeq} cannot be read (${error instanceof Error ? error.message : String(error)})`
      return { ok: false, entries: count + 1, brokenAtSeq: prevSeq + 1, reason }
    }
    if (step.done) break
    const entry = step.value
    count++
    const broken = (reason: string): AuditChainStatus => ({
      ok: false,
      entries: count,
      brokenAtSeq: entry.seq,
      reason
    })
    if (entry.seq !== prevSeq + 1) {
      return broken(
        `entry ${entry.seq} follows entry ${prevSeq}: ${entry.seq > prevSeq + 1 ? 'entries are missing' : 'out of order'}`
      )
    }
    if (entry.prevHash !== prevHash) return broken(`entry ${entry.seq} does not chain to the entry before it`)
    if (auditHash(entry.prevHash, entry) !== entry.hash)
      return broken(`entry ${entry.seq} was changed after it was written`)
    prevHash = entry.hash
    prevSeq = entry.seq
  }
  return { ok: true, entries: count, brokenAtSeq: null, reason: null }
}
