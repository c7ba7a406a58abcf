import { afterEach, describe, expect, it } from 'vitest'
import { callOk } from '../../support/accounts'
import { GOODS, openShop } from './sell-fixture'

// A weight of 999999999999 typed on a weighed line became a ¥8.8-trillion cart after one
// "are you sure?". A line's quantity has a hard cap (LINE_QUANTITY_CAP) that no confirmation
// passes, refused in main so every path (typed weight, add with a quantity, merged scans) is held.

const shops: Array<{ close(): void }> = []
afterEach(() => {
  for (const shop of shops.splice(0)) shop.close()
})

async function cartWith(code: string) {
  const opened = await openShop()
  shops.push(opened)
  const { core, cashier } = opened
  const cart = await callOk(core, cashier, 'cart:open', {})
  const added = await callOk(core, cashier, 'cart:add-item', { cartId: cart.id, code })
  return { ...opened, cart: added }
}

describe('a line quantity above the hard cap', () => {
  it('refuses 999999999999 kg typed on a weighed line, naming the field, and keeps the line as it was', async () => {
    const { core, cashier, cart } = await cartWith(GOODS.apple.sku)
    const line = cart.lines[0]!
    const refused = await core.router.dispatch(
      'cart:set-quantity',
      { cartId: cart.id, lineId: line.id, quantity: '999999999999' },
      { sessionId: cashier }
    )
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'quantity', key: 'errors.cart.weightTooLarge' }
    })
    const after = await callOk(core, cashier, 'cart:open', {})
    expect(after.lines[0]).toMatchObject({ quantity: line.quantity, weightPending: true })

    // 1000 kg is over; 999.999 kg is the cap itself and taken.
    const over = await core.router.dispatch(
      'cart:set-quantity',
      { cartId: cart.id, lineId: line.id, quantity: '1000' },
      { sessionId: cashier }
    )
    expect(over).toMatchObject({ ok: false, error: { key: 'errors.cart.weightTooLarge' } })
    const atCap = await callOk(core, cashier, 'cart:set-quantity', {
      cartId: cart.id,
      lineId: line.id,
      quantity: '999.999'
    })
    expect(atCap.lines[0]!.quantity).toBe('999.999')
  })

  it('refuses more than 9999 pieces whether set, added with a quantity, or reached by another scan', async () => {
    const { core, cashier, cart } = await cartWith(GOODS.cola.sku)
    const line = cart.lines[0]!
    const set = await core.router.dispatch(
      'cart:set-quantity',
      { cartId: cart.id, lineId: line.id, quantity: '10000' },
      { sessionId: cashier }
    )
    expect(set).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'quantity', key: 'errors.cart.piecesTooLarge' }
    })
    const added = await core.router.dispatch(
      'cart:add-item',
      { cartId: cart.id, code: GOODS.rice.sku, quantity: '10000' },
      { sessionId: cashier }
    )
    expect(added).toMatchObject({
      ok: false,
      error: { field: 'quantity', key: 'errors.cart.piecesTooLarge' }
    })
    await callOk(core, cashier, 'cart:set-quantity', { cartId: cart.id, lineId: line.id, quantity: '9999' })
    const merged = await core.router.dispatch(
      'cart:add-item',
      { cartId: cart.id, code: GOODS.cola.sku },
      { sessionId: cashier }
    )
    expect(merged).toMatchObject({ ok: false, error: { key: 'errors.cart.piecesTooLarge' } })
    const after = await callOk(core, cashier, 'cart:open', {})
    expect(after.lines.map((l) => l.quantity)).toEqual(['9999'])
  })
})
