import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { Aes, Formatter, Rsa } from 'wechatpay-axios-plugin'
import { formatRfc3339China } from '../china-time'
import { type HeldRequests, withFault } from './hold'
import { newTransactionId, WechatV2Gateway } from './wechat-v2-gateway'
import { readBody, send } from './http-util'
import type { Delivery, Renderer } from './notifier'
import type { SandboxKeys } from './sandbox-keys'
import type { NotifyMode, SandboxCall } from './scenarios'
import { renderWechatBill } from './wechat-bill-file'
import type { SandboxRefund, SandboxTrade, TradeBook, TradeEvent } from './trade-book'

type Reply = (res: ServerResponse) => void

/**
 * WeChat Pay as `wechatpay-axios-plugin` speaks it. APIv3: JSON, every request signed
 * `WECHATPAY2-SHA256-RSA2048` with the merchant key (checked against the merchant serial's public
 * key), every answer signed with the platform key and carrying `Wechatpay-Serial` etc.
 * APIv2 (payment codes, which v3 never got) is `WechatV2Gateway`.
 */
export class WechatGateway {
  private readonly apiV3Key: string
  private readonly v2: WechatV2Gateway
  private readonly billTokens = new Map<string, string>()
  notifierSettle: (trade: SandboxTrade) => Promise<void> = async () => {}

  constructor(
    private readonly book: TradeBook,
    private readonly keys: SandboxKeys,
    private readonly held: HeldRequests,
    private readonly baseUrl: () => string
  ) {
    this.apiV3Key = readFileSync(keys.wechat.apiV3KeyFile, 'utf8').trim()
    this.v2 = new WechatV2Gateway(book, keys, held, (trade) => this.notifierSettle(trade))
  }

