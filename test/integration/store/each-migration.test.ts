import type { Database } from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrations } from '../../../src/main/store/migrations'
import { ORDER_STATUSES, REFUND_STATUSES, TENDER_METHODS } from '../../../src/shared/vocabulary'
import { fileBefore } from '../../support/migrations'

/**
 * Each migration, one by one, as Signal Desktop tests its own: a file at the previous version with
 * rows in it, migrated, and the rows asserted. A new migration adds its own `describe` here (or a
 * test beside its feature) using `fileBefore(version)` from test/support/migrations.ts.
 */
const AT = '2026-11-01T02:00:00.000Z'

describe('the list of migrations', () => {
  it('ascends strictly, each version once, with a name', () => {
    const versions = migrations.map((m) => m.version)
    expect(versions).toEqual([...versions].sort((a, b) => a - b))
    expect(new Set(versions).size).toBe(versions.length)
    for (const m of migrations) {
      expect(Number.isInteger(m.version) && m.version > 0).toBe(true)
      expect(m.name).toMatch(/^[a-z][a-z0-9-]*$/)
    }
  })
})

describe('migration 0010: initial', () => {
  it('turns an empty file into the store profile, preferences, audit log and outbox, and the outbox keeps unsynced rows', () => {
    const { db, upgrade } = fileBefore(10)
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get()).toBe(0)
    expect(upgrade()).toEqual([10])
    db.exec(`INSERT INTO outbox (id, at, type, aggregate_id, payload) VALUES ('e1', '${AT}', 'x', 'a', '{}')`)
    expect(() => db.exec("DELETE FROM outbox WHERE id = 'e1'")).toThrow(/unsynced/)
  })
})

describe('migration 0020: accounts', () => {
  it('keeps the store profile, preferences and audit rows, and adds users with the default security settings', () => {
    const { db, upgrade } = fileBefore(20)
    db.exec(`
      INSERT INTO store_profile (id, store_name, currency, locale, rounding, tax_mode, cash_increment, updated_at)
        VALUES (1, '示范店', 'CNY', 'zh-CN', 'half-up', 'inclusive', '0.10', '${AT}');
      INSERT INTO preferences (key, value) VALUES ('language', '"zh-CN"');
      INSERT INTO audit_log (seq, id, at, action, details, prev_hash, hash) VALUES (1, 'a1', '${AT}', 'settings.updated', '{}', '0', 'h1');
    `)
    expect(upgrade()).toEqual([20])
    expect(db.prepare('SELECT store_name, cash_increment FROM store_profile').get()).toEqual({
      store_name: '示范店',
      cash_increment: '0.10'
    })
    expect(db.prepare('SELECT value FROM preferences').pluck().get()).toBe('"zh-CN"')
    expect(db.prepare('SELECT hash FROM audit_log').pluck().all()).toEqual(['h1'])
    expect(db.prepare('SELECT max_failed_attempts FROM security_settings').pluck().get()).toBe(5)
    expect(db.prepare('SELECT count(*) FROM users').pluck().get()).toBe(0)
  })
})

describe('migration 0030: catalog', () => {
  it('keeps users and set-up, and adds a searchable catalog', () => {
    const { db, upgrade } = fileBefore(30)
    db.exec(`
      INSERT INTO users (id, username, display_name, role, password_hash, pin_hash, created_at, updated_at)
        VALUES ('u1', 'owner', 'Owner Wang', 'owner', 'scrypt$p', 'scrypt$q', '${AT}', '${AT}');
      INSERT INTO setup_state (id, completed_at, owner_user_id) VALUES (1, '${AT}', 'u1');
    `)
    expect(upgrade()).toEqual([30])
    expect(db.prepare('SELECT username, role, active FROM users').get()).toEqual({
      username: 'owner',
      role: 'owner',
      active: 1
    })
    expect(db.prepare('SELECT owner_user_id FROM setup_state').pluck().get()).toBe('u1')
    db.exec(`INSERT INTO products (id, sku, name_zh, name_en, price_minor, tax_rate, unit, created_at, updated_at)
      VALUES ('p1', 'TEA-1', '乌龙茶', 'Oolong tea', 350, '0.13', 'piece', '${AT}', '${AT}')`)
    expect(
      db.prepare("SELECT sku FROM products_fts WHERE products_fts MATCH 'oolong'").pluck().all()
    ).toEqual(['TEA-1'])
  })
})

