import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Core } from '../../../src/main/app/create-core'
import { callOk } from '../../support/accounts'
import { TIMING, sellWith, waitForState, type Shop } from '../reconciliation/reconciliation-fixture'
import { GOODS, ledgerBalances, openShop, rowCounts } from './sell-fixture'

// The sandbox stamps trades with the real `Date`: fake only `Date` so the till and the providers
// share one provider day (10:00 in Beijing).
const MORNING = '2025-03-01T02:00:00.000Z'
const DAY = '2025-03-01'

const shops: Shop[] = []
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true })
  vi.setSystemTime(new Date(MORNING))
})
afterEach(() => {
  for (const shop of shops.splice(0)) shop.close()
  vi.useRealTimers()
})

async function shop(): Promise<Shop> {
  const opened = await openShop({ start: MORNING, payments: { timing: TIMING } })
  shops.push(opened)
  return opened
}

/** Calls a channel expecting a refusal; answers the API error. */
async function refused(core: Core, session: string, channel: string, input: unknown) {
  const result = await core.router.dispatch(channel, input, { sessionId: session })
  if (result.ok) throw new Error(`${channel} was not refused`)
  return result.error
}

/** One sale of rice (¥39.90): ¥20.00 by card on the terminal, the rest in cash (¥50 tendered). */
async function sellSplit(s: Shop): Promise<{ orderId: string }> {
  const cart = await callOk(s.core, s.cashier, 'cart:open', {})
  await callOk(s.core, s.cashier, 'cart:add-item', { cartId: cart.id, code: GOODS.rice.sku })
  const begun = await callOk(s.core, s.cashier, 'checkout:begin', {
    cartId: cart.id,
    checkoutKey: `begin-${cart.id}`
  })
  const orderId = begun.order.id
  const state = await callOk(s.core, s.cashier, 'tenders:add', {
    orderId,
    attemptKey: 'split-card-1',
    method: 'card',
    amount: '20.00'
  })
  await callOk(s.core, s.cashier, 'sandbox:act', {
    provider: 'card',
    tradeNo: state.tenders[0]!.tradeNo!,
    action: 'card',
    pan: '6225880000001231',
    pin: '1234'
  })
  await waitForState(s, orderId, (st) => st.tenders[0]!.status === 'succeeded')
  await callOk(s.core, s.cashier, 'tenders:add', {
    orderId,
    attemptKey: 'split-cash-1',
    method: 'cash',
    tendered: '50'
  })
  return { orderId }
}

async function sellCash(s: Shop): Promise<{ orderId: string }> {
  const cart = await callOk(s.core, s.cashier, 'cart:open', {})
  await callOk(s.core, s.cashier, 'cart:add-item', { cartId: cart.id, code: GOODS.rice.sku })
  const { order } = await callOk(s.core, s.cashier, 'checkout:begin', {
    cartId: cart.id,
    cash: { tendered: '50' },
    checkoutKey: `cash-${cart.id}`
  })
  return { orderId: order.id }
}

/**
 * The whole order refunded by lines, as the void dialog's "Refund the whole order" does, sent again
 * with the same key as a retry would; waits until every provider tender is confirmed (WeChat Pay
 * answers "processing" first).
 */
async function refundWhole(s: Shop, orderId: string) {
  const left = await callOk(s.core, s.manager, 'refunds:refundable', { orderId })
  const request = {
    orderId,
    refundKey: `whole-${orderId}`,
    reason: 'customer changed their mind',
    lines: left.lines.map((line) => ({ lineId: line.lineId, quantity: line.quantityLeft }))
  }
  const first = await callOk(s.core, s.manager, 'refunds:create', request)
  for (let i = 0; i < 100; i++) {
    const again = await callOk(s.core, s.manager, 'refunds:create', request)
    expect(again.number).toBe(first.number)
    if (again.tenders.every((t) => t.status !== 'processing')) return again
    s.clock.advance(TIMING.pollMs)
    await new Promise((resolve) => setTimeout(resolve, TIMING.pollMs))
  }
  throw new Error('the refund did not finish')
}

/** The provider's own bill for the day, reconciled: what the provider says happened. */
async function providerBill(s: Shop, provider: 'card' | 'alipay' | 'wechat') {
  return callOk(s.core, s.owner, 'reconciliation:run', { date: DAY, provider })
}

