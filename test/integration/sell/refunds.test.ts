import { afterEach, describe, expect, it } from 'vitest'
import { callOk, STAFF } from '../../support/accounts'
import { GOODS, ledgerBalances, openShop } from './sell-fixture'

const shops: Array<{ close(): void }> = []
afterEach(() => {
  for (const shop of shops.splice(0)) shop.close()
})

async function soldShop() {
  const shop = await openShop()
  shops.push(shop)
  const { core, cashier } = shop
  const cart = await callOk(core, cashier, 'cart:open', {})
  await callOk(core, cashier, 'cart:add-item', { cartId: cart.id, code: GOODS.cola.sku, quantity: '3' })
  await callOk(core, cashier, 'cart:add-item', { cartId: cart.id, code: GOODS.rice.sku })
  const { order } = await callOk(core, cashier, 'checkout:begin', {
    cartId: cart.id,
    checkoutKey: 'refund-sale-1',
    cash: { tendered: '100' }
  })
  return { ...shop, order }
}

describe('refunds', () => {
  it('refunds one of three colas, then the rest: the parts add up to what the line was paid, and the drawer pays out', async () => {
    const { core, manager, order, dataDir } = await soldShop()
    const cola = order.lines.find((line) => line.sku === 'COLA-330')!
    const first = await callOk(core, manager, 'refunds:create', {
      orderId: order.id,
      refundKey: 'refund-key-1',
      reason: 'dented can',
      lines: [{ lineId: cola.id, quantity: '1' }]
    })
    expect(first).toMatchObject({
      number: 'T01-R000001',
      status: 'succeeded',
      amount: 350,
      tenders: [{ method: 'cash', amount: 350 }]
    })
    expect((await callOk(core, manager, 'orders:get', { orderId: order.id })).status).toBe(
      'partially_refunded'
    )

    const rest = await callOk(core, manager, 'refunds:create', {
      orderId: order.id,
      refundKey: 'refund-key-2',
      reason: 'customer changed mind',
      lines: [{ lineId: cola.id, quantity: '2' }]
    })
    expect(first.amount + rest.amount).toBe(cola.total)
    const left = await callOk(core, manager, 'refunds:refundable', { orderId: order.id })
    expect(left.lines.find((line) => line.lineId === cola.id)).toMatchObject({
      quantityLeft: '0',
      amountLeft: 0
    })
    expect(left.refundable).toBe(order.payable - cola.total)

    const tooMuch = await core.router.dispatch(
      'refunds:create',
      {
        orderId: order.id,
        refundKey: 'refund-key-3',
        reason: 'again',
        lines: [{ lineId: cola.id, quantity: '1' }]
      },
      { sessionId: manager }
    )
    expect(tooMuch).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'lines[0].quantity' } })
    expect(ledgerBalances(dataDir).cash_drawer).toBe(order.payable - cola.total)
  })

  it('refunds the whole order by amount and marks it refunded; nothing more can be refunded', async () => {
    const { core, manager, order, dataDir } = await soldShop()
    const refund = await callOk(core, manager, 'refunds:create', {
      orderId: order.id,
      refundKey: 'refund-all-1',
      reason: 'wrong order',
      amount: (order.payable / 100).toFixed(2)
    })
    expect(refund.tax).toBe(order.taxTotal)
    expect((await callOk(core, manager, 'orders:get', { orderId: order.id })).status).toBe('refunded')
    const balances = ledgerBalances(dataDir)
    expect(balances.cash_drawer).toBe(0)
    expect(balances.tax_payable).toBe(0)
    const again = await core.router.dispatch(
      'refunds:create',
      { orderId: order.id, refundKey: 'refund-all-2', reason: 'x', amount: '0.01' },
      { sessionId: manager }
    )
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  it('answers a retried refund with the same refund, paying out once', async () => {
    const { core, manager, order, dataDir } = await soldShop()
    const input = { orderId: order.id, refundKey: 'retry-key-1', reason: 'retry', amount: '1.00' }
    const [a, b] = await Promise.all([
      callOk(core, manager, 'refunds:create', input),
      callOk(core, manager, 'refunds:create', input)
    ])
    expect(a.number).toBe(b.number)
    expect(ledgerBalances(dataDir).cash_drawer).toBe(order.payable - 100)
  })

  it('lets a cashier refund small amounts, and asks a manager above the threshold', async () => {
    const { core, cashier, order } = await soldShop()
    await callOk(core, cashier, 'refunds:create', {
      orderId: order.id,
      refundKey: 'small-key-1',
      reason: 'small',
      amount: '1.00'
    })
    const big = { orderId: order.id, refundKey: 'big-key-01', reason: 'big', amount: '10.00' }
    const { owner } = shops.at(-1) as unknown as { owner: string }
    await callOk(core, owner, 'refunds:update-policy', { approvalThreshold: '5.00' })
    expect(await core.router.dispatch('refunds:create', big, { sessionId: cashier })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' }
    })
    const wrongPin = await core.router.dispatch(
      'refunds:create',
      big,
      { sessionId: cashier },
      {
        override: { username: STAFF.manager.username, pin: '0000' }
      }
    )
    expect(wrongPin.ok).toBe(false)
    const approved = await callOk(core, cashier, 'refunds:create', big, {
      override: { username: STAFF.manager.username, pin: STAFF.manager.pin }
    })
    expect(approved).toMatchObject({ amount: 1000, requestedBy: 'Cashier Li', approvedBy: 'Manager Zhao' })
  })

  it('refuses bad input naming the field, and writes nothing', async () => {
    const { core, manager, order, dataDir } = await soldShop()
    const before = ledgerBalances(dataDir)
    for (const [input, field] of [
      [{ orderId: order.id, refundKey: 'bad-key-01', reason: 'x', amount: '1.001' }, 'amount'],
      [{ orderId: order.id, refundKey: 'bad-key-02', reason: 'x', amount: '999' }, 'amount'],
      [
        {
          orderId: order.id,
          refundKey: 'bad-key-03',
          reason: 'x',
          lines: [{ lineId: 'nope', quantity: '1' }]
        },
        'lines[0].lineId'
      ],
      [{ orderId: order.id, refundKey: 'bad-key-04', reason: '', amount: '1' }, 'reason'],
      [{ orderId: order.id, refundKey: 'bad-key-05', reason: 'x' }, 'lines']
    ] as const) {
      const result = await core.router.dispatch('refunds:create', input, { sessionId: manager })
      expect(result).toMatchObject({ ok: false, error: { field } })
    }
    expect(ledgerBalances(dataDir)).toEqual(before)
  })
})

describe('cash back out of the drawer', () => {
  it('needs an open shift, for refunds and voids alike', async () => {
    const { core, manager, order } = await soldShop()
    const { shift } = await callOk(core, manager, 'shifts:current', {})
    await callOk(core, manager, 'shifts:close', { shiftId: shift!.id, counts: {}, other: '0' })
    const refund = await core.router.dispatch(
      'refunds:create',
      { orderId: order.id, refundKey: 'no-shift-refund', reason: 'x', amount: '1.00' },
      { sessionId: manager }
    )
    expect(refund).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'shift' } })
    const voided = await core.router.dispatch(
      'orders:void',
      { orderId: order.id, reason: 'x' },
      { sessionId: manager }
    )
    expect(voided).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'shift' } })
  })
})
