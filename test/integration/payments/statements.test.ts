import { readFileSync } from 'node:fs'
import { AlipaySdk } from 'alipay-sdk'
import { unzipSync } from 'fflate'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { chinaDay } from '../../../src/main/payments/china-time'
import type { BillRow } from '../../../src/main/payments/provider'
import {
  ALIPAY_CODE,
  WECHAT_CODE,
  pollUntilDefinite,
  startPayments,
  tradeNo,
  waitFor
} from './payments-fixture'

// Amounts chosen so fees land on halves and odd fractions: 0.6% of 12.50 is 0.075 (→ 0.08),
// of 0.99 is 0.00594 (→ 0.01), of 333.33 is 1.99998 (→ 2.00), of 10.83 is 0.06498 (→ 0.06).
const AMOUNTS = [1250, 99, 33333, 1083]
const fee = (amount: number, rateTimes10000: number): number => {
  // Integer half-up rounding of amount × rate, independent of the code under test.
  const scaled = amount * rateTimes10000
  return (scaled - (scaled % 10000)) / 10000 + (scaled % 10000 >= 5000 ? 1 : 0)
}

const byKey = (rows: BillRow[]): Record<string, BillRow> =>
  Object.fromEntries(rows.map((r) => [`${r.type}:${r.tradeNo}:${r.refundNo ?? ''}`, r]))

describe('statements round-trip amounts and fees exactly', () => {
  it('Alipay: the GBK CSV with # comment lines', async () => {
    const f = await startPayments()
    const paid: string[] = []
    for (const amount of AMOUNTS) {
      const no = tradeNo()
      await f.seed(no, { customer: 'pay', afterMs: 0 })
      await f.providers.alipay.create({
        tradeNo: no,
        amount,
        currency: 'CNY',
        subject: '测试商品',
        flow: 'customer_code',
        authCode: ALIPAY_CODE
      })
      paid.push(no)
    }
    await f.providers.alipay.refund({
      tradeNo: paid[0] as string,
      refundNo: 'R-1',
      amount: 250,
      paymentAmount: 1250,
      currency: 'CNY'
    })
    const day = chinaDay(new Date())
    const response = await f.providers.alipay.fetchStatement(day)
    const rows = byKey(response)
    AMOUNTS.forEach((amount, i) => {
      expect(rows[`payment:${paid[i]}:`]).toMatchObject({ amount, fee: fee(amount, 60), type: 'payment' })
    })
    expect(rows[`refund:${paid[0]}:R-1`]).toMatchObject({ amount: 250, fee: -fee(250, 60) })
    expect(response.every((r) => r.time.endsWith('+08:00'))).toBe(true)
  })

  it('Alipay serves its bill as a zip of GBK CSVs: the Chinese header does not read as UTF-8', async () => {
    const f = await startPayments()
    const no = tradeNo()
    await f.seed(no, { customer: 'pay', afterMs: 0 })
    await f.providers.alipay.create({
      tradeNo: no,
      amount: 100,
      currency: 'CNY',
      subject: '测试',
      flow: 'customer_code',
      authCode: ALIPAY_CODE
    })
    // Ask for the bill URL with the SDK itself, as the adapter does, and look at the raw bytes.
    const sdk = new AlipaySdk({
      appId: f.gateway.keys.alipay.appId,
      privateKey: readFileSync(f.gateway.keys.alipay.appPrivateKeyFile, 'utf8'),
      alipayPublicKey: readFileSync(f.gateway.keys.alipay.alipayPublicKeyFile, 'utf8'),
      keyType: 'PKCS8',
      gateway: `${f.gateway.url}/gateway.do`,
      camelcase: false
    })
    const answer = (await sdk.exec(
      'alipay.data.dataservice.bill.downloadurl.query',
      { bizContent: { bill_type: 'trade', bill_date: chinaDay(new Date()) } },
      { validateSign: true }
    )) as Record<string, string>
    const zip = Buffer.from(await (await fetch(answer.bill_download_url as string)).arrayBuffer())
    const entries = unzipSync(zip)
    const names = Object.keys(entries)
    expect(names).toHaveLength(2)
    const detail = names.find((name) => name.endsWith('_业务明细.csv'))!
    expect(iconv.decode(Buffer.from(entries[names.find((n) => n !== detail)!]!), 'gbk')).toContain('合计')
    const bytes = Buffer.from(entries[detail]!)
    const text = iconv.decode(bytes, 'gbk')
    expect(text.split('\r\n')[0]).toBe('#支付宝交易记录明细查询')
    expect(bytes.toString('utf8')).not.toContain('支付宝')
    expect(text).toContain(`${no}\t,交易\t`)
    expect(text).toContain('#-----------------------------------------业务明细列表结束')
  })

  it('WeChat Pay: the backtick-prefixed bill, fees with five decimals settled to the fen', async () => {
    const f = await startPayments()
    const paid: string[] = []
    for (const amount of AMOUNTS) {
      const no = tradeNo()
      await f.seed(no, { customer: 'pay', afterMs: 0 })
      await f.providers.wechat.create({
        tradeNo: no,
        amount,
        currency: 'CNY',
        subject: 'Kassa',
        flow: 'customer_code',
        authCode: WECHAT_CODE
      })
      paid.push(no)
    }
    const qr = tradeNo()
    await f.seed(qr, { customer: 'pay', afterMs: 0 })
    await f.providers.wechat.create({
      tradeNo: qr,
      amount: 1999,
      currency: 'CNY',
      subject: 'Kassa',
      flow: 'merchant_qr'
    })
    await pollUntilDefinite(f.providers.wechat, qr)
    await f.providers.wechat.refund({
      tradeNo: qr,
      refundNo: 'W-R1',
      amount: 1083,
      paymentAmount: 1999,
      currency: 'CNY'
    })
    await waitFor(async () => (await f.providers.wechat.queryRefund(qr, 'W-R1')).status === 'succeeded')
    const rows = byKey(await f.providers.wechat.fetchStatement(chinaDay(new Date())))
    AMOUNTS.forEach((amount, i) => {
      expect(rows[`payment:${paid[i]}:`]).toMatchObject({ amount, fee: fee(amount, 60), status: 'SUCCESS' })
    })
    expect(rows[`payment:${qr}:`]).toMatchObject({ amount: 1999, fee: fee(1999, 60) })
    expect(rows[`refund:${qr}:W-R1`]).toMatchObject({
      amount: 1083,
      fee: -fee(1083, 60),
      status: 'REFUND_SUCCESS'
    })
  })

  it('card terminal settlement carries the same figures', async () => {
    const f = await startPayments()
    const no = tradeNo()
    await f.seed(no, { customer: 'pay', afterMs: 0 })
    await f.providers.card.create({
      tradeNo: no,
      amount: 33333,
      currency: 'CNY',
      subject: '',
      flow: 'terminal'
    })
    await pollUntilDefinite(f.providers.card, no)
    const rows = byKey(await f.providers.card.fetchStatement(chinaDay(new Date())))
    expect(rows[`payment:${no}:`]).toMatchObject({ amount: 33333, fee: fee(33333, 38) })
  })
})
