import iconv from 'iconv-lite'
import { minorToDecimalString } from '@shared/money/format'
import { ALIPAY_BILL_COLUMNS } from '../../../src/main/payments/sandbox/alipay-bill-file'
import { WECHAT_BILL_COLUMNS } from '../../../src/main/payments/sandbox/wechat-bill-file'

/** A bill row a test writes by hand; amounts and fees in fen, fees signed as `StatementRow` has them. */
export interface HandRow {
  tradeNo: string
  type: 'payment' | 'refund'
  refundNo?: string
  amount: number
  fee: number
  /** Beijing time, `2025-03-01 10:00:00`. */
  time: string
  /** WeChat refund state (default SUCCESS). */
  refundState?: string
}

const yuan = (minor: number): string => minorToDecimalString(minor, 'CNY')

/** An Alipay 业务明细 CSV as the merchant site serves it: GBK, `#` comments, tab-padded cells. */
export function alipayBillFile(day: string, rows: HandRow[]): Buffer {
  const compact = day.replaceAll('-', '')
  const lines = [
    '#支付宝交易记录明细查询',
    '#账号：[2088000000000000]',
    `#起始日期：[${compact} 00:00:00]   终止日期：[${compact} 23:59:59]`,
    '#-----------------------------------------业务明细列表----------------------------------------',
    ALIPAY_BILL_COLUMNS.join(',')
  ]
  for (const [n, row] of rows.entries()) {
    const cells: Record<string, string> = Object.fromEntries(ALIPAY_BILL_COLUMNS.map((c) => [c, '']))
    Object.assign(cells, {
      支付宝交易号: `2025030122001400${String(n).padStart(8, '0')}`,
      商户订单号: row.tradeNo,
      业务类型: row.type === 'payment' ? '交易' : '退款',
      商品名称: 'Kassa 示范店',
      创建时间: row.time,
      完成时间: row.time,
      '订单金额（元）': yuan(row.amount),
      '商家实收（元）': yuan(row.type === 'payment' ? row.amount : -row.amount),
      '退款批次号/请求号': row.refundNo ?? '',
      // Alipay prints the fee it takes as negative and the fee it returns as positive.
      '服务费（元）': yuan(-row.fee),
      '分润（元）': '0.00'
    })
    lines.push(ALIPAY_BILL_COLUMNS.map((c) => `${cells[c]}\t`).join(','))
  }
  lines.push(
    '#-----------------------------------------业务明细列表结束------------------------------------',
    `#交易合计：${rows.length}笔`
  )
  return iconv.encode(lines.join('\r\n') + '\r\n', 'gbk')
}

/** A WeChat Pay trade bill: BOM, every cell behind a backtick, fees with five decimals, a summary. */
export function wechatBillFile(rows: HandRow[]): Buffer {
  const body = rows.map((row, n) => {
    const cells: Record<string, string> = Object.fromEntries(WECHAT_BILL_COLUMNS.map((c) => [c, '']))
    const refund = row.type === 'refund'
    Object.assign(cells, {
      交易时间: row.time,
      公众账号ID: 'wx0000000000000000',
      商户号: '1900000109',
      特约商户号: '0',
      微信订单号: `42000000002025030100000${String(n).padStart(5, '0')}`,
      商户订单号: row.tradeNo,
      交易类型: 'MICROPAY',
      交易状态: refund ? 'REFUND' : 'SUCCESS',
      货币种类: 'CNY',
      应结订单金额: refund ? '0.00' : yuan(row.amount),
      代金券金额: '0.00',
      微信退款单号: refund ? `5030000000${n}` : '0',
      商户退款单号: refund ? (row.refundNo ?? '') : '0',
      退款金额: refund ? yuan(row.amount) : '0.00',
      充值券退款金额: '0.00',
      退款类型: refund ? 'ORIGINAL' : '',
      退款状态: refund ? (row.refundState ?? 'SUCCESS') : '',
      商品名称: 'Kassa',
      // Five decimals, as WeChat prints them; whole fen here, so the parser's rounding keeps them.
      手续费: `${yuan(row.fee)}000`,
      费率: '0.60%',
      订单金额: refund ? '0.00' : yuan(row.amount),
      申请退款金额: refund ? yuan(row.amount) : '0.00'
    })
    return WECHAT_BILL_COLUMNS.map((c) => '`' + cells[c]).join(',')
  })
  const text = [
    WECHAT_BILL_COLUMNS.join(','),
    ...body,
    '总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额',
    '`' + rows.length + ',`0.00,`0.00,`0.00,`0.00000,`0.00,`0.00',
    ''
  ].join('\r\n')
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])
}
