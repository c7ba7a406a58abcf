import { businessDayWindow } from '@shared/time/zone'
import { join } from 'node:path'
import { copyFileSync, statSync } from 'node:fs'
import BetterSqlite3 from 'better-sqlite3'
import { v7 as uuidv7 } from 'uuid'
import { describe, expect, it } from 'vitest'
import type { ZReport } from '@shared/contract/channels/settlement'
import type { SyncStatus } from '@shared/contract/channels/sync'
import { createEnrolCode } from '../../../src/server/enrol/enrol-service'
import { tillDayFigures } from '../../../src/server/reports/day-figures'
import { storeTillDays } from '../../../src/server/reports/day-sums'
import { tillDay, type TillRow } from '../../../src/server/reports/till-day'
import { PROJECTION_TABLES, rebuildProjections } from '../../../src/server/push/rebuild'
import { defaultUpgraders } from '../../../src/server/push/upgraders'
import { manualClock } from '../../../src/main/core/clock'
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

    const outbox = query(
      till,
      'SELECT count(*) AS n, sum(seq > (SELECT seq FROM outbox_synced)) AS unsynced FROM outbox'
    )[0] as {
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
      db.prepare('SELECT min(seq) AS s FROM outbox WHERE seq > (SELECT seq FROM outbox_synced)').get() as {
        s: number
      }
    ).s
    db.prepare('UPDATE outbox_synced SET seq = ? + 2').run(firstWaiting)
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
    expect(
      query(till, 'SELECT count(*) AS n FROM outbox WHERE seq > (SELECT seq FROM outbox_synced)')
    ).toEqual([{ n: 0 }])
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

  it('a till restored from a backup: the head office shows what it holds now plus what it pushed before — late sales, cash moves and day closes too, each once', async () => {
    const hq = await startTestHq(kind)
    const till = tempDir('kassa-till-')
    await ok(['--data-dir', till, 'simulate', '--date', '2026-11-20', '--orders', '3', '--seed', '5'])
    const { code } = await createEnrolCode(hq.db, hq.clock, 'Main street')
    await ok(['--data-dir', till, 'sync', 'enrol', '--hq', hq.url, '--code', code])
    const status = JSON.parse(await ok(['--data-dir', till, 'sync', 'status', '--json'])) as SyncStatus
    const file = join(till, 'kassa.sqlite')
    copyFileSync(file, join(till, 'day-old.sqlite'))
    const [store] = await hq.db.query<{ id: string; time_zone: string }>(
      'SELECT s.id, s.time_zone FROM stores s JOIN tills t ON t.store_id = s.id WHERE t.id = ?',
      [status.tillId]
    )
    const before = (date: string, minutes: number) =>
      new Date(Date.parse(businessDayWindow(date, store!.time_zone).to) - minutes * 60_000)
    const [barcode] = query(
      till,
      "SELECT b.barcode FROM product_barcodes b JOIN products p ON p.id = b.product_id WHERE p.unit = 'piece' AND p.active = 1 ORDER BY b.barcode LIMIT 1"
    ) as Array<{
      barcode: string
    }>

    // Before the restore: the 21st sold and closed; then, late that evening, one more cash sale and
    // a cash-in — after the close, so the till posts them to the 22nd (a settled day never changes).
    await ok(['--data-dir', till, 'simulate', '--date', '2026-11-21', '--orders', '3', '--seed', '6'])
    await atTill(till, before('2026-11-21', 40), async (call, clock) => {
      expect((await call('settlement:settle', { date: '2026-11-21' })).ok).toBe(true)
      clock.advance(5 * 60_000)
      const shift = (await call('shifts:open', { counts: {}, other: '100' })) as {
        ok: true
        value: { id: string }
      }
      expect(shift.ok).toBe(true)
      await sellCash(call, barcode!.barcode)
      expect((await call('shifts:cash-move', { direction: 'in', amount: '11', reason: 'change' })).ok).toBe(
        true
      )
      clock.advance(10 * 60_000)
      expect((await call('shifts:close', { shiftId: shift.value.id, counts: {}, other: '100' })).ok).toBe(
        true
      )
    })
    await ok(['--data-dir', till, 'sync', 'now'])
    const lost = { 21: await report(till, '2026-11-21'), 22: await report(till, '2026-11-22') }
    expect(lost[21].status).toBe('settled')
    expect(lost[22].adjustments.orderCount).toBe(1)
    expect(lost[22].cash.cashIn).toBe(1100)

    // Restored from the copy of the 20th, the till sells the 22nd again under the seqs it had used
    // for the 21st: its sales, a cash-in and its close of the 22nd all collide at the head office.
    copyFileSync(join(till, 'day-old.sqlite'), file)
    await ok(['--data-dir', till, 'simulate', '--date', '2026-11-22', '--orders', '2', '--seed', '7'])
    await atTill(till, before('2026-11-22', 60), async (call, clock) => {
      const shift = (await call('shifts:open', { counts: {}, other: '50' })) as {
        ok: true
        value: { id: string }
      }
      await sellCash(call, barcode!.barcode)
      expect((await call('shifts:cash-move', { direction: 'in', amount: '26', reason: 'change' })).ok).toBe(
        true
      )
      expect((await call('shifts:cash-move', { direction: 'out', amount: '5', reason: 'bank' })).ok).toBe(
        true
      )
      clock.advance(10 * 60_000)
      expect((await call('shifts:close', { shiftId: shift.value.id, counts: {}, other: '80' })).ok).toBe(true)
      clock.advance(5 * 60_000)
      expect((await call('settlement:settle', { date: '2026-11-22' })).ok).toBe(true)
    })
    await ok(['--data-dir', till, 'sync', 'now'])
    expect(
      query(till, 'SELECT count(*) AS n FROM outbox WHERE seq > (SELECT seq FROM outbox_synced)')
    ).toEqual([{ n: 0 }])
    const kept = await hq.db.query<{ type: string; status: string }>(
      'SELECT type, status FROM event_collisions WHERE till_id = ? ORDER BY seq',
      [status.tillId]
    )
    expect(kept).toEqual(
      expect.arrayContaining([
        { type: 'order.paid', status: 'applied' },
        { type: 'shift.cash_in', status: 'recorded' },
        { type: 'shift.cash_out', status: 'recorded' },
        { type: 'settlement.day_closed', status: 'recorded' }
      ])
    )
    const now = {
      20: await report(till, '2026-11-20'),
      21: await report(till, '2026-11-21'),
      22: await report(till, '2026-11-22')
    }
    // The restored till no longer knows the 21st, nor the late sale and cash-in it posted to the 22nd.
    expect(now[21].orderCount).toBe(0)
    expect(now[22]).toMatchObject({ status: 'settled', adjustments: { orderCount: 0 } })

    const tillRow = (await hq.db.query<TillRow>('SELECT * FROM tills WHERE id = ?', [status.tillId]))[0]!
    const hqDays = async (date: string) => {
      const one = (await tillDay(hq.db, tillRow, date, store!.time_zone, new Date())).report
      const [all] = await storeTillDays(hq.db, store!.id, [tillRow], date, store!.time_zone, new Date())
      // The consolidated report's SQL path and the reference agree, restore or not.
      expect({ ...all!.report, generatedAt: '' }).toEqual({ ...one, generatedAt: '' })
      return one
    }
    const hqDay = {
      20: await hqDays('2026-11-20'),
      21: await hqDays('2026-11-21'),
      22: await hqDays('2026-11-22')
    }
    // A day only one history holds is that history's report, whole.
    expect(hqDay[20]).toEqual({ ...now[20], generatedAt: hqDay[20].generatedAt })
    expect(hqDay[21]).toEqual(lost[21])
    // The 22nd at the head office = the restored till's 22nd + what the lost history had posted to
    // it (the late sale and cash-in after the 21st's close), every additive figure: the till's own
    // report cannot show what it lost, so the head office's is larger by exactly that.
    const additive = (z: ZReport) => ({
      orderCount: z.orderCount,
      paidOrders: z.paidOrders,
      grossSales: z.grossSales,
      salesTotal: z.salesTotal,
      netSales: z.netSales,
      taxTotal: z.taxTotal,
      cashRounding: z.cashRounding,
      collected: z.collected,
      adjustments: z.adjustments,
      cash: { ...z.cash, shifts: z.cash.shifts.length },
      tenders: Object.fromEntries(z.tenders.map((t) => [t.method, t.net]))
    })
    const sum = (a: ReturnType<typeof additive>, b: ReturnType<typeof additive>) => {
      const add = (x: Record<string, unknown>, y: Record<string, unknown>): Record<string, unknown> =>
        Object.fromEntries(
          [...new Set([...Object.keys(x), ...Object.keys(y)])].map((k) => [
            k,
            typeof (x[k] ?? y[k]) === 'object'
              ? add((x[k] ?? {}) as Record<string, unknown>, (y[k] ?? {}) as Record<string, unknown>)
              : Number(x[k] ?? 0) + Number(y[k] ?? 0)
          ])
        )
      return add(a, b)
    }
    expect(additive(hqDay[22])).toEqual(sum(additive(now[22]), additive(lost[22])))
    expect(hqDay[22].cash.cashIn).toBe(2600 + 1100)
    expect(hqDay[22].cash.cashOut).toBe(500)
    // The restored till's close of the 22nd stands at the head office too (the lost history never closed it).
    expect(hqDay[22]).toMatchObject({ status: 'settled', settledAt: now[22].settledAt })

    // Rebuilt from scratch, the projections are the ones the pushes built, collisions included.
    const snapshot = async () => {
      const out: Record<string, unknown[]> = {}
      for (const table of PROJECTION_TABLES)
        out[table] = (await hq.db.query<Record<string, unknown>>(`SELECT * FROM ${table}`))
          .map((row) => JSON.stringify(row, Object.keys(row).sort()))
          .sort()
      return out
    }
    const built = await snapshot()
    expect(built.hq_orders!.length).toBe(3 + 3 + 1 + 2 + 1)
    expect(await rebuildProjections(hq.db, defaultUpgraders)).toBeGreaterThan(0)
    expect(await snapshot()).toEqual(built)
    expect({ ...(await hqDays('2026-11-22')), generatedAt: '' }).toEqual({ ...hqDay[22], generatedAt: '' })
  }, 120_000)
})

