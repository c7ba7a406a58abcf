import { afterEach, describe, expect, it } from 'vitest'
import type { CheckoutSession } from '@shared/contract/channels/tenders'
import type { Core } from '../../../src/main/app/create-core'
import { callOk } from '../../support/accounts'
import { GOODS, ledgerBalances, openShop, rowCounts } from './sell-fixture'

const shops: Array<{ close(): void }> = []
afterEach(() => {
  for (const shop of shops.splice(0)) shop.close()
})

const TIMING = { pollMs: 100, giveUpMs: 4000 }

async function shopWithOrder(options: { offline?: boolean } = {}) {
  const shop = await openShop({ payments: { timing: TIMING, ...(options.offline ? { offline: true } : {}) } })
  shops.push(shop)
  const { core, cashier } = shop
  const cart = await callOk(core, cashier, 'cart:open', {})
  await callOk(core, cashier, 'cart:add-item', { cartId: cart.id, code: GOODS.rice.sku }) // ¥39.90
  const session = await callOk(core, cashier, 'checkout:begin', {
    cartId: cart.id,
    checkoutKey: `begin-${cart.id}`
  })
  return { ...shop, session }
}

/** Lets the till's watcher run: move its clock past a poll and give the timer a turn. */
async function waitFor(
  core: Core,
  session: string,
  orderId: string,
  clock: { advance(ms: number): void },
  done: (s: CheckoutSession) => boolean
) {
  for (let i = 0; i < 60; i++) {
    const state = await callOk(core, session, 'checkout:state', { orderId })
    if (done(state)) return state
    clock.advance(TIMING.pollMs)
    await new Promise((resolve) => setTimeout(resolve, 120))
  }
  throw new Error('timed out waiting for the tender')
}

