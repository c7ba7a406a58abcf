import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { migrateHq } from '../../../src/server/db/migrate'
import { hqMigrations } from '../../../src/server/db/migrations'
import { openPostgresDatabase } from '../../../src/server/db/postgres'
import { openSqliteDatabase } from '../../../src/server/db/sqlite'
import type { HqDatabase } from '../../../src/server/db/types'
import { HQ_STORES, hqLocation, type HqStoreKind } from '../../support/hq'

async function open(kind: HqStoreKind): Promise<HqDatabase> {
  const where = await hqLocation(kind)
  return where.databaseUrl
    ? openPostgresDatabase(where.databaseUrl)
    : openSqliteDatabase(join(where.dataDir, 'hq.sqlite'))
}

const T = '2026-11-25T09:00:00.000Z'
const STORE = '0193a000-0000-7000-8000-000000000001'
const TILL = '0193a000-0000-7000-8000-000000000002'

/** Per version: rows written at the version before it, and what must hold after migrating to it. */
const cases: Record<number, { before(db: HqDatabase): Promise<void>; after(db: HqDatabase): Promise<void> }> =
  {
    1: {
      async before() {},
      async after(db) {
        expect(await db.query('SELECT name, value FROM counters')).toEqual([{ name: 'till_code', value: 0 }])
        await db.run('INSERT INTO stores (id, name, time_zone, created_at) VALUES (?, ?, ?, ?)', [
          STORE,
          'Main',
          'Asia/Shanghai',
          T
        ])
      }
    },
    2: {
      async before(db) {
        await db.run('INSERT INTO stores (id, name, time_zone, created_at) VALUES (?, ?, ?, ?)', [
          STORE,
          'Main',
          'Asia/Shanghai',
          T
        ])
        await db.run(
          "INSERT INTO tills (id, store_id, code, public_key, status, enrolled_at, high_seq) VALUES (?, ?, 'T01', 'k', 'active', ?, 0)",
          [TILL, STORE, T]
        )
      },
      async after(db) {
        expect(await db.query('SELECT code, high_seq FROM tills')).toEqual([{ code: 'T01', high_seq: 0 }])
        await db.run(
          `INSERT INTO events (till_id, seq, event_id, store_id, type, version, at, aggregate_id, payload, payload_sha256, received_at, status)
         VALUES (?, 1, 'e1', ?, 'order.paid', 1, ?, 'o1', '{}', 'h', ?, 'applied')`,
          [TILL, STORE, T, T]
        )
      }
    },
    3: {
      async before(db) {
        await cases[2]!.before(db)
        await cases[2]!.after(db)
      },
      async after(db) {
        expect(await db.query('SELECT seq, event_id FROM events')).toEqual([{ seq: 1, event_id: 'e1' }])
        // The store made before version 3 has its revision row.
        expect(await db.query('SELECT store_id, revision FROM store_revisions')).toEqual([
          { store_id: STORE, revision: 0 }
        ])
        await db.run(
          "INSERT INTO master_records (store_id, scope, entity, id, rank, revision, deleted, data) VALUES (?, '', 'settings', 'store', 0, 1, 0, '{}')",
          [STORE]
        )
      }
    },
    4: {
      async before(db) {
        await cases[2]!.before(db)
        await cases[2]!.after(db)
        await db.run("INSERT INTO store_revisions (store_id, revision, epoch) VALUES (?, 1, 'e')", [STORE])
        await db.run(
          "INSERT INTO master_records (store_id, scope, entity, id, rank, revision, deleted, data) VALUES (?, '', 'settings', 'store', 0, 1, 0, '{}')",
          [STORE]
        )
      },
      async after(db) {
        expect(await db.query('SELECT entity, revision FROM master_records')).toEqual([
          { entity: 'settings', revision: 1 }
        ])
        expect(await db.query('SELECT seq FROM events')).toEqual([{ seq: 1 }])
        await db.run(
          `INSERT INTO hq_orders (till_id, order_id, store_id, event_id, number, currency, total, cash_rounding, paid_at, paid_day)
         VALUES (?, 'o1', ?, 'e1', 'T01-000001', 'CNY', 100, 0, ?, '2026-11-25')`,
          [TILL, STORE, T]
        )
        expect(await db.query('SELECT total FROM hq_orders')).toEqual([{ total: 100 }])
      }
    },
    5: {
      async before(db) {
        await cases[2]!.before(db)
      },
      async after(db) {
        expect(await db.query('SELECT code FROM tills')).toEqual([{ code: 'T01' }])
        await db.run(
          "INSERT INTO hq_users (id, name, role, password_hash, failed_attempts, created_at) VALUES ('u1', 'Ann', 'manager', 'scrypt$x', 0, ?)",
          [T]
        )
        await db.run("INSERT INTO hq_user_stores (user_id, store_id) VALUES ('u1', ?)", [STORE])
        await db.run(
          "INSERT INTO hq_audit (id, at, user_id, action, subject, details) VALUES ('a1', ?, 'u1', 'stores.create', ?, '{}')",
          [T, STORE]
        )
        await expect(
          db.run(
            "INSERT INTO hq_users (id, name, role, password_hash, created_at) VALUES ('u2', 'Bob', 'king', 'h', ?)",
            [T]
          )
        ).rejects.toThrow()
      }
    },
    6: {
      async before(db) {
        await cases[2]!.before(db)
        await db.run('UPDATE tills SET last_push_at = ?, clock_skew_ms = 5 WHERE id = ?', [T, TILL])
      },
      async after(db) {
        expect(
          await db.query('SELECT last_push_at, backlog, oldest_unsynced_at, clock_offset_ms FROM tills')
        ).toEqual([{ last_push_at: T, backlog: null, oldest_unsynced_at: null, clock_offset_ms: null }])
        await db.run('UPDATE tills SET backlog = 3, oldest_unsynced_at = ?, clock_offset_ms = -1200', [T])
        expect(await db.query('SELECT backlog, clock_offset_ms FROM tills')).toEqual([
          { backlog: 3, clock_offset_ms: -1200 }
        ])
      }
    },
    11: {
      async before(db) {
        await cases[2]!.before(db)
        await cases[2]!.after(db)
        for (const [id, kind] of [
          ['seq-collision:1:abc', 'seq-collision'],
          ['clock-skew:2026-11-25', 'clock-skew']
        ])
          await db.run(
            "INSERT INTO anomalies (till_id, id, store_id, kind, detail, at) VALUES (?, ?, ?, ?, '{}', ?)",
            [TILL, id!, STORE, kind!, T]
          )
      },
      async after(db) {
        // The anomalies held are open, a collision is high; every till is still to be examined.
        expect(
          await db.query('SELECT kind, severity, status, last_seen, resolved_at FROM anomalies ORDER BY kind')
        ).toEqual([
          { kind: 'clock-skew', severity: 'medium', status: 'open', last_seen: null, resolved_at: null },
          { kind: 'seq-collision', severity: 'high', status: 'open', last_seen: null, resolved_at: null }
        ])
        expect(await db.query('SELECT high_seq, anomaly_seq FROM tills')).toEqual([
          { high_seq: 0, anomaly_seq: 0 }
        ])
        expect(await db.query('SELECT seq FROM events')).toEqual([{ seq: 1 }])
        await db.run(
          "INSERT INTO anomaly_events (till_id, anomaly_id, event_till_id, seq, event_id, info) VALUES (?, 'seq-collision:1:abc', ?, 1, 'e1', NULL)",
          [TILL, TILL]
        )
        await db.run(
          "INSERT INTO hq_receipt_series (till_id, series, high, number, seq, event_id, store_id) VALUES (?, 'T01', 1, 'T01-000001', 1, 'e1', ?)",
          [TILL, STORE]
        )
        await db.run(
          "INSERT INTO hq_day_closes (till_id, day, settled_at, seq) VALUES (?, '2026-11-25', ?, 1)",
          [TILL, T]
        )
      }
    },
    14: {
      before: (db) => seedSaleAndRefund(db),
      async after(db) {
        // Filled from the events by the push path's own projection.
        expect(
          (
            await db.query<Record<string, unknown>>(
              'SELECT paid_hour, gross, line_discount, order_discount, tax, cashier_user_id, cashier_name FROM hq_orders'
            )
          ).map((row) =>
            Object.fromEntries(
              Object.entries(row).map(([k, v]) => [k, typeof v === 'string' ? v : Number(v)])
            )
          )
        ).toEqual([
          {
            paid_hour: 10,
            gross: 1000,
            line_discount: 100,
            order_discount: 0,
            tax: 104,
            cashier_user_id: 'u-li',
            cashier_name: 'Li'
          }
        ])
        expect(
          await db.query(
            'SELECT line_no, line_id, sku, name, name_en, tax_rate, qty_milli, total, tax FROM hq_order_lines'
          )
        ).toEqual([
          {
            line_no: 0,
            line_id: 'l1',
            sku: '690001',
            name: '苹果',
            name_en: 'Apple',
            tax_rate: '0.13',
            qty_milli: 1500,
            total: 900,
            tax: 104
          }
        ])
        expect(await db.query('SELECT tax FROM hq_refund_tenders')).toEqual([{ tax: 35 }])
        expect(await db.query('SELECT sale_line_id, qty_milli, amount, tax FROM hq_refund_lines')).toEqual([
          { sale_line_id: 'l1', qty_milli: 500, amount: 300, tax: 35 }
        ])
      }
    },
    15: {
      before: (db) => seedSaleAndRefund(db),
      async after(db) {
        expect(await db.query('SELECT trade_no FROM hq_payments')).toEqual([{ trade_no: 'K1' }])
        expect(await db.query('SELECT trade_no FROM hq_refund_tenders')).toEqual([{ trade_no: 'K1' }])
        expect(await db.query('SELECT id FROM hq_recon_runs')).toEqual([])
      }
    },
    16: {
      // A restored till's collisions kept before 0016: a sale under a new event id (never counted
      // by the head office of before the fix), a cash-in under a new id, and another form of a held event.
      async before(db) {
        await seedSaleAndRefund(db)
        const sale = {
          id: 'o2',
          number: 'T01-000001',
          currency: 'CNY',
          total: 500,
          cashRounding: 0,
          paidAt: '2026-11-26T02:00:00.000Z',
          payments: [
            { id: 'p2', method: 'cash', amount: 500, status: 'succeeded', at: '2026-11-26T02:00:00.000Z' }
          ]
        }
        for (const [seq, sha, type, id, payload] of [
          [1, 'c1', 'order.paid', 'e9', sale],
          [2, 'c2', 'shift.cash_in', 'e10', { amount: 2600, at: '2026-11-26T03:00:00.000Z' }],
          [2, 'c3', 'refund.created', 'e2', { id: 'r1' }]
        ] as const)
          await db.run(
            `INSERT INTO event_collisions (till_id, seq, payload_sha256, event_id, type, version, at, aggregate_id, payload, received_at)
             VALUES (?, ?, ?, ?, ?, 1, ?, 'a', ?, ?)`,
            [TILL, seq, sha, id, type, T, JSON.stringify(payload), T]
          )
      },
      async after(db) {
        expect(
          await db.query(
            'SELECT seq, event_id, store_id, status, reason FROM event_collisions ORDER BY seq, event_id'
          )
        ).toEqual([
          { seq: 1, event_id: 'e9', store_id: STORE, status: 'applied', reason: null },
          { seq: 2, event_id: 'e10', store_id: STORE, status: 'recorded', reason: null },
          { seq: 2, event_id: 'e2', store_id: STORE, status: 'same-id', reason: null }
        ])
        // The sale it had kept but never counted is counted now, once, on its own day.
        expect(
          await db.query('SELECT order_id, event_id, total, paid_day FROM hq_orders ORDER BY order_id')
        ).toEqual([
          { order_id: 'o1', event_id: 'e1', total: 900, paid_day: '2026-11-25' },
          { order_id: 'o2', event_id: 'e9', total: 500, paid_day: '2026-11-26' }
        ])
        expect(await db.query("SELECT amount FROM hq_payments WHERE order_id = 'o2'")).toEqual([
          { amount: 500 }
        ])
      }
    }
  }

