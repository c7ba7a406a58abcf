import Decimal from 'decimal.js'
import { z } from 'zod'
import { localDate } from '../clock'
import type { SqlTx, SqlValue } from '../db/types'
import { tenderTax } from '../reports/stored-events'
import { localHour } from '../reports/zone'

/**
 * The head office's read models from the tills' events: orders, payments, refunds, shifts and
 * coupon uses per store, till and day (the store's local date). Every row is keyed by the till and
 * the id its event carries, inserted with ON CONFLICT DO NOTHING, and every update is guarded, so
 * applying an event twice changes nothing and the projections can be rebuilt from `events`.
 *
 * The payload schemas are loose on purpose: they name only what is projected, and a till's extra
 * fields are kept in `events` as received. They read the current version of each type
 * (`EVENT_VERSIONS`): older ones arrive here already upgraded (`upgraders.ts`).
 */

const minor = z.number().int()

const quantity = z.string().regex(/^-?\d+(\.\d+)?$/)
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
const refundCreated = z.object({
  id: z.string().min(1),
  number: z.string(),
  orderId: z.string(),
  status: z.string(),
  amount: minor,
  tax: minor,
  createdAt: z.string().min(1),
  tenders: z
    .array(
      z.object({
        method: z.string(),
        /** What went back by this tender, cash rounding included. */
        amount: minor,
        cashRounding: minor,
        status: z.string(),
        outRequestNo: z.string().min(1),
        tax: minor.optional(),
        // The trade number of the payment it gives back (tills since the head office's reconciliation).
        tradeNo: z.string().nullish()
      })
    )
    .default([]),
  // Items given back: the sale's line id, quantity, amount and tax (a refund by amount has none).
  lines: z.array(z.object({ lineId: z.string(), quantity, amount: minor, tax: minor.optional() })).default([])
})
const refundTender = z.object({ tenderId: z.string().min(1), status: z.string(), at: z.string().min(1) })
const shiftOpenedV1 = z.object({
  id: z.string().min(1),
  /** `T01-S00001` (older tills may have sent a plain number). */
  number: z.union([z.string(), z.number().int()]).nullable().optional(),
  float: minor,
  at: z.string().min(1),
  kind: z.string().optional()
})
const shiftClosedV1 = z.object({
  id: z.string().min(1),
  expected: minor,
  counted: minor,
  overShort: minor,
  at: z.string().min(1)
})

/** Event types the head office keeps but has nothing to project from (yet). */
export const RECORDED_TYPES = new Set([
  'order.cancelled',
  'product.created',
  'product.updated',
  'product.deactivated',
  'category.created',
  'category.updated',
  'category.deactivated',
  'shift.cash_in',
  'shift.cash_out',
  'coupon.created',
  'coupon.updated',
  'evaluation.recorded',
  'reconciliation.completed',
  'refunds.policy_updated',
  'approvals.policy_updated',
  'security.updated',
  'settings.updated',
  'settings.receipt_updated',
  'settlement.day_closed',
  'user.changed',
  'user.created'
])

export interface Insert {
  table: string
  columns: readonly string[]
  row: SqlValue[]
}

export interface Update {
  sql: string
  params: SqlValue[]
  /** When the update matches no row: why the event is quarantined (its target is unknown here). */
  missing: string
}

