import type { Database } from 'better-sqlite3'

export interface OutboxEvent {
  seq: number
  id: string
  at: string
  type: string
  aggregateId: string
  payload: unknown
  syncedAt: string | null
}

interface OutboxRow {
  seq: number
  id: string
  at: string
  type: string
  aggregate_id: string
  payload: string
  synced_at: string | null
}

/** The sync outbox: append inside the business transaction, read in order. */
export function createOutboxRepo(db: Database) {
  const insert = db.prepare(
    'INSERT INTO outbox (id, at, type, aggregate_id, payload) VALUES (@id, @at, @type, @aggregateId, @payload)'
  )
  const selectAfter = db.prepare<[number, number], OutboxRow>(
    'SELECT * FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?'
  )
  const countUnsynced = db.prepare<[], { n: number }>(
    'SELECT count(*) AS n FROM outbox WHERE synced_at IS NULL'
  )

  return {
    append(event: { id: string; at: string; type: string; aggregateId: string; payload: unknown }): void {
      insert.run({ ...event, payload: JSON.stringify(event.payload) })
    },
    listAfter(seq: number, limit = 500): OutboxEvent[] {
      return selectAfter.all(seq, limit).map((row) => ({
        seq: row.seq,
        id: row.id,
        at: row.at,
        type: row.type,
        aggregateId: row.aggregate_id,
        payload: JSON.parse(row.payload) as unknown,
        syncedAt: row.synced_at
      }))
    },
    unsyncedCount(): number {
      return countUnsynced.get()!.n
    }
  }
}

export type OutboxRepo = ReturnType<typeof createOutboxRepo>
