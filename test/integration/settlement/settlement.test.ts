import { afterEach, describe, expect, it } from 'vitest'
import type { EventPayload } from '@shared/contract'
import { callOk, loginAs, OWNER } from '../../support/accounts'
import { kassa } from '../../support/kassa-cli'
import { GOODS, sellForCash, openShop } from '../sell/sell-fixture'

const shops: Array<{ close(): void }> = []
afterEach(() => {
  for (const shop of shops.splice(0)) shop.close()
})

/** A shop whose day starts at 09:00 local time on 2025-03-01, with nobody locked out by the clock. */
async function shop() {
  const opened = await openShop({ start: new Date(2025, 2, 1, 9, 0).toISOString() })
  shops.push(opened)
  const security = await callOk(opened.core, opened.owner, 'security:get', {})
  await callOk(opened.core, opened.owner, 'security:update', { ...security, idleLockMinutes: 240 })
  return opened
}

describe('daily settlement', () => {
  it('reports the day, settles it once all shifts are counted, notifies, freezes it, and shows a later void on the next day', async () => {
    const test = await shop()
    const { core, cashier, manager, owner, clock, dataDir } = test
    const raised: Array<EventPayload<'notification:raised'>> = []
    core.events.subscribe((event, payload) => {
      if (event === 'notification:raised') raised.push(payload as EventPayload<'notification:raised'>)
    })

    const first = await sellForCash(
      core,
      cashier,
      [{ code: GOODS.rice.sku }, { code: GOODS.cola.sku, quantity: '2' }],
      '50'
    )
    clock.advance(65 * 60_000)
    const second = await sellForCash(core, cashier, [{ code: GOODS.apple.sku, quantity: '0.5' }], '10')
    const date = '2025-03-01'

    const live = await callOk(core, manager, 'settlement:report', { date })
    expect(live).toMatchObject({
      status: 'open',
      orderCount: 2,
      netSales: first.payable + second.payable,
      collected: first.payable + second.payable,
      voids: { count: 0 },
      byHour: [
        { hour: 9, orders: 1, sales: first.total },
        { hour: 10, orders: 1, sales: second.total }
      ],
      byCashier: [{ name: 'Cashier Li', orders: 2 }],
      tenders: [{ method: 'cash', sales: first.payable + second.payable, refunds: 0 }]
    })
    expect(live.topProducts.map((p) => [p.sku, p.quantity])).toEqual([
      ['RICE-5KG', '1'],
      ['COLA-330', '2'],
      ['APPLE-KG', '0.5']
    ])
    expect(live.taxByRate.map((r) => r.rate)).toEqual(['0.09', '0.13'])
    expect(live.averageTicket).toBe(Math.round((first.payable + second.payable) / 2))

    // Drill-down: the orders behind the 10:00 bar, and behind the cola line.
    const tenOClock = await callOk(core, manager, 'settlement:orders', {
      date,
      filter: { figure: 'sales', hour: 10 }
    })
    expect(tenOClock.orders.map((o) => o.id)).toEqual([second.id])
    const colas = await callOk(core, manager, 'settlement:orders', {
      date,
      filter: { figure: 'sales', sku: 'COLA-330' }
    })
    expect(colas.orders.map((o) => o.id)).toEqual([first.id])
    const byRate = await callOk(core, manager, 'settlement:orders', {
      date,
      filter: { figure: 'sales', taxRate: '0.130' }
    })
    expect(byRate.total).toBe(1)

    // Only the owner settles, and only once every shift is counted.
    expect(await core.router.dispatch('settlement:settle', { date }, { sessionId: manager })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' }
    })
    const early = await core.router.dispatch('settlement:settle', { date }, { sessionId: owner })
    expect(early).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    if (!early.ok) expect(early.error.message).toMatch(/Close every shift first: T01-S00001/)
    const { shift } = await callOk(core, cashier, 'shifts:current', {})
    const counted = shift!.drawer!.expected - 100
    await callOk(core, manager, 'shifts:close', {
      shiftId: shift!.id,
      counts: {},
      other: `${Math.floor(counted / 100)}.${String(counted % 100).padStart(2, '0')}`
    })

    clock.advance(60_000)
    const settled = await callOk(core, owner, 'settlement:settle', { date })
    expect(settled).toMatchObject({
      status: 'settled',
      settledBy: 'Owner Wang',
      orderCount: 2,
      cash: { overShort: -100 }
    })
    expect(settled.cash.shifts).toMatchObject([{ number: 'T01-S00001', overShort: -100 }])
    expect(raised).toHaveLength(1)
    expect(raised[0]).toMatchObject({ level: 'warning', title: '2025-03-01 已日结' })
    expect(raised[0]!.body).toContain('2 笔订单')
    expect(raised[0]!.body).toContain('短款 ¥1.00')
    // Kept with its key and params, so a screen in either language shows it in its own words.
    expect(await callOk(core, owner, 'notifications:list', {})).toMatchObject({
      unread: 1,
      items: [
        {
          title: '2025-03-01 已日结',
          read: false,
          key: 'notifications.dayClosed',
          params: {
            date: '2025-03-01',
            orders: 2,
            drawerKey: 'notifications.dayClosed.short',
            amount: '¥1.00'
          }
        }
      ]
    })
    expect(raised[0]).toMatchObject({ key: 'notifications.dayClosed' })
    expect(await callOk(core, owner, 'notifications:mark-read', {})).toEqual({ unread: 0 })
    expect(await core.router.dispatch('settlement:settle', { date }, { sessionId: owner })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' }
    })
    expect((await callOk(core, owner, 'settlement:ledger-check', { date })).agrees).toBe(true)

    // A void the same evening, after the day was settled: the settled day does not move…
    clock.advance(30 * 60_000)
    const evening = await callOk(core, cashier, 'shifts:open', { counts: {} })
    await callOk(core, manager, 'orders:void', { orderId: second.id, reason: 'customer came back' })
    expect(await callOk(core, owner, 'settlement:report', { date })).toEqual(settled)
    // …the correction shows on the next business day, as an adjustment.
    const next = await callOk(core, owner, 'settlement:report', { date: '2025-03-02' })
    expect(next).toMatchObject({
      status: 'open',
      orderCount: -1,
      voids: { count: 1, amount: second.payable },
      netSales: -second.total,
      adjustments: { orderCount: -1, netSales: -second.total }
    })
    const adjusted = await callOk(core, owner, 'settlement:orders', {
      date: '2025-03-02',
      filter: { figure: 'voids' }
    })
    expect(adjusted.orders.map((o) => o.id)).toEqual([second.id])
    expect((await callOk(core, owner, 'settlement:ledger-check', { date: '2025-03-02' })).agrees).toBe(true)
    await callOk(core, manager, 'shifts:close', { shiftId: evening.id, counts: {}, other: '0' })

    // CSV: BOM, the till's language, amounts as decimals.
    const csv = await callOk(core, owner, 'settlement:csv', { date })
    expect(csv.fileName).toBe('z-report-2025-03-01.csv')
    expect(csv.csv.startsWith('\uFEFF分类,项目,数量,金额 (CNY)')).toBe(true)
    expect(csv.csv).toContain(`销售,净销售额,${settled.orderCount},${(settled.netSales / 100).toFixed(2)}`)
    expect(csv.csv).toContain('长短款,,-1.00')

    // The same report from a shell.
    test.stop()
    const text = kassa(['--data-dir', dataDir, 'report', 'day', date])
    expect(text.status).toBe(0)
    expect(text.stdout).toContain('Z-report — 2025-03-01 (settled)')
    expect(text.stdout).toMatch(/Over\/short\s+-1\.00/)
    const json = kassa(['--data-dir', dataDir, 'report', 'day', date, '--json'])
    expect(JSON.parse(json.stdout)).toEqual(settled)
    const bad = kassa(['--data-dir', dataDir, 'report', 'day', '2025-02-30'])
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('2025-02-30 is not a date')
  }, 60_000)

  it('closed before it ends, today takes no more sales: one made later that day counts in tomorrow, as the confirmation says', async () => {
    const { core, cashier, manager, owner, clock } = await shop()
    const date = '2025-03-01'
    await sellForCash(core, cashier, [{ code: GOODS.rice.sku }], '50')
    const { shift } = await callOk(core, cashier, 'shifts:current', {})
    await callOk(core, manager, 'shifts:close', { shiftId: shift!.id, counts: {}, other: '0' })
    clock.advance(60_000)
    const settled = await callOk(core, owner, 'settlement:settle', { date })
    expect(settled.orderCount).toBe(1)

    // Three hours later, the same day: a new shift, a sale.
    clock.advance(3 * 3_600_000)
    await callOk(core, cashier, 'shifts:open', { counts: {} })
    const late = await sellForCash(core, cashier, [{ code: GOODS.cola.sku }], '10')
    expect(await callOk(core, owner, 'settlement:report', { date })).toEqual(settled)
    expect(await callOk(core, owner, 'settlement:report', { date: '2025-03-02' })).toMatchObject({
      orderCount: 1,
      netSales: late.total,
      adjustments: { orderCount: 1, netSales: late.total }
    })
  })

  it('refuses to settle a day that has not begun', async () => {
    const { core, owner } = await shop()
    const result = await core.router.dispatch(
      'settlement:settle',
      { date: '2025-03-02' },
      { sessionId: owner }
    )
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'date' } })
  })
})

