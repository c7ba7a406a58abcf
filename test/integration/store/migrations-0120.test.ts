import { join } from 'node:path'
import type { Database } from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/main/store/database'
import { migrations } from '../../../src/main/store/migrations'
import { tempDir } from '../../support/temp-dir'

// Migrations 0120–0123 (issue 13): each upgrades a file holding rows at the version before it.

async function at(version: number) {
  const dir = tempDir()
  const file = join(dir, 'kassa.sqlite')
  const open = (upTo: number) =>
    openDatabase(file, {
      backupDir: join(dir, 'backups'),
      migrations: migrations.filter((m) => m.version <= upTo)
    })
  return { db: (await open(version)).db, upgrade: async (to: number) => (await open(to)).db }
}

const T = '2025-03-01T09:00:00.000Z'

function seedProfile(db: Database) {
  db.prepare(
    `INSERT INTO store_profile (id, store_name, currency, locale, rounding, tax_mode, cash_increment, updated_at)
     VALUES (1, '老店', 'CNY', 'zh-CN', 'half-up', 'inclusive', '0.05', ?)`
  ).run(T)
}

function seedCatalog(db: Database) {
  const product = db.prepare(
    `INSERT INTO products (id, sku, name_zh, name_en, price_minor, tax_rate, unit, created_at, updated_at)
     VALUES (?, ?, ?, ?, 990, '0.13', 'piece', ?, ?)`
  )
  product.run('p1', 'UPC-1', '薯片', 'Crisps', T, T)
  product.run('p2', 'SHELF-1', '货架', 'Shelf', T, T)
  const barcode = db.prepare('INSERT INTO product_barcodes (barcode, product_id, position) VALUES (?, ?, ?)')
  barcode.run('012345678905', 'p1', 0)
  barcode.run('A-100', 'p2', 0)
}

function seedRefund(db: Database) {
  db.prepare(
    `INSERT INTO orders (id, terminal, status, currency, rounding, tax_mode, cash_increment, created_at, updated_at)
     VALUES ('o1', 'T01', 'draft', 'CNY', 'half-up', 'inclusive', '0.05', ?, ?)`
  ).run(T, T)
  db.prepare(
    `INSERT INTO payments (id, order_id, method, status, amount, tendered, change_given, created_at)
     VALUES ('pay1', 'o1', 'cash', 'succeeded', 200, 200, 0, ?)`
  ).run(T)
  db.prepare(
    `INSERT INTO refunds (id, number, order_id, refund_key, status, amount, tax, reason, created_at)
     VALUES ('r1', 'T01-R000001', 'o1', 'key-1', 'succeeded', 198, 0, 'old', ?)`
  ).run(T)
  db.prepare(
    `INSERT INTO refund_tenders (id, refund_id, payment_id, method, amount, status, created_at)
     VALUES ('rt1', 'r1', 'pay1', 'cash', 198, 'succeeded', ?)`
  ).run(T)
}

describe('migrations 0120–0123', () => {
  it('0120: the profile and past orders round cash half-up; past refund tenders carry no cash rounding', async () => {
    const { db, upgrade } = await at(80)
    seedProfile(db)
    seedRefund(db)
    db.close()
    const after = await upgrade(120)
    expect(after.prepare('SELECT cash_rounding_mode FROM store_profile').get()).toEqual({
      cash_rounding_mode: 'half-up'
    })
    expect(after.prepare('SELECT cash_rounding_mode FROM orders').all()).toEqual([
      { cash_rounding_mode: 'half-up' }
    ])
    expect(after.prepare('SELECT amount, cash_rounding FROM refund_tenders').all()).toEqual([
      { amount: 198, cash_rounding: 0 }
    ])
    expect(() => after.prepare("UPDATE store_profile SET cash_rounding_mode = 'up'").run()).toThrow(/CHECK/)
    after.close()
  })

  it('0121: every barcode gets its lookup key (GTIN-14 form, an in-store code as typed)', async () => {
    const { db, upgrade } = await at(120)
    seedCatalog(db)
    db.close()
    const after = await upgrade(121)
    expect(after.prepare('SELECT barcode, lookup_key FROM product_barcodes ORDER BY barcode').all()).toEqual([
      { barcode: '012345678905', lookup_key: '00012345678905' },
      { barcode: 'A-100', lookup_key: 'A-100' }
    ])
    expect(
      after.prepare("SELECT product_id FROM product_barcodes WHERE lookup_key = '00012345678905'").get()
    ).toEqual({ product_id: 'p1' })
    after.close()
  })

  it('0122: products have no scale code until given one; the store uses the default layouts', async () => {
    const { db, upgrade } = await at(121)
    seedProfile(db)
    seedCatalog(db)
    db.close()
    const after = await upgrade(122)
    expect(after.prepare('SELECT sku, scale_code FROM products ORDER BY sku').all()).toEqual([
      { sku: 'SHELF-1', scale_code: null },
      { sku: 'UPC-1', scale_code: null }
    ])
    expect(after.prepare('SELECT scale_labels FROM store_profile').get()).toEqual({ scale_labels: null })
    after.prepare("UPDATE products SET scale_code = '07001' WHERE id = 'p1'").run()
    expect(() => after.prepare("UPDATE products SET scale_code = '07001' WHERE id = 'p2'").run()).toThrow(
      /UNIQUE/
    )
    after.close()
  })

  it('0123: an existing store keeps the zone it has been running in', async () => {
    const { db, upgrade } = await at(122)
    seedProfile(db)
    db.close()
    const after = await upgrade(123)
    expect(after.prepare('SELECT store_name, time_zone FROM store_profile').get()).toEqual({
      store_name: '老店',
      time_zone: Intl.DateTimeFormat().resolvedOptions().timeZone
    })
    after.close()
  })
})
