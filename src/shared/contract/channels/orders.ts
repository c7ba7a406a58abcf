import Decimal from 'decimal.js'
import { z } from 'zod'
import { VALIDATION_MESSAGES } from '../../validation/messages'
import { channel } from '../channel'
import { dateOrInstant, text } from '../text'
import { amountSchema, soldLineSchema } from './cart'
import { orderStatusSchema, paymentStatusSchema, tenderMethodSchema } from '../../vocabulary'

const minor = z.number().int()

export const orderLineSchema = soldLineSchema

export const paymentSchema = z.object({
  id: text(),
  method: tenderMethodSchema,
  status: paymentStatusSchema,
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
  status: orderStatusSchema,
  currency: text(),
  total: minor,
  cashRounding: minor,
  /** total + cashRounding: what the customer pays (paid). */
  payable: minor,
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
  paidTotal: minor,
  changeGiven: minor,
  refundedTotal: minor,
  taxByRate: z.array(z.object({ rate: text(), tax: minor, net: minor })),
  closedAt: text().nullable(),
  closeReason: text().nullable()
})

export type OrderSummary = z.infer<typeof orderSummarySchema>
export type OrderDetail = z.infer<typeof orderDetailSchema>

const isoDate = dateOrInstant()

const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/

/**
 * The order history's filter: each field as it is typed (amounts as decimal text of the store's
 * currency, never negative). A range the wrong way round finds nothing and would say nothing, so it
 * is refused on its upper end: `maxTotal` below `minTotal` (`notBelowMinimum`), `to` before `from`
 * when both are dates (`notBeforeStart`).
 */
export const ordersSearchInputSchema = z
  .object({
    number: text({ trim: true, max: 20 }).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    minTotal: amountSchema.optional(),
    maxTotal: amountSchema.optional(),
    cashierUserId: text().optional(),
    status: orderStatusSchema.optional(),
    limit: z.number().int().min(1).max(200).default(50),
    offset: z.number().int().min(0).default(0)
  })
  .strict()
  .superRefine((query, ctx) => {
    const { minTotal, maxTotal, from, to } = query
    // Zod runs this even when a field failed: compare only two well-formed amounts.
    const amount = (value: string | undefined): value is string =>
      value !== undefined && /^\d+(\.\d+)?$/.test(value)
    if (amount(minTotal) && amount(maxTotal) && new Decimal(maxTotal).lt(minTotal))
      ctx.addIssue({ code: 'custom', path: ['maxTotal'], message: VALIDATION_MESSAGES.notBelowMinimum })
    if (from !== undefined && to !== undefined && PLAIN_DATE.test(from) && PLAIN_DATE.test(to) && to < from)
      ctx.addIssue({ code: 'custom', path: ['to'], message: VALIDATION_MESSAGES.notBeforeStart })
  })

export const ordersChannels = {
  'orders:search': channel({
    summary: 'Order history, newest first: by number, date range, amount range, cashier and status.',
    input: ordersSearchInputSchema,
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
        reason: text({ trim: true, max: 200 }).min(1, 'is required')
      })
      .strict(),
    output: orderDetailSchema,
    permission: 'void',
    overridable: true
  })
}
