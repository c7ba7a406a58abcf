import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { callOk, loginAs, OWNER } from '../../support/accounts'
import { GOODS, ledgerBalances, openShop } from '../sell/sell-fixture'

const codes = [GOODS.cola.sku, GOODS.rice.sku, GOODS.apple.sku]

const opArb = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('sale' as const),
      items: fc.array(
        fc.record({ code: fc.constantFrom(...codes), quantity: fc.constantFrom('1', '2', '0.5', '1.25') }),
        { minLength: 1, maxLength: 4 }
      ),
      coupon: fc.boolean(),
      extra: fc.constantFrom('0', '0.01', '7.77', '100')
    })
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('void' as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('refund' as const), pick: fc.nat(), byAmount: fc.boolean() })
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('cash' as const),
      direction: fc.constantFrom('in' as const, 'out' as const),
      amount: fc.constantFrom('0.50', '20', '100')
    })
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('close' as const),
      off: fc.constantFrom(-500, -1, 0, 1, 250),
      float: fc.constantFrom('0', '300')
    })
  }
)

const dayArb = fc.record({
  float: fc.constantFrom('0', '500'),
  cashIncrement: fc.constantFrom(null, '0.10'),
  // At most 10 × (20 + 1) minutes in all: below the 240-minute idle lock, the longest a store may set,
  // so no session locks however the gaps fall.
  ops: fc.array(fc.record({ op: opArb, minutes: fc.integer({ min: 1, max: 20 }) }), {
    minLength: 1,
    maxLength: 10
  })
})

const yuanSigned = (minor: number): string => (minor < 0 ? `-${yuan(-minor)}` : yuan(minor))
const yuan = (minor: number): string => `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`