describe('tenders through the sandbox gateway', () => {
  it('splits a sale: ¥20 by card on the terminal, the rest in cash; the ledger books each tender', async () => {
    const { core, cashier, session, clock, dataDir } = await shopWithOrder()
    const orderId = session.order.id
    expect(session).toMatchObject({ due: 3990, paid: 0, remaining: 3990 })
    let state = await callOk(core, cashier, 'tenders:add', {
      orderId,
      attemptKey: 'card-attempt-1',
      method: 'card',
      amount: '20.00'
    })
    const card = state.tenders[0]!
    expect(card).toMatchObject({ method: 'card', flow: 'terminal', status: 'pending', amount: 2000 })

    // The customer presents a card (the sandbox's customer panel).
    await callOk(core, cashier, 'sandbox:act', {
      provider: 'card',
      tradeNo: card.tradeNo!,
      action: 'card',
      pan: '6225880000001231',
      pin: '1234'
    })
    state = await waitFor(core, cashier, orderId, clock, (s) => s.tenders[0]!.status === 'succeeded')
    expect(state.tenders[0]!.maskedPan).toMatch(/^622588\*+1231$/)
    expect(state).toMatchObject({ paid: 2000, remaining: 1990 })

    state = await callOk(core, cashier, 'tenders:add', {
      orderId,
      attemptKey: 'cash-attempt-1',
      method: 'cash',
      tendered: '50'
    })
    expect(state.order.status).toBe('paid')
    expect(state.order.payments.map((p) => [p.method, p.amount, p.change])).toEqual([
      ['card', 2000, 0],
      ['cash', 1990, 3010]
    ])
    const balances = ledgerBalances(dataDir)
    expect(balances.card_clearing).toBe(2000)
    expect(balances.cash_drawer).toBe(1990)
  })

  it('pays by Alipay QR once the customer scans and confirms; a duplicate notification changes nothing', async () => {
    const { core, cashier, session, clock } = await shopWithOrder()
    const orderId = session.order.id
    const state = await callOk(core, cashier, 'tenders:add', {
      orderId,
      attemptKey: 'alipay-qr-01',
      method: 'alipay',
      flow: 'merchant_qr'
    })
    const qr = state.tenders[0]!
    expect(qr.status).toBe('pending')
    expect(qr.qrContent).toMatch(/^https?:\/\//)
    const waiting = await callOk(core, cashier, 'sandbox:trades', {})
    expect(waiting).toContainEqual(
      expect.objectContaining({ provider: 'alipay', tradeNo: qr.tradeNo, needs: 'scan', amount: 3990 })
    )
    await callOk(core, cashier, 'sandbox:act', {
      provider: 'alipay',
      tradeNo: qr.tradeNo!,
      action: 'approve'
    })
    const paid = await waitFor(core, cashier, orderId, clock, (s) => s.order.status === 'paid')
    expect(paid.tenders[0]!.status).toBe('succeeded')
  })

  it('waits while a WeChat payment-code customer types their password, then pays', async () => {
    const { core, cashier, session, clock } = await shopWithOrder()
    const orderId = session.order.id
    const state = await callOk(core, cashier, 'tenders:add', {
      orderId,
      attemptKey: 'wechat-code-1',
      method: 'wechat',
      flow: 'customer_code',
      authCode: '134567890123456789'
    })
    const tender = state.tenders[0]!
    expect(tender.status).toBe('user_paying')
    const waiting = await callOk(core, cashier, 'sandbox:trades', {})
    expect(waiting).toContainEqual(expect.objectContaining({ tradeNo: tender.tradeNo, needs: 'password' }))
    await callOk(core, cashier, 'sandbox:act', {
      provider: 'wechat',
      tradeNo: tender.tradeNo!,
      action: 'password',
      password: '123456'
    })
    const paid = await waitFor(core, cashier, orderId, clock, (s) => s.order.status === 'paid')
    expect(paid.tenders[0]!.status).toBe('succeeded')
  })

  it('keeps an open attempt’s amount reserved, frees it when the customer declines, then cash finishes the sale', async () => {
    const { core, cashier, session, clock } = await shopWithOrder()
    const orderId = session.order.id
    const state = await callOk(core, cashier, 'tenders:add', {
      orderId,
      attemptKey: 'decline-try-1',
      method: 'alipay',
      flow: 'merchant_qr'
    })
    const qr = state.tenders[0]!
    const second = await core.router.dispatch(
      'tenders:add',
      { orderId, attemptKey: 'decline-try-2', method: 'wechat', flow: 'merchant_qr' },
      { sessionId: cashier }
    )
    expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    await callOk(core, cashier, 'sandbox:act', {
      provider: 'alipay',
      tradeNo: qr.tradeNo!,
      action: 'scan' as never
    }).catch(() => undefined)
    await callOk(core, cashier, 'sandbox:act', {
      provider: 'alipay',
      tradeNo: qr.tradeNo!,
      action: 'decline'
    })
    await waitFor(
      core,
      cashier,
      orderId,
      clock,
      (s) => s.tenders[0]!.status === 'failed' || s.tenders[0]!.status === 'closed'
    )
    const paid = await callOk(core, cashier, 'tenders:add', {
      orderId,
      attemptKey: 'decline-cash-1',
      method: 'cash',
      tendered: '40'
    })
    expect(paid.order.status).toBe('paid')
  })

  it('cancels an attempt nobody finished after the time limit, and lets the order be cancelled', async () => {
    const { core, cashier, session, clock } = await shopWithOrder()
    const orderId = session.order.id
    await callOk(core, cashier, 'tenders:add', {
      orderId,
      attemptKey: 'timeout-try-1',
      method: 'wechat',
      flow: 'merchant_qr'
    })
    clock.advance(TIMING.giveUpMs)
    const closed = await waitFor(core, cashier, orderId, clock, (s) => s.tenders[0]!.status === 'closed')
    expect(closed.order.status).toBe('awaiting_payment')
    const cancelled = await callOk(core, cashier, 'checkout:cancel', { orderId })
    expect(cancelled.order.status).toBe('cancelled')
  })

  it('brings a payment back after the screen is lost: the same order with its open tender, never a second one', async () => {
    const { core, cashier, session, dataDir } = await shopWithOrder()
    const orderId = session.order.id
    await callOk(core, cashier, 'tenders:add', {
      orderId,
      attemptKey: 'resume-qr-01',
      method: 'alipay',
      flow: 'merchant_qr'
    })
    const cart = await callOk(core, cashier, 'cart:open', {})
    expect(cart).toMatchObject({ id: orderId, status: 'awaiting_payment' })
    const resumed = await callOk(core, cashier, 'checkout:begin', {
      cartId: orderId,
      checkoutKey: 'a-new-key-after-reload'
    })
    expect(resumed.order.number).toBe(session.order.number)
    expect(resumed.tenders).toHaveLength(1)
    expect(rowCounts(dataDir).paidOrders).toBe(1)
  })

  it('offers cash only when the gateway cannot be reached', async () => {
    const { core, cashier, session } = await shopWithOrder({ offline: true })
    const availability = await callOk(core, cashier, 'payments:availability', {})
    expect(availability.methods.cash.available).toBe(true)
    expect(availability.methods.card).toMatchObject({
      available: false,
      reason: expect.stringContaining('cannot be reached')
    })
    const refused = await core.router.dispatch(
      'tenders:add',
      { orderId: session.order.id, attemptKey: 'offline-card-1', method: 'card' },
      { sessionId: cashier }
    )
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', field: 'method' } })
    const paid = await callOk(core, cashier, 'tenders:add', {
      orderId: session.order.id,
      attemptKey: 'offline-cash-1',
      method: 'cash',
      tendered: '40'
    })
    expect(paid.order.status).toBe('paid')
  })
})

describe('refunds back through the providers', () => {
  async function paidByAlipay(scenario: { refund?: 'ok' | 'insufficient_balance' } = {}) {
    const shop = await openShop({
      payments: { timing: TIMING, scenarioFor: () => ({ customer: 'manual', ...scenario }) }
    })
    shops.push(shop)
    const { core, cashier, clock } = shop
    const cart = await callOk(core, cashier, 'cart:open', {})
    await callOk(core, cashier, 'cart:add-item', { cartId: cart.id, code: GOODS.rice.sku })
    await callOk(core, cashier, 'cart:add-item', { cartId: cart.id, code: GOODS.cola.sku })
    const { order } = await callOk(core, cashier, 'checkout:begin', {
      cartId: cart.id,
      checkoutKey: `begin-${cart.id}`
    })
    const state = await callOk(core, cashier, 'tenders:add', {
      orderId: order.id,
      attemptKey: 'alipay-paid-1',
      method: 'alipay',
      flow: 'merchant_qr'
    })
    await callOk(core, cashier, 'sandbox:act', {
      provider: 'alipay',
      tradeNo: state.tenders[0]!.tradeNo!,
      action: 'approve'
    })
    const paid = await waitFor(core, cashier, order.id, clock, (s) => s.order.status === 'paid')
    return { ...shop, order: paid.order }
  }

  it('refunds one line to Alipay under one refund number and books it when Alipay confirms', async () => {
    const { core, manager, order, dataDir } = await paidByAlipay()
    const rice = order.lines.find((line) => line.sku === GOODS.rice.sku)!
    const refund = await callOk(core, manager, 'refunds:create', {
      orderId: order.id,
      refundKey: 'alipay-refund-1',
      reason: 'spoiled',
      lines: [{ lineId: rice.id, quantity: '1' }]
    })
    expect(refund).toMatchObject({
      status: 'succeeded',
      amount: rice.total,
      tenders: [{ method: 'alipay', status: 'succeeded' }]
    })
    const balances = ledgerBalances(dataDir)
    expect(balances.alipay_clearing).toBe(order.payable - rice.total)
    const again = await callOk(core, manager, 'refunds:create', {
      orderId: order.id,
      refundKey: 'alipay-refund-1',
      reason: 'spoiled',
      lines: [{ lineId: rice.id, quantity: '1' }]
    })
    expect(again.number).toBe(refund.number)
    expect(ledgerBalances(dataDir).alipay_clearing).toBe(order.payable - rice.total)
  })

  it('marks a refund the provider refuses as failed, books nothing and frees the amount again', async () => {
    const { core, manager, order, dataDir } = await paidByAlipay({ refund: 'insufficient_balance' })
    const before = ledgerBalances(dataDir)
    const refund = await callOk(core, manager, 'refunds:create', {
      orderId: order.id,
      refundKey: 'refused-refund-1',
      reason: 'x',
      amount: '5.00'
    })
    expect(refund).toMatchObject({ status: 'failed', tenders: [{ status: 'failed' }] })
    expect(ledgerBalances(dataDir)).toEqual(before)
    const left = await callOk(core, manager, 'refunds:refundable', { orderId: order.id })
    expect(left.refundable).toBe(order.payable)
    expect((await callOk(core, manager, 'orders:get', { orderId: order.id })).status).toBe('paid')
  })
})
