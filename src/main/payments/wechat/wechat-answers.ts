import type { ObservedPaymentStatus } from '../../domain/payments/payment-status'
import type { RefundStatus } from '../../domain/payments/refund-status'
import { formatRfc3339China } from '../china-time'
import type { PaymentOutcome, RefundOutcome } from '../provider'

// How WeChat Pay's answers read as Kassa's outcomes (trade and refund states, failures, JSON bodies).

export type Json = Record<string, unknown>

/** A trade's answer (query, notification) as a payment outcome; amounts in minor units (fen). */
export function transactionOutcome(tradeNo: string, data: Json): PaymentOutcome {
  const amount = (data.amount ?? {}) as { total?: unknown }
  const status = TRADE_STATES[String(data.trade_state)] ?? 'unknown'
  return {
    tradeNo,
    status,
    ...(typeof data.transaction_id === 'string' && data.transaction_id
      ? { providerTradeNo: data.transaction_id }
      : {}),
    ...(Number.isSafeInteger(amount.total) ? { amount: amount.total as number } : {}),
    ...(status === 'succeeded' && typeof data.success_time === 'string' ? { paidAt: data.success_time } : {}),
    ...(status === 'failed'
      ? { failure: { code: String(data.trade_state), message: String(data.trade_state_desc ?? '') } }
      : {})
  }
}

/** A refund's answer as a refund outcome; amounts in minor units (fen). */
export function refundOutcome(tradeNo: string, refundNo: string, data: Json): RefundOutcome {
  const status: RefundStatus =
    data.status === 'SUCCESS' ? 'succeeded' : data.status === 'PROCESSING' ? 'processing' : 'failed'
  const amount = (data.amount ?? {}) as { refund?: unknown }
  return {
    tradeNo,
    refundNo,
    status,
    ...(typeof data.refund_id === 'string' ? { providerRefundNo: data.refund_id } : {}),
    ...(Number.isSafeInteger(amount.refund) ? { amount: amount.refund as number } : {}),
    ...(status === 'failed'
      ? { failure: { code: String(data.status), message: 'The refund was closed or went abnormal' } }
      : {})
  }
}

/** REFUND is a paid trade with refunds: the payment itself still succeeded. */
export const TRADE_STATES: Record<string, ObservedPaymentStatus> = {
  SUCCESS: 'succeeded',
  REFUND: 'succeeded',
  NOTPAY: 'pending',
  USERPAYING: 'user_paying',
  CLOSED: 'closed',
  REVOKED: 'reversed',
  PAYERROR: 'failed'
}

export function failureOf(data: Json): { code: string; message: string } {
  return { code: String(data.code ?? 'UNKNOWN'), message: String(data.message ?? '') }
}

export function asJson(data: unknown): Json {
  if (data && typeof data === 'object') return data as Json
  if (typeof data === 'string') {
    try {
      return JSON.parse(data) as Json
    } catch {
      return {}
    }
  }
  return {}
}

/** The plugin's verification failures (EV3_RES_…) surface as errors with those codes. */
export function isPluginError(error: unknown): boolean {
  return (
    error instanceof Error &&
    typeof (error as { code?: unknown }).code === 'string' &&
    String((error as unknown as { code: string }).code).startsWith('EV')
  )
}

export function rfc3339In(seconds: number): string {
  return formatRfc3339China(new Date(Date.now() + seconds * 1000))
}