describe('the Z-report against the ledger', () => {
  it('for random days of sales, voids, refunds, cash moves and counts, every figure equals what the journal moved', async () => {
    await fc.assert(
      fc.asyncProperty(dayArb, async (day) => {
        // 08:00 local on a fixed date, so the whole day stays one business day in any time zone.
        const shop = await openShop({ start: new Date(2025, 2, 1, 8, 0).toISOString(), openShift: false })
        try {
          const { core, cashier, manager, owner, dataDir, clock } = shop
          // Nobody locks while the clock jumps ahead between operations.
          const security = await callOk(core, owner, 'security:get', {})
          await callOk(core, owner, 'security:update', { ...security, idleLockMinutes: 240 })
          if (day.cashIncrement) {
            const profile = await callOk(core, owner, 'settings:get', {})
            await callOk(core, owner, 'settings:update', { ...profile, cashIncrement: day.cashIncrement })
          }
          await callOk(core, cashier, 'shifts:open', { counts: {}, other: day.float })
          const sold: Array<{
            id: string
            payable: number
            refunded: number
            voided: boolean
            lines: Array<{ id: string; quantity: string; unit: string }>
          }> = []
          let n = 0
          for (const { op, minutes } of day.ops) {
            clock.advance(minutes * 60_000)
            if (op.kind === 'sale') {
              const cart = await callOk(core, cashier, 'cart:open', {})
              for (const item of op.items) {
                const quantity =
                  item.code === GOODS.apple.sku
                    ? item.quantity
                    : String(Math.max(1, Math.floor(Number(item.quantity))))
                await callOk(core, cashier, 'cart:add-item', { cartId: cart.id, code: item.code, quantity })
              }
              if (op.coupon)
                await core.router.dispatch(
                  'cart:apply-coupon',
                  { cartId: cart.id, code: 'SAVE10' },
                  { sessionId: cashier }
                )
              const { due } = await callOk(core, cashier, 'checkout:preview-cash', {
                cartId: cart.id,
                tendered: '0'
              })
              const tendered = yuan(due + Math.round(Number(op.extra) * 100))
              const paid = await callOk(core, cashier, 'checkout:pay-cash', {
                cartId: cart.id,
                tendered,
                checkoutKey: `zprop-${++n}-${cart.id}`
              })
              sold.push({
                id: paid.order.id,
                payable: paid.order.payable,
                refunded: 0,
                voided: false,
                lines: paid.order.lines
              })
            } else if (op.kind === 'void') {
              const candidates = sold.filter((o) => !o.voided && o.refunded === 0)
              if (candidates.length === 0) continue
              const order = candidates[op.pick % candidates.length]!
              await callOk(core, manager, 'orders:void', { orderId: order.id, reason: 'property' })
              order.voided = true
            } else if (op.kind === 'refund') {
              const candidates = sold.filter((o) => !o.voided && o.refunded < o.payable)
              if (candidates.length === 0) continue
              const order = candidates[op.pick % candidates.length]!
              const refundable = await callOk(core, manager, 'refunds:refundable', { orderId: order.id })
              const line = refundable.lines.find((l) => l.quantityLeft !== '0')
              const input =
                op.byAmount || !line
                  ? { amount: yuan(Math.max(1, Math.floor(refundable.refundable / 3))) }
                  : {
                      lines: [{ lineId: line.lineId, quantity: line.unit === 'kg' ? line.quantityLeft : '1' }]
                    }
              const refund = await callOk(core, manager, 'refunds:create', {
                orderId: order.id,
                refundKey: `zprop-refund-${++n}`,
                reason: 'property',
                ...input
              })
              order.refunded += refund.amount
            } else if (op.kind === 'cash') {
              await core.router.dispatch(
                'shifts:cash-move',
                { direction: op.direction, amount: op.amount, reason: 'property' },
                { sessionId: manager }
              )
            } else {
              const current = (await callOk(core, cashier, 'shifts:current', {})).shift!
              const counted = Math.max(0, current.drawer!.expected + op.off)
              await callOk(core, manager, 'shifts:close', {
                shiftId: current.id,
                counts: {},
                other: yuan(counted)
              })
              clock.advance(60_000)
              await callOk(core, cashier, 'shifts:open', { counts: {}, other: op.float })
            }
          }
          const current = (await callOk(core, cashier, 'shifts:current', {})).shift!
          await callOk(core, manager, 'shifts:close', {
            shiftId: current.id,
            counts: {},
            other: yuan(Math.max(0, current.drawer!.expected))
          })

          const date = '2025-03-01'
          const merchant = await loginAs(core, OWNER.username, OWNER.password)
          const report = await callOk(core, merchant, 'settlement:report', { date })
          const check = await callOk(core, merchant, 'settlement:ledger-check', { date })
          expect(check.accounts.filter((a) => a.report !== a.ledger)).toEqual([])
          expect(check.agrees).toBe(true)

          // The same agreement, spelled out against the journal's raw balances.
          const bal = ledgerBalances(dataDir)
          const get = (account: string) => bal[account] ?? 0
          const neg = (account: string) => 0 - get(account)
          expect(report.taxTotal).toBe(neg('tax_payable'))
          expect(report.lineDiscounts + report.couponDiscounts - report.voids.discounts).toBe(
            get('sales_discounts')
          )
          expect(report.netSales).toBe(
            neg('sales_revenue') - get('sales_discounts') - get('sales_refunds') - get('tax_payable')
          )
          expect(report.cashRounding).toBe(neg('cash_rounding'))
          expect(report.cash.overShort).toBe(neg('cash_over_short'))
          expect(get('cash_drawer')).toBe(0)
          expect(report.tenders.reduce((s, t) => s + t.net, 0)).toBe(report.collected)
          // …and against the orders themselves.
          const standing = sold.filter((o) => !o.voided)
          expect(report.orderCount).toBe(standing.length)
          expect(report.voids.count).toBe(sold.length - standing.length)
          expect(report.collected).toBe(standing.reduce((s, o) => s + o.payable - o.refunded, 0))
          expect(report.refunds.amount).toBe(sold.reduce((s, o) => s + o.refunded, 0))
          expect(report.byHour.reduce((s, h) => s + h.orders, 0)).toBe(report.orderCount)
          expect(report.byCashier.reduce((s, c) => s + c.sales, 0)).toBe(
            report.netSales + report.refunds.amount
          )
          expect(report.taxByRate.reduce((s, r) => s + r.tax, 0) - report.refunds.tax).toBe(report.taxTotal)

          // The report adds up on the page: each total is the sum of the rows above it.
          expect(report.grossSales - report.lineDiscounts - report.couponDiscounts + report.taxAdded).toBe(
            report.salesTotal
          )
          expect(report.taxAdded).toBe(0) // the shop's prices include tax
          expect(report.salesTotal - report.voids.sales - report.refunds.amount).toBe(report.netSales)
          expect(report.netSales + report.cashRounding).toBe(report.collected)
          expect(report.paidOrders - report.voids.count).toBe(report.orderCount)
          expect(report.paidOrders).toBe(sold.length)
          expect(report.voids.sales).toBe(
            sold.filter((o) => o.voided).reduce((s, o) => s + o.payable, 0) -
              (report.voids.amount - report.voids.sales)
          )
          const taxNet =
            report.taxByRate.reduce((s, r) => s + r.net, 0) - (report.refunds.amount - report.refunds.tax)
          expect(taxNet).toBe(report.netSales - report.taxTotal)
          expect(report.byHour.reduce((s, h) => s + h.sales, 0)).toBe(report.salesTotal - report.voids.sales)
          expect(report.tenders.reduce((s, t) => s + t.sales - t.refunds, 0)).toBe(report.collected)
          // Top products never count what was voided or refunded by line.
          const kept = report.topProducts.reduce((s, p) => s + p.sales, 0)
          expect(kept).toBeLessThanOrEqual(report.salesTotal - report.voids.sales)
          for (const product of report.topProducts) expect(product.sales).toBeGreaterThanOrEqual(0)
          // The text and CSV forms carry the same sums.
          const csv = (await callOk(core, merchant, 'settlement:csv', { date })).csv
          const amountOf = (item: string) =>
            csv
              .split('\r\n')
              .find((line) => line.split(',')[1] === item)
              ?.split(',')[3]
          expect(amountOf('Sales (order totals)') ?? amountOf('销售额（订单合计）')).toBe(
            yuanSigned(report.salesTotal)
          )
          expect(amountOf('Net sales') ?? amountOf('净销售额')).toBe(yuanSigned(report.netSales))
        } finally {
          shop.close()
        }
      }),
      { numRuns: 12 }
    )
  }, 240_000)
})
