import { z } from 'zod'
import { channel } from '../channel'
import { dateOrInstant, text } from '../text'
import { amountSchema, soldLineSchema } from './cart'

const minor = z.number().int()

export const ORDER_STATUS_VALUES = [
  'draft',
  'awaiting_payment',
  'paid',
  'cancelled',
  'voided',
  'partially_refunded',
  'refunded'
] as const

export const orderLineSchema = soldLineSchema

export const paymentSchema = z.object({
  id: text(),
  method: z.enum(['cash', 'card', 'alipay', 'wechat']),
  status: text(),
  amount: minor,
  tendered: minor,
  change: minor,
  tradeNo: text().nullable(),
  /** 622588******1231: the only form of a card number Kassa holds. */
  maskedPan: text().nullable(),
  at: text()
})

export const orderSummarySchema = z.object({
  id: text(),
  number: text().nullable(),
  status: z.enum(ORDER_STATUS_VALUES),
  currency: text(),
  total: minor,
  cashRounding: minor,
  itemCount: z.number().int(),
  cashierName: text().nullable(),
  paidAt: text().nullable(),
  createdAt: text()
})

export const orderDetailSchema = orderSummarySchema.extend({
  terminal: text(),
  taxMode: z.enum(['inclusive', 'exclusive']),
  lines: z.array(orderLineSchema),
  coupons: z.array(
    z.object({ code: text(), applied: z.boolean(), reason: text().nullable(), discount: minor })
  ),
  payments: z.array(paymentSchema),
  grossTotal: minor,
  lineDiscountTotal: minor,
  orderDiscountTotal: minor,
  discountTotal: minor,
  taxTotal: minor,
  /** total + cashRounding: what the customer paid. */
  payable: minor,
  paidTotal: minor,
  changeGiven: minor,
  refundedTotal: minor,
  taxByRate: z.array(z.object({ rate: text(), tax: minor, net: minor })),
  closedAt: text().nullable(),
  closeReason: text().nullable()
})

export type OrderSummary = z.infer<typeof orderSummarySchema>
export type OrderDetail = z.infer<typeof orderDetailSchema>

export const checkoutResultSchema = z.object({
  order: orderDetailSchema,
  change: minor,
  /** True when this answer repeats an earlier one for the same checkout key. */
  replayed: z.boolean()
})

const isoDate = dateOrInstant()

export const ordersChannels = {
  'checkout:pay-cash': channel({
    summary:
      'Checks the cart out and takes cash in one transaction. The same checkoutKey again returns the first result, never a second order.',
    input: z
      .object({
        cartId: text().min(1, 'is required'),
        tendered: amountSchema,
        checkoutKey: text().trim().min(8, 'must be a unique key per checkout attempt').max(64),
        /** The cashier confirmed a tender beyond `plausibleTenderLimit` (shared/money/plausibility). */
        confirmLargeTender: z.boolean().optional()
      })
      .strict(),
    output: checkoutResultSchema,
    permission: 'sell'
  }),
  'checkout:preview-cash': channel({
    summary:
      'What a cash payment of this much would leave: the amount due, the change, or how much is short.',
    input: z
      .object({
        cartId: text().min(1, 'is required'),
        tendered: amountSchema,
        /** What this cash tender pays, in a split tender; defaults to the cart's cash total. */
        due: amountSchema.optional()
      })
      .strict(),
    output: z.object({
      due: minor,
      tendered: minor,
      change: minor,
      short: minor,
      suggestions: z.array(minor),
      /** Above `plausibleTenderLimit(due)`: the till asks the cashier to confirm before taking it. */
      implausible: z.boolean()
    }),
    permission: 'sell'
  }),
  'orders:search': channel({
    summary: 'Order history, newest first: by number, date range, amount range, cashier and status.',
    input: z
      .object({
        number: text().trim().max(20).optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        minTotal: amountSchema.optional(),
        maxTotal: amountSchema.optional(),
        cashierUserId: text().optional(),
        status: z.enum(ORDER_STATUS_VALUES).optional(),
        limit: z.number().int().min(1).max(200).default(50),
        offset: z.number().int().min(0).default(0)
      })
      .strict(),
    output: z.object({ orders: z.array(orderSummarySchema), total: z.number().int() }),
    permission: 'sell'
  }),
  'orders:cashiers': channel({
    summary: 'Everyone who has rung up an order, for the history filter.',
    input: z.object({}).strict(),
    output: z.array(z.object({ id: text(), displayName: text() })),
    permission: 'sell'
  }),
  'orders:get': channel({
    summary: 'One order with its lines, coupons, payments and tax by rate.',
    input: z.object({ orderId: text().min(1, 'is required') }).strict(),
    output: orderDetailSchema,
    permission: 'sell'
  }),
  'receipt:save-pdf': channel({
    summary:
      "Saves the receipt showing in the caller's window as a PDF (desktop app; web mode prints instead).",
    input: z.object({ orderId: text().min(1, 'is required') }).strict(),
    output: z.object({ file: text() }),
    permission: 'sell'
  }),
  'orders:void': channel({
    summary: 'Voids a paid order of the current business day (manager): the sale is reversed in the ledger.',
    input: z
      .object({
        orderId: text().min(1, 'is required'),
        reason: text().trim().min(1, 'is required').max(200)
      })
      .strict(),
    output: orderDetailSchema,
    permission: 'void',
    overridable: true
  })
}
