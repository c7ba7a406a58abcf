import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../src/main/app/create-core'
import { zReportText } from '../../../src/main/domain/reports/z-report-text'
import { callOk } from '../../support/accounts'
import { GOODS, openShop } from '../sell/sell-fixture'

const shops: Array<{ close(): void }> = []
afterEach(() => {
  for (const shop of shops.splice(0)) shop.close()
})

async function shop() {
  const opened = await openShop({ start: new Date(2025, 2, 1, 9, 0).toISOString() })
  shops.push(opened)
  const security = await callOk(opened.core, opened.owner, 'security:get', {})
  await callOk(opened.core, opened.owner, 'security:update', { ...security, idleLockMinutes: 240 })
  return opened
}

let keys = 0
async function sell(core: Core, session: string, items: Array<{ code: string; quantity?: string }>) {
  const cart = await callOk(core, session, 'cart:open', {})
  for (const item of items) await callOk(core, session, 'cart:add-item', { cartId: cart.id, ...item })
  return (
    await callOk(core, session, 'checkout:begin', {
      cartId: cart.id,
      cash: { tendered: '200' },
      checkoutKey: `arith-sale-${++keys}`
    })
  ).order
}

describe('the Z-report adds up on the page', () => {
  it('gross − discounts = sales; sales − voids − refunds = net; a voided order is in gross once and subtracted once; refunded items leave top products', async () => {
    const { core, cashier, manager, owner } = await shop()
    const cart = await callOk(core, cashier, 'cart:open', {})
    await callOk(core, cashier, 'cart:add-item', { cartId: cart.id, code: GOODS.rice.sku })
    await callOk(core, cashier, 'cart:add-item', { cartId: cart.id, code: GOODS.cola.sku, quantity: '4' })
    await callOk(core, cashier, 'cart:apply-coupon', { cartId: cart.id, code: 'SAVE10' })
    const discounted = (
      await callOk(core, cashier, 'checkout:begin', {
        cartId: cart.id,
        cash: { tendered: '200' },
        checkoutKey: 'arith-coupon-sale'
      })
    ).order
    const voided = await sell(core, cashier, [{ code: GOODS.rice.sku }])
    const refunded = await sell(core, cashier, [{ code: GOODS.cola.sku, quantity: '3' }])
    await callOk(core, manager, 'orders:void', { orderId: voided.id, reason: 'twice' })
    const colaLine = refunded.lines[0]!
    await callOk(core, manager, 'refunds:create', {
      orderId: refunded.id,
      refundKey: 'arith-refund',
      reason: 'flat',
      lines: [{ lineId: colaLine.id, quantity: '2' }]
    })

    const z = await callOk(core, owner, 'settlement:report', { date: '2025-03-01' })
    const orders = [discounted, voided, refunded]
    expect(z.paidOrders).toBe(3)
    expect(z.grossSales).toBe(orders.reduce((s, o) => s + o.grossTotal, 0))
    expect(z.couponDiscounts).toBe(discounted.orderDiscountTotal)
    expect(z.salesTotal).toBe(orders.reduce((s, o) => s + o.total, 0))
    expect(z.grossSales - z.lineDiscounts - z.couponDiscounts + z.taxAdded).toBe(z.salesTotal)
    expect(z.voids).toMatchObject({ count: 1, sales: voided.total })
    expect(z.salesTotal - z.voids.sales - z.refunds.amount).toBe(z.netSales)
    expect(z.netSales).toBe(discounted.total + refunded.total - z.refunds.amount)
    expect(z.orderCount).toBe(2)
    // 4 colas sold in the first order + 3 in the last, 2 of them refunded: 5 kept.
    expect(z.topProducts.find((p) => p.sku === GOODS.cola.sku)?.quantity).toBe('5')
    // Rice: 2 sold, 1 voided.
    expect(z.topProducts.find((p) => p.sku === GOODS.rice.sku)?.quantity).toBe('1')
    expect(z.taxByRate.reduce((s, r) => s + r.tax, 0) - z.refunds.tax).toBe(z.taxTotal)
    expect(z.byHour.reduce((s, h) => s + h.sales, 0)).toBe(z.salesTotal - z.voids.sales)

    // The printed text says every subtotal and names what it is.
    const text = zReportText(z, 'en')
    expect(text).toMatch(/Sales \(order totals\)\s+3\s+[\d.]+/)
    expect(text).toMatch(/Tax refunded/)
    expect(text).toMatch(/Total \(after voids, before refunds\)/)
    expect((await callOk(core, owner, 'settlement:ledger-check', { date: '2025-03-01' })).agrees).toBe(true)

    // Drill-down rows carry the figure's share: what was refunded, a product's lines.
    const refundedRows = await callOk(core, owner, 'settlement:orders', {
      date: '2025-03-01',
      filter: { figure: 'refunds' }
    })
    expect(refundedRows.orders.map((o) => [o.id, o.figureAmount])).toEqual([[refunded.id, z.refunds.amount]])
    const voidRows = await callOk(core, owner, 'settlement:orders', {
      date: '2025-03-01',
      filter: { figure: 'voids' }
    })
    expect(voidRows.orders.map((o) => [o.id, o.figureAmount])).toEqual([[voided.id, z.voids.sales]])
    const colaRows = await callOk(core, owner, 'settlement:orders', {
      date: '2025-03-01',
      filter: { figure: 'sales', sku: GOODS.cola.sku }
    })
    const colaOf = (order: typeof discounted) =>
      order.lines.filter((l) => l.sku === GOODS.cola.sku).reduce((sum, l) => sum + l.total, 0)
    expect(new Map(colaRows.orders.map((o) => [o.id, o.figureAmount]))).toEqual(
      new Map([
        [refunded.id, colaOf(refunded)],
        [discounted.id, colaOf(discounted)]
      ])
    )
  })

  it('a report frozen by an older Kassa (no salesTotal) is derived again as of its settlement', async () => {
    const { core, cashier, manager, owner, dataDir } = await shop()
    const sale = await sell(core, cashier, [{ code: GOODS.rice.sku }])
    await sell(core, cashier, [{ code: GOODS.cola.sku }])
    await callOk(core, manager, 'orders:void', { orderId: sale.id, reason: 'x' })
    const live = await callOk(core, owner, 'settlement:report', { date: '2025-03-01' })
    const legacy: Record<string, unknown> = {
      ...live,
      grossSales: live.grossSales - sale.grossTotal,
      voids: { count: 1, amount: sale.payable },
      status: 'settled',
      settledAt: '2025-03-01T12:00:00.000Z',
      settledBy: 'Owner Wang'
    }
    for (const key of ['paidOrders', 'taxAdded', 'salesTotal']) delete legacy[key]
    const db = new BetterSqlite3(join(dataDir, 'kassa.sqlite'))
    db.prepare(
      'INSERT INTO settlement_days (date, settled_at, settled_by, currency, report_json) VALUES (?, ?, NULL, ?, ?)'
    ).run('2025-03-01', '2025-03-01T12:00:00.000Z', 'CNY', JSON.stringify(legacy))
    db.close()

    const restated = await callOk(core, owner, 'settlement:report', { date: '2025-03-01' })
    expect(restated).toMatchObject({
      status: 'settled',
      settledBy: 'Owner Wang',
      grossSales: live.grossSales,
      salesTotal: live.salesTotal,
      voids: live.voids,
      netSales: live.netSales
    })
  })
})
