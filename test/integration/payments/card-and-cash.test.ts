import { readFileSync, readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { requireRetryable } from '../../../src/main/domain/payments/payment-status'
import { pollUntilDefinite, startPayments, tradeNo } from './payments-fixture'

const sale = (no: string) => ({
  tradeNo: no,
  amount: 8800,
  currency: 'CNY',
  subject: '',
  flow: 'terminal' as const
})

describe('card terminal adapter against the sandbox terminal', () => {
  it('waits for a card, then is approved; only the masked PAN comes back', async () => {
    const f = await startPayments()
    const no = tradeNo()
    await f.seed(no, { customer: 'pay', afterMs: 100 })
    expect((await f.providers.card.create(sale(no))).status).toBe('pending')
    const paid = await pollUntilDefinite(f.providers.card, no)
    expect(paid).toMatchObject({ status: 'succeeded', amount: 8800, maskedPan: '622588******1231' })
    expect(JSON.stringify(paid)).not.toMatch(/6225880000001231/)
  })

  it('the customer panel presents a card and PIN; the full number is never kept', async () => {
    const f = await startPayments()
    const no = tradeNo()
    await f.seed(no, { customer: 'manual' })
    await f.providers.card.create(sale(no))
    const open = (await f.control('GET', '/trades?open=1')).data as {
      trades: { tradeNo: string; waitingFor: string }[]
    }
    expect(open.trades.find((t) => t.tradeNo === no)?.waitingFor).toBe('card')
    expect(
      (await f.control('POST', `/trades/card/${no}/card`, { pan: '4111111111111112', pin: '1234' })).status
    ).toBe(409)
    const presented = await f.control('POST', `/trades/card/${no}/card`, {
      pan: '4111 1111 1111 1111',
      pin: '1234'
    })
    expect(presented.status).toBe(200)
    expect(JSON.stringify(presented.data)).not.toContain('4111111111111111')
    expect((await f.providers.card.query(no)).maskedPan).toBe('411111******1111')
    expect(JSON.stringify(f.gateway.trade('card', no))).not.toContain('4111111111111111')
  })

  it('declines (scenario, or a wrong PIN) with the response code', async () => {
    const f = await startPayments()
    const declined = tradeNo()
    await f.seed(declined, { customer: 'decline', afterMs: 0 })
    await f.providers.card.create(sale(declined))
    expect(await pollUntilDefinite(f.providers.card, declined)).toMatchObject({
      status: 'failed',
      failure: { code: '51' }
    })
    const wrongPin = tradeNo()
    await f.seed(wrongPin, { customer: 'manual' })
    await f.providers.card.create(sale(wrongPin))
    await f.control('POST', `/trades/card/${wrongPin}/card`, { pan: '6225880000001231', pin: '0000' })
    expect(await f.providers.card.query(wrongPin)).toMatchObject({
      status: 'failed',
      failure: { code: '55' },
      maskedPan: '622588******1231'
    })
  })

  it('a timed-out sale is unknown; the query finds it; cancel voids an approved sale', async () => {
    const f = await startPayments({ timeoutMs: 500 })
    const no = tradeNo()
    await f.seed(no, { customer: 'pay', afterMs: 0, faults: { create: 'timeout_after_commit' } })
    expect((await f.providers.card.create(sale(no))).status).toBe('unknown')
    expect(() => requireRetryable('unknown')).toThrow()
    expect((await pollUntilDefinite(f.providers.card, no)).status).toBe('succeeded')
    expect((await f.providers.card.cancel({ tradeNo: no, flow: 'terminal' })).status).toBe('reversed')

    const lost = tradeNo()
    await f.seed(lost, { faults: { create: 'timeout_before_commit' } })
    expect((await f.providers.card.create(sale(lost))).status).toBe('unknown')
    expect((await f.providers.card.query(lost)).status).toBe('not_found')
    expect((await f.providers.card.cancel({ tradeNo: lost, flow: 'terminal' })).status).toBe('closed')
  })

  it('refunds with the caller’s refund reference, once', async () => {
    const f = await startPayments()
    const no = tradeNo()
    await f.seed(no, { customer: 'pay', afterMs: 0 })
    await f.providers.card.create(sale(no))
    await pollUntilDefinite(f.providers.card, no)
    const request = { tradeNo: no, refundNo: `${no}-R1`, amount: 800, paymentAmount: 8800, currency: 'CNY' }
    expect((await f.providers.card.refund(request)).status).toBe('succeeded')
    expect((await f.providers.card.refund(request)).status).toBe('succeeded')
    expect((await f.providers.card.queryRefund(no, `${no}-R1`)).status).toBe('succeeded')
    expect(f.gateway.trade('card', no)?.refunds).toHaveLength(1)
  })

  it('no card number reaches the sandbox key files or anything the sandbox writes', async () => {
    const f = await startPayments()
    const no = tradeNo()
    await f.seed(no, { customer: 'manual' })
    await f.providers.card.create(sale(no))
    await f.control('POST', `/trades/card/${no}/card`, { pan: '6225880000001231', pin: '123456' })
    for (const file of readdirSync(f.gateway.keys.dir)) {
      expect(readFileSync(`${f.gateway.keys.dir}/${file}`, 'utf8')).not.toContain('6225880000001231')
    }
  })
})

describe('cash as a provider', () => {
  it('succeeds on the spot, talks to nobody, has no statement', async () => {
    const f = await startPayments()
    const no = tradeNo()
    expect(
      await f.providers.cash.create({ tradeNo: no, amount: 100, currency: 'CNY', subject: '', flow: 'cash' })
    ).toMatchObject({ status: 'succeeded', amount: 100 })
    expect((await f.providers.cash.query(no)).status).toBe('succeeded')
    expect((await f.providers.cash.cancel({ tradeNo: no, flow: 'cash' })).status).toBe('reversed')
    expect(await f.providers.cash.fetchStatement('2026-01-01')).toEqual([])
  })
})
