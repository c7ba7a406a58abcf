import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../src/main/app/create-core'
import { STAFF, callOk } from '../../support/accounts'
import { GOODS, openShop } from '../sell/sell-fixture'

// Issue 11 item 3 and issue 10 item 11: approvals that splitting, a 100 % discount or a cash
// payout used to slip past. Shops here keep the shipped loss-prevention defaults.

type Shop = Awaited<ReturnType<typeof openShop>>
const shops: Shop[] = []
afterEach(() => {
  for (const shop of shops.splice(0)) shop.close()
})

async function shop(): Promise<Shop> {
  const s = await openShop({ lossPrevention: 'defaults' })
  shops.push(s)
  return s
}

async function sellRice(core: Core, session: string, quantity: string, key: string) {
  const cart = await callOk(core, session, 'cart:open', {})
  await callOk(core, session, 'cart:add-item', { cartId: cart.id, code: GOODS.rice.sku, quantity })
  const { order } = await callOk(core, session, 'checkout:begin', {
    cartId: cart.id,
    cash: { tendered: '1000', confirmLargeTender: true },
    checkoutKey: key
  })
  return order
}

const policy = (changes: Record<string, unknown> = {}) => ({
  refundApprovalThreshold: '100.00',
  shiftRefundLimit: null,
  cashRefundThreshold: '1000.00',
  lineDiscountLimit: '0.2',
  blindClose: true,
  ...changes
})

const manager = { override: { username: STAFF.manager.username, pin: STAFF.manager.pin } }

