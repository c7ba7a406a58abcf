import { describe, expect, it } from 'vitest'
import { fileBefore } from '../../support/migrations'

const AT = '2026-11-20T01:00:00.000Z'

function event(n: number, syncedAt: string | null): string {
  const synced = syncedAt === null ? 'NULL' : `'${syncedAt}'`
  return `('e${n}', '${AT}', 'order.paid', 'o${n}', '{"n":${n}}', 'h${n}', ${synced})`
}

describe('migration 0180: the outbox high-water mark', () => {
  it('starts the mark at the end of the prefix already synced, keeps every row, and only moves it forward', () => {
    const { db, upgrade } = fileBefore(180)
    db.exec(
      `INSERT INTO outbox (id, at, type, aggregate_id, payload, payload_sha256, synced_at) VALUES
        ${[event(1, 'a'), event(2, 'b'), event(3, null), event(4, null)].join(', ')}`
    )
    const rows = () => db.prepare('SELECT seq, id, payload, synced_at FROM outbox ORDER BY seq').all()
    const before = rows()

    expect(upgrade()).toEqual([180])
    expect(rows()).toEqual(before)
    expect(db.prepare('SELECT seq, at FROM outbox_synced').all()).toEqual([{ seq: 2, at: 'b' }])

    // Forward only, never past the last event, never deleted; synced_at is never written again.
    expect(() => db.exec('UPDATE outbox_synced SET seq = 1')).toThrow(/only moves forward/)
    expect(() => db.exec('UPDATE outbox_synced SET seq = 5')).toThrow(/only moves forward/)
    expect(() => db.exec('DELETE FROM outbox_synced')).toThrow(/never deleted/)
    expect(() => db.exec("UPDATE outbox SET synced_at = 'c' WHERE seq = 3")).toThrow(/retired/)
    // What the mark does not cover cannot be deleted; what it covers can.
    expect(() => db.exec('DELETE FROM outbox WHERE seq = 3')).toThrow(/unsynced/)
    db.exec("UPDATE outbox_synced SET seq = 4, at = 'd'")
    expect(db.prepare('SELECT seq FROM outbox_synced').pluck().get()).toBe(4)
    // The unsynced partial index is gone: the range after the mark reads through the primary key.
    expect(
      db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND name = 'outbox_unsynced'").all()
    ).toEqual([])
  })

  it('covers every event when none waits, and none on an empty outbox', () => {
    const all = fileBefore(180)
    all.db.exec(
      `INSERT INTO outbox (id, at, type, aggregate_id, payload, payload_sha256, synced_at) VALUES
        ${[event(1, 'a'), event(2, 'b')].join(', ')}`
    )
    all.upgrade()
    expect(all.db.prepare('SELECT seq, at FROM outbox_synced').all()).toEqual([{ seq: 2, at: 'b' }])

    const empty = fileBefore(180)
    empty.upgrade()
    expect(empty.db.prepare('SELECT seq, at FROM outbox_synced').all()).toEqual([{ seq: 0, at: null }])
  })
})
