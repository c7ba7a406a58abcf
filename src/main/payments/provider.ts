import type { BillRow } from '@shared/reconciliation/reconcile-statement'
import type { TenderMethod } from '@shared/vocabulary'
import type { ObservedPaymentStatus } from '../domain/payments/payment-status'
import type { RefundStatus } from '../domain/payments/refund-status'

/**
 * The one shape every way of taking money has. Amounts are integer minor units (fen) on this side of
 * the interface; each adapter converts to what its provider speaks (Alipay: yuan strings, WeChat v3:
 * fen integers) exactly, never through a float.
 *
 * Calls that could have committed something at the provider (create, cancel, refund) never throw for
 * a timeout or an untrustworthy answer: they answer `unknown` (payments) or `processing` (refunds),
 * so the caller records that and resolves it by querying. They throw `ProviderError` only for
 * configuration and programming mistakes, which no retry fixes.
 */
/** A provider is named by the tender method it takes. */
export type ProviderId = TenderMethod

/**
 * `merchant_qr`: the till shows a QR code the customer scans (Alipay precreate, WeChat Native).
 * `customer_code`: the cashier scans the customer's payment code (Alipay `trade.pay` bar_code,
 * WeChat micropay); it pays at once or comes back `user_paying`. `terminal`: the card reader.
 * `cash`: no network at all.
 */
export type PaymentFlow = 'merchant_qr' | 'customer_code' | 'terminal' | 'cash'

export interface CreatePaymentRequest {
  /** Our trade number (`out_trade_no`): unique forever, one per attempt, never reused for a retry. */
  tradeNo: string
  amount: number
  currency: string
  subject: string
  flow: PaymentFlow
  /** The customer's payment code, for `customer_code`. */
  authCode?: string
  /** Where the provider POSTs notifications; polling works without it. */
  notifyUrl?: string
  /** How long a merchant QR stays payable; the provider closes the trade after it. */
  expiresInSeconds?: number
}

export interface ProviderFailure {
  /** The provider's own code (`ACQ.PAYMENT_AUTH_CODE_INVALID`, `AUTHCODEEXPIRE`, `51`). */
  code: string
  message: string
}

export interface PaymentOutcome {
  tradeNo: string
  status: ObservedPaymentStatus
  /** The provider's trade number (Alipay `trade_no`, WeChat `transaction_id`, card RRN). */
  providerTradeNo?: string
  /** What the till renders as a QR code (`merchant_qr` only). */
  qrContent?: string
  /** The amount the provider reports; checked against ours by the caller. */
  amount?: number
  /** ISO 8601 with offset. */
  paidAt?: string
  /** `622588******1234`: the only form of a card number this program ever holds. */
  maskedPan?: string
  failure?: ProviderFailure
}

export interface CancelRequest {
  tradeNo: string
  flow: PaymentFlow
}

/**
 * `closed`: the trade can no longer be paid. `reversed`: it had been paid and the money went back.
 * `succeeded`: it is paid and this provider cannot undo it by cancelling (WeChat Native): refund it,
 * or keep it. `retry`: the provider asks for the same cancel again (Alipay `retry_flag=Y`, WeChat
 * `recall=Y`). `unknown`: no trustworthy answer.
 */
export interface CancelOutcome {
  tradeNo: string
  status: 'closed' | 'reversed' | 'succeeded' | 'retry' | 'unknown'
  failure?: ProviderFailure
}

export interface RefundRequest {
  tradeNo: string
  /** Ours (`out_request_no` / `out_refund_no`): chosen once, reused on every retry of this refund. */
  refundNo: string
  amount: number
  /** The original payment's amount (WeChat requires it with every refund). */
  paymentAmount: number
  currency: string
  reason?: string
  notifyUrl?: string
}

export interface RefundOutcome {
  tradeNo: string
  refundNo: string
  status: RefundStatus | 'not_found'
  providerRefundNo?: string
  amount?: number
  failure?: ProviderFailure
}

/** A verified, decrypted notification, normalized. `eventId` is for de-duplication. */
export type PaymentNotification =
  | {
      kind: 'payment'
      provider: ProviderId
      eventId: string
      tradeNo: string
      providerTradeNo?: string
      status: ObservedPaymentStatus
      amount: number
      paidAt?: string
    }
  | {
      kind: 'refund'
      provider: ProviderId
      eventId: string
      tradeNo: string
      refundNo: string
      providerRefundNo?: string
      status: RefundStatus
      /** This refund's amount, where the provider says it (WeChat). */
      amount?: number
      /** The trade's total refunded so far, where that is all the provider says (Alipay `refund_fee`). */
      refundedTotal?: number
    }

export interface IncomingNotification {
  /** Lower-case header names, as node:http gives them. */
  headers: Record<string, string | string[] | undefined>
  /** The raw body, exactly as received: signatures cover bytes, not parsed values. */
  body: string
}

/** What to answer the provider's notification POST with; anything else makes it redeliver. */
export interface NotificationReply {
  status: number
  contentType: string
  body: string
}

/** A row of a provider's bill: declared once, beside the reconciliation that reads it. */
export type { BillRow } from '@shared/reconciliation/reconcile-statement'

export interface PaymentProvider {
  readonly id: ProviderId
  readonly flows: readonly PaymentFlow[]
  create(request: CreatePaymentRequest): Promise<PaymentOutcome>
  query(tradeNo: string): Promise<PaymentOutcome>
  /**
   * Makes sure the attempt can no longer take money, giving it back if it already did, using the
   * provider's call for that flow (Alipay `trade.cancel`; WeChat `close` for Native and `reverse` for
   * payment codes; the terminal's void).
   */
  cancel(request: CancelRequest): Promise<CancelOutcome>
  refund(request: RefundRequest): Promise<RefundOutcome>
  queryRefund(tradeNo: string, refundNo: string): Promise<RefundOutcome>
  /** @throws NotificationRejectedError when the signature, decryption or shape is wrong. */
  parseNotification(notification: IncomingNotification): PaymentNotification
  notificationReply(accepted: boolean): NotificationReply
  /** The provider's bill for one business day (`YYYY-MM-DD`, China time). */
  fetchStatement(date: string): Promise<BillRow[]>
}
