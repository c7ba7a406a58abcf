import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/main/store/database'
import { schemaVersion } from '../../../src/main/store/migrate'
import { migrations } from '../../../src/main/store/migrations'
import { tempDir } from '../../support/temp-dir'

describe('migration 0110: line weight pending', () => {
  it('upgrades a file at 0080 holding order lines; they keep their figures and are not waiting for a weight', async () => {
    const dir = tempDir()
    const file = join(dir, 'kassa.sqlite')
    const old = await openDatabase(file, {
      backupDir: join(dir, 'backups'),
      migrations: migrations.filter((m) => m.version < 110)
    })
    old.db.exec(`
      INSERT INTO orders (id, terminal, status, currency, rounding, tax_mode, created_at, updated_at)
        VALUES ('o1', 'T01', 'draft', 'CNY', 'half-up', 'inclusive', 'x', 'x');
      INSERT INTO order_lines (id, order_id, position, sku, name, unit, quantity, unit_price, list_price)
        VALUES ('l1', 'o1', 0, 'APPLE-KG', '苹果', 'kg', '0.35', 1280, 1280),
               ('l2', 'o1', 1, 'COLA-330', '可乐', 'piece', '2', 350, 350);
    `)
    old.db.close()

    const { db, applied } = await openDatabase(file, { backupDir: join(dir, 'backups') })
    expect(applied).toContain(110)
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(110)
    expect(
      db.prepare('SELECT id, quantity, unit_price, weight_pending FROM order_lines ORDER BY position').all()
    ).toEqual([
      { id: 'l1', quantity: '0.35', unit_price: 1280, weight_pending: 0 },
      { id: 'l2', quantity: '2', unit_price: 350, weight_pending: 0 }
    ])
    expect(() => db.prepare("UPDATE order_lines SET weight_pending = 2 WHERE id = 'l1'").run()).toThrow(
      /CHECK/
    )
    db.close()
  })
})
