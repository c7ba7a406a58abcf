import { afterEach, describe, expect, it } from 'vitest'
import { callOk } from '../../support/accounts'
import { GOODS, openShop, rowCounts } from './sell-fixture'

// Issue 10: a scanner's digits that reach a money field must not become change, and weighed
// goods must not be sold as a silent 1 kg. The renderer asks first; main refuses the same.

const shops: Array<{ close(): void }> = []
afterEach(() => {
  for (const shop of shops.splice(0)) shop.close()
})

async function shop() {
  const opened = await openShop()
  shops.push(opened)
  return opened
}

describe('an implausible tender', () => {
  it('refuses 13 scanned digits as cash received unless confirmed, naming the field and writing nothing', async () => {
    const { core, cashier, dataDir } = await shop()
    const cart = await callOk(core, cashier, 'cart:open', {})
    await callOk(core, cashier, 'cart:add-item', { cartId: cart.id, code: GOODS.cola.sku }) // ¥3.50
    const refused = await core.router.dispatch(
      'checkout:begin',
      { cartId: cart.id, checkoutKey: 'burst-0001', cash: { tendered: '6923456010032.50' } },
      { sessionId: cashier }
    )
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'tendered', key: 'errors.checkout.implausibleTender' }
    })
    expect(rowCounts(dataDir)).toMatchObject({ paidOrders: 0, payments: 0, journalEntries: 0 })

    // ¥200 for ¥3.50 is what customers do: no question asked.
    const paid = await callOk(core, cashier, 'checkout:begin', {
      cartId: cart.id,
      checkoutKey: 'burst-0002',
      cash: { tendered: '200' }
    })
    expect(paid.change).toBe(19650)
  })

  it('takes a large tender the cashier confirmed', async () => {
    const { core, cashier } = await shop()
    const cart = await callOk(core, cashier, 'cart:open', {})
    await callOk(core, cashier, 'cart:add-item', { cartId: cart.id, code: GOODS.cola.sku })
    const paid = await callOk(core, cashier, 'checkout:begin', {
      cartId: cart.id,
      checkoutKey: 'burst-0003',
      cash: { tendered: '500', confirmLargeTender: true }
    })
    expect(paid.change).toBe(49650)
  })

  it('refuses the same in a split tender’s cash', async () => {
    const { core, cashier } = await shop()
    const cart = await callOk(core, cashier, 'cart:open', {})
    await callOk(core, cashier, 'cart:add-item', { cartId: cart.id, code: GOODS.rice.sku }) // ¥39.90
    const session = await callOk(core, cashier, 'checkout:begin', {
      cartId: cart.id,
      checkoutKey: 'split-0001'
    })
    const refused = await core.router.dispatch(
      'tenders:add',
      {
        orderId: session.order.id,
        attemptKey: 'cash-0001',
        method: 'cash',
        amount: '10',
        tendered: '69012345'
      },
      { sessionId: cashier }
    )
    expect(refused).toMatchObject({
      ok: false,
      error: { field: 'tendered', key: 'errors.checkout.implausibleTender' }
    })
    const state = await callOk(core, cashier, 'checkout:state', { orderId: session.order.id })
    expect(state.tenders).toHaveLength(0)
  })
})

describe('weighed goods', () => {
  it('marks a kg line added without a weight, refuses its checkout, and takes it once weighed', async () => {
    const { core, cashier, dataDir } = await shop()
    const cart = await callOk(core, cashier, 'cart:open', {})
    const added = await callOk(core, cashier, 'cart:add-item', { cartId: cart.id, code: GOODS.apple.sku })
    const line = added.lines[0]!
    expect(line).toMatchObject({ unit: 'kg', weightPending: true })

    const refused = await core.router.dispatch(
      'checkout:begin',
      { cartId: cart.id, checkoutKey: 'kg-000001', cash: { tendered: '100' } },
      { sessionId: cashier }
    )
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'quantity', key: 'errors.checkout.weightMissing' }
    })
    const begun = await core.router.dispatch(
      'checkout:begin',
      { cartId: cart.id, checkoutKey: 'kg-000002' },
      { sessionId: cashier }
    )
    expect(begun).toMatchObject({ ok: false, error: { key: 'errors.checkout.weightMissing' } })
    expect(rowCounts(dataDir)).toMatchObject({ paidOrders: 0, payments: 0 })

    const weighed = await callOk(core, cashier, 'cart:set-quantity', {
      cartId: cart.id,
      lineId: line.id,
      quantity: '0.350'
    })
    expect(weighed.lines[0]).toMatchObject({ quantity: '0.35', weightPending: false })
    const paid = await callOk(core, cashier, 'checkout:begin', {
      cartId: cart.id,
      checkoutKey: 'kg-000003',
      cash: { tendered: '100' }
    })
    expect(paid.order.status).toBe('paid')
  })

  it('does not wait for a weight that came with the item', async () => {
    const { core, cashier } = await shop()
    const cart = await callOk(core, cashier, 'cart:open', {})
    const added = await callOk(core, cashier, 'cart:add-item', {
      cartId: cart.id,
      code: GOODS.apple.sku,
      quantity: '1.2'
    })
    expect(added.lines[0]).toMatchObject({ weightPending: false, quantity: '1.2' })
  })
})