  readonly render: Renderer = (event, mode) => this.notification(event, mode)

  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const path = url.pathname
    if (path === '/pay/micropay' || path === '/secapi/pay/reverse') {
      await this.v2.handle(req, res, path)
      return true
    }
    if (!path.startsWith('/v3/')) return false
    const body = await readBody(req)
    if (!this.verifyRequest(req, `${path}${url.search}`, body)) {
      this.json(res, 401, { code: 'SIGN_ERROR', message: '签名错误，请检查后再试' })
      return true
    }
    let data: Record<string, unknown> = {}
    if (body) {
      try {
        data = JSON.parse(body) as Record<string, unknown>
      } catch {
        this.json(res, 400, { code: 'PARAM_ERROR', message: '请求体不是合法的JSON' })
        return true
      }
    }
    const method = req.method ?? 'GET'
    let match: RegExpExecArray | null
    if (method === 'POST' && path === '/v3/pay/transactions/native') {
      await this.run(String(data.out_trade_no ?? ''), 'create', res, () => this.native(data))
    } else if (method === 'GET' && (match = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)$/.exec(path))) {
      const tradeNo = decodeURIComponent(match[1] as string)
      await this.run(tradeNo, 'query', res, () => this.query(tradeNo))
    } else if (
      method === 'POST' &&
      (match = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)\/close$/.exec(path))
    ) {
      const tradeNo = decodeURIComponent(match[1] as string)
      await this.run(tradeNo, 'cancel', res, () => this.close(tradeNo))
    } else if (method === 'POST' && path === '/v3/refund/domestic/refunds') {
      await this.run(String(data.out_trade_no ?? ''), 'refund', res, () => this.refund(data))
    } else if (method === 'GET' && (match = /^\/v3\/refund\/domestic\/refunds\/([^/]+)$/.exec(path))) {
      const refundNo = decodeURIComponent(match[1] as string)
      const trade = this.findByRefund(refundNo)
      await this.run(trade?.tradeNo, 'refund_query', res, () => this.refundQuery(refundNo))
    } else if (method === 'GET' && path === '/v3/bill/tradebill') {
      this.tradeBill(url, res)
    } else if (method === 'GET' && path === '/v3/billdownload/file') {
      const day = this.billTokens.get(url.searchParams.get('token') ?? '')
      // Downloads are the one v3 answer that is not signed: the bill's SHA1 from `tradebill` vouches for it.
      if (!day) send(res, 404, JSON.stringify({ code: 'RESOURCE_NOT_EXISTS', message: '账单不存在' }))
      else
        send(res, 200, renderWechatBill(this.book, this.keys, day), {
          'content-type': 'application/octet-stream'
        })
    } else {
      this.json(res, 404, { code: 'NOT_FOUND', message: '无效的请求路径' })
    }
    return true
  }

  private async run(
    tradeNo: string | undefined,
    call: SandboxCall,
    res: ServerResponse,
    process: () => Reply
  ): Promise<void> {
    await withFault({ book: this.book, held: this.held }, tradeNo, call, res, async () => {
      const reply = process()
      const trade = tradeNo ? this.book.get('wechat', tradeNo) : undefined
      if (trade?.scenario.notify === 'before_response') await this.notifierSettle(trade)
      if (call === 'create' && trade?.scenario.responseSignature === 'bad')
        return (out: ServerResponse) => this.withRogue(() => reply(out))
      return reply
    })
  }

  private rogue = false
  private withRogue(run: () => void): void {
    this.rogue = true
    try {
      run()
    } finally {
      this.rogue = false
    }
  }

  private native(data: Record<string, unknown>): Reply {
    const tradeNo = String(data.out_trade_no ?? '')
    const amount = (data.amount as { total?: unknown } | undefined)?.total
    if (data.mchid !== this.keys.wechat.mchId || data.appid !== this.keys.wechat.appId) {
      return (res) => this.json(res, 400, { code: 'PARAM_ERROR', message: 'mchid与appid不匹配' })
    }
    if (!tradeNo || !Number.isSafeInteger(amount) || (amount as number) <= 0) {
      return (res) =>
        this.json(res, 400, {
          code: 'PARAM_ERROR',
          message: '输入源"/body/amount/total"映射到值字段"总金额"字段规则校验失败'
        })
    }
    const existing = this.book.get('wechat', tradeNo)
    if (existing) {
      if (existing.state === 'succeeded' || existing.state === 'reversed')
        return (res) => this.json(res, 400, { code: 'ORDERPAID', message: '该订单已支付' })
      if (existing.state === 'closed' || existing.state === 'failed')
        return (res) => this.json(res, 400, { code: 'ORDER_CLOSED', message: '订单已关闭' })
      if (existing.amount !== amount)
        return (res) => this.json(res, 400, { code: 'INVALID_REQUEST', message: '201 商户订单号重复' })
      return (res) => this.json(res, 200, { code_url: existing.qrContent })
    }
    const expireAt = typeof data.time_expire === 'string' ? Date.parse(data.time_expire) : NaN
    const trade = this.book.open({
      provider: 'wechat',
      flow: 'qr',
      tradeNo,
      providerTradeNo: newTransactionId(this.book),
      amount: amount as number,
      subject: String(data.description ?? ''),
      state: 'waiting',
      ...(typeof data.notify_url === 'string' ? { notifyUrl: data.notify_url } : {}),
      ...(Number.isNaN(expireAt) ? {} : { expiresMs: Math.max(0, expireAt - this.book.now().getTime()) })
    })
    trade.qrContent = `weixin://wxpay/bizpayurl?pr=${this.book.random.alphanumeric(7)}`
    this.book.startCustomer(trade)
    return (res) => this.json(res, 200, { code_url: trade.qrContent })
  }

  private query(tradeNo: string): Reply {
    const trade = this.book.get('wechat', tradeNo)
    if (!trade || trade.amount === 0)
      return (res) => this.json(res, 404, { code: 'ORDER_NOT_EXIST', message: '订单不存在' })
    return (res) => this.json(res, 200, this.transaction(trade))
  }

  private transaction(trade: SandboxTrade): Record<string, unknown> {
    const state = TRADE_STATES[trade.state]
    return {
      appid: this.keys.wechat.appId,
      mchid: this.keys.wechat.mchId,
      out_trade_no: trade.tradeNo,
      transaction_id: trade.providerTradeNo,
      trade_type: trade.flow === 'code' ? 'MICROPAY' : 'NATIVE',
      // A paid trade with refunds reads REFUND ("转入退款"), not SUCCESS.
      trade_state: state === 'SUCCESS' && trade.refunds.length > 0 ? 'REFUND' : state,
      trade_state_desc: trade.failure?.message ?? STATE_TEXT[state],
      bank_type: 'OTHERS',
      ...(trade.paidAt ? { success_time: formatRfc3339China(trade.paidAt) } : {}),
      payer: { openid: 'oSandbox0000000000000000000' },
      amount: { total: trade.amount, payer_total: trade.amount, currency: 'CNY', payer_currency: 'CNY' }
    }
  }

  private close(tradeNo: string): Reply {
    const trade = this.book.get('wechat', tradeNo)
    if (!trade) return (res) => this.json(res, 404, { code: 'ORDER_NOT_EXIST', message: '订单不存在' })
    if (trade.state === 'succeeded' || trade.state === 'reversed')
      return (res) => this.json(res, 400, { code: 'ORDERPAID', message: '订单已支付，不能发起关单' })
    this.book.close(trade)
    return (res) => this.json(res, 204, undefined)
  }

  private refund(data: Record<string, unknown>): Reply {
    const trade = this.book.get('wechat', String(data.out_trade_no ?? ''))
    const amount = (data.amount ?? {}) as { refund?: unknown; total?: unknown; currency?: unknown }
    const refundNo = String(data.out_refund_no ?? '')
    if (!trade || trade.amount === 0)
      return (res) => this.json(res, 404, { code: 'RESOURCE_NOT_EXISTS', message: '订单不存在' })
    if (!refundNo || !Number.isSafeInteger(amount.refund) || (amount.refund as number) <= 0) {
      return (res) => this.json(res, 400, { code: 'PARAM_ERROR', message: '退款金额或退款单号不合法' })
    }
    if (amount.total !== trade.amount)
      return (res) => this.json(res, 400, { code: 'INVALID_REQUEST', message: '订单金额与原订单不一致' })
    const result = this.book.refund(trade, {
      refundNo,
      amount: amount.refund as number,
      providerRefundNo: `50300${this.book.random.digits(24)}`,
      ...(typeof data.notify_url === 'string' ? { notifyUrl: data.notify_url } : {})
    })
    if ('error' in result) {
      const [status, code, message] = REFUND_ERRORS[result.error]
      return (res) => this.json(res, status, { code, message })
    }
    const { refund } = result
    // WeChat refunds are asynchronous: PROCESSING now, SUCCESS (and a notification) a moment later.
    if (!result.repeated) this.book.later(150, () => this.book.completeRefund(trade, refund))
    return (res) => this.json(res, 200, this.refundBody(trade, refund))
  }

  private refundQuery(refundNo: string): Reply {
    const trade = this.findByRefund(refundNo)
    const refund = trade?.refunds.find((r) => r.refundNo === refundNo)
    if (!trade || !refund)
      return (res) => this.json(res, 404, { code: 'RESOURCE_NOT_EXISTS', message: '退款单不存在' })
    return (res) => this.json(res, 200, this.refundBody(trade, refund))
  }

  private refundBody(trade: SandboxTrade, refund: SandboxRefund): Record<string, unknown> {
    return {
      refund_id: refund.providerRefundNo,
      out_refund_no: refund.refundNo,
      transaction_id: trade.providerTradeNo,
      out_trade_no: trade.tradeNo,
      channel: 'ORIGINAL',
      user_received_account: '支付用户零钱',
      ...(refund.completedAt ? { success_time: formatRfc3339China(refund.completedAt) } : {}),
      create_time: formatRfc3339China(refund.createdAt),
      status: refund.status === 'succeeded' ? 'SUCCESS' : 'PROCESSING',
      funds_account: 'AVAILABLE',
      amount: {
        total: trade.amount,
        refund: refund.amount,
        payer_total: trade.amount,
        payer_refund: refund.amount,
        settlement_refund: refund.amount,
        settlement_total: trade.amount,
        discount_refund: 0,
        currency: 'CNY'
      }
    }
  }

  private findByRefund(refundNo: string): SandboxTrade | undefined {
    return this.book
      .list()
      .find((t) => t.provider === 'wechat' && t.refunds.some((r) => r.refundNo === refundNo))
  }

  private tradeBill(url: URL, res: ServerResponse): void {
    const day = url.searchParams.get('bill_date') ?? ''
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) {
      this.json(res, 400, { code: 'PARAM_ERROR', message: 'bill_date 格式不正确' })
      return
    }
    const token = this.book.random.alphanumeric(24)
    this.billTokens.set(token, day)
    const bill = renderWechatBill(this.book, this.keys, day)
    this.json(res, 200, {
      hash_type: 'SHA1',
      hash_value: createHash('sha1').update(bill).digest('hex'),
      download_url: `${this.baseUrl()}/v3/billdownload/file?token=${token}`
    })
  }

  /** `Authorization: WECHATPAY2-SHA256-RSA2048 mchid=…,serial_no=…,timestamp=…,nonce_str=…,signature=…` */
  private verifyRequest(req: IncomingMessage, uri: string, body: string): boolean {
    const header = req.headers.authorization ?? ''
    if (!header.startsWith('WECHATPAY2-SHA256-RSA2048 ')) return false
    const fields = Object.fromEntries(
      [...header.slice('WECHATPAY2-SHA256-RSA2048 '.length).matchAll(/(\w+)="([^"]*)"/g)].map((m) => [
        m[1],
        m[2]
      ])
    ) as Record<string, string | undefined>
    if (fields.mchid !== this.keys.wechat.mchId || fields.serial_no !== this.keys.wechat.merchantSerial)
      return false
    if (!fields.timestamp || !fields.nonce_str || !fields.signature) return false
    if (Math.abs(Number(fields.timestamp) - Math.floor(this.book.now().getTime() / 1000)) > 300) return false
    const message = Formatter.request(req.method ?? 'GET', uri, fields.timestamp, fields.nonce_str, body)
    return Rsa.verify(message, fields.signature, this.keys.wechat.merchantPublicKey)
  }

  private signedHeaders(body: string): Record<string, string> {
    const timestamp = String(Math.floor(this.book.now().getTime() / 1000))
    const nonce = this.book.random.alphanumeric(32)
    const key = this.rogue ? this.keys.roguePrivateKey : this.keys.wechat.platformPrivateKey
    return {
      'Request-ID': this.book.random.alphanumeric(32),
      'Wechatpay-Nonce': nonce,
      'Wechatpay-Timestamp': timestamp,
      'Wechatpay-Serial': this.keys.wechat.platformSerial,
      'Wechatpay-Signature': Rsa.sign(Formatter.response(timestamp, nonce, body), key),
      'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048'
    }
  }

  private json(res: ServerResponse, status: number, value: unknown): void {
    const body = value === undefined ? '' : JSON.stringify(value)
    send(res, status, body, {
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...this.signedHeaders(body)
    })
  }

  /**
   * v3 notifications: a JSON envelope signed like a response, its `resource` encrypted with
   * AEAD_AES_256_GCM under the APIv3 key. Only successful payments notify (no "closed" event), and
   * payment-code (micropay) trades never notify at all: the till must poll them.
   */
  private notification(event: TradeEvent, mode: NotifyMode): Delivery | undefined {
    const { trade } = event
    const url = event.type === 'refund' ? (event.refund.notifyUrl ?? trade.notifyUrl) : trade.notifyUrl
    if (!url || trade.flow === 'code') return undefined
    if (event.type === 'payment' && trade.state !== 'succeeded') return undefined
    const original = event.type === 'payment' ? 'transaction' : 'refund'
    const plain =
      event.type === 'payment'
        ? { ...this.transaction(trade), trade_state: 'SUCCESS' }
        : {
            mchid: this.keys.wechat.mchId,
            out_trade_no: trade.tradeNo,
            transaction_id: trade.providerTradeNo,
            out_refund_no: event.refund.refundNo,
            refund_id: event.refund.providerRefundNo,
            refund_status: 'SUCCESS',
            success_time: formatRfc3339China(event.refund.completedAt ?? this.book.now()),
            user_received_account: '支付用户零钱',
            amount: {
              total: trade.amount,
              refund: event.refund.amount,
              payer_total: trade.amount,
              payer_refund: event.refund.amount
            }
          }
    const envelope = (resource: Record<string, unknown>): string => {
      const nonce = this.book.random.alphanumeric(12)
      return JSON.stringify({
        id: `EV-${this.book.random.digits(20)}`,
        create_time: formatRfc3339China(this.book.now()),
        resource_type: 'encrypt-resource',
        event_type: event.type === 'payment' ? 'TRANSACTION.SUCCESS' : 'REFUND.SUCCESS',
        summary: event.type === 'payment' ? '支付成功' : '退款成功',
        resource: {
          original_type: original,
          algorithm: 'AEAD_AES_256_GCM',
          ciphertext: Aes.AesGcm.encrypt(JSON.stringify(resource), this.apiV3Key, nonce, original),
          associated_data: original,
          nonce
        }
      })
    }
    const body = envelope(plain)
    const timestamp = String(Math.floor(this.book.now().getTime() / 1000))
    const nonce = this.book.random.alphanumeric(32)
    const key = mode === 'bad_signature' ? this.keys.roguePrivateKey : this.keys.wechat.platformPrivateKey
    const signature = Rsa.sign(Formatter.response(timestamp, nonce, body), key)
    // Tampering: the bytes on the wire carry a different amount than the ones that were signed.
    const sent =
      mode === 'tampered_amount'
        ? envelope({
            ...plain,
            amount: {
              ...(plain.amount as object),
              total: trade.amount + 100,
              payer_total: trade.amount + 100
            }
          })
        : body
    return {
      url,
      headers: {
        'content-type': 'application/json',
        'Wechatpay-Timestamp': timestamp,
        'Wechatpay-Nonce': nonce,
        'Wechatpay-Serial': this.keys.wechat.platformSerial,
        'Wechatpay-Signature': signature,
        'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048'
      },
      body: sent,
      // v3 counts 200 and 204 as received; anything else is redelivered.
      accepted: (status) => status === 200 || status === 204
    }
  }
}

const TRADE_STATES: Record<SandboxTrade['state'], string> = {
  awaiting_scan: 'NOTPAY',
  waiting: 'NOTPAY',
  user_paying: 'USERPAYING',
  succeeded: 'SUCCESS',
  failed: 'PAYERROR',
  closed: 'CLOSED',
  reversed: 'REVOKED'
}

const STATE_TEXT: Record<string, string> = {
  NOTPAY: '未支付',
  USERPAYING: '用户支付中',
  SUCCESS: '支付成功',
  PAYERROR: '支付失败',
  CLOSED: '已关闭',
  REVOKED: '已撤销'
}

const REFUND_ERRORS: Record<
  'not_paid' | 'too_much' | 'amount_mismatch' | 'insufficient_balance',
  [number, string, string]
> = {
  not_paid: [400, 'INVALID_REQUEST', '订单未支付，不能退款'],
  too_much: [400, 'INVALID_REQUEST', '申请退款金额超过订单可退金额'],
  amount_mismatch: [400, 'INVALID_REQUEST', '同一退款单号的退款金额不一致'],
  insufficient_balance: [403, 'NOT_ENOUGH', '基本账户余额不足，请充值后重新发起']
}
