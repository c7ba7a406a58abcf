import { createHash } from 'node:crypto'
import type { Database } from 'better-sqlite3'
import { eventVersion } from '@shared/sync/protocol'

export interface OutboxEvent {
  seq: number
  id: string
  at: string
  type: string
  /** The payload version its type had when the event was written. */
  version: number
  aggregateId: string
  payload: unknown
  syncedAt: string | null
}

/** An event as the sync pushes it: the payload as the exact JSON text stored, with its hash. */
export interface OutboxWireEvent {
  seq: number
  id: string
  at: string
  type: string
  version: number
  aggregateId: string
  payload: string
  payloadSha256: string
}

interface OutboxRow {
  seq: number
  id: string
  at: string
  type: string
  version: number
  aggregate_id: string
  payload: string
  payload_sha256: string
  synced_at: string | null
}

/** A stored row as it goes on the wire: the payload's exact JSON text and its hash, untouched. */
function toWire(row: OutboxRow): OutboxWireEvent {
  return {
    seq: row.seq,
    id: row.id,
    at: row.at,
    type: row.type,
    version: row.version,
    aggregateId: row.aggregate_id,
    payload: row.payload,
    payloadSha256: row.payload_sha256
  }
}

/** The sync outbox: append inside the business transaction, read in order. */
export function createOutboxRepo(db: Database) {
  const insert = db.prepare(
    `INSERT INTO outbox (id, at, type, version, aggregate_id, payload, payload_sha256)
     VALUES (@id, @at, @type, @version, @aggregateId, @payload, @payloadSha256)`
  )
  const selectAfter = db.prepare<[number, number], OutboxRow>(
    'SELECT * FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?'
  )
  const selectFrom = db.prepare<[number, number], OutboxRow>(
    'SELECT * FROM outbox WHERE seq >= ? ORDER BY seq LIMIT ?'
  )
  const countUnsynced = db.prepare<[], { n: number }>(
    'SELECT count(*) AS n FROM outbox WHERE synced_at IS NULL'
  )
  const oldestUnsynced = db.prepare<[], { seq: number; at: string }>(
    'SELECT seq, at FROM outbox WHERE synced_at IS NULL ORDER BY seq LIMIT 1'
  )
  // Two statements, each answered from the unsynced index: `min(at)` over the same rows read every
  // waiting row from the table (about 0.1 s for a 100,000-event backlog, once per pushed batch).
  const countUnsyncedAfter = db.prepare<[number], { n: number }>(
    'SELECT count(*) AS n FROM outbox WHERE synced_at IS NULL AND seq > ?'
  )
  const firstUnsyncedAfter = db.prepare<[number], { at: string }>(
    'SELECT at FROM outbox WHERE synced_at IS NULL AND seq > ? ORDER BY seq LIMIT 1'
  )
  const markUpTo = db.prepare('UPDATE outbox SET synced_at = ? WHERE seq <= ? AND synced_at IS NULL')
  const exportAll = db.prepare<[], OutboxRow>('SELECT * FROM outbox WHERE synced_at IS NULL ORDER BY seq')
  const highest = db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM outbox')

  const listeners = new Set<() => void>()

  return {
    /** Called after each append (still inside its transaction): the sync schedules a push for after it. */
    onAppend(listener: () => void): () => void {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    /**
     * Appends one event (call inside the change's transaction). Its payload is stored as JSON text
     * with the SHA-256 of that text and its type's current payload version, exactly what is pushed.
     */
    append(event: { id: string; at: string; type: string; aggregateId: string; payload: unknown }): void {
      const payload = JSON.stringify(event.payload)
      insert.run({
        id: event.id,
        at: event.at,
        type: event.type,
        version: eventVersion(event.type),
        aggregateId: event.aggregateId,
        payload,
        payloadSha256: createHash('sha256').update(payload, 'utf8').digest('hex')
      })
      for (const listener of listeners) listener()
    },
    listAfter(seq: number, limit = 500): OutboxEvent[] {
      return selectAfter.all(seq, limit).map((row) => ({
        seq: row.seq,
        id: row.id,
        at: row.at,
        type: row.type,
        version: row.version,
        aggregateId: row.aggregate_id,
        payload: JSON.parse(row.payload) as unknown,
        syncedAt: row.synced_at
      }))
    },
    /**
     * Events from `fromSeq` on, in order, as they go on the wire — synced or not, because a head
     * office that lost some (`SEQ_GAP`) is sent them again from where it stands.
     */
    wireFrom(fromSeq: number, limit: number): OutboxWireEvent[] {
      return selectFrom.all(fromSeq, limit).map(toWire)
    },
    unsyncedCount(): number {
      return countUnsynced.get()!.n
    },
    /** The oldest event still waiting to be pushed, or null when everything is synced. */
    oldestUnsynced(): { seq: number; at: string } | null {
      return oldestUnsynced.get() ?? null
    },
    /**
     * The events after `seq` still waiting to be pushed and when the oldest of them was written
     * (ISO time by the till's clock: the first waiting in seq order, as `oldestUnsynced` says, since
     * events are appended in time order) — what stays unsynced once a batch ending at `seq` is
     * acknowledged.
     */
    unsyncedAfter(seq: number): { count: number; oldestAt: string | null } {
      const count = countUnsyncedAfter.get(seq)!.n
      return { count, oldestAt: count > 0 ? (firstUnsyncedAfter.get(seq)?.at ?? null) : null }
    },
    /** Marks every event up to `seq` synced (the head office's highest contiguous seq); returns how many. */
    markSyncedUpTo(seq: number, at: string): number {
      return markUpTo.run(at, seq).changes
    },
    /** Every unsynced event with its stored JSON text and hash, for an export a person keeps. */
    exportUnsynced(): OutboxWireEvent[] {
      return exportAll.all().map(toWire)
    },
    highestSeq(): number {
      return highest.get()!.seq ?? 0
    }
  }
}

export type OutboxRepo = ReturnType<typeof createOutboxRepo>