describe('voiding a sale, tender kind by tender kind', () => {
  it('cash: the sale is voided, the ledger reversed, and the cash is expected out of the drawer', async () => {
    const s = await shop()
    const { orderId } = await sellCash(s)
    expect(ledgerBalances(s.dataDir).cash_drawer).toBe(3990)
    const voided = await callOk(s.core, s.manager, 'orders:void', { orderId, reason: 'rang up twice' })
    expect(voided.status).toBe('voided')
    expect(ledgerBalances(s.dataDir).cash_drawer ?? 0).toBe(0)
    const { shift } = await callOk(s.core, s.cashier, 'shifts:current', {})
    expect(shift!.drawer).toMatchObject({ cashSales: 3990, cashVoids: 3990, expected: 0 })
  })

  for (const method of ['card', 'alipay', 'wechat'] as const) {
    it(`${method}: the void is refused with a key, nothing is written; a whole refund gives the money back at the provider`, async () => {
      const s = await shop()
      const { orderId, amount } = await sellWith(s, method)
      const before = { counts: rowCounts(s.dataDir), ledger: ledgerBalances(s.dataDir) }
      const error = await refused(s.core, s.manager, 'orders:void', { orderId, reason: 'mistake' })
      expect(error).toMatchObject({ code: 'CONFLICT', field: 'orderId', key: 'errors.orders.voidNonCash' })
      expect({ counts: rowCounts(s.dataDir), ledger: ledgerBalances(s.dataDir) }).toEqual(before)
      expect((await callOk(s.core, s.manager, 'orders:get', { orderId })).status).toBe('paid')

      const refund = await refundWhole(s, orderId)
      expect(refund.amount).toBe(amount)
      expect(refund.number).toMatch(/^T01-R\d{6}$/)
      expect(refund.tenders).toEqual([
        expect.objectContaining({ method, amount, status: 'succeeded', outRequestNo: expect.any(String) })
      ])
      // The provider's bill has the payment and its refund under the till's refund number; all matched.
      const bill = await providerBill(s, method)
      expect(bill.rows.map((r) => [r.kind, r.refundNo, r.result])).toEqual([
        ['payment', null, 'matched'],
        ['refund', refund.tenders[0]!.outRequestNo, 'matched']
      ])
      expect(ledgerBalances(s.dataDir)[`${method}_clearing`] ?? 0).toBe(0)
      expect((await callOk(s.core, s.manager, 'orders:get', { orderId })).status).toBe('refunded')
    })
  }

  it('split card + cash: the void is refused; the whole refund sends ¥20.00 back to the card and takes only the cash part out of the drawer', async () => {
    const s = await shop()
    const { orderId } = await sellSplit(s)
    const error = await refused(s.core, s.manager, 'orders:void', { orderId, reason: 'mistake' })
    expect(error.key).toBe('errors.orders.voidNonCash')
    expect(ledgerBalances(s.dataDir)).toMatchObject({ card_clearing: 2000, cash_drawer: 1990 })
    const refund = await refundWhole(s, orderId)
    expect(refund.tenders.map((t) => [t.method, t.amount, t.status]).sort()).toEqual([
      ['card', 2000, 'succeeded'],
      ['cash', 1990, 'succeeded']
    ])
    const balances = ledgerBalances(s.dataDir)
    expect(balances.card_clearing ?? 0).toBe(0)
    expect(balances.cash_drawer ?? 0).toBe(0)
    const { shift } = await callOk(s.core, s.cashier, 'shifts:current', {})
    expect(shift!.drawer).toMatchObject({ cashSales: 1990, cashRefunds: 1990, expected: 0 })
    const bill = await providerBill(s, 'card')
    expect(bill.rows.map((r) => [r.kind, r.localAmount, r.result])).toEqual([
      ['payment', 2000, 'matched'],
      ['refund', 2000, 'matched']
    ])
  })
})

describe('reconciliation of voided sales', () => {
  it('flags a provider payment whose order was voided without a provider refund (a void an older Kassa let through)', async () => {
    const s = await shop()
    const voided = await sellWith(s, 'alipay')
    const refunded = await sellWith(s, 'alipay', GOODS.cola.sku)
    await refundWhole(s, refunded.orderId)
    // An older Kassa voided non-cash sales in the ledger only: write that state as it left it.
    const db = new BetterSqlite3(join(s.dataDir, 'kassa.sqlite'))
    db.prepare("UPDATE orders SET status = 'voided', close_reason = 'legacy void' WHERE id = ?").run(
      voided.orderId
    )
    db.close()

    const run = await callOk(s.core, s.owner, 'reconciliation:run', { date: DAY, provider: 'alipay' })
    const row = (tradeNo: string) => run.rows.filter((r) => r.tradeNo === tradeNo && r.kind === 'payment')
    expect(row(voided.tradeNo)).toEqual([
      expect.objectContaining({
        result: 'status_mismatch',
        note: 'voided_not_refunded',
        repair: 'needs_person'
      })
    ])
    expect(row(refunded.tradeNo)).toEqual([expect.objectContaining({ result: 'matched' })])
    expect(run.differences).toBe(1)
  })
})
