import { minorToDecimalString } from '@shared/money/format'
import { chinaDay, formatChinaTime } from '../china-time'
import type { SandboxKeys } from './sandbox-keys'
import type { SandboxTrade, TradeBook } from './trade-book'

export const WECHAT_BILL_COLUMNS = [
  '交易时间',
  '公众账号ID',
  '商户号',
  '特约商户号',
  '设备号',
  '微信订单号',
  '商户订单号',
  '用户标识',
  '交易类型',
  '交易状态',
  '付款银行',
  '货币种类',
  '应结订单金额',
  '代金券金额',
  '微信退款单号',
  '商户退款单号',
  '退款金额',
  '充值券退款金额',
  '退款类型',
  '退款状态',
  '商品名称',
  '商户数据包',
  '手续费',
  '费率',
  '订单金额',
  '申请退款金额',
  '费率备注'
] as const

type Column = (typeof WECHAT_BILL_COLUMNS)[number]

/**
 * The v3 trade bill (`bill_type=ALL`) in WeChat's shape: a UTF-8 CSV with a BOM whose every cell
 * starts with a backtick (so spreadsheets keep numbers as text), then a two-line summary. Fees are
 * printed unrounded with five decimals ("0.07500"); WeChat settles them rounded half-up to the fen.
 */
export function renderWechatBill(book: TradeBook, keys: SandboxKeys, day: string): Buffer {
  const blank = Object.fromEntries(WECHAT_BILL_COLUMNS.map((c) => [c, ''])) as Record<Column, string>
  const yuan = (minor: number): string => minorToDecimalString(minor, 'CNY')
  const rate = (trade: SandboxTrade): string => book.exactFee(trade.provider, 10000).toFixed(2) + '%'
  const rows: string[] = []
  let settled = 0
  let refunded = 0
  let fees = book.exactFee('wechat', 0)
  let ordered = 0
  const base = (trade: SandboxTrade): Record<Column, string> => ({
    ...blank,
    公众账号ID: keys.wechat.appId,
    商户号: keys.wechat.mchId,
    特约商户号: '0',
    微信订单号: trade.providerTradeNo,
    商户订单号: trade.tradeNo,
    用户标识: 'oSandbox0000000000000000000',
    交易类型: trade.flow === 'code' ? 'MICROPAY' : 'NATIVE',
    付款银行: 'OTHERS',
    货币种类: 'CNY',
    代金券金额: '0.00',
    充值券退款金额: '0.00',
    商品名称: trade.subject,
    费率: rate(trade),
    费率备注: ''
  })
  for (const trade of book.list()) {
    if (trade.provider !== 'wechat' || !trade.paidAt) continue
    if (chinaDay(trade.paidAt) === day) {
      const fee = book.exactFee('wechat', trade.amount)
      settled += trade.amount
      ordered += trade.amount
      fees = fees.plus(fee)
      rows.push(
        line({
          ...base(trade),
          交易时间: formatChinaTime(trade.paidAt),
          交易状态: 'SUCCESS',
          应结订单金额: yuan(trade.amount),
          微信退款单号: '0',
          商户退款单号: '0',
          退款金额: '0.00',
          退款状态: '',
          手续费: fee.toFixed(5),
          订单金额: yuan(trade.amount),
          申请退款金额: '0.00'
        })
      )
    }
    const returned = trade.refunds
      .filter((r) => r.status === 'succeeded' && r.completedAt)
      .map((r) => ({
        refundNo: r.refundNo,
        providerRefundNo: r.providerRefundNo,
        amount: r.amount,
        at: r.completedAt as Date
      }))
    if (trade.state === 'reversed' && trade.closedAt) {
      returned.push({ refundNo: '', providerRefundNo: '', amount: trade.amount, at: trade.closedAt })
    }
    for (const refund of returned) {
      if (chinaDay(refund.at) !== day) continue
      const fee = book.exactFee('wechat', refund.amount).negated()
      refunded += refund.amount
      fees = fees.plus(fee)
      rows.push(
        line({
          ...base(trade),
          交易时间: formatChinaTime(refund.at),
          交易状态: 'REFUND',
          应结订单金额: '0.00',
          微信退款单号: refund.providerRefundNo,
          商户退款单号: refund.refundNo,
          退款金额: yuan(refund.amount),
          退款类型: 'ORIGINAL',
          退款状态: 'SUCCESS',
          手续费: fee.toFixed(5),
          订单金额: '0.00',
          申请退款金额: yuan(refund.amount)
        })
      )
    }
  }
  const text = [
    WECHAT_BILL_COLUMNS.join(','),
    ...rows,
    '总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额',
    ['' + rows.length, yuan(settled), yuan(refunded), '0.00', fees.toFixed(5), yuan(ordered), yuan(refunded)]
      .map((c) => '`' + c)
      .join(','),
    ''
  ].join('\r\n')
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])
}

function line(cells: Record<Column, string>): string {
  return WECHAT_BILL_COLUMNS.map((column) => '`' + cells[column]).join(',')
}
