import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { manualClock } from '../../../src/main/core/clock'
import { silentLogger } from '../../../src/main/core/logger'
import { createEventBus } from '../../../src/main/core/event-bus'
import { openDatabase } from '../../../src/main/store/database'
import { createStore } from '../../../src/main/store/store'
import { createSettingsService } from '../../../src/main/services/settings-service'
import { createShiftsService } from '../../../src/main/services/shifts/shifts-service'
import { callOk } from '../../support/accounts'
import { GOODS, sellForCash, ledgerBalances, openShop } from '../sell/sell-fixture'

const shops: Array<{ close(): void }> = []
afterEach(() => {
  for (const shop of shops.splice(0)) shop.close()
})

async function shop(options: { openShift?: boolean } = {}) {
  const opened = await openShop({ openShift: options.openShift ?? false })
  shops.push(opened)
  return opened
}

describe('shifts', () => {
  it('refuses to sell without an open shift, with a clear error, and saves nothing', async () => {
    const { core, cashier, dataDir } = await shop()
    const cart = await callOk(core, cashier, 'cart:open', {})
    await callOk(core, cashier, 'cart:add-item', { cartId: cart.id, code: GOODS.rice.sku })
    const refused = await core.router.dispatch(
      'checkout:begin',
      { cartId: cart.id, checkoutKey: 'no-shift-1', cash: { tendered: '50' } },
      { sessionId: cashier }
    )
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'shift' } })
    if (!refused.ok) expect(refused.error.message).toMatch(/No shift is open on till T01: open a shift/)
    expect((await callOk(core, cashier, 'cart:get', { cartId: cart.id })).status).toBe('draft')
    expect(ledgerBalances(dataDir)).toEqual({})
    expect(await callOk(core, cashier, 'shifts:current', {})).toMatchObject({ terminal: 'T01', shift: null })
  })

  it('expects float + cash received − change − voids − cash refunds ± cash in/out, and books a short count as it is', async () => {
    const { core, cashier, manager, dataDir } = await shop()
    const opened = await callOk(core, cashier, 'shifts:open', { counts: { n10000: 4, n5000: 2 } })
    expect(opened).toMatchObject({
      number: 'T01-S00001',
      status: 'open',
      drawer: { float: 50000, expected: 50000 }
    })
    expect((await core.router.dispatch('shifts:open', { counts: {} }, { sessionId: cashier })).ok).toBe(false)

    // Rice ¥39.90 paid with ¥100: ¥60.10 change. Three colas ¥10.50 paid with ¥20. A cola voided.
    const rice = await sellForCash(core, cashier, [{ code: GOODS.rice.sku }], '100')
    const colas = await sellForCash(core, cashier, [{ code: GOODS.cola.sku, quantity: '3' }], '20')
    const voided = await sellForCash(core, cashier, [{ code: GOODS.cola.sku }], '3.50')
    expect(rice.changeGiven).toBe(6010)
    await callOk(core, manager, 'orders:void', { orderId: voided.id, reason: 'rang twice' })
    // One cola refunded in cash.
    const cola = colas.lines[0]!
    await callOk(core, cashier, 'refunds:create', {
      orderId: colas.id,
      refundKey: 'shift-refund-1',
      reason: 'dented',
      lines: [{ lineId: cola.id, quantity: '1' }]
    })

    // Cash in needs a manager; a cashier is refused.
    const refusedMove = await core.router.dispatch(
      'shifts:cash-move',
      { direction: 'in', amount: '200', reason: 'change from bank' },
      { sessionId: cashier }
    )
    expect(refusedMove).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    await callOk(core, manager, 'shifts:cash-move', {
      direction: 'in',
      amount: '200',
      reason: 'change from bank'
    })
    await callOk(core, manager, 'shifts:cash-move', {
      direction: 'out',
      amount: '50',
      reason: 'window cleaner'
    })
    const tooMuch = await core.router.dispatch(
      'shifts:cash-move',
      { direction: 'out', amount: '100000', reason: 'all of it' },
      { sessionId: manager }
    )
    expect(tooMuch).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'amount' } })

    const expected = 50000 + 3990 + 1050 + 350 - 350 - 350 + 20000 - 5000
    const { shift } = await callOk(core, cashier, 'shifts:current', {})
    expect(shift!.drawer).toEqual({
      float: 50000,
      cashSales: 3990 + 1050 + 350,
      cashVoids: 350,
      cashRefunds: 350,
      cashIn: 20000,
      cashOut: 5000,
      expected
    })
    expect(shift!.orderCount).toBe(3)
    expect(ledgerBalances(dataDir).cash_drawer).toBe(expected)

    // Counted two yuan short: ¥100 ×6, ¥50, ¥10 ×4, ¥1 ×4, a 5-jiao and four 1-jiao coins.
    const counts = { n10000: 6, n5000: 1, n1000: 4, n100: 4, c50: 1, c10: 4 }
    const counted = 60000 + 5000 + 4000 + 400 + 50 + 40
    expect(counted - expected).toBe(-200)
    expect(
      (await core.router.dispatch('shifts:close', { shiftId: shift!.id, counts }, { sessionId: cashier })).ok
    ).toBe(false)
    const closed = await callOk(core, manager, 'shifts:close', {
      shiftId: shift!.id,
      counts,
      note: 'short two yuan'
    })
    expect(closed).toMatchObject({ status: 'closed', counted, overShort: -200, drawer: { expected } })
    expect(closed.moves.map((m) => [m.kind, m.amount])).toEqual([
      ['float', 50000],
      ['in', 20000],
      ['out', -5000],
      ['over_short', -200],
      ['drop', -counted]
    ])

    // The counted cash left the till; the short is on cash_over_short; the owner got the rest.
    const balances = ledgerBalances(dataDir)
    expect(balances.cash_drawer ?? 0).toBe(0)
    expect(balances.cash_over_short).toBe(200)
    expect(balances.owner_cash).toBe(-50000 - 20000 + 5000 + counted)
    expect(Object.values(balances).reduce((a, b) => a + b, 0)).toBe(0)
  })

  it('never reopens a closed shift: closing again is refused, the row cannot change, and selling stops', async () => {
    const { core, cashier, manager, dataDir } = await shop()
    const opened = await callOk(core, cashier, 'shifts:open', { counts: {}, other: '100' })
    await sellForCash(core, cashier, [{ code: GOODS.cola.sku }], '5')
    await callOk(core, manager, 'shifts:close', { shiftId: opened.id, counts: {}, other: '103.50' })
    const again = await core.router.dispatch(
      'shifts:close',
      { shiftId: opened.id, counts: {} },
      { sessionId: manager }
    )
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    if (!again.ok) expect(again.error.message).toMatch(/never reopened/)

    const db = new BetterSqlite3(join(dataDir, 'kassa.sqlite'))
    try {
      expect(() =>
        db.prepare("UPDATE shifts SET status = 'open', closed_at = NULL WHERE id = ?").run(opened.id)
      ).toThrow(/never reopened/)
    } finally {
      db.close()
    }

    const cart = await callOk(core, cashier, 'cart:open', {})
    await callOk(core, cashier, 'cart:add-item', { cartId: cart.id, code: GOODS.cola.sku })
    const refused = await core.router.dispatch(
      'checkout:begin',
      { cartId: cart.id, checkoutKey: 'after-close-1', cash: { tendered: '5' } },
      { sessionId: cashier }
    )
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'shift' } })

    const next = await callOk(core, cashier, 'shifts:open', { counts: { n1000: 10 } })
    expect(next.number).toBe('T01-S00002')
    const list = await callOk(core, cashier, 'shifts:list', {})
    expect(list.map((s) => [s.number, s.status, s.overShort])).toEqual([
      ['T01-S00002', 'open', null],
      ['T01-S00001', 'closed', 0]
    ])
  })

  it('puts an order that reaches a closed shift into a rescue shift, and leaves the closed one as counted', async () => {
    const test = await shop()
    const { core, cashier, manager, dataDir } = test
    const first = await callOk(core, cashier, 'shifts:open', { counts: {} })
    await sellForCash(core, cashier, [{ code: GOODS.rice.sku }], '39.90')
    const closed = await callOk(core, manager, 'shifts:close', {
      shiftId: first.id,
      counts: {},
      other: '39.90'
    })
    test.stop()

    // The same file opened as the sync (or a late payment) would see it.
    const { db } = await openDatabase(join(dataDir, 'kassa.sqlite'), { backupDir: join(dataDir, 'backups') })
    try {
      const store = createStore(db)
      const clock = manualClock('2025-03-01T18:00:00.000Z')
      const ctx = { store, clock, events: createEventBus(), logger: silentLogger }
      const shifts = createShiftsService(ctx, { settings: createSettingsService(ctx) })
      const lateOrder = (n: number, amount: number): string => {
        const id = `late-order-${n}`
        const at = clock.now().toISOString()
        db.prepare(
          `INSERT INTO orders (id, number, terminal, status, currency, rounding, tax_mode, total, paid_total, created_at, updated_at, paid_at)
           VALUES (?, ?, 'T01', 'paid', 'CNY', 'half-up', 'inclusive', ?, ?, ?, ?, ?)`
        ).run(id, `T01-9${n}`, amount, amount, at, at, at)
        db.prepare(
          `INSERT INTO payments (id, order_id, method, status, amount, tendered, change_given, created_at, completed_at)
           VALUES (?, ?, 'cash', 'succeeded', ?, ?, 0, ?, ?)`
        ).run(`late-pay-${n}`, id, amount, amount, at, at)
        return id
      }
      const actor = { userId: null, approverUserId: null }
      const rescue = shifts.attachLate(lateOrder(1, 1200), first.id, actor)
      expect(rescue).toMatchObject({
        kind: 'rescue',
        rescue_of: first.id,
        status: 'open',
        number: 'T01-S00002'
      })
      expect(shifts.attachLate(lateOrder(2, 800), first.id, actor).id).toBe(rescue.id)

      const original = shifts.get(first.id)
      expect(original).toMatchObject({
        status: 'closed',
        counted: closed.counted,
        overShort: 0,
        orderCount: 1
      })
      expect(shifts.get(rescue.id)).toMatchObject({
        orderCount: 2,
        drawer: { float: 0, cashSales: 2000, expected: 2000 }
      })

      // The rescue shift is counted and closed like any other; the next late order gets a new one.
      expect(shifts.close({ shiftId: rescue.id, counts: { n1000: 2 } }, actor)).toMatchObject({
        status: 'closed',
        overShort: 0
      })
      const second = shifts.attachLate(lateOrder(3, 500), first.id, actor)
      expect(second.id).not.toBe(rescue.id)
      expect(second.kind).toBe('rescue')
    } finally {
      db.close()
    }
  })
})
