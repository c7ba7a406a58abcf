import iconv from 'iconv-lite'
import { parseDecimalToMinor } from '@shared/money/format'
import { toRfc3339China } from '../china-time'
import type { StatementRow } from '../provider'

/**
 * Reads Alipay's trade detail bill: GBK bytes, `#` comment lines before and after, a header row,
 * then rows whose cells carry a trailing tab. Cells are not quoted, so a comma in a product name
 * would shift columns: Kassa sends subjects without commas.
 *
 * Payments: amount = 订单金额, fee = −服务费 (Alipay prints the fee taken as negative).
 * Refunds: amount = |商家实收|, fee = −服务费 (the returned fee is printed positive, so ours is negative).
 */
export function parseAlipayBill(bytes: Buffer): StatementRow[] {
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    throw new Error('The Alipay bill is a zip archive: unzip it and pass the 业务明细 CSV')
  }
  const lines = iconv
    .decode(bytes, 'gbk')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
  const [header, ...rows] = lines
  if (!header) return []
  const columns = header.split(',').map((cell) => cell.trim())
  const index = (name: string): number => {
    const at = columns.indexOf(name)
    if (at < 0) throw new Error(`The Alipay bill has no column ${name}`)
    return at
  }
  const at = {
    tradeNo: index('商户订单号'),
    providerTradeNo: index('支付宝交易号'),
    type: index('业务类型'),
    finished: index('完成时间'),
    ordered: index('订单金额（元）'),
    received: index('商家实收（元）'),
    refundNo: index('退款批次号/请求号'),
    fee: index('服务费（元）')
  }
  return rows.map((row, n) => {
    const cells = row.split(',').map((cell) => cell.trim())
    const cell = (i: number): string => cells[i] ?? ''
    const field = `bill row ${n + 1}`
    const kind = cell(at.type)
    const isRefund = kind === '退款'
    const received = parseDecimalToMinor(cell(at.received), 'CNY', field)
    const fee = -parseDecimalToMinor(cell(at.fee) || '0', 'CNY', field)
    const refundNo = cell(at.refundNo)
    return {
      tradeNo: cell(at.tradeNo),
      providerTradeNo: cell(at.providerTradeNo),
      type: isRefund ? 'refund' : 'payment',
      ...(isRefund && refundNo ? { refundNo } : {}),
      amount: isRefund ? Math.abs(received) : parseDecimalToMinor(cell(at.ordered), 'CNY', field),
      fee: fee === 0 ? 0 : fee,
      status: isRefund ? 'REFUND_SUCCESS' : 'TRADE_SUCCESS',
      time: toRfc3339China(cell(at.finished)) ?? cell(at.finished)
    } satisfies StatementRow
  })
}
