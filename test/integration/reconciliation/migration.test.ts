import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/main/store/database'
import { schemaVersion } from '../../../src/main/store/migrate'
import { migrations } from '../../../src/main/store/migrations'
import { tempDir } from '../../support/temp-dir'

describe('migration 0080: reconciliation', () => {
  it('upgrades a file at 0075 that holds payments, and keeps one current run per day and provider', async () => {
    const dir = tempDir()
    const file = join(dir, 'kassa.sqlite')
    const before = migrations.filter((m) => m.version < 80)
    const old = await openDatabase(file, { backupDir: join(dir, 'backups'), migrations: before })
    old.db.exec(`
      INSERT INTO orders (id, terminal, status, currency, rounding, tax_mode, created_at, updated_at) VALUES ('o1', 'T01', 'paid', 'CNY', 'half-up', 'inclusive', 'x', 'x');
      INSERT INTO payments (id, order_id, method, status, amount, tendered, change_given, trade_no, created_at, completed_at, flow)
        VALUES ('p1', 'o1', 'alipay', 'succeeded', 3990, 3990, 0, 'T01000001P1', '2025-03-01T02:00:00.000Z', '2025-03-01T02:00:01.000Z', 'merchant_qr');
    `)
    old.db.close()

    const { db, applied } = await openDatabase(file, { backupDir: join(dir, 'backups') })
    expect(applied).toContain(80)
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(80)
    expect(db.prepare("SELECT trade_no FROM payments WHERE id = 'p1'").pluck().get()).toBe('T01000001P1')
    const run = (id: string, superseded: string | null) =>
      db
        .prepare(
          `INSERT INTO reconciliation_runs (id, date, provider, source, ran_at, bill_rows, matched, differences, gross, refunds, fees, net,
             local_gross, local_refunds, fees_posted, superseded_at) VALUES (?, '2025-03-01', 'alipay', 'fetch', 'x', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ?)`
        )
        .run(id, superseded)
    run('r1', 'later')
    run('r2', null)
    expect(() => run('r3', null)).toThrow(/UNIQUE/)
    expect(() =>
      db
        .prepare(
          "INSERT INTO reconciliation_results (run_id, position, result, kind, trade_no, fee) VALUES ('r2', 0, 'odd', 'payment', 'T', 0)"
        )
        .run()
    ).toThrow(/CHECK/)
    db.close()
  })
})