describe('customer evaluations', () => {
  it('rates lines of a paid order once each; refuses refunded lines and voided orders; averages per product', async () => {
    const { core, cashier, manager } = await shop()
    const order = await sellForCash(
      core,
      cashier,
      [{ code: GOODS.rice.sku }, { code: GOODS.cola.sku, quantity: '2' }],
      '50'
    )
    const [rice, cola] = order.lines
    await callOk(core, cashier, 'evaluations:save', {
      orderId: order.id,
      lineId: rice!.id,
      rating: 5,
      comment: ' fresh and dry '
    })
    const twice = await core.router.dispatch(
      'evaluations:save',
      { orderId: order.id, lineId: rice!.id, rating: 3 },
      { sessionId: cashier }
    )
    expect(twice).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'This line has already been rated' }
    })
    const six = await core.router.dispatch(
      'evaluations:save',
      { orderId: order.id, lineId: cola!.id, rating: 6 },
      { sessionId: cashier }
    )
    expect(six).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'rating' } })

    await callOk(core, manager, 'refunds:create', {
      orderId: order.id,
      refundKey: 'eval-refund-1',
      reason: 'flat',
      lines: [{ lineId: cola!.id, quantity: '1' }]
    })
    const refunded = await core.router.dispatch(
      'evaluations:save',
      { orderId: order.id, lineId: cola!.id, rating: 1 },
      { sessionId: cashier }
    )
    expect(refunded).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'This line was refunded and cannot be rated' }
    })

    const voided = await sellForCash(core, cashier, [{ code: GOODS.rice.sku }], '40')
    await callOk(core, manager, 'orders:void', { orderId: voided.id, reason: 'test' })
    const unpaid = await core.router.dispatch(
      'evaluations:save',
      { orderId: voided.id, lineId: voided.lines[0]!.id, rating: 4 },
      { sessionId: cashier }
    )
    expect(unpaid).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'Only lines of a paid order can be rated' }
    })

    const later = await sellForCash(core, cashier, [{ code: GOODS.rice.sku }], '40')
    await callOk(core, cashier, 'evaluations:save', {
      orderId: later.id,
      lineId: later.lines[0]!.id,
      rating: 4
    })

    const lines = await callOk(core, cashier, 'evaluations:for-order', { orderId: order.id })
    expect(
      lines.lines.map((l) => [l.sku, l.refusal, l.evaluation?.rating ?? null, l.evaluation?.comment ?? null])
    ).toEqual([
      ['RICE-5KG', null, 5, 'fresh and dry'],
      ['COLA-330', 'refunded', null, null]
    ])
    const owner = await loginAs(core, OWNER.username, OWNER.password)
    expect(await callOk(core, owner, 'evaluations:product-ratings', {})).toEqual([
      { sku: 'RICE-5KG', count: 2, average: '4.5' }
    ])
  })
})
