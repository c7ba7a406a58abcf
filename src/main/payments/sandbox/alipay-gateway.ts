import { createSign, createVerify } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { minorToDecimalString, parseDecimalToMinor } from '@shared/money/format'
import { formatChinaTime } from '../china-time'
import { renderAlipayBillZip } from './alipay-bill-file'
import { alipayNotification, tradeStatus } from './alipay-notify'
import { type HeldRequests, withFault } from './hold'
import { readBody, send } from './http-util'
import type { Renderer } from './notifier'
import type { SandboxKeys } from './sandbox-keys'
import type { SandboxTrade, TradeBook } from './trade-book'

type Biz = Record<string, unknown>
type Answer = Record<string, unknown>

const OK = { code: '10000', msg: 'Success' }
const fail = (subCode: string, subMsg: string): Answer => ({
  code: '40004',
  msg: 'Business Failed',
  sub_code: subCode,
  sub_msg: subMsg
})
/** Alipay's answer to a request it cannot read (40002), before any business rule is looked at. */
const invalid = (subCode: string, subMsg: string): Answer => ({
  code: '40002',
  msg: 'Invalid Arguments',
  sub_code: subCode,
  sub_msg: subMsg
})

/**
 * Alipay's OpenAPI v2 gateway (`POST /gateway.do`) as `alipay-sdk`'s `exec` speaks it: common
 * parameters in the query string, `biz_content` in the form body, an RSA2 signature over all of them
 * sorted (checked with the app's public key), and JSON answers `{"<method>_response": {…}, "sign": …}`
 * signed with "Alipay's" private key over the exact bytes of the inner object.
 */
export class AlipayGateway {
  private readonly billTokens = new Map<string, string>()

