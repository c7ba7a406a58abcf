import { z } from 'zod'
import { tenderTax } from '../../reports/stored-events'
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

// The refunds family: a refund made (its tenders and items given back) and each provider tender's outcome.

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

export const REFUND_LINE_COLUMNS = [
  'till_id',
  'refund_id',
  'line_no',
  'sale_line_id',
  'qty_milli',
  'amount',
  'tax'
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

/**
 * What `refund.created` / `refund.tender_succeeded` / `refund.tender_failed` does to the read models (pure), or undefined for another type.
 */
export function projectRefund(event: ProjectedEvent, ctx: ProjectContext): Projection | undefined {
  const { tillId, storeId, eventId } = event
  const { day } = ctx
  switch (event.type) {
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
    default:
      return undefined
  }
}
