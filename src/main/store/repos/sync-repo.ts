import type { Database } from 'better-sqlite3'

export interface LocalEdits {
  catalog: boolean
  coupons: boolean
  staff: boolean
}

/** The till's enrolment: who it is at the head office, and the terminal it was before. */
export interface SyncIdentity {
  hqUrl: string
  tillId: string
  storeId: string
  storeName: string
  tillCode: string
  publicKey: string
  enrolledAt: string
  previousTerminal: string | null
}

export interface SyncStateRow extends SyncIdentity {
  pullCursor: string
  revision: number
  lastPushAt: string | null
  lastPullAt: string | null
  clockOffsetMs: number
  localEdits: LocalEdits
}

interface StateRow {
  hq_url: string
  till_id: string
  store_id: string
  store_name: string
  till_code: string
  public_key: string
  enrolled_at: string
  previous_terminal: string | null
  pull_cursor: string
  revision: number
  last_push_at: string | null
  last_pull_at: string | null
  clock_offset_ms: number
  local_edits: string
}

export interface SyncErrorRow {
  id: number
  at: string
  direction: 'enrol' | 'push' | 'pull'
  code: string
  reason: string
  resolvedAt: string | null
}

/** The enrolment, where push and pull stand, and the errors met on the way. */
export function createSyncRepo(db: Database) {
  const select = db.prepare<[], StateRow>('SELECT * FROM sync_state WHERE id = 1')
  const insert = db.prepare(`
    INSERT INTO sync_state (id, hq_url, till_id, store_id, store_name, till_code, public_key, enrolled_at, previous_terminal)
    VALUES (1, @hqUrl, @tillId, @storeId, @storeName, @tillCode, @publicKey, @enrolledAt, @previousTerminal)`)
  const remove = db.prepare('DELETE FROM sync_state WHERE id = 1')
  const setPush = db.prepare('UPDATE sync_state SET last_push_at = ? WHERE id = 1')
  const setPull = db.prepare(
    'UPDATE sync_state SET pull_cursor = ?, revision = ?, last_pull_at = ? WHERE id = 1'
  )
  const setOffset = db.prepare('UPDATE sync_state SET clock_offset_ms = ? WHERE id = 1')
  const setEdits = db.prepare('UPDATE sync_state SET local_edits = ?, store_name = ? WHERE id = 1')
  const insertError = db.prepare(
    'INSERT INTO sync_errors (at, direction, code, reason) VALUES (@at, @direction, @code, @reason)'
  )
  const resolve = db.prepare(
    'UPDATE sync_errors SET resolved_at = ? WHERE direction = ? AND resolved_at IS NULL'
  )
  const resolveCodes = db.prepare(
    "UPDATE sync_errors SET resolved_at = ? WHERE resolved_at IS NULL AND code IN ('NETWORK', 'UNAVAILABLE')"
  )
  const latestOpen = db.prepare<[string], { code: string }>(
    'SELECT code FROM sync_errors WHERE direction = ? AND resolved_at IS NULL ORDER BY id DESC LIMIT 1'
  )
  const recent = db.prepare<
    [number],
    {
      id: number
      at: string
      direction: SyncErrorRow['direction']
      code: string
      reason: string
      resolved_at: string | null
    }
  >('SELECT * FROM sync_errors ORDER BY id DESC LIMIT ?')

  return {
    /** The till's enrolment, or null when it is not enrolled. */
    state(): SyncStateRow | null {
      const row = select.get()
      if (!row) return null
      return {
        hqUrl: row.hq_url,
        tillId: row.till_id,
        storeId: row.store_id,
        storeName: row.store_name,
        tillCode: row.till_code,
        publicKey: row.public_key,
        enrolledAt: row.enrolled_at,
        previousTerminal: row.previous_terminal,
        pullCursor: row.pull_cursor,
        revision: row.revision,
        lastPushAt: row.last_push_at,
        lastPullAt: row.last_pull_at,
        clockOffsetMs: row.clock_offset_ms,
        localEdits: JSON.parse(row.local_edits) as LocalEdits
      }
    },
    /** Records who this till is at the head office; the cursor, clock offset and local edits take the table's defaults. */
    enrol(state: SyncIdentity): void {
      insert.run(state)
    },
    unenrol: () => void remove.run(),
    pushed: (at: string) => void setPush.run(at),
    /** Saves the pull cursor: call in the same transaction that applied its page. */
    pulled: (cursor: string, revision: number, at: string) => void setPull.run(cursor, revision, at),
    setClockOffset: (ms: number) => void setOffset.run(Math.trunc(ms)),
    setStoreSettings: (localEdits: LocalEdits, storeName: string) =>
      void setEdits.run(JSON.stringify(localEdits), storeName),
    recordError(error: {
      at: string
      direction: SyncErrorRow['direction']
      code: string
      reason: string
    }): void {
      insertError.run(error)
    },
    /** The code of the latest unsettled error in `direction`, or null. */
    openErrorCode: (direction: SyncErrorRow['direction']): string | null =>
      latestOpen.get(direction)?.code ?? null,
    /** A success in `direction` settles the errors met there before. */
    resolveErrors: (direction: SyncErrorRow['direction'], at: string) => void resolve.run(at, direction),
    /** The head office answered: settles every open "could not reach it" error, in any direction. */
    resolveUnreachable: (at: string) => void resolveCodes.run(at),
    errors(limit = 20): SyncErrorRow[] {
      return recent.all(limit).map((row) => ({
        id: row.id,
        at: row.at,
        direction: row.direction,
        code: row.code,
        reason: row.reason,
        resolvedAt: row.resolved_at
      }))
    }
  }
}

export type SyncRepo = ReturnType<typeof createSyncRepo>
