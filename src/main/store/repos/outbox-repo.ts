import { hash } from 'node:crypto'
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
  /** Held by the head office (at or below the outbox's high-water mark). */
  synced: boolean
}

/** An event as the sync pushes it: the payload as the exact JSON text stored, with its hash. */
export type OutboxWireEvent = Omit<OutboxEvent, 'payload' | 'synced'> & {
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
  // What the head office holds is one high-water mark (migration 0180): every event up to
  // `outbox_synced.seq`. What waits is the range after it, read through the primary key.
  const mark = db.prepare<[], { seq: number }>('SELECT seq FROM outbox_synced WHERE id = 1')
  const firstAfter = db.prepare<[number], { seq: number; at: string }>(
    'SELECT seq, at FROM outbox WHERE seq > ? ORDER BY seq LIMIT 1'
  )
  const moveMark = db.prepare<[number, string, number]>(
    'UPDATE outbox_synced SET seq = ?, at = ? WHERE id = 1 AND seq < ?'
  )
  const exportAfter = db.prepare<[number], OutboxRow>('SELECT * FROM outbox WHERE seq > ? ORDER BY seq')
  const highest = db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM outbox')

  // How many events wait after a seq, without counting them: a count walks every page of the rows
  // (their payloads live in the table's leaves), 100,000 waiting events about 70 MB, 0.1–0.3 s on
  // this machine per count, and the push asked twice per batch (in main, the sync status once per
  // push). The seqs after the mark have no gaps — AUTOINCREMENT, an unsynced event cannot be
  // deleted, and the head office refuses a gap — so it is the last seq minus the first waiting one,
  // plus one: two look-ups in the primary key. Whether anything waits at all is read, not derived.
  const waitingAfter = (seq: number): { count: number; oldestAt: string | null } => {
    const first = firstAfter.get(seq)
    if (!first) return { count: 0, oldestAt: null }
    return { count: (highest.get()!.seq ?? first.seq) - first.seq + 1, oldestAt: first.at }
  }

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
        payloadSha256: hash('sha256', payload, 'hex')
      })
      for (const listener of listeners) listener()
    },
    listAfter(seq: number, limit = 500): OutboxEvent[] {
      const held = mark.get()!
      return selectAfter.all(seq, limit).map((row) => ({
        seq: row.seq,
        id: row.id,
        at: row.at,
        type: row.type,
        version: row.version,
        aggregateId: row.aggregate_id,
        payload: JSON.parse(row.payload) as unknown,
        synced: row.seq <= held.seq
      }))
    },
    /**
     * Events from `fromSeq` on, in order, as they go on the wire — synced or not, because a head
     * office that lost some (`SEQ_GAP`) is sent them again from where it stands.
     */
    wireFrom(fromSeq: number, limit: number): OutboxWireEvent[] {
      return selectFrom.all(fromSeq, limit).map(toWire)
    },
    /** How many events the head office does not hold yet (those after the high-water mark). */
    unsyncedCount(): number {
      return waitingAfter(mark.get()!.seq).count
    },
    /** The oldest event still waiting to be pushed, or null when everything is synced. */
    oldestUnsynced(): { seq: number; at: string } | null {
      return firstAfter.get(mark.get()!.seq) ?? null
    },
    /**
     * The first event after `seq` still waiting to be pushed (after the high-water mark too), or
     * null: whether a push that the head office acknowledged up to `seq` has more to send.
     */
    firstUnsyncedAfter(seq: number): { seq: number; at: string } | null {
      return firstAfter.get(Math.max(seq, mark.get()!.seq)) ?? null
    },
    /**
     * The events after `seq` still waiting to be pushed and when the oldest of them was written
     * (ISO time by the till's clock: the first waiting in seq order, as `oldestUnsynced` says, since
     * events are appended in time order) — what stays unsynced once a batch ending at `seq` is
     * acknowledged.
     */
    unsyncedAfter(seq: number): { count: number; oldestAt: string | null } {
      return waitingAfter(Math.max(seq, mark.get()!.seq))
    },
    /**
     * Moves the high-water mark to `seq` (the head office's highest contiguous seq, never past the
     * last event this file holds: a restored till is answered with seqs it no longer has); returns
     * how many events it newly covers. One row, whatever the batch's size. Never moves back.
     */
    markSyncedUpTo(seq: number, at: string): number {
      const before = mark.get()!.seq
      const upTo = Math.min(seq, highest.get()!.seq ?? 0)
      if (upTo <= before) return 0
      moveMark.run(upTo, at, upTo)
      // Events after the old mark, up to the last one: no gaps among them (see `waitingAfter`).
      return upTo - before
    },
    /** Every unsynced event with its stored JSON text and hash, for an export a person keeps. */
    exportUnsynced(): OutboxWireEvent[] {
      return exportAfter.all(mark.get()!.seq).map(toWire)
    },
    highestSeq(): number {
      return highest.get()!.seq ?? 0
    }
  }
}

export type OutboxRepo = ReturnType<typeof createOutboxRepo>