describe('migration 0040: orders', () => {
  it('keeps products, barcodes and categories, and adds orders whose statuses are the vocabulary’s', () => {
    const { db, upgrade } = fileBefore(40)
    db.exec(`
      INSERT INTO categories (id, code, name_zh, name_en, created_at, updated_at) VALUES ('c1', 'DRINK', '饮料', 'Drinks', '${AT}', '${AT}');
      INSERT INTO products (id, sku, name_zh, name_en, category_id, price_minor, tax_rate, unit, created_at, updated_at)
        VALUES ('p1', 'TEA-1', '乌龙茶', 'Oolong tea', 'c1', 350, '0.13', 'piece', '${AT}', '${AT}');
      INSERT INTO product_barcodes (barcode, product_id, position) VALUES ('6920000000017', 'p1', 0);
    `)
    expect(upgrade()).toEqual([40])
    expect(
      db
        .prepare(
          'SELECT p.sku, p.price_minor, c.code, b.barcode FROM products p JOIN categories c ON c.id = p.category_id JOIN product_barcodes b ON b.product_id = p.id'
        )
        .get()
    ).toEqual({ sku: 'TEA-1', price_minor: 350, code: 'DRINK', barcode: '6920000000017' })
    const insert = db.prepare(
      `INSERT INTO orders (id, terminal, status, currency, rounding, tax_mode, created_at, updated_at) VALUES (?, 'T01', ?, 'CNY', 'half-up', 'inclusive', '${AT}', '${AT}')`
    )
    ORDER_STATUSES.forEach((status, i) => insert.run(`o${i}`, status))
    expect(() => insert.run('bad', 'parked')).toThrow(/CHECK/)
    const pay = db.prepare(
      `INSERT INTO payments (id, order_id, method, status, amount, tendered, change_given, created_at) VALUES (?, 'o0', ?, 'succeeded', 100, 100, 0, '${AT}')`
    )
    TENDER_METHODS.forEach((method) => pay.run(`pay-${method}`, method))
    expect(() => pay.run('pay-bad', 'bitcoin')).toThrow(/CHECK/)
  })
})

/** A paid order with one line and a cash payment, in the 0040 schema. */
function paidOrder(db: Database): void {
  db.exec(`
    INSERT INTO orders (id, number, terminal, status, currency, rounding, tax_mode, gross_total, tax_total, total, paid_total, created_at, updated_at, paid_at)
      VALUES ('o1', 'T01-000001', 'T01', 'paid', 'CNY', 'half-up', 'inclusive', 700, 81, 700, 700, '${AT}', '${AT}', '${AT}');
    INSERT INTO order_lines (id, order_id, position, sku, name, quantity, unit_price, list_price, tax_rate, gross, net, net_after_discount, tax, total)
      VALUES ('l1', 'o1', 0, 'TEA-1', '乌龙茶', '2', 350, 350, '0.13', 700, 700, 700, 81, 700);
    INSERT INTO payments (id, order_id, method, status, amount, tendered, change_given, created_at, completed_at)
      VALUES ('pay1', 'o1', 'cash', 'succeeded', 700, 1000, 300, '${AT}', '${AT}');
  `)
}

describe('migration 0050: refunds', () => {
  it('keeps a paid order, its line and its payment, and adds refunds with the default approval threshold', () => {
    const { db, upgrade } = fileBefore(50)
    paidOrder(db)
    expect(upgrade()).toEqual([50])
    expect(db.prepare('SELECT number, status, total FROM orders').get()).toEqual({
      number: 'T01-000001',
      status: 'paid',
      total: 700
    })
    expect(db.prepare('SELECT quantity, total FROM order_lines').get()).toEqual({ quantity: '2', total: 700 })
    expect(db.prepare('SELECT tendered, change_given FROM payments').get()).toEqual({
      tendered: 1000,
      change_given: 300
    })
    expect(db.prepare('SELECT approval_threshold FROM refund_policy').pluck().get()).toBe(10000)
    const status = db.prepare(
      `INSERT INTO refunds (id, number, order_id, refund_key, status, amount, tax, reason, created_at) VALUES (?, ?, 'o1', ?, ?, 350, 40, 'x', '${AT}')`
    )
    REFUND_STATUSES.forEach((s, i) => status.run(`r${i}`, `R${i}`, `k${i}`, s))
    expect(() => status.run('rx', 'Rx', 'kx', 'pending')).toThrow(/CHECK/)
  })
})

