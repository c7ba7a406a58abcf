import { afterEach, describe, expect, it } from 'vitest'
import { callOk } from '../../support/accounts'
import { GOODS, openShop } from './sell-fixture'

// A weighed item scanned without a weight showed its 1 kg price and counted in the amount payable:
// the cashier could open payment for money the customer does not owe. Until weighed it has no price.

const shops: Array<{ close(): void }> = []
afterEach(() => {
  for (const shop of shops.splice(0)) shop.close()
})

describe('a line waiting for its weight', () => {
  it('counts nothing toward the totals until weighed, then counts its weight', async () => {
    const opened = await openShop()
    shops.push(opened)
    const { core, cashier } = opened
    const cart = await callOk(core, cashier, 'cart:open', {})
    const cola = await callOk(core, cashier, 'cart:add-item', { cartId: cart.id, code: GOODS.cola.sku })
    const colaTotal = cola.totals.total
    const pending = await callOk(core, cashier, 'cart:add-item', { cartId: cart.id, code: GOODS.apple.sku })
    const apple = pending.lines[1]!
    expect(apple).toMatchObject({ weightPending: true, gross: 0, net: 0, tax: 0, total: 0 })
    expect(pending.totals).toMatchObject({
      total: colaTotal,
      cashTotal: cola.totals.cashTotal,
      grossTotal: cola.totals.grossTotal,
      taxTotal: cola.totals.taxTotal
    })
    expect(pending.lines[0]!.total).toBe(cola.lines[0]!.total)

    const weighed = await callOk(core, cashier, 'cart:set-quantity', {
      cartId: cart.id,
      lineId: apple.id,
      quantity: '2'
    })
    expect(weighed.lines[1]!.weightPending).toBe(false)
    expect(weighed.lines[1]!.gross).toBe(2 * weighed.lines[1]!.unitPrice)
    expect(weighed.totals.total).toBe(colaTotal + weighed.lines[1]!.total)
  })
})
