import { readFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { Hash, Rsa, Wechatpay } from 'wechatpay-axios-plugin'
import { toRfc3339China } from '../china-time'
import type { WechatProviderConfig } from '../config'
import { ProviderError } from '../errors'
import type {
  CancelOutcome,
  CancelRequest,
  CreatePaymentRequest,
  IncomingNotification,
  NotificationReply,
  PaymentNotification,
  PaymentOutcome,
  PaymentProvider,
  RefundOutcome,
  RefundRequest,
  BillRow
} from '../provider'
import {
  asJson,
  failureOf,
  isPluginError,
  refundOutcome,
  rfc3339In,
  transactionOutcome,
  type Json
} from './wechat-answers'
import { parseWechatBill } from './wechat-bill'
import { parseWechatNotification } from './wechat-notification'

/** The part of an axios response and error the adapter reads (axios comes with the plugin). */
interface HttpAnswer {
  status: number
  data: unknown
}
interface HttpFailure {
  isAxiosError: true
  response?: HttpAnswer
}
const isHttpFailure = (error: unknown): error is HttpFailure =>
  typeof error === 'object' && error !== null && (error as { isAxiosError?: unknown }).isAxiosError === true

/** How a call ended, before any business meaning is read into it. */
type CallResult =
  | { kind: 'ok'; status: number; data: Json }
  | { kind: 'error'; status: number; data: Json }
  | { kind: 'unknown' }

/**
 * WeChat Pay over the official `wechatpay-axios-plugin`: APIv3 (JSON, RSA-signed both ways) for
 * Native orders, queries, close, refunds and bills; APIv2 (XML, HMAC-SHA256) for payment codes
 * (micropay) and their reverse, which APIv3 never offered to ordinary merchants.
 */
export function createWechatProvider(config: WechatProviderConfig, currency = 'CNY'): PaymentProvider {
  if (currency !== 'CNY') throw new ProviderError('wechat', 'WeChat Pay domestic APIs settle in CNY only')
  const apiV3Key = readFileSync(config.apiV3KeyPath, 'utf8').trim()
  const apiV2Key = readFileSync(config.apiV2KeyPath, 'utf8').trim()
  const platformPublicKey = Rsa.from(readFileSync(config.platformPublicKeyPath, 'utf8'), Rsa.KEY_TYPE_PUBLIC)
  const merchantPrivateKey = readFileSync(config.merchantPrivateKeyPath, 'utf8')
  const wxpay = new Wechatpay({
    mchid: config.mchId,
    serial: config.merchantSerial,
    privateKey: merchantPrivateKey,
    certs: { [config.platformSerial]: platformPublicKey },
    secret: apiV2Key,
    // v2 /secapi/ calls present the merchant certificate over mutual TLS (https base URLs only).
    ...(config.merchantCertPath
      ? { merchant: { cert: readFileSync(config.merchantCertPath), key: merchantPrivateKey } }
      : {}),
    baseURL: config.baseUrl,
    timeout: config.timeoutMs ?? 10_000
  })
  const mchid = config.mchId
  const appid = config.appId
  const byTradeNo = (): Wechatpay => wxpay.v3.pay.transactions['out-trade-no']['{out_trade_no}'] as Wechatpay
  // The plugin fills `{out_trade_no}`-style path templates from same-named config keys.
  const template = (values: Record<string, string>): Json => values

  /**
   * v3 answers are verified by the plugin (Wechatpay-Signature over timestamp, nonce and body with the
   * platform key); a failed verification, a timeout or a 5xx is `unknown`: WeChat may have acted.
   */
  const v3 = async (run: () => Promise<HttpAnswer>): Promise<CallResult> => {
    try {
      const response = await run()
      return { kind: 'ok', status: response.status, data: (response.data ?? {}) as Json }
    } catch (error) {
      if (
        isHttpFailure(error) &&
        error.response &&
        error.response.status >= 400 &&
        error.response.status < 500
      ) {
        return { kind: 'error', status: error.response.status, data: asJson(error.response.data) }
      }
      if (isHttpFailure(error) || isPluginError(error)) return { kind: 'unknown' }
      throw new ProviderError('wechat', error instanceof Error ? error.message : String(error), {
        cause: error
      })
    }
  }

  /**
   * v2 answers: the plugin checks the signature of SUCCESS answers itself but turns FAIL answers into
   * errors *before* checking theirs, so a FAIL is trusted here only when its signature verifies —
   * an unverified "declined" could hide a payment that went through.
   */
  const v2 = async (
    run: () => Promise<HttpAnswer>
  ): Promise<
    | { kind: 'ok'; data: Record<string, string> }
    | { kind: 'fail'; data: Record<string, string> }
    | { kind: 'unknown' }
  > => {
    try {
      const response = await run()
      return { kind: 'ok', data: response.data as Record<string, string> }
    } catch (error) {
      const data = isHttpFailure(error)
        ? (error.response?.data as Record<string, string> | undefined)
        : undefined
      if (data && typeof data === 'object' && data.return_code === 'SUCCESS' && verifyV2(data))
        return { kind: 'fail', data }
      if (isHttpFailure(error) || isPluginError(error)) return { kind: 'unknown' }
      throw new ProviderError('wechat', error instanceof Error ? error.message : String(error), {
        cause: error
      })
    }
  }
  const verifyV2 = (data: Record<string, string>): boolean => {
    if (!data.sign) return false
    const type = data.sign.length === 64 ? Hash.ALGO_HMAC_SHA256 : Hash.ALGO_MD5
    return Hash.equals(Hash.sign(type, data, Hash.keyObjectFrom(apiV2Key)), data.sign)
  }

  const query = async (tradeNo: string): Promise<PaymentOutcome> => {
    const result = await v3(() =>
      byTradeNo().get({ params: { mchid }, ...template({ out_trade_no: tradeNo }) })
    )
    if (result.kind === 'unknown') return { tradeNo, status: 'unknown' }
    if (result.kind === 'error') {
      return result.data.code === 'ORDER_NOT_EXIST' || result.data.code === 'ORDERNOTEXIST'
        ? { tradeNo, status: 'not_found' }
        : { tradeNo, status: 'unknown', failure: failureOf(result.data) }
    }
    return transactionOutcome(tradeNo, result.data)
  }

  const queryRefund = async (tradeNo: string, refundNo: string): Promise<RefundOutcome> => {
    const result = await v3(() =>
      (wxpay.v3.refund.domestic.refunds['{out_refund_no}'] as Wechatpay).get(
        template({ out_refund_no: refundNo })
      )
    )
    if (result.kind === 'unknown') return { tradeNo, refundNo, status: 'processing' }
    if (result.kind === 'error') {
      return result.data.code === 'RESOURCE_NOT_EXISTS'
        ? { tradeNo, refundNo, status: 'not_found' }
        : { tradeNo, refundNo, status: 'processing', failure: failureOf(result.data) }
    }
    return refundOutcome(tradeNo, refundNo, result.data)
  }

  return {
    id: 'wechat',
    flows: ['merchant_qr', 'customer_code'],

    async create(request: CreatePaymentRequest): Promise<PaymentOutcome> {
      const { tradeNo } = request
      if (request.flow === 'merchant_qr') {
        const expires =
          request.expiresInSeconds === undefined ? {} : { time_expire: rfc3339In(request.expiresInSeconds) }
        const result = await v3(() =>
          wxpay.v3.pay.transactions.native.post({
            appid,
            mchid,
            description: request.subject,
            out_trade_no: tradeNo,
            ...(request.notifyUrl ? { notify_url: request.notifyUrl } : {}),
            ...expires,
            // v3 amounts are integers in fen, like ours.
            amount: { total: request.amount, currency: 'CNY' }
          })
        )
        if (result.kind === 'unknown') return { tradeNo, status: 'unknown' }
        if (result.kind === 'ok')
          return { tradeNo, status: 'pending', qrContent: String(result.data.code_url) }
        if (result.data.code === 'ORDERPAID') return query(tradeNo)
        if (result.data.code === 'ORDER_CLOSED')
          return { tradeNo, status: 'closed', failure: failureOf(result.data) }
        return { tradeNo, status: 'failed', failure: failureOf(result.data) }
      }
      if (request.flow !== 'customer_code' || !request.authCode) {
        throw new ProviderError(
          'wechat',
          'WeChat Pay takes a merchant QR or a customer payment code (authCode)'
        )
      }
      const result = await v2(() =>
        wxpay.v2.pay.micropay.post({
          appid,
          mch_id: mchid,
          sign_type: Hash.ALGO_HMAC_SHA256,
          body: request.subject,
          out_trade_no: tradeNo,
          total_fee: String(request.amount),
          fee_type: 'CNY',
          spbill_create_ip: config.clientIp ?? '127.0.0.1',
          auth_code: request.authCode
        })
      )
      if (result.kind === 'unknown') return { tradeNo, status: 'unknown' }
      if (result.kind === 'ok') {
        return {
          tradeNo,
          status: 'succeeded',
          ...(result.data.transaction_id ? { providerTradeNo: result.data.transaction_id } : {}),
          amount: Number.parseInt(result.data.total_fee ?? '', 10),
          ...(result.data.time_end
            ? { paidAt: toRfc3339China(result.data.time_end) ?? result.data.time_end }
            : {})
        }
      }
      const code = result.data.err_code ?? ''
      const failure = { code, message: result.data.err_code_des ?? '' }
      // USERPAYING: the customer is entering the password; SYSTEMERROR/BANKERROR: outcome unknown.
      if (code === 'USERPAYING') return { tradeNo, status: 'user_paying' }
      if (code === 'SYSTEMERROR' || code === 'BANKERROR') return { tradeNo, status: 'unknown', failure }
      if (code === 'ORDERPAID') return query(tradeNo)
      if (code === 'ORDERREVERSED' || code === 'ORDERCLOSED') return { tradeNo, status: 'closed', failure }
      return { tradeNo, status: 'failed', failure }
    },

    query,

    async cancel(request: CancelRequest): Promise<CancelOutcome> {
      const { tradeNo } = request
      if (request.flow === 'customer_code') {
        // v2 reverse: closes an unpaid payment-code trade or refunds a paid one; `recall=Y` asks us to repeat it.
        const result = await v2(() =>
          wxpay.v2.secapi.pay.reverse.post(
            { appid, mch_id: mchid, out_trade_no: tradeNo, sign_type: Hash.ALGO_HMAC_SHA256 },
            { security: true }
          )
        )
        if (result.kind === 'unknown') return { tradeNo, status: 'unknown' }
        if (result.data.recall === 'Y') return { tradeNo, status: 'retry' }
        if (result.kind === 'fail')
          return {
            tradeNo,
            status: 'unknown',
            failure: { code: result.data.err_code ?? '', message: result.data.err_code_des ?? '' }
          }
        // The reverse answer does not say whether money had moved; the trade's state does.
        const after = await query(tradeNo)
        return {
          tradeNo,
          status: after.status === 'closed' || after.status === 'not_found' ? 'closed' : 'reversed'
        }
      }
      // Native orders cannot be reversed, only closed while unpaid.
      const result = await v3(() =>
        (byTradeNo().close as Wechatpay).post({ mchid }, template({ out_trade_no: tradeNo }))
      )
      if (result.kind === 'unknown') return { tradeNo, status: 'unknown' }
      if (result.kind === 'ok') return { tradeNo, status: 'closed' }
      if (result.data.code === 'ORDERPAID')
        return { tradeNo, status: 'succeeded', failure: failureOf(result.data) }
      // Never created (its create never arrived): nobody saw its code_url, so nobody can pay it.
      if (result.data.code === 'ORDER_NOT_EXIST' || result.data.code === 'ORDERNOTEXIST')
        return { tradeNo, status: 'closed' }
      const after = await query(tradeNo)
      if (after.status === 'succeeded') return { tradeNo, status: 'succeeded' }
      if (after.status === 'closed' || after.status === 'reversed' || after.status === 'failed')
        return { tradeNo, status: 'closed' }
      return { tradeNo, status: 'unknown', failure: failureOf(result.data) }
    },

    async refund(request: RefundRequest): Promise<RefundOutcome> {
      const { tradeNo, refundNo } = request
      const result = await v3(() =>
        wxpay.v3.refund.domestic.refunds.post({
          out_trade_no: tradeNo,
          out_refund_no: refundNo,
          ...(request.reason ? { reason: request.reason } : {}),
          ...(request.notifyUrl ? { notify_url: request.notifyUrl } : {}),
          amount: { refund: request.amount, total: request.paymentAmount, currency: 'CNY' }
        })
      )
      if (result.kind === 'unknown') return { tradeNo, refundNo, status: 'processing' }
      // NOT_ENOUGH (balance), INVALID_REQUEST…: refused; nothing was recorded at WeChat.
      if (result.kind === 'error')
        return { tradeNo, refundNo, status: 'failed', failure: failureOf(result.data) }
      return refundOutcome(tradeNo, refundNo, result.data)
    },

    queryRefund,

    parseNotification: (notification: IncomingNotification): PaymentNotification =>
      parseWechatNotification(notification, {
        platformSerial: config.platformSerial,
        platformPublicKey,
        apiV3Key,
        mchid
      }),

    // v3: 200/204 with no body is "received"; an error status with {code, message} asks for redelivery.
    notificationReply: (accepted: boolean): NotificationReply =>
      accepted
        ? { status: 204, contentType: 'application/json', body: '' }
        : {
            status: 400,
            contentType: 'application/json',
            body: JSON.stringify({ code: 'FAIL', message: '验签或解密失败' })
          },

    async fetchStatement(date: string): Promise<BillRow[]> {
      const listed = await v3(() =>
        wxpay.v3.bill.tradebill.get({ params: { bill_date: date, bill_type: 'ALL' } })
      )
      if (listed.kind !== 'ok' || typeof listed.data.download_url !== 'string') {
        throw new ProviderError(
          'wechat',
          `No WeChat Pay bill for ${date}${listed.kind === 'error' ? `: ${String(listed.data.message)}` : ''}`
        )
      }
      // The download is signed like any v3 request but its answer is not: the SHA1 given above vouches for it.
      const { searchParams } = new URL(listed.data.download_url)
      const downloaded = await v3(() =>
        wxpay.v3.billdownload.file.get({ params: searchParams, responseType: 'arraybuffer' })
      )
      if (downloaded.kind !== 'ok') throw new ProviderError('wechat', 'The WeChat Pay bill download failed')
      const bytes = Buffer.from(downloaded.data as unknown as ArrayBuffer)
      if (
        listed.data.hash_type === 'SHA1' &&
        createHash('sha1').update(bytes).digest('hex') !== listed.data.hash_value
      ) {
        throw new ProviderError('wechat', 'The WeChat Pay bill does not match its SHA1')
      }
      return parseWechatBill(bytes)
    }
  }
}