describe('migration 0060: shifts', () => {
  it('keeps orders, payments and refunds, with no shift stamped on what came before', () => {
    const { db, upgrade } = fileBefore(60)
    paidOrder(db)
    db.exec(`
      INSERT INTO refunds (id, number, order_id, refund_key, status, amount, tax, reason, created_at) VALUES ('r1', 'T01-R000001', 'o1', 'k1', 'succeeded', 350, 40, 'broken', '${AT}');
      INSERT INTO refund_lines (refund_id, order_line_id, quantity, amount, tax) VALUES ('r1', 'l1', '1', 350, 40);
      INSERT INTO refund_tenders (id, refund_id, payment_id, method, amount, status, created_at) VALUES ('rt1', 'r1', 'pay1', 'cash', 350, 'succeeded', '${AT}');
    `)
    expect(upgrade()).toEqual([60])
    expect(db.prepare('SELECT id, shift_id FROM orders').all()).toEqual([{ id: 'o1', shift_id: null }])
    expect(db.prepare('SELECT id, shift_id FROM payments').all()).toEqual([{ id: 'pay1', shift_id: null }])
    expect(db.prepare('SELECT amount FROM refund_tenders').pluck().all()).toEqual([350])
    expect(db.prepare('SELECT quantity FROM refund_lines').pluck().all()).toEqual(['1'])
  })
})

describe('migration 0070: tenders', () => {
  it('gives existing payments the cash flow and keeps their amounts and shift', () => {
    const { db, upgrade } = fileBefore(70)
    db.exec(`
      INSERT INTO shifts (id, number, terminal, kind, status, currency, opened_by, opened_at, opening_float)
        VALUES ('s1', 'T01-S00001', 'T01', 'regular', 'open', 'CNY', 'u1', '${AT}', 0);
    `)
    paidOrder(db)
    db.exec("UPDATE orders SET shift_id = 's1'; UPDATE payments SET shift_id = 's1'")
    expect(upgrade()).toEqual([70])
    expect(db.prepare('SELECT method, flow, amount, shift_id, attempt_key FROM payments').get()).toEqual({
      method: 'cash',
      flow: 'cash',
      amount: 700,
      shift_id: 's1',
      attempt_key: null
    })
  })
})

describe('migration 0075: refund tender tax', () => {
  it('gives existing refund tenders a tax of 0 and keeps their amounts', () => {
    const { db, upgrade } = fileBefore(75)
    paidOrder(db)
    db.exec(`
      INSERT INTO refunds (id, number, order_id, refund_key, status, amount, tax, reason, created_at) VALUES ('r1', 'T01-R000001', 'o1', 'k1', 'succeeded', 350, 40, 'broken', '${AT}');
      INSERT INTO refund_tenders (id, refund_id, payment_id, method, amount, status, created_at) VALUES ('rt1', 'r1', 'pay1', 'cash', 350, 'succeeded', '${AT}');
    `)
    expect(upgrade()).toEqual([75])
    expect(db.prepare('SELECT id, amount, tax, status FROM refund_tenders').all()).toEqual([
      { id: 'rt1', amount: 350, tax: 0, status: 'succeeded' }
    ])
  })
})

describe('migration 0080: reconciliation', () => {
  it('keeps provider payments with their trade numbers and starts with no runs', () => {
    const { db, upgrade } = fileBefore(80)
    paidOrder(db)
    db.exec(`INSERT INTO payments (id, order_id, method, status, amount, tendered, change_given, trade_no, created_at, flow)
      VALUES ('pay2', 'o1', 'alipay', 'succeeded', 100, 100, 0, 'T01000001P2', '${AT}', 'merchant_qr')`)
    expect(upgrade()).toEqual([80])
    expect(db.prepare("SELECT trade_no, flow FROM payments WHERE id = 'pay2'").get()).toEqual({
      trade_no: 'T01000001P2',
      flow: 'merchant_qr'
    })
    expect(db.prepare('SELECT count(*) FROM reconciliation_runs').pluck().get()).toBe(0)
  })
})

it('covers every migration in the list', () => {
  // A migration without its own describe above (or its own test elsewhere) is a defect.
  const tested = [10, 20, 30, 40, 50, 60, 70, 75, 80]
  expect(migrations.map((m) => m.version).filter((v) => v < 90)).toEqual(tested)
})
