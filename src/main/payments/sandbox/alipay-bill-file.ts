import { zipSync } from 'fflate'
import iconv from 'iconv-lite'
import { minorToDecimalString } from '@shared/money/format'
import { chinaDay, formatChinaTime } from '../china-time'
import type { TradeBook } from './trade-book'

export const ALIPAY_BILL_COLUMNS = [
  '支付宝交易号',
  '商户订单号',
  '业务类型',
  '商品名称',
  '创建时间',
  '完成时间',
  '门店编号',
  '门店名称',
  '操作员',
  '终端号',
  '对方账户',
  '订单金额（元）',
  '商家实收（元）',
  '支付宝红包（元）',
  '集分宝（元）',
  '支付宝优惠（元）',
  '商家优惠（元）',
  '券核销金额（元）',
  '券名称',
  '商家红包消费金额（元）',
  '卡消费金额（元）',
  '退款批次号/请求号',
  '服务费（元）',
  '分润（元）',
  '备注'
] as const

/**
 * The trade detail bill ("业务明细") in Alipay's shape: GBK, `#` comment lines around a CSV whose
 * cells end in a tab (so spreadsheets keep long trade numbers as text). Payments show the service fee
 * as a negative amount (taken from the merchant); refunds show the returned fee as positive.
 * The download (`renderAlipayBillZip`) is a zip holding this file and its summary.
 */
export function renderAlipayBill(book: TradeBook, appId: string, day: string): Buffer {
  return renderDetail(book, appId, day).bytes
}

/** What the summary (汇总) adds up, in minor units. */
interface Totals {
  payments: number
  refunds: number
  ordered: number
  received: number
  fee: number
}

function renderDetail(book: TradeBook, appId: string, day: string): { bytes: Buffer; totals: Totals } {
  const totals: Totals = { payments: 0, refunds: 0, ordered: 0, received: 0, fee: 0 }
  const lines: string[] = [
    '#支付宝交易记录明细查询',
    `#账号：[${appId}]`,
    `#起始日期：[${day.replaceAll('-', '')} 00:00:00]   终止日期：[${day.replaceAll('-', '')} 23:59:59]`,
    '#-----------------------------------------业务明细列表----------------------------------------',
    ALIPAY_BILL_COLUMNS.join(',')
  ]
  let payments = 0
  let refunds = 0
  const yuan = (minor: number): string => minorToDecimalString(minor, 'CNY')
  const row = (cells: Record<(typeof ALIPAY_BILL_COLUMNS)[number], string>): string =>
    ALIPAY_BILL_COLUMNS.map((column) => `${cells[column]}\t`).join(',')
  const blank = Object.fromEntries(ALIPAY_BILL_COLUMNS.map((c) => [c, ''])) as Record<
    (typeof ALIPAY_BILL_COLUMNS)[number],
    string
  >

  for (const trade of book.list()) {
    if (trade.provider !== 'alipay' || !trade.paidAt) continue
    if (chinaDay(trade.paidAt) === day) {
      payments++
      totals.payments++
      totals.ordered += trade.amount
      totals.received += trade.amount
      totals.fee -= trade.fee
      lines.push(
        row({
          ...blank,
          支付宝交易号: trade.providerTradeNo,
          商户订单号: trade.tradeNo,
          业务类型: '交易',
          商品名称: trade.subject,
          创建时间: formatChinaTime(trade.createdAt),
          完成时间: formatChinaTime(trade.paidAt),
          对方账户: 'sandbox***@example.com',
          '订单金额（元）': yuan(trade.amount),
          '商家实收（元）': yuan(trade.amount),
          '服务费（元）': yuan(-trade.fee),
          '分润（元）': '0.00'
        })
      )
    }
    const returned = trade.refunds
      .filter((r) => r.status === 'succeeded' && r.completedAt)
      .map((r) => ({ refundNo: r.refundNo, amount: r.amount, fee: r.fee, at: r.completedAt as Date }))
    // A cancel after payment is a full refund without a request number of ours.
    if (trade.state === 'reversed' && trade.closedAt)
      returned.push({ refundNo: '', amount: trade.amount, fee: -trade.fee, at: trade.closedAt })
    for (const refund of returned) {
      if (chinaDay(refund.at) !== day) continue
      refunds++
      totals.refunds++
      totals.received -= refund.amount
      totals.fee -= refund.fee
      lines.push(
        row({
          ...blank,
          支付宝交易号: trade.providerTradeNo,
          商户订单号: trade.tradeNo,
          业务类型: '退款',
          商品名称: trade.subject,
          创建时间: formatChinaTime(trade.createdAt),
          完成时间: formatChinaTime(refund.at),
          对方账户: 'sandbox***@example.com',
          '订单金额（元）': yuan(trade.amount),
          '商家实收（元）': yuan(-refund.amount),
          '退款批次号/请求号': refund.refundNo,
          '服务费（元）': yuan(-refund.fee),
          '分润（元）': '0.00'
        })
      )
    }
  }
  lines.push(
    '#-----------------------------------------业务明细列表结束------------------------------------',
    `#交易合计：${payments}笔，退款合计：${refunds}笔`,
    `#导出时间：[${formatChinaTime(book.now())}]`
  )
  return { bytes: iconv.encode(lines.join('\r\n') + '\r\n', 'gbk'), totals }
}

