import { describe, expect, it } from 'vitest'
import { fileBefore } from '../../support/migrations'

describe('migration 0160: notification keys', () => {
  it('keeps the notifications raised before, as written, and stores a key and params from now on', () => {
    const { db, upgrade } = fileBefore(160)
    db.exec(`INSERT INTO notifications (id, level, title, body, at, read_at)
      VALUES ('n1', 'success', '2026-11-01 已日结', '净销售额 ¥10.00', '2026-11-01T14:00:00.000Z', NULL),
             ('n2', 'warning', 'Refund refused', 'give it back another way', '2026-11-01T15:00:00.000Z', '2026-11-01T15:01:00.000Z')`)
    expect(upgrade()).toEqual([160])
    expect(db.prepare('SELECT * FROM notifications ORDER BY id').all()).toEqual([
      {
        id: 'n1',
        level: 'success',
        title: '2026-11-01 已日结',
        body: '净销售额 ¥10.00',
        at: '2026-11-01T14:00:00.000Z',
        read_at: null,
        message_key: null,
        message_params: null
      },
      {
        id: 'n2',
        level: 'warning',
        title: 'Refund refused',
        body: 'give it back another way',
        at: '2026-11-01T15:00:00.000Z',
        read_at: '2026-11-01T15:01:00.000Z',
        message_key: null,
        message_params: null
      }
    ])
    db.exec(`INSERT INTO notifications (id, level, title, body, at, message_key, message_params)
      VALUES ('n3', 'success', 't', 'b', '2026-11-02T14:00:00.000Z', 'notifications.dayClosed', '{"date":"2026-11-02"}')`)
    expect(() =>
      db.exec(`INSERT INTO notifications (id, level, title, body, at, message_params)
        VALUES ('n4', 'success', 't', 'b', '2026-11-02T14:00:00.000Z', 'not json')`)
    ).toThrow()
  })
})