  constructor(
    private readonly book: TradeBook,
    private readonly keys: SandboxKeys,
    private readonly held: HeldRequests,
    private readonly baseUrl: () => string
  ) {}

  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    if (req.method === 'POST' && url.pathname === '/gateway.do') {
      await this.gateway(req, res, url)
      return true
    }
    const bill = /^\/alipay\/bills\/([A-Za-z0-9]+)\.csv\.zip$/.exec(url.pathname)
    if (req.method === 'GET' && bill) {
      const day = this.billTokens.get(bill[1] as string)
      if (!day) send(res, 404, 'no such bill')
      else
        send(res, 200, renderAlipayBillZip(this.book, this.keys.alipay.appId, day), {
          'content-type': 'application/zip'
        })
      return true
    }
    return false
  }

  readonly render: Renderer = (event, mode) => alipayNotification(this.book, this.keys, event, mode)

  private async gateway(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const params: Record<string, string> = Object.fromEntries(url.searchParams)
    for (const [key, value] of new URLSearchParams(await readBody(req))) params[key] = value
    const method = params.method ?? ''
    const responseKey = `${method.replaceAll('.', '_')}_response`
    let biz: Biz = {}
    try {
      biz = params.biz_content ? (JSON.parse(params.biz_content) as Biz) : {}
    } catch {
      this.reply(res, responseKey, invalid('isv.invalid-biz-content', 'biz_content 不是 JSON'))
      return
    }
    if (params.app_id !== this.keys.alipay.appId) {
      this.reply(res, responseKey, invalid('isv.invalid-app-id', '无效的AppID参数'))
      return
    }
    if (!this.verifyRequest(params)) {
      this.reply(res, responseKey, invalid('isv.invalid-signature', '验签出错'))
      return
    }
    const tradeNo = typeof biz.out_trade_no === 'string' ? biz.out_trade_no : undefined
    const call = CALLS[method]
    if (!call) {
      this.reply(res, responseKey, {
        code: '40004',
        msg: 'Business Failed',
        sub_code: 'isv.invalid-method',
        sub_msg: `不存在的方法名 ${method}`
      })
      return
    }
    await withFault({ book: this.book, held: this.held }, tradeNo, call, res, async () => {
      const answer = this.dispatch(method, biz, params)
      const trade = tradeNo ? this.book.get('alipay', tradeNo) : undefined
      // "Notification before the synchronous answer": deliver it first, then answer.
      if (trade?.scenario.notify === 'before_response') await this.notifierSettle(trade)
      const signWith =
        call === 'create' && trade?.scenario.responseSignature === 'bad'
          ? this.keys.roguePrivateKey
          : undefined
      return (out) => this.reply(out, responseKey, answer, signWith)
    })
  }

  /** Set by the gateway assembly: waits for `before_response` notifications. */
  notifierSettle: (trade: SandboxTrade) => Promise<void> = async () => {}

  private dispatch(method: string, biz: Biz, params: Record<string, string>): Answer {
    switch (method) {
      case 'alipay.trade.precreate':
        return this.precreate(biz, params)
      case 'alipay.trade.pay':
        return this.pay(biz, params)
      case 'alipay.trade.query':
        return this.query(biz)
      case 'alipay.trade.cancel':
        return this.cancel(biz)
      case 'alipay.trade.refund':
        return this.refund(biz)
      case 'alipay.trade.fastpay.refund.query':
        return this.refundQuery(biz)
      case 'alipay.data.dataservice.bill.downloadurl.query':
        return this.billUrl(biz)
      default:
        return fail('isv.invalid-method', method)
    }
  }

  private amountOf(biz: Biz): number | undefined {
    try {
      return parseDecimalToMinor(String(biz.total_amount ?? ''), 'CNY')
    } catch {
      return undefined
    }
  }

  private precreate(biz: Biz, params: Record<string, string>): Answer {
    const tradeNo = String(biz.out_trade_no ?? '')
    const amount = this.amountOf(biz)
    if (!tradeNo || amount === undefined || amount <= 0)
      return invalid('isv.missing-parameter', '缺少必选参数')
    const existing = this.book.get('alipay', tradeNo)
    if (existing) {
      if (existing.state === 'succeeded' || existing.state === 'reversed')
        return fail('ACQ.TRADE_HAS_SUCCESS', '交易已被支付')
      if (existing.state === 'closed' || existing.state === 'failed')
        return fail('ACQ.TRADE_HAS_CLOSE', '交易已经关闭')
      if (existing.amount !== amount) return fail('ACQ.CONTEXT_INCONSISTENT', '交易信息被篡改')
      // Precreate is idempotent: the same trade number gets the same QR code back.
      return { ...OK, out_trade_no: tradeNo, qr_code: existing.qrContent }
    }
    const trade = this.book.open({
      provider: 'alipay',
      flow: 'qr',
      tradeNo,
      providerTradeNo: this.newTradeNo(),
      amount,
      subject: String(biz.subject ?? ''),
      state: 'awaiting_scan',
      ...(params.notify_url ? { notifyUrl: params.notify_url } : {}),
      ...expiry(biz.timeout_express)
    })
    trade.qrContent = `https://qr.alipay.com/bax0${this.book.random.alphanumeric(20).toLowerCase()}`
    this.book.startCustomer(trade)
    return { ...OK, out_trade_no: tradeNo, qr_code: trade.qrContent }
  }

  private pay(biz: Biz, params: Record<string, string>): Answer {
    const tradeNo = String(biz.out_trade_no ?? '')
    const amount = this.amountOf(biz)
    if (!tradeNo || amount === undefined || amount <= 0)
      return invalid('isv.missing-parameter', '缺少必选参数')
    let trade = this.book.get('alipay', tradeNo)
    if (!trade) {
      // Alipay payment codes: 25–30 then 14–22 more digits.
      if (biz.scene !== 'bar_code' || !/^(2[5-9]|30)\d{14,22}$/.test(String(biz.auth_code ?? ''))) {
        return fail(
          'ACQ.PAYMENT_AUTH_CODE_INVALID',
          '支付失败，获取顾客账户信息失败，请顾客刷新付款码后重新收款'
        )
      }
      trade = this.book.open({
        provider: 'alipay',
        flow: 'code',
        tradeNo,
        providerTradeNo: this.newTradeNo(),
        amount,
        subject: String(biz.subject ?? ''),
        state: 'user_paying',
        ...(params.notify_url ? { notifyUrl: params.notify_url } : {})
      })
      this.book.startCustomer(trade)
    } else if (trade.amount !== amount && trade.amount !== 0) {
      return fail('ACQ.CONTEXT_INCONSISTENT', '交易信息被篡改')
    }
    switch (trade.state) {
      case 'succeeded':
        return { ...OK, ...this.paidFields(trade) }
      case 'failed':
        return fail(trade.failure?.code ?? 'ACQ.TRADE_HAS_CLOSE', trade.failure?.message ?? '交易已经关闭')
      case 'closed':
      case 'reversed':
        return fail('ACQ.TRADE_HAS_CLOSE', '交易已经关闭')
      default:
        // 10003: the customer must confirm on the phone; the merchant polls `trade.query`.
        return {
          code: '10003',
          msg: ' order success pay inprocess',
          out_trade_no: tradeNo,
          trade_no: trade.providerTradeNo,
          total_amount: minorToDecimalString(trade.amount, 'CNY')
        }
    }
  }

  private query(biz: Biz): Answer {
    const trade = this.book.get('alipay', String(biz.out_trade_no ?? ''))
    // An unscanned precreate, a refused payment code and a cancelled-before-arrival trade do not exist.
    if (
      !trade ||
      trade.state === 'awaiting_scan' ||
      (trade.state === 'failed' && trade.flow === 'code') ||
      trade.amount === 0
    ) {
      return fail('ACQ.TRADE_NOT_EXIST', '交易不存在')
    }
    return {
      ...OK,
      trade_no: trade.providerTradeNo,
      out_trade_no: trade.tradeNo,
      buyer_logon_id: 'sandbox***@example.com',
      trade_status: tradeStatus(trade),
      total_amount: minorToDecimalString(trade.amount, 'CNY'),
      ...(trade.paidAt ? { send_pay_date: formatChinaTime(trade.paidAt) } : {})
    }
  }

  private cancel(biz: Biz): Answer {
    const tradeNo = String(biz.out_trade_no ?? '')
    const trade = this.book.get('alipay', tradeNo) ?? this.book.tombstone('alipay', 'code', tradeNo)
    if (trade.refunds.length > 0) return fail('ACQ.TRADE_STATUS_ERROR', '交易状态不合法')
    const wasPaid = trade.state === 'succeeded'
    const result = this.book.reverse(trade)
    if (result === 'refused') return fail('ACQ.TRADE_STATUS_ERROR', '交易状态不合法')
    return {
      ...OK,
      out_trade_no: tradeNo,
      ...(trade.providerTradeNo ? { trade_no: trade.providerTradeNo } : {}),
      retry_flag: 'N',
      action: wasPaid ? 'refund' : 'close'
    }
  }

  private refund(biz: Biz): Answer {
    const trade = this.book.get('alipay', String(biz.out_trade_no ?? ''))
    if (!trade || trade.amount === 0) return fail('ACQ.TRADE_NOT_EXIST', '交易不存在')
    let amount: number
    try {
      amount = parseDecimalToMinor(String(biz.refund_amount ?? ''), 'CNY')
    } catch {
      return invalid('isv.invalid-parameter', 'refund_amount 不合法')
    }
    // Without out_request_no Alipay treats the call as a full refund identified by the trade itself.
    const refundNo = String(biz.out_request_no ?? trade.tradeNo)
    const result = this.book.refund(trade, { refundNo, amount, providerRefundNo: refundNo })
    if ('error' in result) {
      switch (result.error) {
        case 'insufficient_balance':
          return fail('ACQ.SELLER_BALANCE_NOT_ENOUGH', '卖家余额不足')
        case 'too_much':
          return fail('ACQ.REFUND_AMT_NOT_EQUAL_TOTAL', '退款金额超限')
        case 'amount_mismatch':
          return fail('ACQ.REFUND_AMT_NOT_EQUAL_TOTAL', '退款金额与原请求不一致')
        default:
          return fail('ACQ.TRADE_STATUS_ERROR', '交易状态不合法')
      }
    }
    // Alipay refunds to the balance synchronously; `fund_change` is "N" when this number was already refunded.
    this.book.completeRefund(trade, result.refund)
    return {
      ...OK,
      trade_no: trade.providerTradeNo,
      out_trade_no: trade.tradeNo,
      buyer_logon_id: 'sandbox***@example.com',
      fund_change: result.repeated ? 'N' : 'Y',
      // Quirk: the total refunded on the trade so far, not this refund's amount.
      refund_fee: minorToDecimalString(this.book.refunded(trade), 'CNY'),
      gmt_refund_pay: formatChinaTime(result.refund.completedAt ?? this.book.now())
    }
  }

  private refundQuery(biz: Biz): Answer {
    const trade = this.book.get('alipay', String(biz.out_trade_no ?? ''))
    if (!trade || trade.amount === 0) return fail('ACQ.TRADE_NOT_EXIST', '交易不存在')
    const refundNo = String(biz.out_request_no ?? trade.tradeNo)
    const refund = trade.refunds.find((r) => r.refundNo === refundNo)
    // Quirk: an unknown refund is a *successful* answer with no refund_amount.
    if (!refund) return { ...OK, out_trade_no: trade.tradeNo, trade_no: trade.providerTradeNo }
    return {
      ...OK,
      trade_no: trade.providerTradeNo,
      out_trade_no: trade.tradeNo,
      out_request_no: refund.refundNo,
      total_amount: minorToDecimalString(trade.amount, 'CNY'),
      refund_amount: minorToDecimalString(refund.amount, 'CNY'),
      refund_status: refund.status === 'succeeded' ? 'REFUND_SUCCESS' : 'REFUND_PROCESSING',
      ...(refund.completedAt ? { gmt_refund_pay: formatChinaTime(refund.completedAt) } : {})
    }
  }

  private billUrl(biz: Biz): Answer {
    const day = String(biz.bill_date ?? '')
    if (biz.bill_type !== 'trade' || !/^\d{4}-\d{2}-\d{2}$/.test(day)) {
      return invalid('isv.invalid-parameter', 'bill_type 或 bill_date 不合法')
    }
    const token = this.book.random.alphanumeric(24)
    this.billTokens.set(token, day)
    return { ...OK, bill_download_url: `${this.baseUrl()}/alipay/bills/${token}.csv.zip` }
  }

  private paidFields(trade: SandboxTrade): Answer {
    const amount = minorToDecimalString(trade.amount, 'CNY')
    return {
      trade_no: trade.providerTradeNo,
      out_trade_no: trade.tradeNo,
      buyer_logon_id: 'sandbox***@example.com',
      total_amount: amount,
      receipt_amount: amount,
      gmt_payment: formatChinaTime(trade.paidAt ?? this.book.now()),
      fund_bill_list: [{ fund_channel: 'ALIPAYACCOUNT', amount }]
    }
  }

  private newTradeNo(): string {
    const day = formatChinaTime(this.book.now()).slice(0, 10).replaceAll('-', '')
    return `${day}22001${this.book.random.digits(15)}`
  }

  /** Request signature: every parameter but `sign`, sorted, `k=v` joined with `&`, RSA-SHA256. */
  private verifyRequest(params: Record<string, string>): boolean {
    if (!params.sign) return false
    const content = Object.keys(params)
      .filter((key) => key !== 'sign')
      .sort()
      .map((key) => `${key}=${params[key]}`)
      .join('&')
    return createVerify('RSA-SHA256')
      .update(content, 'utf8')
      .verify(this.keys.alipay.appPublicKey, params.sign, 'base64')
  }

  private reply(res: ServerResponse, responseKey: string, answer: Answer, signWith?: string): void {
    const inner = JSON.stringify(answer)
    const sign = createSign('RSA-SHA256')
      .update(inner, 'utf8')
      .sign(signWith ?? this.keys.alipay.alipayPrivateKey, 'base64')
    send(res, 200, `{"${responseKey}":${inner},"sign":"${sign}"}`, {
      'content-type': 'text/html;charset=utf-8',
      trace_id: this.book.random.alphanumeric(29)
    })
  }
}

const CALLS: Record<string, 'create' | 'query' | 'cancel' | 'refund' | 'refund_query' | undefined> = {
  'alipay.trade.precreate': 'create',
  'alipay.trade.pay': 'create',
  'alipay.trade.query': 'query',
  'alipay.trade.cancel': 'cancel',
  'alipay.trade.refund': 'refund',
  'alipay.trade.fastpay.refund.query': 'refund_query',
  'alipay.data.dataservice.bill.downloadurl.query': 'query'
}

/** `timeout_express` like "5m", "2h", "1d" (and "1c": today), in ms. */
function expiry(value: unknown): { expiresMs?: number } {
  const match = typeof value === 'string' ? /^(\d+)([mhd])$/.exec(value) : null
  if (!match) return {}
  const unit = { m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] as 'm' | 'h' | 'd']
  return { expiresMs: Number(match[1]) * unit }
}
