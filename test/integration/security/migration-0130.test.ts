import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/main/store/database'
import { schemaVersion } from '../../../src/main/store/migrate'
import { migrations } from '../../../src/main/store/migrations'
import { tempDir } from '../../support/temp-dir'

describe('migration 0130: loss prevention', () => {
  it('upgrades a file at 0080 that holds a refund policy and refunds, keeping them, with blind close on', async () => {
    const dir = tempDir()
    const file = join(dir, 'kassa.sqlite')
    const old = await openDatabase(file, {
      backupDir: join(dir, 'backups'),
      migrations: migrations.filter((m) => m.version < 130)
    })
    old.db.exec(`
      UPDATE refund_policy SET approval_threshold = 5000 WHERE id = 1;
      INSERT INTO orders (id, terminal, status, currency, rounding, tax_mode, created_at, updated_at)
        VALUES ('o1', 'T01', 'paid', 'CNY', 'half-up', 'inclusive', 'x', 'x');
      INSERT INTO refunds (id, number, order_id, refund_key, status, amount, tax, reason, requested_by, approved_by, created_at, completed_at)
        VALUES ('r1', 'T01-R000001', 'o1', 'key-00001', 'succeeded', 1200, 0, 'dented', NULL, NULL, '2026-11-25T02:00:00.000Z', '2026-11-25T02:00:00.000Z');
    `)
    old.db.close()

    const { db, applied } = await openDatabase(file, { backupDir: join(dir, 'backups') })
    expect(applied).toContain(130)
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(130)
    expect(db.prepare('SELECT approval_threshold FROM refund_policy').pluck().get()).toBe(5000)
    expect(db.prepare("SELECT amount FROM refunds WHERE id = 'r1'").pluck().get()).toBe(1200)
    expect(db.prepare('SELECT * FROM loss_prevention').all()).toEqual([
      {
        id: 1,
        shift_refund_limit: null,
        cash_refund_threshold: 0,
        line_discount_limit: '0.2',
        blind_close: 1
      }
    ])
    expect(() => db.prepare('UPDATE loss_prevention SET cash_refund_threshold = -1').run()).toThrow(/CHECK/)
    expect(() =>
      db
        .prepare(
          'INSERT INTO loss_prevention (id, cash_refund_threshold, line_discount_limit, blind_close) VALUES (2, 0, 0, 1)'
        )
        .run()
    ).toThrow(/CHECK/)
    db.close()
  })
})
