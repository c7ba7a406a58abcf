import { zipSync } from 'fflate'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { parseAlipayBill } from '../../../src/main/payments/alipay/alipay-bill'
import { readBillFile } from '../../../src/main/services/reconciliation/bill-files'
import { alipayBillFile, type HandRow } from './bill-files'

// Issue 13 item 10: Alipay's production bill is a zip of GBK CSVs — the detail and its summary (汇总).

const DAY = '2025-03-01'
const ROWS: HandRow[] = [
  { tradeNo: 'T01-A-1', type: 'payment', amount: 3990, fee: 24, time: '2025-03-01 10:00:00' },
  { tradeNo: 'T01-A-2', type: 'payment', amount: 1200, fee: 7, time: '2025-03-01 11:00:00' },
  { tradeNo: 'T01-A-1', type: 'refund', refundNo: 'R-1', amount: 500, fee: -3, time: '2025-03-01 12:00:00' }
]

function summary(cells: { payments: number; refunds: number; received: string; fee: string }): Buffer {
  const lines = [
    '#支付宝业务汇总查询',
    '#账号：[2088000000000000]',
    '#-----------------------------------------业务汇总列表----------------------------------------',
    '门店编号,门店名称,交易订单总笔数,退款订单总笔数,订单金额（元）,商家实收（元）,支付宝优惠（元）,商家优惠（元）,卡消费金额（元）,服务费（元）,分润（元）,实收净额（元）',
    `\t,合计\t,${cells.payments}\t,${cells.refunds}\t,51.90\t,${cells.received}\t,0.00\t,0.00\t,0.00\t,${cells.fee}\t,0.00\t,0.00\t`,
    '#-----------------------------------------业务汇总列表结束------------------------------------'
  ]
  return iconv.encode(lines.join('\r\n') + '\r\n', 'gbk')
}

const zip = (files: Record<string, Uint8Array>): Buffer => Buffer.from(zipSync(files))

describe('Alipay bill zip', () => {
  // 商家实收 = 39.90 + 12.00 − 5.00; 服务费 as printed: −0.24 − 0.07 + 0.03
  const matching = summary({ payments: 2, refunds: 1, received: '46.90', fee: '-0.28' })

  it('reads the detail out of the zip and checks it against the summary', () => {
    const bytes = zip({
      '2088000000000000_20250301_业务明细.csv': alipayBillFile(DAY, ROWS),
      '2088000000000000_20250301_业务明细(汇总).csv': matching
    })
    const rows = parseAlipayBill(bytes)
    expect(rows.map((r) => [r.type, r.tradeNo, r.amount, r.fee])).toEqual([
      ['payment', 'T01-A-1', 3990, 24],
      ['payment', 'T01-A-2', 1200, 7],
      ['refund', 'T01-A-1', 500, -3]
    ])
    expect(parseAlipayBill(alipayBillFile(DAY, ROWS))).toEqual(rows)
  })

  it('finds the files by their headers, whatever their names were decoded as', () => {
    const bytes = zip({ 'a.csv': matching, 'b.csv': alipayBillFile(DAY, ROWS) })
    expect(parseAlipayBill(bytes)).toHaveLength(3)
  })

  it('refuses a detail that does not add up to its summary, naming the figure', () => {
    const short = zip({
      'detail.csv': alipayBillFile(DAY, ROWS.slice(0, 2)),
      'summary.csv': matching
    })
    expect(() => parseAlipayBill(short)).toThrow(/退款订单总笔数 \(1\) does not match the detail's \(0\)/)
    const fees = zip({
      'detail.csv': alipayBillFile(DAY, ROWS),
      'summary.csv': summary({ payments: 2, refunds: 1, received: '46.90', fee: '-0.30' })
    })
    expect(() => parseAlipayBill(fees)).toThrow(/服务费/)
  })

  it('a merchant’s upload of the zip is read through the same path; a zip without a detail is refused', () => {
    const bytes = zip({ 'detail.csv': alipayBillFile(DAY, ROWS), 'summary.csv': matching })
    expect(
      readBillFile({ provider: 'alipay', date: DAY, fileBase64: bytes.toString('base64') })
    ).toHaveLength(3)
    expect(() =>
      readBillFile({
        provider: 'alipay',
        date: DAY,
        fileBase64: zip({ 'x.csv': matching }).toString('base64')
      })
    ).toThrow(/no 业务明细 CSV/)
    expect(() =>
      readBillFile({
        provider: 'alipay',
        date: DAY,
        fileBase64: Buffer.from([0x50, 0x4b, 3, 4, 0]).toString('base64')
      })
    ).toThrow(/zip cannot be read/)
  })
})