type Call = (channel: string, input: unknown) => Promise<{ ok: boolean; value?: unknown }>

/** Runs `steps` on the till in `dataDir` through its own router, signed in as the owner, its clock at `at`. */
async function atTill(
  dataDir: string,
  at: Date,
  steps: (call: Call, clock: ReturnType<typeof manualClock>) => Promise<void>
): Promise<void> {
  const clock = manualClock(at)
  const core = await createCore({ dataDir, mode: 'web', version: 'test', logger: silentLogger, clock })
  try {
    const session = 'restore-test'
    core.sessions.open(session, clock.now())
    const call: Call = (channel, input) =>
      core.router.dispatch(channel, input, { sessionId: session }) as ReturnType<Call>
    await call('auth:login', { username: SIM_STAFF.owner.username, password: SIM_STAFF.owner.password })
    await steps(call, clock)
  } finally {
    core.close()
  }
}

/** One item sold for cash (₍¥₎200 handed over). */
async function sellCash(call: Call, barcode: string): Promise<void> {
  const cart = (await call('cart:open', {})) as { ok: true; value: { id: string } }
  expect((await call('cart:add-item', { cartId: cart.value.id, code: barcode })).ok).toBe(true)
  const paid = await call('checkout:begin', {
    cartId: cart.value.id,
    cash: { tendered: '200' },
    checkoutKey: uuidv7()
  })
  // (the refusal in the message when it fails)
  if (!paid.ok) throw new Error(`checkout refused: ${JSON.stringify(paid)}`)
}

async function storeOf(
  hq: Awaited<ReturnType<typeof startTestHq>>,
  tillId: string
): Promise<string | undefined> {
  const rows = await hq.db.query<{ store_id: string }>('SELECT store_id FROM tills WHERE id = ?', [tillId])
  return rows[0]?.store_id
}
