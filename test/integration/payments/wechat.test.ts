import { describe, expect, it } from 'vitest'
import {
  applyObservedStatus,
  requireRetryable,
  transitionPayment
} from '../../../src/main/domain/payments/payment-status'
import { WECHAT_CODE, pollUntilDefinite, startPayments, tradeNo, waitFor } from './payments-fixture'

// The WeChat Pay adapter on the official wechatpay-axios-plugin (v3 + v2), against the sandbox over HTTP.

const order = (no: string, flow: 'merchant_qr' | 'customer_code', notifyUrl?: string) => ({
  tradeNo: no,
  amount: 3999,
  currency: 'CNY',
  subject: 'Kassa T01-000124',
  flow,
  ...(flow === 'customer_code' ? { authCode: WECHAT_CODE } : {}),
  ...(notifyUrl ? { notifyUrl } : {})
})

describe('WeChat Pay adapter against the sandbox', () => {
  it('creates a Native order (code_url), NOTPAY until paid; the v3 notification verifies and decrypts', async () => {
    const f = await startPayments()
    const no = tradeNo()
    await f.seed(no, { customer: 'pay', afterMs: 300 })
    const created = await f.providers.wechat.create(order(no, 'merchant_qr', f.listener.urlFor('wechat')))
    expect(created).toMatchObject({
      status: 'pending',
      qrContent: expect.stringMatching(/^weixin:\/\/wxpay\/bizpayurl\?pr=/)
    })
    expect((await f.providers.wechat.query(no)).status).toBe('pending')
    const paid = await pollUntilDefinite(f.providers.wechat, no)
    expect(paid).toMatchObject({ status: 'succeeded', amount: 3999 })
    const event = await waitFor(() => f.events.find((e) => e.tradeNo === no))
    expect(event).toMatchObject({
      kind: 'payment',
      status: 'succeeded',
      amount: 3999,
      providerTradeNo: paid.providerTradeNo
    })
  })

  it('a payment code (v2 micropay) pays at once, or USERPAYING until the customer confirms', async () => {
    const f = await startPayments()
    const now = tradeNo()
    await f.seed(now, { customer: 'pay', afterMs: 0 })
    expect(await f.providers.wechat.create(order(now, 'customer_code'))).toMatchObject({
      status: 'succeeded',
      amount: 3999
    })
    const later = tradeNo()
    await f.seed(later, { customer: 'pay', afterMs: 300 })
    expect((await f.providers.wechat.create(order(later, 'customer_code'))).status).toBe('user_paying')
    expect((await f.providers.wechat.query(later)).status).toBe('user_paying')
    expect((await pollUntilDefinite(f.providers.wechat, later)).status).toBe('succeeded')
  })

  it('a payment code that needs the password waits for the customer panel', async () => {
    const f = await startPayments()
    const no = tradeNo()
    await f.seed(no, { customer: 'password' })
    expect((await f.providers.wechat.create(order(no, 'customer_code'))).status).toBe('user_paying')
    expect((await f.control('POST', `/trades/wechat/${no}/password`, { password: '654321' })).status).toBe(
      200
    )
    expect((await f.providers.wechat.query(no)).status).toBe('succeeded')
  })

  it('declines: a payment code fails with its err_code (signature checked), a Native order ends PAYERROR', async () => {
    const f = await startPayments()
    const code = tradeNo()
    await f.seed(code, { customer: 'decline', afterMs: 0 })
    expect(await f.providers.wechat.create(order(code, 'customer_code'))).toMatchObject({
      status: 'failed',
      failure: { code: 'NOTENOUGH' }
    })
    expect(() => requireRetryable('failed')).not.toThrow()
    const invalid = await f.providers.wechat.create({ ...order(tradeNo(), 'customer_code'), authCode: '99' })
    expect(invalid).toMatchObject({ status: 'failed', failure: { code: 'AUTH_CODE_INVALID' } })
    const qr = tradeNo()
    await f.seed(qr, { customer: 'decline', afterMs: 50 })
    await f.providers.wechat.create(order(qr, 'merchant_qr'))
    expect((await pollUntilDefinite(f.providers.wechat, qr)).status).toBe('failed')
  })

  it('timeout after WeChat committed: unknown until the query says SUCCESS', async () => {
    const f = await startPayments({ timeoutMs: 600 })
    const no = tradeNo()
    await f.seed(no, { customer: 'pay', afterMs: 0, faults: { create: 'timeout_after_commit' } })
    const created = await f.providers.wechat.create(order(no, 'customer_code'))
    expect(created.status).toBe('unknown')
    expect(() => requireRetryable('unknown')).toThrow()
    const query = await f.providers.wechat.query(no)
    expect(applyObservedStatus(transitionPayment('created', 'unknown'), query.status)).toEqual({
      kind: 'changed',
      status: 'succeeded'
    })
  })

  it('timeout before WeChat committed: ORDER_NOT_EXIST, reverse closes the number, and the late request is refused', async () => {
    const f = await startPayments({ timeoutMs: 600 })
    const no = tradeNo()
    await f.seed(no, { customer: 'pay', afterMs: 0, faults: { create: 'timeout_before_commit' } })
    expect((await f.providers.wechat.create(order(no, 'customer_code'))).status).toBe('unknown')
    expect((await f.providers.wechat.query(no)).status).toBe('not_found')
    expect((await f.providers.wechat.cancel({ tradeNo: no, flow: 'customer_code' })).status).toBe('closed')
    expect(await f.providers.wechat.create(order(no, 'customer_code'))).toMatchObject({
      status: 'closed',
      failure: { code: 'ORDERREVERSED' }
    })

    const qr = tradeNo()
    await f.seed(qr, { faults: { create: 'timeout_before_commit' } })
    expect((await f.providers.wechat.create(order(qr, 'merchant_qr'))).status).toBe('unknown')
    // Nobody saw a code_url that was never returned: closing a Native order WeChat never made is "closed".
    expect((await f.providers.wechat.cancel({ tradeNo: qr, flow: 'merchant_qr' })).status).toBe('closed')
  })

  it('reverse refunds a payment code that went through; close cannot undo a paid Native order', async () => {
    const f = await startPayments({ timeoutMs: 600 })
    const code = tradeNo()
    await f.seed(code, { customer: 'pay', afterMs: 0, faults: { create: 'timeout_after_commit' } })
    expect((await f.providers.wechat.create(order(code, 'customer_code'))).status).toBe('unknown')
    expect((await f.providers.wechat.cancel({ tradeNo: code, flow: 'customer_code' })).status).toBe(
      'reversed'
    )
    expect((await f.providers.wechat.query(code)).status).toBe('reversed')

    const qr = tradeNo()
    await f.seed(qr, { customer: 'pay', afterMs: 0 })
    await f.providers.wechat.create(order(qr, 'merchant_qr'))
    await pollUntilDefinite(f.providers.wechat, qr)
    expect((await f.providers.wechat.cancel({ tradeNo: qr, flow: 'merchant_qr' })).status).toBe('succeeded')
  })

  it('an answer the plugin cannot verify (wrong platform key) is unknown; the query settles it', async () => {
    const f = await startPayments()
    const qr = tradeNo()
    await f.seed(qr, { customer: 'manual', responseSignature: 'bad' })
    expect((await f.providers.wechat.create(order(qr, 'merchant_qr'))).status).toBe('unknown')
    expect((await f.providers.wechat.query(qr)).status).toBe('pending')
    const code = tradeNo()
    await f.seed(code, { customer: 'pay', afterMs: 0, responseSignature: 'bad' })
    expect((await f.providers.wechat.create(order(code, 'customer_code'))).status).toBe('unknown')
    expect((await f.providers.wechat.query(code)).status).toBe('succeeded')
  })

  it('duplicate notifications are the same event id', async () => {
    const f = await startPayments()
    const no = tradeNo()
    await f.seed(no, { customer: 'pay', afterMs: 0, notify: 'duplicate' })
    await f.providers.wechat.create(order(no, 'merchant_qr', f.listener.urlFor('wechat')))
    const mine = await waitFor(() => {
      const list = f.events.filter((e) => e.tradeNo === no)
      return list.length >= 2 ? list : undefined
    })
    expect(new Set(mine.map((e) => e.eventId)).size).toBe(1)
  })

  it('the notification arrives before the answer to the query that finds the payment', async () => {
    const f = await startPayments()
    const no = tradeNo()
    await f.seed(no, { customer: 'pay', afterMs: 100, notify: 'before_response' })
    await f.providers.wechat.create(order(no, 'merchant_qr', f.listener.urlFor('wechat')))
    await pollUntilDefinite(f.providers.wechat, no)
    expect(f.events.find((e) => e.tradeNo === no)).toMatchObject({ kind: 'payment', status: 'succeeded' })
  })

  it('out-of-order: REFUND.SUCCESS arrives before TRANSACTION.SUCCESS', async () => {
    const f = await startPayments()
    const no = tradeNo()
    await f.seed(no, { customer: 'pay', afterMs: 0, notify: 'out_of_order' })
    await f.providers.wechat.create(order(no, 'merchant_qr', f.listener.urlFor('wechat')))
    await pollUntilDefinite(f.providers.wechat, no)
    const refund = await f.providers.wechat.refund({
      tradeNo: no,
      refundNo: `${no}-R1`,
      amount: 999,
      paymentAmount: 3999,
      currency: 'CNY',
      notifyUrl: f.listener.urlFor('wechat')
    })
    expect(refund.status).toBe('processing')
    const events = await waitFor(() => {
      const list = f.events.filter((e) => e.tradeNo === no)
      return list.length >= 2 ? list : undefined
    })
    expect(events.map((e) => e.kind)).toEqual(['refund', 'payment'])
    expect(events[0]).toMatchObject({ refundNo: `${no}-R1`, amount: 999, status: 'succeeded' })
    // A paid trade with refunds reads REFUND at WeChat: still a succeeded payment.
    expect((await f.providers.wechat.query(no)).status).toBe('succeeded')
  })

  it('rejects notifications signed with the wrong key or with an amount changed after signing', async () => {
    const f = await startPayments()
    const badSign = tradeNo()
    const tampered = tradeNo()
    await f.seed(badSign, { customer: 'pay', afterMs: 0, notify: 'bad_signature' })
    await f.seed(tampered, { customer: 'pay', afterMs: 0, notify: 'tampered_amount' })
    await f.providers.wechat.create(order(badSign, 'merchant_qr', f.listener.urlFor('wechat')))
    await f.providers.wechat.create(order(tampered, 'merchant_qr', f.listener.urlFor('wechat')))
    await waitFor(() => f.rejected.length >= 2)
    expect(f.rejected.map((r) => r.error.reason)).toEqual(['signature', 'signature'])
    expect(f.events).toEqual([])
  })

  it('refunds asynchronously with out_refund_no, idempotently across a timeout', async () => {
    const f = await startPayments({ timeoutMs: 600 })
    const no = tradeNo()
    const refundNo = `${no}-R1`
    await f.seed(no, { customer: 'pay', afterMs: 0, faults: { refund: 'timeout_before_commit' } })
    await f.providers.wechat.create(order(no, 'customer_code'))
    const request = { tradeNo: no, refundNo, amount: 1000, paymentAmount: 3999, currency: 'CNY' }
    expect((await f.providers.wechat.refund(request)).status).toBe('processing')
    expect((await f.providers.wechat.queryRefund(no, refundNo)).status).toBe('not_found')
    expect((await f.providers.wechat.refund(request)).status).toBe('processing')
    expect((await f.providers.wechat.refund(request)).status).toMatch(/processing|succeeded/)
    const done = await waitFor(async () => {
      const outcome = await f.providers.wechat.queryRefund(no, refundNo)
      return outcome.status === 'succeeded' ? outcome : undefined
    })
    expect(done).toMatchObject({ amount: 1000 })
    expect(f.gateway.trade('wechat', no)?.refunds).toHaveLength(1)
  })

  it('a refund refused for the merchant balance fails (NOT_ENOUGH)', async () => {
    const f = await startPayments()
    const no = tradeNo()
    await f.seed(no, { customer: 'pay', afterMs: 0, refund: 'insufficient_balance' })
    await f.providers.wechat.create(order(no, 'customer_code'))
    const refund = await f.providers.wechat.refund({
      tradeNo: no,
      refundNo: `${no}-R1`,
      amount: 1000,
      paymentAmount: 3999,
      currency: 'CNY'
    })
    expect(refund).toMatchObject({ status: 'failed', failure: { code: 'NOT_ENOUGH' } })
    expect((await f.providers.wechat.queryRefund(no, `${no}-R1`)).status).toBe('not_found')
  })

  it('a Native QR expires unpaid: CLOSED', async () => {
    const f = await startPayments()
    const no = tradeNo()
    await f.seed(no, { customer: 'manual', qrExpiresMs: 150 })
    await f.providers.wechat.create(order(no, 'merchant_qr'))
    expect((await pollUntilDefinite(f.providers.wechat, no)).status).toBe('closed')
  })
})