export type Projection =
  | { status: 'applied'; inserts: Insert[]; updates: Update[]; couponCodes: string[] }
  | { status: 'recorded' }
  | { status: 'quarantined'; reason: string }

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
export const REFUND_LINE_COLUMNS = [
  'till_id',
  'refund_id',
  'line_no',
  'sale_line_id',
  'qty_milli',
  'amount',
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
const REFUND_COLUMNS = [
  'till_id',
  'refund_id',
  'order_id',
  'store_id',
  'event_id',
  'number',
  'amount',
  'tax',
  'status',
  'created_at',
  'day'
] as const
const REFUND_TENDER_COLUMNS = [
  'till_id',
  'tender_id',
  'refund_id',
  'store_id',
  'method',
  'amount',
  'status',
  'completed_at',
  'day',
  'tax',
  'cash_rounding',
  'trade_no'
] as const
const SHIFT_COLUMNS = [
  'till_id',
  'shift_id',
  'store_id',
  'number',
  'kind',
  'float_amount',
  'opened_at'
] as const
const COUPON_USE_COLUMNS = ['till_id', 'order_id', 'code', 'store_id'] as const

function issue(error: z.ZodError): string {
  const first = error.issues[0]
  return `payload ${first?.path.join('.') || ''}: ${first?.message ?? 'invalid'}`.replace(
    'payload :',
    'payload:'
  )
}

const isTime = (text: string) => !Number.isNaN(Date.parse(text))

/** A quantity in thousandths, rounded half-up as the till's report sums it. */
export const milli = (quantity: string): number =>
  new Decimal(quantity).mul(1000).toDecimalPlaces(0).toNumber()

/**
 * What an (upgraded) event does to the read models. Pure: the rows to insert and the guarded
 * updates to run, or `recorded` / `quarantined` with the reason a person will read.
 */
export function project(
  event: { tillId: string; storeId: string; eventId: string; type: string; at: string; payload: unknown },
  timeZone: string
): Projection {
  const { tillId, storeId, eventId } = event
  const day = (iso: string) => localDate(iso, timeZone)
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
              localHour(o.paidAt, timeZone),
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
    case 'refund.created': {
      const parsed = refundCreated.safeParse(event.payload)
      if (!parsed.success) return { status: 'quarantined', reason: issue(parsed.error) }
      const r = parsed.data
      if (!isTime(r.createdAt)) return { status: 'quarantined', reason: 'payload createdAt: not a time' }
      return {
        status: 'applied',
        inserts: [
          {
            table: 'hq_refunds',
            columns: REFUND_COLUMNS,
            row: [
              tillId,
              r.id,
              r.orderId,
              storeId,
              eventId,
              r.number,
              r.amount,
              r.tax,
              r.status,
              r.createdAt,
              day(r.createdAt)
            ]
          },
          ...r.tenders.map((t) => {
            // A cash tender is paid out at once; a provider's completes with refund.tender_succeeded.
            const done = t.status === 'succeeded'
            return {
              table: 'hq_refund_tenders',
              columns: REFUND_TENDER_COLUMNS,
              row: [
                tillId,
                t.outRequestNo,
                r.id,
                storeId,
                t.method,
                t.amount,
                t.status,
                done ? r.createdAt : null,
                done ? day(r.createdAt) : null,
                tenderTax(r, t.outRequestNo),
                t.cashRounding,
                t.tradeNo ?? null
              ]
            }
          }),
          ...r.lines.map((line, i) => ({
            table: 'hq_refund_lines',
            columns: REFUND_LINE_COLUMNS,
            row: [tillId, r.id, i, line.lineId, milli(line.quantity), line.amount, line.tax ?? 0]
          }))
        ],
        updates: [],
        couponCodes: []
      }
    }
    case 'refund.tender_succeeded':
    case 'refund.tender_failed': {
      const parsed = refundTender.safeParse(event.payload)
      if (!parsed.success) return { status: 'quarantined', reason: issue(parsed.error) }
      const { at } = parsed.data
      if (!isTime(at)) return { status: 'quarantined', reason: 'payload at: not a time' }
      const succeeded = event.type === 'refund.tender_succeeded'
      return {
        status: 'applied',
        inserts: [],
        updates: [
          {
            sql: 'UPDATE hq_refund_tenders SET status = ?, completed_at = ?, day = ? WHERE till_id = ? AND tender_id = ?',
            params: [
              succeeded ? 'succeeded' : 'failed',
              succeeded ? at : null,
              succeeded ? day(at) : null,
              tillId,
              parsed.data.tenderId
            ],
            missing: `refund tender ${parsed.data.tenderId} is not known at the head office`
          }
        ],
        couponCodes: []
      }
    }
    case 'shift.opened': {
      const parsed = shiftOpenedV1.safeParse(event.payload)
      if (!parsed.success) return { status: 'quarantined', reason: issue(parsed.error) }
      const s = parsed.data
      return {
        status: 'applied',
        inserts: [
          {
            table: 'hq_shifts',
            columns: SHIFT_COLUMNS,
            row: [
              tillId,
              s.id,
              storeId,
              s.number === undefined || s.number === null ? null : String(s.number),
              s.kind ?? 'regular',
              s.float,
              s.at
            ]
          }
        ],
        updates: [],
        couponCodes: []
      }
    }
    case 'shift.closed': {
      const parsed = shiftClosedV1.safeParse(event.payload)
      if (!parsed.success) return { status: 'quarantined', reason: issue(parsed.error) }
      const s = parsed.data
      return {
        status: 'applied',
        inserts: [],
        updates: [
          {
            sql: 'UPDATE hq_shifts SET closed_at = ?, expected = ?, counted = ?, over_short = ? WHERE till_id = ? AND shift_id = ?',
            params: [s.at, s.expected, s.counted, s.overShort, tillId, s.id],
            missing: `shift ${s.id} is not known at the head office`
          }
        ],
        couponCodes: []
      }
    }
    default:
      return RECORDED_TYPES.has(event.type)
        ? { status: 'recorded' }
        : { status: 'quarantined', reason: `unknown event type ${event.type}` }
  }
}

/** Runs the projections' inserts (grouped per table, one statement per chunk) then their updates in order. */
export async function applyProjections(
  tx: SqlTx,
  applied: ReadonlyArray<{ seq: number; projection: Extract<Projection, { status: 'applied' }> }>
): Promise<Map<number, string>> {
  const byTable = new Map<string, { columns: readonly string[]; rows: SqlValue[][] }>()
  for (const { projection } of applied) {
    for (const insert of projection.inserts) {
      const group = byTable.get(insert.table) ?? { columns: insert.columns, rows: [] }
      group.rows.push(insert.row)
      byTable.set(insert.table, group)
    }
  }
  for (const [table, group] of byTable) await tx.insertMany(table, group.columns, group.rows)
  const missing = new Map<number, string>()
  for (const { seq, projection } of applied) {
    for (const update of projection.updates) {
      const changed = await tx.run(update.sql, update.params)
      if (changed === 0 && update.missing) missing.set(seq, update.missing)
    }
  }
  return missing
}
