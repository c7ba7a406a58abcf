import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { callOk } from '../../support/accounts'
import { GOODS, ledgerBalances, openShop } from './sell-fixture'

const codes = [GOODS.cola.sku, GOODS.rice.sku, GOODS.apple.sku]

const saleArb = fc.record({
  items: fc.array(
    fc.record({
      code: fc.constantFrom(...codes),
      quantity: fc.constantFrom('1', '2', '3', '0.5', '1.25'),
      discount: fc.option(
        fc.oneof(
          fc.constantFrom('0.05', '0.1', '0.333').map((rate) => ({ type: 'rate' as const, rate })),
          fc.constantFrom('0.01', '1.00', '99.99').map((amount) => ({ type: 'amount' as const, amount }))
        ),
        { nil: undefined }
      )
    }),
    { minLength: 1, maxLength: 5 }
  ),
  coupon: fc.option(fc.constant('SAVE10'), { nil: undefined }),
  extraCash: fc.constantFrom('0', '0.01', '7.77', '100'),
  voidIt: fc.boolean()
})

describe('the ledger after random sales', () => {
  it('balances every entry, and the drawer holds exactly what the paid orders took', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(saleArb, { minLength: 1, maxLength: 4 }), async (sales) => {
        const shop = await openShop()
        try {
          const { core, cashier, manager, dataDir } = shop
          let expectedDrawer = 0
          let n = 0
          for (const sale of sales) {
            const cart = await callOk(core, cashier, 'cart:open', {})
            for (const item of sale.items) {
              const isKg = item.code === GOODS.apple.sku
              const quantity = isKg ? item.quantity : String(Math.max(1, Number.parseInt(item.quantity, 10)))
              const after = await callOk(core, cashier, 'cart:add-item', {
                cartId: cart.id,
                code: item.code,
                quantity
              })
              if (item.discount) {
                const line = after.lines.at(-1)!
                await callOk(core, cashier, 'cart:set-line-discount', {
                  cartId: cart.id,
                  lineId: line.id,
                  discount: item.discount
                })
              }
            }
            if (sale.coupon) {
              await core.router.dispatch(
                'cart:apply-coupon',
                { cartId: cart.id, code: sale.coupon },
                { sessionId: cashier }
              )
            }
            const due = (await callOk(core, cashier, 'cart:get', { cartId: cart.id })).totals.cashTotal
            const tendered = `${Math.floor(due / 100) + 200}.${String(due % 100).padStart(2, '0')}`
            const paid = await callOk(core, cashier, 'checkout:begin', {
              cartId: cart.id,
              cash: { tendered },
              checkoutKey: `prop-${++n}-${cart.id}`
            })
            expect(paid.order.payable).toBe(due)
            expect(paid.order.lines.reduce((s, l) => s + l.total, 0)).toBe(
              paid.order.payable - paid.order.cashRounding
            )
            if (sale.voidIt)
              await callOk(core, manager, 'orders:void', { orderId: paid.order.id, reason: 'property test' })
            else expectedDrawer += due
          }
          const balances = ledgerBalances(dataDir)
          expect(balances.cash_drawer ?? 0).toBe(expectedDrawer)
          expect(Object.values(balances).reduce((a, b) => a + b, 0)).toBe(0)
        } finally {
          shop.close()
        }
      }),
      { numRuns: 12 }
    )
  }, 120_000)
})
