import { z } from 'zod'

/**
 * Kassa's words for money states, each declared once and imported by the domain (state machines),
 * the contract (zod in and out) and the renderer (labels). SQLite's CHECK constraints spell the
 * same values (migrations 0040, 0070); a migration test holds them to these lists.
 */

/** How a customer pays: one tender of a sale, one provider. */
export const tenderMethodSchema = z.enum(['cash', 'card', 'alipay', 'wechat'])
export type TenderMethod = z.infer<typeof tenderMethodSchema>
export const TENDER_METHODS = tenderMethodSchema.options

/**
 * An order's life. A cart is a `draft`; checkout freezes its figures (`awaiting_payment`); tenders
 * covering the payable make it `paid`. Before payment it can be `cancelled`; after, only a
 * manager's same-day `void` or refunds change it — a paid order is never edited. A cart is an order
 * (a parked cart is a draft with `parkedAt`), so carts have no statuses of their own.
 */
export const orderStatusSchema = z.enum([
  'draft',
  'awaiting_payment',
  'paid',
  'cancelled',
  'voided',
  'partially_refunded',
  'refunded'
])
export type OrderStatus = z.infer<typeof orderStatusSchema>
export const ORDER_STATUSES = orderStatusSchema.options

/**
 * One payment attempt (one provider trade number); see `domain/payments/payment-status.ts` for
 * what each means and which transitions are allowed.
 */
export const paymentStatusSchema = z.enum([
  'created',
  'pending',
  'user_paying',
  'unknown',
  'succeeded',
  'failed',
  'closed',
  'reversed'
])
export type PaymentStatus = z.infer<typeof paymentStatusSchema>
export const PAYMENT_STATUSES = paymentStatusSchema.options

/** One refund tender at its provider. */
export const refundStatusSchema = z.enum(['processing', 'succeeded', 'failed'])
export type RefundStatus = z.infer<typeof refundStatusSchema>
export const REFUND_STATUSES = refundStatusSchema.options
