import { describe, expect, it } from 'vitest'
import { ALIPAY_CODE, startPayments, tradeNo } from './payments-fixture'

describe('sandbox control API (the customer panel)', () => {
  it('lists what waits for the customer and lets the panel scan, approve and decline', async () => {
    const f = await startPayments({ defaultScenario: { customer: 'manual' } })
    const qr = tradeNo()
    const declined = tradeNo()
    await f.providers.alipay.create({
      tradeNo: qr,
      amount: 500,
      currency: 'CNY',
      subject: 'x',
      flow: 'merchant_qr'
    })
    await f.providers.wechat.create({
      tradeNo: declined,
      amount: 700,
      currency: 'CNY',
      subject: 'x',
      flow: 'merchant_qr'
    })
    const { data } = (await f.control('GET', '/trades?open=1')) as {
      data: { trades: { tradeNo: string; waitingFor: string; provider: string }[] }
    }
    expect(data.trades.map((t) => [t.provider, t.tradeNo, t.waitingFor])).toEqual([
      ['alipay', qr, 'scan'],
      ['wechat', declined, 'confirm']
    ])
    expect((await f.control('POST', `/trades/alipay/${qr}/approve`)).status).toBe(200)
    expect((await f.control('POST', `/trades/wechat/${declined}/decline`)).status).toBe(200)
    expect((await f.providers.alipay.query(qr)).status).toBe('succeeded')
    expect((await f.providers.wechat.query(declined)).status).toBe('failed')
    expect(((await f.control('GET', '/trades?open=1')).data as { trades: unknown[] }).trades).toEqual([])
    expect((await f.control('POST', `/trades/alipay/${qr}/approve`)).status).toBe(409)
    expect((await f.control('GET', '/trades/alipay/nope')).status).toBe(404)
  })

  it('refuses scenarios it does not know', async () => {
    const f = await startPayments()
    expect((await f.control('PUT', '/scenarios/X1', { customer: 'teleport' })).status).toBe(400)
    expect((await f.control('PUT', '/scenarios/X1', { faults: { create: 'sometimes' } })).status).toBe(400)
    expect(
      (
        await f.control('PUT', '/scenarios/X1', {
          customer: 'pay',
          afterMs: 10,
          faults: { refund: 'timeout_after_commit' }
        })
      ).status
    ).toBe(204)
  })

  it('replays: the same seed and the same requests make the same provider numbers', async () => {
    const run = async (): Promise<string[]> => {
      const f = await startPayments({ seed: 7, defaultScenario: { customer: 'pay', afterMs: 0 } })
      const numbers: string[] = []
      for (const no of ['REPLAY-1', 'REPLAY-2']) {
        const outcome = await f.providers.alipay.create({
          tradeNo: no,
          amount: 100,
          currency: 'CNY',
          subject: 'x',
          flow: 'customer_code',
          authCode: ALIPAY_CODE
        })
        numbers.push(outcome.providerTradeNo ?? '')
      }
      await f.gateway.close()
      return numbers
    }
    const first = await run()
    expect(await run()).toEqual(first)
  })
})
