import { readFileSync } from 'node:fs'
import { AlipayRequestError, AlipaySdk } from 'alipay-sdk'
import { minorToDecimalString, parseDecimalToMinor } from '@shared/money/format'
import type { ObservedPaymentStatus } from '../../domain/payments/payment-status'
import { toRfc3339China } from '../china-time'
import type { AlipayProviderConfig } from '../config'
import { NotificationRejectedError, ProviderError } from '../errors'
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
import { parseAlipayBill } from './alipay-bill'

type AlipayAnswer = Record<string, unknown> & {
  code?: string
  msg?: string
  sub_code?: string
  sub_msg?: string
}

/** Alipay face-to-face (当面付) over the official `alipay-sdk`, OpenAPI v2 gateway protocol. */
export function createAlipayProvider(config: AlipayProviderConfig, currency = 'CNY'): PaymentProvider {
  const sdk = new AlipaySdk({
    appId: config.appId,
    privateKey: readFileSync(config.privateKeyPath, 'utf8'),
    alipayPublicKey: readFileSync(config.alipayPublicKeyPath, 'utf8'),
    keyType: 'PKCS8',
    gateway: config.gateway,
    timeout: config.timeoutMs ?? 10_000,
    // Keep Alipay's snake_case: the answers are mapped field by field below.
    camelcase: false
  })
  // Alipay speaks yuan as decimal strings ("12.50"); ours are fen.
  const yuan = (minor: number): string => minorToDecimalString(minor, currency)
  const fen = (text: unknown): number | undefined =>
    typeof text === 'string' && text !== '' ? parseDecimalToMinor(text, currency) : undefined

  /**
   * Face-to-face still runs on the v2 gateway (`exec`), which the SDK marks deprecated in favour of
   * v3 `curl`; the trade APIs and their codes below are the v2 ones. Every answer's RSA2 signature is
   * checked (`validateSign`). A timeout, a transport error or a bad signature returns undefined: the
   * caller cannot know whether Alipay acted on the request.
   */
  const call = async (method: string, params: Record<string, unknown>): Promise<AlipayAnswer | undefined> => {
    try {
      return (await sdk.exec(method, params, { validateSign: true })) as AlipayAnswer
    } catch (error) {
      if (error instanceof AlipayRequestError) return undefined
      throw new ProviderError(
        'alipay',
        `${method} failed: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error }
      )
    }
  }
  const failure = (answer: AlipayAnswer): { code: string; message: string } => ({
    code: answer.sub_code ?? answer.code ?? 'UNKNOWN',
    message: answer.sub_msg ?? answer.msg ?? ''
  })
  // 20000 (service unavailable) and ACQ.SYSTEM_ERROR mean "try again / ask later", never "failed".
  const isIndeterminate = (answer: AlipayAnswer): boolean =>
    answer.code === '20000' ||
    answer.sub_code === 'ACQ.SYSTEM_ERROR' ||
    answer.sub_code === 'aop.ACQ.SYSTEM_ERROR'

  const query = async (tradeNo: string): Promise<PaymentOutcome> => {
    const answer = await call('alipay.trade.query', { bizContent: { out_trade_no: tradeNo } })
    if (!answer || isIndeterminate(answer)) return { tradeNo, status: 'unknown' }
    // An unscanned precreate has no trade yet, nor has a refused payment code: both read "not exist".
    if (answer.sub_code === 'ACQ.TRADE_NOT_EXIST') return { tradeNo, status: 'not_found' }
    if (answer.code !== '10000') return { tradeNo, status: 'unknown', failure: failure(answer) }
    const status = tradeStatus(String(answer.trade_status), typeof answer.send_pay_date === 'string')
    return {
      tradeNo,
      status,
      ...optional('providerTradeNo', text(answer.trade_no)),
      ...optional('amount', fen(answer.total_amount)),
      ...optional(
        'paidAt',
        status === 'succeeded' ? toRfc3339China(answer.send_pay_date as string | undefined) : undefined
      )
    }
  }

  const queryRefund = async (tradeNo: string, refundNo: string): Promise<RefundOutcome> => {
    const answer = await call('alipay.trade.fastpay.refund.query', {
      bizContent: { out_trade_no: tradeNo, out_request_no: refundNo, query_options: ['gmt_refund_pay'] }
    })
    if (!answer || isIndeterminate(answer)) return { tradeNo, refundNo, status: 'processing' }
    if (answer.sub_code === 'ACQ.TRADE_NOT_EXIST') return { tradeNo, refundNo, status: 'not_found' }
    if (answer.code !== '10000') return { tradeNo, refundNo, status: 'processing', failure: failure(answer) }
    // Quirk: a refund Alipay never made is a *successful* answer without `refund_amount`.
    if (answer.refund_amount === undefined) return { tradeNo, refundNo, status: 'not_found' }
    const done = answer.refund_status === undefined || answer.refund_status === 'REFUND_SUCCESS'
    return {
      tradeNo,
      refundNo,
      status: done ? 'succeeded' : 'processing',
      ...optional('amount', fen(answer.refund_amount))
    }
  }

  return {
    id: 'alipay',
    flows: ['merchant_qr', 'customer_code'],

    async create(request: CreatePaymentRequest): Promise<PaymentOutcome> {
      const { tradeNo } = request
      const common = request.notifyUrl ? { notify_url: request.notifyUrl } : {}
      if (request.flow === 'merchant_qr') {
        const minutes =
          request.expiresInSeconds === undefined
            ? undefined
            : Math.max(1, Math.ceil(request.expiresInSeconds / 60))
        const answer = await call('alipay.trade.precreate', {
          ...common,
          bizContent: {
            out_trade_no: tradeNo,
            total_amount: yuan(request.amount),
            subject: request.subject,
            ...(minutes === undefined ? {} : { timeout_express: `${minutes}m` })
          }
        })
        if (!answer || isIndeterminate(answer)) return { tradeNo, status: 'unknown' }
        if (answer.code === '10000') return { tradeNo, status: 'pending', qrContent: String(answer.qr_code) }
        if (answer.sub_code === 'ACQ.TRADE_HAS_SUCCESS') return query(tradeNo)
        if (answer.sub_code === 'ACQ.TRADE_HAS_CLOSE')
          return { tradeNo, status: 'closed', failure: failure(answer) }
        return { tradeNo, status: 'failed', failure: failure(answer) }
      }
      if (request.flow !== 'customer_code' || !request.authCode) {
        throw new ProviderError('alipay', 'Alipay takes a merchant QR or a customer payment code (authCode)')
      }
      const answer = await call('alipay.trade.pay', {
        ...common,
        bizContent: {
          out_trade_no: tradeNo,
          scene: 'bar_code',
          auth_code: request.authCode,
          total_amount: yuan(request.amount),
          subject: request.subject
        }
      })
      if (!answer || isIndeterminate(answer)) return { tradeNo, status: 'unknown' }
      if (answer.code === '10000') {
        return {
          tradeNo,
          status: 'succeeded',
          ...optional('providerTradeNo', text(answer.trade_no)),
          ...optional('amount', fen(answer.total_amount)),
          ...optional('paidAt', toRfc3339China(answer.gmt_payment as string | undefined))
        }
      }
      // 10003: waiting for the customer to confirm (password) on the phone; poll `query`.
      if (answer.code === '10003')
        return { tradeNo, status: 'user_paying', ...optional('providerTradeNo', text(answer.trade_no)) }
      if (answer.sub_code === 'ACQ.TRADE_HAS_SUCCESS') return query(tradeNo)
      if (answer.sub_code === 'ACQ.TRADE_HAS_CLOSE')
        return { tradeNo, status: 'closed', failure: failure(answer) }
      return { tradeNo, status: 'failed', failure: failure(answer) }
    },

    query,

    /**
     * `alipay.trade.cancel` for both flows: it closes an unpaid trade, refunds a paid one, and — for
     * a trade number Alipay never saw — records it as closed so a late request cannot pay it.
     */
    async cancel(request: CancelRequest): Promise<CancelOutcome> {
      const { tradeNo } = request
      const answer = await call('alipay.trade.cancel', { bizContent: { out_trade_no: tradeNo } })
      if (!answer || isIndeterminate(answer)) return { tradeNo, status: 'unknown' }
      if (answer.code === '10000') {
        if (answer.retry_flag === 'Y') return { tradeNo, status: 'retry' }
        return { tradeNo, status: answer.action === 'refund' ? 'reversed' : 'closed' }
      }
      return { tradeNo, status: 'unknown', failure: failure(answer) }
    },

    async refund(request: RefundRequest): Promise<RefundOutcome> {
      const { tradeNo, refundNo } = request
      const answer = await call('alipay.trade.refund', {
        bizContent: {
          out_trade_no: tradeNo,
          refund_amount: yuan(request.amount),
          out_request_no: refundNo,
          ...(request.reason ? { refund_reason: request.reason } : {})
        }
      })
      if (!answer || isIndeterminate(answer)) return { tradeNo, refundNo, status: 'processing' }
      if (answer.code === '10000') {
        // fund_change "N" is Alipay's "no money moved by *this* call": it may be a repeat of a done
        // refund, so ask rather than assume.
        if (answer.fund_change !== 'Y') return queryRefund(tradeNo, refundNo)
        return { tradeNo, refundNo, status: 'succeeded', amount: request.amount }
      }
      return { tradeNo, refundNo, status: 'failed', failure: failure(answer) }
    },

    queryRefund,

    parseNotification(notification: IncomingNotification): PaymentNotification {
      const fields = Object.fromEntries(new URLSearchParams(notification.body))
      // V2: verify the values as posted (already form-decoded), not URI-decoded a second time.
      if (!sdk.checkNotifySignV2(fields))
        throw new NotificationRejectedError(
          'alipay',
          'signature',
          'The Alipay notification signature is invalid'
        )
      if (fields.app_id !== config.appId)
        throw new NotificationRejectedError('alipay', 'shape', 'The notification is for another app')
      const tradeNo = fields.out_trade_no
      if (!tradeNo || !fields.notify_id)
        throw new NotificationRejectedError('alipay', 'shape', 'The notification has no trade number')
      const amountOf = (text: string | undefined): number => {
        try {
          return parseDecimalToMinor(text ?? '', currency)
        } catch {
          throw new NotificationRejectedError('alipay', 'shape', 'The notification amount is not a decimal')
        }
      }
      if (fields.out_biz_no && fields.refund_fee) {
        // A refund arrives as a trade notification with out_biz_no and the cumulative refund_fee.
        return {
          kind: 'refund',
          provider: 'alipay',
          eventId: fields.notify_id,
          tradeNo,
          refundNo: fields.out_biz_no,
          status: 'succeeded',
          refundedTotal: amountOf(fields.refund_fee)
        }
      }
      return {
        kind: 'payment',
        provider: 'alipay',
        eventId: fields.notify_id,
        tradeNo,
        ...optional('providerTradeNo', fields.trade_no),
        status: tradeStatus(fields.trade_status ?? '', Boolean(fields.gmt_payment)),
        amount: amountOf(fields.total_amount),
        ...optional('paidAt', toRfc3339China(fields.gmt_payment))
      }
    },

    // Alipay redelivers until the body is exactly "success".
    notificationReply: (accepted: boolean): NotificationReply => ({
      status: 200,
      contentType: 'text/plain; charset=utf-8',
      body: accepted ? 'success' : 'failure'
    }),

    async fetchStatement(date: string): Promise<BillRow[]> {
      const answer = await call('alipay.data.dataservice.bill.downloadurl.query', {
        bizContent: { bill_type: 'trade', bill_date: date }
      })
      if (!answer || answer.code !== '10000' || typeof answer.bill_download_url !== 'string') {
        throw new ProviderError(
          'alipay',
          `No Alipay bill for ${date}: ${answer ? failure(answer).message : 'no answer'}`
        )
      }
      // The download URL is pre-signed and short-lived (about 30 s): fetch it at once, unauthenticated.
      const response = await fetch(answer.bill_download_url, {
        signal: AbortSignal.timeout(config.timeoutMs ?? 30_000)
      })
      if (!response.ok)
        throw new ProviderError('alipay', `The Alipay bill download failed with HTTP ${response.status}`)
      return parseAlipayBill(Buffer.from(await response.arrayBuffer()))
    }
  }
}

/**
 * TRADE_CLOSED covers both "never paid" and "paid, then refunded in full" (by cancel or refunds):
 * a payment date tells them apart.
 */
function tradeStatus(status: string, wasPaid: boolean): ObservedPaymentStatus {
  switch (status) {
    case 'WAIT_BUYER_PAY':
      return 'pending'
    case 'TRADE_SUCCESS':
    case 'TRADE_FINISHED':
      return 'succeeded'
    case 'TRADE_CLOSED':
      return wasPaid ? 'reversed' : 'closed'
    default:
      return 'unknown'
  }
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

function optional<K extends string, V>(key: K, value: V | undefined | null): { [P in K]?: V } {
  return value === undefined || value === null || value === '' ? {} : ({ [key]: value } as { [P in K]?: V })
}