/** A sale with one item and its refund, as pushed before 0014: events and the rows 0004's projections wrote. */
async function seedSaleAndRefund(db: HqDatabase): Promise<void> {
  await cases[2]!.before(db)
  const paidAt = '2026-11-25T02:30:00.000Z' // 10:30 in Shanghai
  const sale = {
    id: 'o1',
    number: 'T01-000001',
    currency: 'CNY',
    total: 900,
    cashRounding: 0,
    paidAt,
    grossTotal: 1000,
    lineDiscountTotal: 100,
    orderDiscountTotal: 0,
    taxTotal: 104,
    cashierUserId: 'u-li',
    cashierName: 'Li',
    lines: [
      {
        id: 'l1',
        sku: '690001',
        name: '苹果',
        nameEn: 'Apple',
        taxRate: '0.13',
        quantity: '1.5',
        total: 900,
        tax: 104
      }
    ],
    payments: [{ id: 'p1', method: 'alipay', amount: 900, status: 'succeeded', at: paidAt, tradeNo: 'K1' }],
    coupons: []
  }
  const refund = {
    id: 'r1',
    number: 'T01-R000001',
    orderId: 'o1',
    status: 'succeeded',
    amount: 300,
    tax: 35,
    createdAt: T,
    lines: [{ lineId: 'l1', quantity: '0.5', amount: 300, tax: 35 }],
    tenders: [{ method: 'alipay', amount: 300, status: 'succeeded', outRequestNo: 'rt1', tradeNo: 'K1' }]
  }
  for (const [seq, type, id, payload] of [
    [1, 'order.paid', 'e1', sale],
    [2, 'refund.created', 'e2', refund]
  ] as const)
    await db.run(
      `INSERT INTO events (till_id, seq, event_id, store_id, type, version, at, aggregate_id, payload, payload_sha256, received_at, status)
       VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, 'h', ?, 'applied')`,
      [TILL, seq, id, STORE, type, T, payload.id, JSON.stringify(payload), T]
    )
  await db.run(
    `INSERT INTO hq_orders (till_id, order_id, store_id, event_id, number, currency, total, cash_rounding, paid_at, paid_day)
     VALUES (?, 'o1', ?, 'e1', 'T01-000001', 'CNY', 900, 0, ?, '2026-11-25')`,
    [TILL, STORE, paidAt]
  )
  await db.run(
    "INSERT INTO hq_payments (till_id, payment_id, order_id, store_id, method, amount, status, at) VALUES (?, 'p1', 'o1', ?, 'alipay', 900, 'succeeded', ?)",
    [TILL, STORE, paidAt]
  )
  await db.run(
    `INSERT INTO hq_refunds (till_id, refund_id, order_id, store_id, event_id, number, amount, tax, status, created_at, day)
     VALUES (?, 'r1', 'o1', ?, 'e2', 'T01-R000001', 300, 35, 'succeeded', ?, '2026-11-25')`,
    [TILL, STORE, T]
  )
  await db.run(
    `INSERT INTO hq_refund_tenders (till_id, tender_id, refund_id, store_id, method, amount, status, completed_at, day)
     VALUES (?, 'rt1', 'r1', ?, 'alipay', 300, 'succeeded', ?, '2026-11-25')`,
    [TILL, STORE, T]
  )
}

describe.each(HQ_STORES)('head-office migrations (%s)', (kind) => {
  it('has a test for every migration', () => {
    expect(hqMigrations.map((m) => m.version)).toEqual(Object.keys(cases).map(Number))
  })

  for (const migration of hqMigrations) {
    it(`migrates ${String(migration.version).padStart(4, '0')}-${migration.name} over rows of the version before`, async () => {
      const db = await open(kind)
      try {
        await migrateHq(db, { upTo: migration.version - 1 })
        await cases[migration.version]!.before(db)
        expect(await migrateHq(db, { upTo: migration.version })).toEqual(
          migration.version === 4 ? [4] : [migration.version]
        )
        await cases[migration.version]!.after(db)
      } finally {
        await db.close()
      }
    })
  }

  it('refuses a store written by a newer head office, and migrates nothing twice', async () => {
    const db = await open(kind)
    try {
      expect(await migrateHq(db)).toEqual(hqMigrations.map((m) => m.version))
      expect(await migrateHq(db)).toEqual([])
      await db.run("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', 'x')")
      await expect(migrateHq(db)).rejects.toThrow(/version 99/)
    } finally {
      await db.close()
    }
  })
})