const SUMMARY_COLUMNS = [
  '门店编号',
  '门店名称',
  '交易订单总笔数',
  '退款订单总笔数',
  '订单金额（元）',
  '商家实收（元）',
  '支付宝优惠（元）',
  '商家优惠（元）',
  '卡消费金额（元）',
  '服务费（元）',
  '分润（元）',
  '实收净额（元）'
] as const

/**
 * Alipay's production bill download: a zip of two GBK CSVs, `<pid>_<yyyymmdd>_业务明细.csv` and
 * `<pid>_<yyyymmdd>_业务明细(汇总).csv` whose 合计 row totals the detail. (Alipay writes the entry names
 * in GBK without the zip's UTF-8 flag; fflate writes them as flagged UTF-8 — readers must not rely on names.)
 */
export function renderAlipayBillZip(book: TradeBook, appId: string, day: string): Buffer {
  const { bytes, totals } = renderDetail(book, appId, day)
  const compact = day.replaceAll('-', '')
  const yuan = (minor: number): string => minorToDecimalString(minor, 'CNY')
  const total: Record<(typeof SUMMARY_COLUMNS)[number], string> = {
    门店编号: '',
    门店名称: '合计',
    交易订单总笔数: String(totals.payments),
    退款订单总笔数: String(totals.refunds),
    '订单金额（元）': yuan(totals.ordered),
    '商家实收（元）': yuan(totals.received),
    '支付宝优惠（元）': '0.00',
    '商家优惠（元）': '0.00',
    '卡消费金额（元）': '0.00',
    '服务费（元）': yuan(totals.fee),
    '分润（元）': '0.00',
    '实收净额（元）': yuan(totals.received + totals.fee)
  }
  const summary = [
    '#支付宝业务汇总查询',
    `#账号：[${appId}]`,
    `#起始日期：[${compact} 00:00:00]   终止日期：[${compact} 23:59:59]`,
    '#-----------------------------------------业务汇总列表----------------------------------------',
    SUMMARY_COLUMNS.join(','),
    SUMMARY_COLUMNS.map((column) => `${total[column]}\t`).join(','),
    '#-----------------------------------------业务汇总列表结束------------------------------------',
    `#导出时间：[${formatChinaTime(book.now())}]`
  ]
  return Buffer.from(
    zipSync({
      [`${appId}_${compact}_业务明细.csv`]: bytes,
      [`${appId}_${compact}_业务明细(汇总).csv`]: iconv.encode(summary.join('\r\n') + '\r\n', 'gbk')
    })
  )
}
