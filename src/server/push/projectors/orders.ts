import { businessHour } from '@shared/time/zone'
import { z } from 'zod'
import {
  issue,
  isTime,
  milli,
  minor,
  quantity,
  type Projection,
  type ProjectContext,
  type ProjectedEvent
} from './common'

// The sales family: a sale paid (the order, its items, payments and coupon uses) and a sale voided.

const orderPaidV1 = z.object({
  id: z.string().min(1),
  number: z.string().nullable(),
  currency: z.string(),
  total: minor,
  cashRounding: minor,
  paidAt: z.string().min(1),
  // The Z-report's figures (a till that sent none reports gross = total, no discounts, no tax).
  grossTotal: minor.optional(),
  lineDiscountTotal: minor.optional(),
  orderDiscountTotal: minor.optional(),
  taxTotal: minor.optional(),
  cashierUserId: z.string().nullish(),
  cashierName: z.string().nullish(),
  lines: z
    .array(
      z.object({
        id: z.string().optional(),
        sku: z.string(),
        name: z.string(),
        nameEn: z.string().nullable(),
        taxRate: z.string(),
        quantity,
        total: minor,
        tax: minor
      })
    )
    .default([]),
  payments: z.array(
    z.object({
      id: z.string(),
      method: z.string(),
      amount: minor,
      status: z.string(),
      at: z.string(),
      // Our trade number at the provider (out_trade_no); null for cash.
      tradeNo: z.string().nullish()
    })
  ),
  coupons: z.array(z.object({ code: z.string(), applied: z.boolean() })).default([])
})
const orderVoided = z.object({ id: z.string().min(1), voidedAt: z.string().min(1) })

const ORDER_COLUMNS = [
  'till_id',
  'order_id',
  'store_id',
  'event_id',
  'number',
  'currency',
  'total',
  'cash_rounding',
  'paid_at',
  'paid_day',
  'paid_hour',
  'gross',
  'line_discount',
  'order_discount',
  'tax',
  'cashier_user_id',
  'cashier_name'
] as const
export const ORDER_LINE_COLUMNS = [
  'till_id',
  'order_id',
  'line_no',
  'line_id',
  'sku',
  'name',
  'name_en',
  'tax_rate',
  'qty_milli',
  'total',
  'tax'
] as const
const PAYMENT_COLUMNS = [
  'till_id',
  'payment_id',
  'order_id',
  'store_id',
  'method',
  'amount',
  'status',
  'at',
  'trade_no'
] as const
const COUPON_USE_COLUMNS = ['till_id', 'order_id', 'code', 'store_id'] as const

/**
 * What `order.paid` / `order.voided` does to the read models (pure), or undefined for another type.
 */
export function projectOrder(event: ProjectedEvent, ctx: ProjectContext): Projection | undefined {
  const { tillId, storeId, eventId } = event
  const { day, timeZone } = ctx
  switch (event.type) {
    case 'order.paid': {
      const parsed = orderPaidV1.safeParse(event.payload)
      if (!parsed.success) return { status: 'quarantined', reason: issue(parsed.error) }
      const o = parsed.data
      if (!isTime(o.paidAt)) return { status: 'quarantined', reason: 'payload paidAt: not a time' }
      const codes = [...new Set(o.coupons.filter((c) => c.applied).map((c) => c.code.toUpperCase()))]
      return {
        status: 'applied',
        inserts: [
          {
            table: 'hq_orders',
            columns: ORDER_COLUMNS,
            row: [
              tillId,
              o.id,
              storeId,
              eventId,
              o.number,
              o.currency,
              o.total,
              o.cashRounding,
              o.paidAt,
              day(o.paidAt),
              businessHour(o.paidAt, timeZone),
              o.grossTotal ?? o.total,
              o.lineDiscountTotal ?? 0,
              o.orderDiscountTotal ?? 0,
              o.taxTotal ?? 0,
              o.cashierUserId ?? null,
              o.cashierName ?? null
            ]
          },
          ...o.lines.map((line, i) => ({
            table: 'hq_order_lines',
            columns: ORDER_LINE_COLUMNS,
            row: [
              tillId,
              o.id,
              i,
              line.id ?? null,
              line.sku,
              line.name,
              line.nameEn,
              line.taxRate,
              milli(line.quantity),
              line.total,
              line.tax
            ]
          })),
          ...o.payments.map((p) => ({
            table: 'hq_payments',
            columns: PAYMENT_COLUMNS,
            row: [tillId, p.id, o.id, storeId, p.method, p.amount, p.status, p.at, p.tradeNo ?? null]
          })),
          ...codes.map((code) => ({
            table: 'hq_coupon_uses',
            columns: COUPON_USE_COLUMNS,
            row: [tillId, o.id, code, storeId]
          }))
        ],
        updates: [],
        couponCodes: codes
      }
    }
    case 'order.voided': {
      const parsed = orderVoided.safeParse(event.payload)
      if (!parsed.success) return { status: 'quarantined', reason: issue(parsed.error) }
      const { id, voidedAt } = parsed.data
      if (!isTime(voidedAt)) return { status: 'quarantined', reason: 'payload voidedAt: not a time' }
      return {
        status: 'applied',
        inserts: [],
        updates: [
          {
            sql: 'UPDATE hq_orders SET voided_at = ?, voided_day = ? WHERE till_id = ? AND order_id = ? AND (voided_at IS NULL OR voided_at = ?)',
            params: [voidedAt, day(voidedAt), tillId, id, voidedAt],
            missing: `order ${id} is not known at the head office`
          },
          {
            sql: 'UPDATE hq_coupon_uses SET voided = 1 WHERE till_id = ? AND order_id = ?',
            params: [tillId, id],
            missing: ''
          }
        ],
        couponCodes: []
      }
    }
    default:
      return undefined
  }
}
