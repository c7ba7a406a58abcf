import { join } from 'node:path'
import { copyFileSync, statSync } from 'node:fs'
import BetterSqlite3 from 'better-sqlite3'
import { v7 as uuidv7 } from 'uuid'
import { describe, expect, it } from 'vitest'
import type { ZReport } from '@shared/contract/channels/settlement'
import type { SyncStatus } from '@shared/contract/channels/sync'
import { createEnrolCode } from '../../../src/server/enrol/enrol-service'
import { tillDayFigures } from '../../../src/server/reports/day-figures'
import { keyFilePath } from '../../../src/main/sync/key-store'
import { createCore } from '../../../src/main/app/create-core'
import { silentLogger } from '../../../src/main/core/logger'
import { SIM_STAFF } from '../../../src/main/simulate/sim-staff'
import { HQ_STORES, startTestHq, TestTill } from '../../support/hq'
import { kassaInProcess } from '../../support/kassa-cli'
import { tempDir } from '../../support/temp-dir'

async function ok(args: string[]) {
  const run = await kassaInProcess(args)
  if (run.status !== 0) throw new Error(`kassa ${args.join(' ')} → ${run.status}: ${run.stderr}${run.stdout}`)
  return run.stdout
}

const report = async (dataDir: string, date: string) =>
  JSON.parse(await ok(['--data-dir', dataDir, 'report', 'day', date, '--json'])) as ZReport

function query(dataDir: string, sql: string): unknown[] {
  const db = new BetterSqlite3(join(dataDir, 'kassa.sqlite'), { readonly: true })
  try {
    return db.prepare(sql).all()
  } finally {
    db.close()
  }
}