describe('approvals that splitting cannot dodge', () => {
  it('ships with cash refunds approved, discounts above 20 % approved and a blind closing count', async () => {
    const { core, cashier } = await shop()
    expect(await callOk(core, cashier, 'approvals:get-policy', {})).toEqual({
      refundApprovalThreshold: 10000,
      shiftRefundLimit: null,
      cashRefundThreshold: 0,
      lineDiscountLimit: '0.2',
      blindClose: true
    })
  })

  it('counts an order’s refunds together: ¥359.10 in ≤ ¥100 pieces asks a manager at the second', async () => {
    const { core, cashier, owner } = await shop()
    await callOk(core, owner, 'approvals:update-policy', policy())
    const order = await sellRice(core, cashier, '9', 'split-sale-1')
    expect(order.total).toBe(35910)
    const refund = (n: number, amount: string) =>
      core.router.dispatch(
        'refunds:create',
        { orderId: order.id, refundKey: `split-refund-${n}`, reason: 'split', amount },
        { sessionId: cashier }
      )
    expect((await refund(1, '90.00')).ok).toBe(true)
    const second = await refund(2, '90.00')
    expect(second).toMatchObject({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        key: 'errors.approval.refundOrder',
        params: {
          action: 'refund',
          amount: 9000,
          currency: 'CNY',
          amountText: '¥180.00',
          limitText: '¥100.00'
        }
      }
    })
    const approved = await core.router.dispatch(
      'refunds:create',
      { orderId: order.id, refundKey: 'split-refund-2', reason: 'split', amount: '90.00' },
      { sessionId: cashier },
      manager
    )
    expect(approved).toMatchObject({ ok: true, value: { approvedBy: 'Manager Zhao' } })
  })

  it('counts a cashier’s refunds over the shift across orders, when the store sets a limit', async () => {
    const { core, cashier, owner } = await shop()
    await callOk(core, owner, 'approvals:update-policy', policy({ shiftRefundLimit: '50.00' }))
    const a = await sellRice(core, cashier, '1', 'shift-sale-a')
    const b = await sellRice(core, cashier, '1', 'shift-sale-b')
    await callOk(core, cashier, 'refunds:create', {
      orderId: a.id,
      refundKey: 'shift-ref-a',
      reason: 'x',
      amount: '39.90'
    })
    expect(
      await core.router.dispatch(
        'refunds:create',
        { orderId: b.id, refundKey: 'shift-ref-b', reason: 'x', amount: '39.90' },
        { sessionId: cashier }
      )
    ).toMatchObject({
      ok: false,
      error: { key: 'errors.approval.refundShift', params: { amountText: '¥79.80' } }
    })
  })

  it('a cash refund paid out by a cashier needs a manager by default; a manager pays out alone', async () => {
    const { core, cashier, manager: managerSession } = await shop()
    const order = await sellRice(core, cashier, '1', 'cash-sale-1')
    const input = { orderId: order.id, refundKey: 'cash-ref-1', reason: 'x', amount: '1.00' }
    expect(await core.router.dispatch('refunds:create', input, { sessionId: cashier })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', key: 'errors.approval.refundCash', params: { amountText: '¥1.00' } }
    })
    expect((await core.router.dispatch('refunds:create', input, { sessionId: cashier }, manager)).ok).toBe(
      true
    )
    expect(
      (
        await core.router.dispatch(
          'refunds:create',
          { ...input, refundKey: 'cash-ref-2' },
          { sessionId: managerSession }
        )
      ).ok
    ).toBe(true)
  })

  it('a line discount above the limit needs a manager: 100 % off no longer goes through alone', async () => {
    const { core, cashier, manager: managerSession } = await shop()
    const cart = await callOk(core, cashier, 'cart:open', {})
    const after = await callOk(core, cashier, 'cart:add-item', { cartId: cart.id, code: GOODS.rice.sku })
    const lineId = after.lines[0]!.id
    const discount = (d: unknown, session = cashier, options?: typeof manager) =>
      core.router.dispatch(
        'cart:set-line-discount',
        { cartId: cart.id, lineId, discount: d },
        { sessionId: session },
        options
      )
    expect((await discount({ type: 'rate', rate: '0.2' })).ok).toBe(true)
    expect(await discount({ type: 'rate', rate: '1' })).toMatchObject({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        key: 'errors.approval.lineDiscount',
        params: { action: 'line-discount', amount: 3990, limitText: '20 %' }
      }
    })
    expect(await discount({ type: 'amount', amount: '39.90' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' }
    })
    const cartNow = await callOk(core, cashier, 'cart:get', { cartId: cart.id })
    expect(cartNow.lines[0]!.discount).toEqual({ type: 'rate', value: '0.2' })
    expect(await discount({ type: 'rate', rate: '1' }, cashier, manager)).toMatchObject({
      ok: true,
      value: { totals: { total: 0 } }
    })
    // A manager may discount alone (their own cart).
    const mine = await callOk(core, managerSession, 'cart:open', {})
    const line = (
      await callOk(core, managerSession, 'cart:add-item', { cartId: mine.id, code: GOODS.cola.sku })
    ).lines[0]!
    expect(
      (
        await core.router.dispatch(
          'cart:set-line-discount',
          { cartId: mine.id, lineId: line.id, discount: { type: 'rate', rate: '1' } },
          { sessionId: managerSession }
        )
      ).ok
    ).toBe(true)
  })

  it('a blind closing count: main sends a cashier no expected cash for the open shift', async () => {
    const { core, cashier, manager: managerSession } = await shop()
    await sellRice(core, cashier, '1', 'blind-sale-1')
    const seen = await callOk(core, cashier, 'shifts:current', {})
    expect(seen.shift).toMatchObject({ status: 'open', drawer: null })
    expect((await callOk(core, cashier, 'shifts:list', {}))[0]).toMatchObject({ drawer: null })
    const supervised = await callOk(core, managerSession, 'shifts:current', {})
    expect(supervised.shift!.drawer).toMatchObject({ cashSales: 3990, expected: 3990 })
    await callOk(core, managerSession, 'shifts:close', {
      shiftId: seen.shift!.id,
      counts: {},
      other: '39.90'
    })
    // Once closed, the figures are the cashier's to see.
    expect((await callOk(core, cashier, 'shifts:list', {}))[0]).toMatchObject({
      status: 'closed',
      drawer: { expected: 3990 },
      overShort: 0
    })
  })

  it('every threshold has a domain a shop could mean, and a refused update writes nothing', async () => {
    const { core, owner } = await shop()
    const before = await callOk(core, owner, 'approvals:get-policy', {})
    for (const [changes, field] of [
      [{ refundApprovalThreshold: '99999999999999999999' }, 'refundApprovalThreshold'],
      [{ refundApprovalThreshold: ' 12.5 ' }, 'refundApprovalThreshold'],
      [{ cashRefundThreshold: '12.5\n' }, 'cashRefundThreshold'],
      [{ cashRefundThreshold: '1.001' }, 'cashRefundThreshold'],
      [{ shiftRefundLimit: '-1' }, 'shiftRefundLimit'],
      [{ lineDiscountLimit: '1.5' }, 'lineDiscountLimit'],
      [{ blindClose: 'yes' }, 'blindClose']
    ] as const) {
      const result = await core.router.dispatch('approvals:update-policy', policy(changes), {
        sessionId: owner
      })
      expect(result, JSON.stringify(changes)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', field }
      })
    }
    expect(await callOk(core, owner, 'approvals:get-policy', {})).toEqual(before)
    expect(
      await callOk(core, owner, 'approvals:update-policy', policy({ shiftRefundLimit: '300' }))
    ).toMatchObject({
      shiftRefundLimit: 30000
    })
  })
})
