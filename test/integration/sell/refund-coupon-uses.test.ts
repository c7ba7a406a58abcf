import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../src/main/app/create-core'
import { callOk } from '../../support/accounts'
import { GOODS, openShop } from './sell-fixture'

// Issue 10: a sale undone gives its coupon uses back, whichever way it is undone. A void did;
// a whole-order refund (how a non-cash sale is undone now) did not, so a one-use coupon stayed
// spent on a sale that no longer stands.

const shops: Array<{ close(): void }> = []
afterEach(() => {
  for (const shop of shops.splice(0)) shop.close()
})

/** Calls a channel expecting a refusal; answers the API error. */
async function refused(core: Core, session: string, channel: string, input: unknown) {
  const result = await core.router.dispatch(channel, input, { sessionId: session })
  if (result.ok) throw new Error(`${channel} was not refused`)
  return result.error
}

const usedCount = async (core: Core, session: string, code: string) =>
  (await callOk(core, session, 'coupons:list', {})).find((c) => c.code === code)!.usedCount

describe('coupon uses follow the sale', () => {
  it('a partial refund keeps the use; refunding the rest gives it back, and the coupon applies again', async () => {
    const shop = await openShop()
    shops.push(shop)
    const { core, cashier, manager, owner } = shop
    const cart = await callOk(core, cashier, 'cart:open', {})
    await callOk(core, cashier, 'cart:add-item', { cartId: cart.id, code: GOODS.rice.sku })
    await callOk(core, cashier, 'cart:add-item', { cartId: cart.id, code: GOODS.cola.sku, quantity: '2' })
    await callOk(core, cashier, 'cart:apply-coupon', { cartId: cart.id, code: 'ONCE5' })
    const { order } = await callOk(core, cashier, 'checkout:begin', {
      cartId: cart.id,
      cash: { tendered: '100' },
      checkoutKey: 'coupon-refund-sale'
    })
    expect(await usedCount(core, owner, 'ONCE5')).toBe(1)

    const [rice, cola] = order.lines
    await callOk(core, manager, 'refunds:create', {
      orderId: order.id,
      refundKey: 'coupon-refund-part',
      reason: 'one cola flat',
      lines: [{ lineId: cola!.id, quantity: '1' }]
    })
    expect(await usedCount(core, owner, 'ONCE5')).toBe(1)

    await callOk(core, manager, 'refunds:create', {
      orderId: order.id,
      refundKey: 'coupon-refund-rest',
      reason: 'customer returned everything',
      lines: [
        { lineId: rice!.id, quantity: '1' },
        { lineId: cola!.id, quantity: '1' }
      ]
    })
    expect((await callOk(core, owner, 'orders:get', { orderId: order.id })).status).toBe('refunded')
    expect(await usedCount(core, owner, 'ONCE5')).toBe(0)

    // The one use is free again: the next customer can have it, once.
    const next = await callOk(core, cashier, 'cart:open', {})
    await callOk(core, cashier, 'cart:add-item', { cartId: next.id, code: GOODS.rice.sku })
    await callOk(core, cashier, 'cart:apply-coupon', { cartId: next.id, code: 'ONCE5' })
    await callOk(core, cashier, 'checkout:begin', {
      cartId: next.id,
      cash: { tendered: '100' },
      checkoutKey: 'coupon-refund-next'
    })
    expect(await usedCount(core, owner, 'ONCE5')).toBe(1)
    const third = await callOk(core, cashier, 'cart:open', {})
    await callOk(core, cashier, 'cart:add-item', { cartId: third.id, code: GOODS.rice.sku })
    expect(
      await refused(core, cashier, 'cart:apply-coupon', { cartId: third.id, code: 'ONCE5' })
    ).toMatchObject({
      key: 'errors.coupons.usedUp'
    })
  })
})
