import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/main/store/database'
import { migrations } from '../../../src/main/store/migrations'
import { tempDir } from '../../support/temp-dir'

describe('migration 0150: sync', () => {
  it('upgrades a file at 0080 with events waiting: each gets its hash and version 1, and none can change', async () => {
    const dir = tempDir()
    const file = join(dir, 'kassa.sqlite')
    const before = migrations.filter((m) => m.version < 150)
    const old = await openDatabase(file, { backupDir: join(dir, 'backups'), migrations: before })
    const payload = JSON.stringify({ id: 'o1', number: 'T01-000001', total: 3990 })
    old.db
      .prepare(
        "INSERT INTO outbox (id, at, type, aggregate_id, payload) VALUES ('e1', '2026-11-20T01:00:00.000Z', 'order.paid', 'o1', ?)"
      )
      .run(payload)
    old.db
      .prepare(
        "INSERT INTO outbox (id, at, type, aggregate_id, payload, synced_at) VALUES ('e2', '2026-11-20T01:01:00.000Z', 'order.voided', 'o1', '{}', 'x')"
      )
      .run()
    old.db.exec(`
      INSERT INTO coupons (id, code, type, amount, usage_limit, used_count, created_at, updated_at)
        VALUES ('c1', 'SAVE5', 'amount', 500, 3, 2, 'x', 'x');
    `)
    old.db.close()

    // Up to 0150 only: 0180 later retires `synced_at` for the outbox's high-water mark.
    const { db, applied } = await openDatabase(file, {
      backupDir: join(dir, 'backups'),
      migrations: migrations.filter((m) => m.version <= 150)
    })
    try {
      expect(applied).toContain(150)
      expect(
        db
          .prepare('SELECT seq, id, version, payload, payload_sha256, synced_at FROM outbox ORDER BY seq')
          .all()
      ).toEqual([
        {
          seq: 1,
          id: 'e1',
          version: 1,
          payload,
          payload_sha256: createHash('sha256').update(payload, 'utf8').digest('hex'),
          synced_at: null
        },
        {
          seq: 2,
          id: 'e2',
          version: 1,
          payload: '{}',
          payload_sha256: createHash('sha256').update('{}', 'utf8').digest('hex'),
          synced_at: 'x'
        }
      ])
      expect(() => db.prepare("UPDATE outbox SET payload = '{}' WHERE seq = 1").run()).toThrow(
        /never changes/
      )
      expect(() => db.prepare("UPDATE outbox SET synced_at = 'y' WHERE seq = 2").run()).toThrow(/synced once/)
      db.prepare("UPDATE outbox SET synced_at = 'now' WHERE seq = 1").run()
      expect(() =>
        db
          .prepare(
            "INSERT INTO outbox (id, at, type, aggregate_id, payload) VALUES ('e3', 'x', 't', 'a', '{}')"
          )
          .run()
      ).toThrow(/payload hash/)
      // Coupons keep their local limit and use; a chain limit and allotments are new.
      expect(
        db.prepare("SELECT usage_limit, used_count, chain_limit FROM coupons WHERE id = 'c1'").get()
      ).toEqual({
        usage_limit: 3,
        used_count: 2,
        chain_limit: null
      })
      expect(db.prepare('SELECT count(*) AS n FROM sync_state').get()).toEqual({ n: 0 })
      expect(db.prepare('SELECT count(*) AS n FROM coupon_allotments').get()).toEqual({ n: 0 })
    } finally {
      db.close()
    }
  })
})
