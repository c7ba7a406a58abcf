import { createSign } from 'node:crypto'
import { minorToDecimalString } from '@shared/money/format'
import { formatChinaTime } from '../china-time'
import type { Delivery } from './notifier'
import type { SandboxKeys } from './sandbox-keys'
import type { NotifyMode } from './scenarios'
import type { SandboxTrade, TradeBook, TradeEvent } from './trade-book'

/**
 * `trade_status_sync` notifications: form-encoded, signed over every field but `sign` and
 * `sign_type`. A refund is announced as a trade notification carrying `out_biz_no` and the
 * cumulative `refund_fee`. Payment-code trades notify too (unlike WeChat's micropay).
 */
export function alipayNotification(
  book: TradeBook,
  keys: SandboxKeys,
  event: TradeEvent,
  mode: NotifyMode
): Delivery | undefined {
  const { trade } = event
  if (!trade.notifyUrl) return undefined
  if (
    event.type === 'payment' &&
    trade.state !== 'succeeded' &&
    trade.state !== 'closed' &&
    trade.state !== 'reversed'
  )
    return undefined
  const fields: Record<string, string> = {
    notify_time: formatChinaTime(book.now()),
    notify_type: 'trade_status_sync',
    notify_id: `2024${book.random.alphanumeric(30).toLowerCase()}`,
    app_id: keys.alipay.appId,
    charset: 'utf-8',
    version: '1.0',
    trade_no: trade.providerTradeNo,
    out_trade_no: trade.tradeNo,
    trade_status:
      event.type === 'refund'
        ? book.refunded(trade) === trade.amount
          ? 'TRADE_CLOSED'
          : 'TRADE_SUCCESS'
        : tradeStatus(trade),
    total_amount: minorToDecimalString(trade.amount, 'CNY'),
    receipt_amount: minorToDecimalString(trade.amount, 'CNY'),
    subject: trade.subject,
    gmt_create: formatChinaTime(trade.createdAt),
    ...(trade.paidAt ? { gmt_payment: formatChinaTime(trade.paidAt) } : {}),
    ...(trade.closedAt ? { gmt_close: formatChinaTime(trade.closedAt) } : {})
  }
  if (event.type === 'refund') {
    fields.out_biz_no = event.refund.refundNo
    fields.refund_fee = minorToDecimalString(book.refunded(trade), 'CNY')
    fields.gmt_refund = formatChinaTime(event.refund.completedAt ?? book.now())
  }
  const content = Object.keys(fields)
    .sort()
    .map((key) => `${key}=${fields[key]}`)
    .join('&')
  const key = mode === 'bad_signature' ? keys.roguePrivateKey : keys.alipay.alipayPrivateKey
  const signed: Record<string, string> = {
    ...fields,
    sign_type: 'RSA2',
    sign: createSign('RSA-SHA256').update(content, 'utf8').sign(key, 'base64')
  }
  if (mode === 'tampered_amount') signed.total_amount = minorToDecimalString(trade.amount + 100, 'CNY')
  return {
    url: trade.notifyUrl,
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: new URLSearchParams(signed).toString(),
    // Alipay stops redelivering only when the body is exactly "success".
    accepted: (status, text) => status === 200 && text.trim() === 'success'
  }
}

/** A trade's `trade_status` as Alipay names it in answers and notifications. */
export function tradeStatus(trade: SandboxTrade): string {
  switch (trade.state) {
    case 'succeeded':
      // A trade refunded in full becomes TRADE_CLOSED; partly refunded stays TRADE_SUCCESS.
      return trade.refunds.length > 0 && trade.refunds.reduce((s, r) => s + r.amount, 0) === trade.amount
        ? 'TRADE_CLOSED'
        : 'TRADE_SUCCESS'
    case 'closed':
    case 'failed':
    case 'reversed':
      return 'TRADE_CLOSED'
    default:
      return 'WAIT_BUYER_PAY'
  }
}
