import { describe, expect, it } from 'vitest'
import {
  applyObservedStatus,
  requireRetryable,
  transitionPayment
} from '../../../src/main/domain/payments/payment-status'
import { ALIPAY_CODE, pollUntilDefinite, startPayments, tradeNo, waitFor } from './payments-fixture'

// The Alipay adapter on the official alipay-sdk, against the sandbox gateway over HTTP.

const order = (no: string, flow: 'merchant_qr' | 'customer_code', notifyUrl?: string) => ({
  tradeNo: no,
  amount: 1250,
  currency: 'CNY',
  subject: 'Kassa T01-000123',
  flow,
  ...(flow === 'customer_code' ? { authCode: ALIPAY_CODE } : {}),
  ...(notifyUrl ? { notifyUrl } : {})
})

describe('Alipay adapter against the sandbox', () => {
  it('shows a QR (WAIT_BUYER_PAY after the scan) and is paid after a while; the notification verifies', async () => {
    const f = await startPayments()
    const no = tradeNo()
    await f.seed(no, { customer: 'pay', afterMs: 300 })
    const created = await f.providers.alipay.create(order(no, 'merchant_qr', f.listener.urlFor('alipay')))
    expect(created.status).toBe('pending')
    expect(created.qrContent).toMatch(/^https:\/\/qr\.alipay\.com\//)
    expect((await f.providers.alipay.query(no)).status).toBe('pending')
    const paid = await pollUntilDefinite(f.providers.alipay, no)
    expect(paid).toMatchObject({ status: 'succeeded', amount: 1250 })
    const event = await waitFor(() => f.events.find((e) => e.tradeNo === no))
    expect(event).toMatchObject({
      kind: 'payment',
      status: 'succeeded',
      amount: 1250,
      providerTradeNo: paid.providerTradeNo
    })
  })

  it('an unscanned QR does not exist at Alipay yet: query says not_found, which changes nothing', async () => {
    const f = await startPayments()
    const no = tradeNo()
    await f.seed(no, { customer: 'manual' })
    expect((await f.providers.alipay.create(order(no, 'merchant_qr'))).status).toBe('pending')
    const query = await f.providers.alipay.query(no)
    expect(query.status).toBe('not_found')
    expect(applyObservedStatus('pending', query.status)).toEqual({ kind: 'same', status: 'pending' })
  })

  it('a payment code pays at once, or comes back user_paying (10003) until the customer confirms', async () => {
    const f = await startPayments()
    const now = tradeNo()
    await f.seed(now, { customer: 'pay', afterMs: 0 })
    expect(await f.providers.alipay.create(order(now, 'customer_code'))).toMatchObject({
      status: 'succeeded',
      amount: 1250
    })

    const later = tradeNo()
    await f.seed(later, { customer: 'pay', afterMs: 300 })
    expect((await f.providers.alipay.create(order(later, 'customer_code'))).status).toBe('user_paying')
    expect((await f.providers.alipay.query(later)).status).toBe('pending')
    expect((await pollUntilDefinite(f.providers.alipay, later)).status).toBe('succeeded')
  })

  it('a password payment waits for the customer panel', async () => {
    const f = await startPayments()
    const no = tradeNo()
    await f.seed(no, { customer: 'password' })
    expect((await f.providers.alipay.create(order(no, 'customer_code'))).status).toBe('user_paying')
    const pending = (await f.control('GET', '/trades?open=1')).data as {
      trades: { tradeNo: string; waitingFor: string }[]
    }
    expect(pending.trades.find((t) => t.tradeNo === no)?.waitingFor).toBe('password')
    expect((await f.control('POST', `/trades/alipay/${no}/password`, { password: '12' })).status).toBe(400)
    expect((await f.control('POST', `/trades/alipay/${no}/password`, { password: '123456' })).status).toBe(
      200
    )
    expect((await f.providers.alipay.query(no)).status).toBe('succeeded')
  })

  it('a declined payment code fails with the provider code, and then a retry is allowed', async () => {
    const f = await startPayments()
    const no = tradeNo()
    await f.seed(no, { customer: 'decline', afterMs: 0 })
    const outcome = await f.providers.alipay.create(order(no, 'customer_code'))
    expect(outcome).toMatchObject({ status: 'failed', failure: { code: 'ACQ.BUYER_BALANCE_NOT_ENOUGH' } })
    expect(() => requireRetryable('failed')).not.toThrow()
    const bad = await f.providers.alipay.create({ ...order(tradeNo(), 'customer_code'), authCode: '123' })
    expect(bad).toMatchObject({ status: 'failed', failure: { code: 'ACQ.PAYMENT_AUTH_CODE_INVALID' } })
  })

  it('a declined QR closes the trade', async () => {
    const f = await startPayments()
    const no = tradeNo()
    await f.seed(no, { customer: 'decline', afterMs: 100 })
    await f.providers.alipay.create(order(no, 'merchant_qr'))
    expect((await pollUntilDefinite(f.providers.alipay, no)).status).toBe('closed')
  })

  it('timeout after Alipay committed: unknown, and only a query tells it was paid', async () => {
    const f = await startPayments({ timeoutMs: 600 })
    const no = tradeNo()
    await f.seed(no, { customer: 'pay', afterMs: 0, faults: { create: 'timeout_after_commit' } })
    const created = await f.providers.alipay.create(order(no, 'customer_code'))
    expect(created.status).toBe('unknown')
    expect(() => requireRetryable(transitionPayment('created', created.status as 'unknown'))).toThrow(
      /query it/
    )
    const query = await f.providers.alipay.query(no)
    expect(query.status).toBe('succeeded')
    expect(applyObservedStatus('unknown', query.status)).toEqual({ kind: 'changed', status: 'succeeded' })
  })

  it('timeout before Alipay committed: query says not_found, cancel closes it for good, then a retry is allowed', async () => {
    const f = await startPayments({ timeoutMs: 600 })
    const no = tradeNo()
    await f.seed(no, { customer: 'pay', afterMs: 0, faults: { create: 'timeout_before_commit' } })
    expect((await f.providers.alipay.create(order(no, 'customer_code'))).status).toBe('unknown')
    expect((await f.providers.alipay.query(no)).status).toBe('not_found')
    const cancelled = await f.providers.alipay.cancel({ tradeNo: no, flow: 'customer_code' })
    expect(cancelled.status).toBe('closed')
    expect(() => requireRetryable(transitionPayment('unknown', 'closed'))).not.toThrow()
    // The request that never arrived cannot pay later: Alipay remembers the cancelled number.
    expect(await f.providers.alipay.create(order(no, 'customer_code'))).toMatchObject({
      status: 'closed',
      failure: { code: 'ACQ.TRADE_HAS_CLOSE' }
    })
  })

  it('cancelling an attempt that turned out paid reverses it (action=refund)', async () => {
    const f = await startPayments({ timeoutMs: 600 })
    const no = tradeNo()
    await f.seed(no, { customer: 'pay', afterMs: 0, faults: { create: 'timeout_after_commit' } })
    expect((await f.providers.alipay.create(order(no, 'customer_code'))).status).toBe('unknown')
    expect((await f.providers.alipay.cancel({ tradeNo: no, flow: 'customer_code' })).status).toBe('reversed')
    expect((await f.providers.alipay.query(no)).status).toBe('reversed')
  })

  it('a create answer signed with the wrong key is not trusted: unknown, then the query settles it', async () => {
    const f = await startPayments()
    const no = tradeNo()
    await f.seed(no, { customer: 'pay', afterMs: 0, responseSignature: 'bad' })
    expect((await f.providers.alipay.create(order(no, 'customer_code'))).status).toBe('unknown')
    expect((await f.providers.alipay.query(no)).status).toBe('succeeded')
  })

  it('duplicate notifications carry the same notify_id and change nothing the second time', async () => {
    const f = await startPayments()
    const no = tradeNo()
    await f.seed(no, { customer: 'pay', afterMs: 50, notify: 'duplicate' })
    await f.providers.alipay.create(order(no, 'merchant_qr', f.listener.urlFor('alipay')))
    const [first, second] = await waitFor(() => {
      const mine = f.events.filter((e) => e.tradeNo === no)
      return mine.length >= 2 ? mine : undefined
    })
    expect(second?.eventId).toBe(first?.eventId)
    let status = transitionPayment('created', 'pending')
    for (const event of [first, second]) {
      const outcome = applyObservedStatus(status, event?.kind === 'payment' ? event.status : 'unknown')
      status = outcome.status
    }
    expect(status).toBe('succeeded')
  })

  it('the notification can arrive before the synchronous answer', async () => {
    const f = await startPayments()
    const no = tradeNo()
    await f.seed(no, { customer: 'pay', afterMs: 0, notify: 'before_response' })
    await f.providers.alipay.create(order(no, 'customer_code', f.listener.urlFor('alipay')))
    // Already there when create returned.
    expect(f.events.find((e) => e.tradeNo === no)).toMatchObject({ kind: 'payment', status: 'succeeded' })
  })

  it('out-of-order notifications: the refund is announced before the payment; the state machines absorb it', async () => {
    const f = await startPayments()
    const no = tradeNo()
    await f.seed(no, { customer: 'pay', afterMs: 0, notify: 'out_of_order' })
    expect(
      (await f.providers.alipay.create(order(no, 'customer_code', f.listener.urlFor('alipay')))).status
    ).toBe('succeeded')
    const refund = await f.providers.alipay.refund({
      tradeNo: no,
      refundNo: `${no}-R1`,
      amount: 450,
      paymentAmount: 1250,
      currency: 'CNY'
    })
    expect(refund.status).toBe('succeeded')
    const events = await waitFor(() => {
      const mine = f.events.filter((e) => e.tradeNo === no)
      return mine.length >= 2 ? mine : undefined
    })
    expect(events.map((e) => e.kind)).toEqual(['refund', 'payment'])
    expect(events[0]).toMatchObject({ kind: 'refund', refundNo: `${no}-R1`, refundedTotal: 450 })
    // The late payment news about an already-succeeded payment is the same, not a change.
    expect(
      applyObservedStatus('succeeded', events[1]?.kind === 'payment' ? events[1].status : 'unknown').kind
    ).toBe('same')
  })

  it('rejects a notification with a bad signature, and one whose amount was changed after signing', async () => {
    const f = await startPayments()
    const badSign = tradeNo()
    const tampered = tradeNo()
    await f.seed(badSign, { customer: 'pay', afterMs: 0, notify: 'bad_signature' })
    await f.seed(tampered, { customer: 'pay', afterMs: 0, notify: 'tampered_amount' })
    await f.providers.alipay.create(order(badSign, 'customer_code', f.listener.urlFor('alipay')))
    await f.providers.alipay.create(order(tampered, 'customer_code', f.listener.urlFor('alipay')))
    await waitFor(() => f.rejected.length >= 2)
    expect(f.rejected.map((r) => r.error.reason)).toEqual(['signature', 'signature'])
    expect(f.events.filter((e) => e.tradeNo === badSign || e.tradeNo === tampered)).toEqual([])
    // The gateway saw its notification refused ("failure"), so it is not treated as received.
    const deliveries = (await f.control('GET', '/notifications')).data as {
      deliveries: { tradeNo: string; accepted: boolean }[]
    }
    expect(deliveries.deliveries.filter((d) => d.tradeNo === tampered).every((d) => !d.accepted)).toBe(true)
  })

  it('refunds with the caller’s refund number, idempotently across a timeout', async () => {
    const f = await startPayments({ timeoutMs: 600 })
    const no = tradeNo()
    const refundNo = `${no}-R1`
    await f.seed(no, { customer: 'pay', afterMs: 0, faults: { refund: 'timeout_after_commit' } })
    await f.providers.alipay.create(order(no, 'customer_code'))
    const request = { tradeNo: no, refundNo, amount: 500, paymentAmount: 1250, currency: 'CNY' }
    expect((await f.providers.alipay.refund(request)).status).toBe('processing')
    expect(await f.providers.alipay.queryRefund(no, refundNo)).toMatchObject({
      status: 'succeeded',
      amount: 500
    })
    // Retrying with the same number refunds nothing twice (fund_change N, then a query).
    expect(await f.providers.alipay.refund(request)).toMatchObject({ status: 'succeeded', amount: 500 })
    expect(f.gateway.trade('alipay', no)?.refunds).toHaveLength(1)
    expect((await f.providers.alipay.queryRefund(no, `${no}-R9`)).status).toBe('not_found')
  })

  it('a refund refused for insufficient balance fails with the provider code and leaves no refund', async () => {
    const f = await startPayments()
    const no = tradeNo()
    await f.seed(no, { customer: 'pay', afterMs: 0, refund: 'insufficient_balance' })
    await f.providers.alipay.create(order(no, 'customer_code'))
    const refund = await f.providers.alipay.refund({
      tradeNo: no,
      refundNo: `${no}-R1`,
      amount: 500,
      paymentAmount: 1250,
      currency: 'CNY'
    })
    expect(refund).toMatchObject({ status: 'failed', failure: { code: 'ACQ.SELLER_BALANCE_NOT_ENOUGH' } })
    expect((await f.providers.alipay.queryRefund(no, `${no}-R1`)).status).toBe('not_found')
  })

  it('a scanned QR expires unpaid and closes (TRADE_CLOSED)', async () => {
    const f = await startPayments()
    const no = tradeNo()
    await f.seed(no, { customer: 'manual', qrExpiresMs: 200 })
    await f.providers.alipay.create(order(no, 'merchant_qr'))
    expect((await f.control('POST', `/trades/alipay/${no}/scan`)).status).toBe(200)
    expect((await f.providers.alipay.query(no)).status).toBe('pending')
    expect((await pollUntilDefinite(f.providers.alipay, no)).status).toBe('closed')
    expect((await f.control('POST', `/trades/alipay/${no}/approve`)).status).toBe(409)
  })
})
