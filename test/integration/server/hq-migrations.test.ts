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
    }
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