describe.each(HQ_STORES)('a till syncing with the head office (%s)', (kind) => {
  it('enrols, sells via simulate, pushes: the head office counts each day as the till does', async () => {
    const hq = await startTestHq(kind)
    // Another till of the chain enrolled first, so this one is not T01 at the head office.
    await TestTill.enrolled(hq, 'Main street')
    const till = tempDir('kassa-till-')
    await ok(['--data-dir', till, 'simulate', '--date', '2026-11-20', '--orders', '12', '--seed', '1'])

    const { code } = await createEnrolCode(hq.db, hq.clock, 'Main street')
    const enrolled = await ok(['--data-dir', till, 'sync', 'enrol', '--hq', hq.url, '--code', code])
    expect(enrolled).toContain('enrolled as till T02 of Main street')
    const mode = statSync(keyFilePath(till)).mode & 0o777
    expect(mode).toBe(0o600)
    const status = JSON.parse(await ok(['--data-dir', till, 'sync', 'status', '--json'])) as SyncStatus
    expect(status).toMatchObject({ enrolled: true, state: 'synced', backlog: 0 })

    // A day sold after enrolling prints the head office's till code in its order numbers.
    const sold = await ok([
      '--data-dir',
      till,
      'simulate',
      '--date',
      '2026-11-21',
      '--orders',
      '15',
      '--seed',
      '2'
    ])
    expect(sold).toContain(`(${status.tillCode}-000001 … ${status.tillCode}-000015)`)
    const waiting = JSON.parse(await ok(['--data-dir', till, 'sync', 'status', '--json'])) as SyncStatus
    expect(waiting.backlog).toBeGreaterThan(15)
    await ok(['--data-dir', till, 'sync', 'now'])

    const outbox = query(till, 'SELECT count(*) AS n, sum(synced_at IS NULL) AS unsynced FROM outbox')[0] as {
      n: number
      unsynced: number
    }
    expect(outbox.unsynced).toBe(0)
    const held = await hq.db.query<{ n: number; max: number }>(
      'SELECT count(*) AS n, max(seq) AS max FROM events WHERE till_id = ?',
      [status.tillId]
    )
    expect(Number(held[0]!.n)).toBe(outbox.n)
    expect(Number(held[0]!.max)).toBe(outbox.n)

    for (const date of ['2026-11-20', '2026-11-21']) {
      const z = await report(till, date)
      const figures = (await tillDayFigures(hq.db, (await storeOf(hq, status.tillId!))!, date)).find(
        (f) => f.tillId === status.tillId
      )!
      expect(figures).toMatchObject({
        orderCount: z.orderCount,
        netSales: z.netSales,
        collected: z.collected,
        refunds: z.refunds.amount
      })
    }
  }, 120_000)

  it('pulls master data: prices and coupons from the head office, local catalog edits refused', async () => {
    const hq = await startTestHq(kind)
    const till = tempDir('kassa-till-')
    await ok(['--data-dir', till, 'simulate', '--date', '2026-11-20', '--orders', '2', '--seed', '3'])
    const { code } = await createEnrolCode(hq.db, hq.clock, 'Main street')
    await ok(['--data-dir', till, 'sync', 'enrol', '--hq', hq.url, '--code', code])
    const status = JSON.parse(await ok(['--data-dir', till, 'sync', 'status', '--json'])) as SyncStatus
    const storeId = (await storeOf(hq, status.tillId!))!
    const categoryId = uuidv7()
    const productId = uuidv7()
    const couponId = uuidv7()
    await hq.publish(storeId, [
      {
        entity: 'category',
        id: categoryId,
        op: 'put',
        data: { id: categoryId, code: 'HQ-TEA', nameZh: '茶', nameEn: 'Tea', sortOrder: 1, active: true }
      },
      {
        entity: 'product',
        id: productId,
        op: 'put',
        data: {
          id: productId,
          sku: 'HQ-TEA-1',
          nameZh: '龙井',
          nameEn: 'Longjing',
          categoryId,
          priceMinor: 12800,
          taxRate: '0.13',
          unit: 'piece',
          active: true
        }
      },
      {
        entity: 'barcode',
        id: '6970000000019',
        op: 'put',
        data: { barcode: '6970000000019', productId, position: 0 }
      },
      {
        entity: 'coupon',
        id: couponId,
        op: 'put',
        data: {
          id: couponId,
          code: 'HQ5',
          type: 'amount',
          rate: null,
          amountMinor: 500,
          minSpendMinor: null,
          validFrom: null,
          validTo: null,
          usageLimit: 10,
          active: true
        }
      }
    ])
    await ok(['--data-dir', till, 'sync', 'now'])
    expect(query(till, "SELECT price_minor, category_id FROM products WHERE sku = 'HQ-TEA-1'")).toEqual([
      { price_minor: 12800, category_id: categoryId }
    ])
    expect(query(till, "SELECT product_id FROM product_barcodes WHERE barcode = '6970000000019'")).toEqual([
      { product_id: productId }
    ])
    expect(query(till, "SELECT chain_limit FROM coupons WHERE code = 'HQ5'")).toEqual([{ chain_limit: 10 }])
    const [allotment] = query(
      till,
      `SELECT uses FROM coupon_allotments WHERE coupon_id = '${couponId}'`
    ) as Array<{
      uses: number
    }>
    expect(allotment!.uses).toBeGreaterThan(0)

    // Through the till's own router: the catalog is the head office's now; coupons stop at the allotment.
    const core = await createCore({ dataDir: till, mode: 'web', version: 'test', logger: silentLogger })
    try {
      const session = 'sync-test'
      core.sessions.open(session, new Date())
      const call = (channel: string, input: unknown) =>
        core.router.dispatch(channel, input, { sessionId: session })
      await call('auth:login', { username: SIM_STAFF.owner.username, password: SIM_STAFF.owner.password })
      const refused = await call('catalog:create-product', {
        sku: 'LOCAL-1',
        nameZh: '本地',
        nameEn: 'Local',
        price: '1.00',
        taxRate: '0.13'
      })
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', key: 'errors.sync.ownedByHq.catalog' }
      })
      await call('shifts:open', { counts: {} })
      for (let use = 0; use <= allotment!.uses; use++) {
        const cart = (await call('cart:open', {})) as { ok: true; value: { id: string } }
        await call('cart:add-item', { cartId: cart.value.id, code: '6970000000019' })
        const applied = await call('cart:apply-coupon', { cartId: cart.value.id, code: 'HQ5' })
        if (use < allotment!.uses) {
          expect(applied.ok).toBe(true)
          const paid = await call('checkout:begin', {
            cartId: cart.value.id,
            cash: { tendered: '200' },
            checkoutKey: `allot-${use}-key`
          })
          expect(paid.ok).toBe(true)
        } else {
          expect(applied).toMatchObject({ ok: false, error: { key: 'errors.sync.couponAllotmentUsed' } })
        }
      }
      // Those sales wait for the head office: logging out is refused until they are synced.
      expect(await call('auth:logout', {})).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', key: 'errors.sync.unsyncedEvents' }
      })
      expect((await call('sync:now', {})).ok).toBe(true)
      expect((await call('auth:logout', {})).ok).toBe(true)
    } finally {
      core.close()
    }
  }, 120_000)

  it('resumes where the head office stands (SEQ_GAP), and a till restored from an old backup loses nothing', async () => {
    const hq = await startTestHq(kind)
    const till = tempDir('kassa-till-')
    await ok(['--data-dir', till, 'simulate', '--date', '2026-11-20', '--orders', '3', '--seed', '5'])
    const { code } = await createEnrolCode(hq.db, hq.clock, 'Main street')
    await ok(['--data-dir', till, 'sync', 'enrol', '--hq', hq.url, '--code', code])
    const status = JSON.parse(await ok(['--data-dir', till, 'sync', 'status', '--json'])) as SyncStatus
    const held = async () =>
      (
        await hq.db.query<{ seq: number }>('SELECT seq FROM events WHERE till_id = ? ORDER BY seq', [
          status.tillId
        ])
      ).map((r) => Number(r.seq))
    const file = join(till, 'kassa.sqlite')
    copyFileSync(file, join(till, 'day-old.sqlite'))

    // Events marked synced that the head office never got: it refuses the gap, the till resumes.
    await ok(['--data-dir', till, 'simulate', '--date', '2026-11-21', '--orders', '3', '--seed', '6'])
    const db = new BetterSqlite3(file)
    const firstWaiting = (
      db.prepare('SELECT min(seq) AS s FROM outbox WHERE synced_at IS NULL').get() as { s: number }
    ).s
    db.prepare("UPDATE outbox SET synced_at = 'lost' WHERE seq < ? + 3 AND synced_at IS NULL").run(
      firstWaiting
    )
    const highest = (db.prepare('SELECT max(seq) AS s FROM outbox').get() as { s: number }).s
    db.close()
    await ok(['--data-dir', till, 'sync', 'now'])
    expect(await held()).toEqual(Array.from({ length: highest }, (_, i) => i + 1))

    // What the till rang up on the 21st, before it lost it to the restore.
    const lostDay = await report(till, '2026-11-21')
    expect(lostDay.orderCount).toBeGreaterThan(0)

    // The till goes back to a day-old copy and sells again under seqs (and receipt numbers) the
    // head office already holds: each is a collision kept beside the first, and — a different sale
    // under its own event id — counted at the head office, once.
    copyFileSync(join(till, 'day-old.sqlite'), file)
    await ok(['--data-dir', till, 'simulate', '--date', '2026-11-22', '--orders', '2', '--seed', '7'])
    await ok(['--data-dir', till, 'sync', 'now'])
    expect(query(till, 'SELECT count(*) AS n FROM outbox WHERE synced_at IS NULL')).toEqual([{ n: 0 }])
    const collisions = await hq.db.query<{ n: number }>(
      'SELECT count(*) AS n FROM event_collisions WHERE till_id = ?',
      [status.tillId]
    )
    expect(Number(collisions[0]!.n)).toBeGreaterThan(0)
    // Some sale after the restore reused a seq the head office held: the case that was lost.
    const collidedOrders = await hq.db.query<{ n: number }>(
      "SELECT count(*) AS n FROM event_collisions WHERE till_id = ? AND type = 'order.paid'",
      [status.tillId]
    )
    expect(Number(collidedOrders[0]!.n)).toBeGreaterThan(0)
    const storeId = (await storeOf(hq, status.tillId!))!
    const expectDay = async (date: string, z: ZReport) => {
      const figures = (await tillDayFigures(hq.db, storeId, date)).find((f) => f.tillId === status.tillId)
      expect({ date, ...figures }).toMatchObject({
        date,
        orderCount: z.orderCount,
        netSales: z.netSales,
        collected: z.collected
      })
    }
    // The head office = what the till holds now (the 20th, the 22nd) + the held pre-restore day.
    await expectDay('2026-11-20', await report(till, '2026-11-20'))
    await expectDay('2026-11-21', lostDay)
    const newDay = await report(till, '2026-11-22')
    expect(newDay.orderCount).toBeGreaterThan(0)
    await expectDay('2026-11-22', newDay)
    // Each order once, under its own id, whatever receipt number it shares.
    const orders = await hq.db.query<{ n: number; ids: number }>(
      'SELECT count(*) AS n, count(DISTINCT order_id) AS ids FROM hq_orders WHERE till_id = ?',
      [status.tillId]
    )
    expect(Number(orders[0]!.n)).toBe(Number(orders[0]!.ids))
    // The restore and the receipt numbers used twice are in front of a person.
    const [anomaly] = await hq.db.query<{ detail: string }>(
      "SELECT detail FROM anomalies WHERE till_id = ? AND kind = 'seq-collision'",
      [status.tillId]
    )
    const reused = (JSON.parse(anomaly!.detail) as { reusedNumbers: string[] }).reusedNumbers
    expect(reused.length).toBeGreaterThan(0)
    const heldNumbers = await hq.db.query<{ number: string; n: number }>(
      'SELECT number, count(*) AS n FROM hq_orders WHERE till_id = ? GROUP BY number HAVING count(*) > 1',
      [status.tillId]
    )
    expect(heldNumbers.every((row) => reused.includes(row.number))).toBe(true)
    expect(heldNumbers.length).toBeGreaterThan(0)
  }, 120_000)
})

async function storeOf(
  hq: Awaited<ReturnType<typeof startTestHq>>,
  tillId: string
): Promise<string | undefined> {
  const rows = await hq.db.query<{ store_id: string }>('SELECT store_id FROM tills WHERE id = ?', [tillId])
  return rows[0]?.store_id
}
