import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/main/store/database'
import { schemaVersion } from '../../../src/main/store/migrate'
import { migrations } from '../../../src/main/store/migrations'
import { tempDir } from '../../support/temp-dir'

describe('migration 0030 (catalog)', () => {
  it('upgrades a file at 20 to 30, keeping the FTS index in step with inserts, renames and deletes', async () => {
    const dir = tempDir()
    const file = join(dir, 'kassa.sqlite')
    const backupDir = join(dir, 'backups')
    const upTo = (version: number) => migrations.filter((m) => m.version <= version)
    ;(await openDatabase(file, { backupDir, migrations: upTo(20) })).db.close()

    const { db, applied } = await openDatabase(file, { backupDir, migrations: upTo(30) })
    expect(applied).toEqual([30])
    expect(schemaVersion(db)).toBe(30)
    const insert =
      db.prepare(`INSERT INTO products (id, sku, name_zh, name_en, price_minor, tax_rate, unit, created_at, updated_at)
      VALUES (?, ?, ?, ?, 100, '0.13', 'piece', 'now', 'now')`)
    insert.run('a', 'SKU-A', '香辣牛肉面', 'Spicy beef noodles')
    insert.run('b', 'SKU-B', '原味薯片', 'Original chips')
    const match = (q: string) =>
      (
        db
          .prepare(
            'SELECT p.sku FROM products_fts JOIN products p ON p.seq = products_fts.rowid WHERE products_fts MATCH ?'
          )
          .all(q) as Array<{ sku: string }>
      ).map((r) => r.sku)
    expect(match('"辣牛肉"')).toEqual(['SKU-A'])
    expect(match('"BEEF"')).toEqual(['SKU-A'])
    expect(match('"sku-b"')).toEqual(['SKU-B'])
    db.prepare("UPDATE products SET name_en = 'Crisps' WHERE id = 'b'").run()
    expect(match('"chips"')).toEqual([])
    expect(match('"crisps"')).toEqual(['SKU-B'])
    db.prepare("DELETE FROM products WHERE id = 'a'").run()
    expect(match('"牛肉面"')).toEqual([])
    expect(
      db.prepare("INSERT INTO products_fts (products_fts) VALUES ('integrity-check')").run().changes
    ).toBeGreaterThanOrEqual(0)
    expect(() => insert.run('c', 'sku-b', 'x', 'x')).toThrow(/UNIQUE/)
    expect(() =>
      db
        .prepare("INSERT INTO product_barcodes (barcode, product_id, position) VALUES ('1', 'missing', 0)")
        .run()
    ).toThrow(/FOREIGN KEY/)
    db.close()
  })
})
