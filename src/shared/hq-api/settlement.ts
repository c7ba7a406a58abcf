import { z } from 'zod'
import { zReportSchema } from '../contract/channels/settlement'
import { calendarDate } from '../contract/text'
import { ANY_ROLE, route } from './route'

const minor = z.number().int()
const calendarDay = calendarDate()

/** Z-report figures summed over tills (no settlement status: each till settles its own day). */
export const summedReportSchema = zReportSchema.omit({ status: true, settledAt: true, settledBy: true })

export const completenessSchema = z.object({
  sold: z.boolean(),
  complete: z.boolean(),
  reason: z.enum([
    'settled',
    'shifts-closed',
    'idle',
    'shift-open',
    'quarantined',
    'zone-differs',
    'anomaly'
  ]),
  /** Open anomalies that make the day's figures doubtful (`anomaly`): it needs review. */
  anomalies: z.array(z.object({ id: z.string(), kind: z.string() })),
  /** The till's time zone for the day when it differs from its store's (`zone-differs`), else null. */
  tillTimeZone: z.string().nullable(),
  openShifts: z.array(z.string()),
  quarantined: z.number().int(),
  lastShiftClosedAt: z.string().nullable(),
  highSeq: z.number(),
  lastPushAt: z.string().nullable()
})

export const storeDaySchema = z.object({
  storeId: z.string(),
  name: z.string(),
  timeZone: z.string(),
  complete: z.boolean(),
  report: summedReportSchema,
  tills: z.array(
    z.object({
      tillId: z.string(),
      tillCode: z.string(),
      label: z.string().nullable(),
      completeness: completenessSchema,
      late: z.array(
        z.object({
          kind: z.enum(['sale', 'void', 'refund']),
          id: z.string(),
          number: z.string().nullable(),
          at: z.string(),
          originalDate: z.string()
        })
      ),
      /** Exactly what that till's `kassa report day --json` prints. */
      report: zReportSchema,
      /**
       * A restored till's day: the orders (paid this day, not voided) and their total, minor units,
       * that only the head office holds — the history the till lost in the restore, counted in the
       * figures above though no longer on the till's own Z-report. Null when there are none.
       */
      restored: z.object({ orders: z.number().int(), total: minor }).nullable()
    })
  )
})
export type StoreDayView = z.infer<typeof storeDaySchema>

export const consolidatedDaySchema = z.object({
  date: z.string(),
  generatedAt: z.string(),
  complete: z.boolean(),
  stores: z.array(storeDaySchema),
  /** Per currency across the stores shown. */
  totals: z.array(summedReportSchema)
})
export type ConsolidatedDayView = z.infer<typeof consolidatedDaySchema>

export const dayOrderSchema = z.object({
  tillId: z.string(),
  tillCode: z.string(),
  orderId: z.string(),
  number: z.string().nullable(),
  currency: z.string(),
  total: minor,
  paidAt: z.string(),
  voidedAt: z.string().nullable(),
  /** Refunded so far (succeeded refunds, any day). */
  refunded: minor,
  /** From the history a restored till lost (the head office holds it, the till no longer does). */
  beforeRestore: z.boolean()
})
export type DayOrder = z.infer<typeof dayOrderSchema>

export const orderDetailSchema = dayOrderSchema.extend({
  cashierName: z.string().nullable(),
  cashRounding: minor,
  lines: z.array(
    z.object({
      sku: z.string(),
      name: z.string(),
      nameEn: z.string().nullable(),
      quantity: z.string(),
      total: minor,
      tax: minor
    })
  ),
  tenders: z.array(z.object({ method: z.string(), amount: minor, status: z.string() })),
  refunds: z.array(z.object({ number: z.string(), amount: minor, status: z.string(), createdAt: z.string() }))
})
export type OrderDetail = z.infer<typeof orderDetailSchema>

/** The consolidated daily settlement, its orders and one order's lines and tenders. */
export const settlementApi = {
  day: route({
    method: 'GET',
    path: '/settlement/day',
    input: z.object({ date: calendarDay, storeId: z.string().uuid().optional() }),
    output: consolidatedDaySchema,
    roles: ANY_ROLE,
    storeField: 'storeId'
  }),
  orders: route({
    method: 'GET',
    path: '/settlement/orders',
    input: z.object({ date: calendarDay, storeId: z.string().uuid(), tillId: z.string().uuid().optional() }),
    output: z.object({ orders: z.array(dayOrderSchema) }),
    roles: ANY_ROLE,
    storeField: 'storeId'
  }),
  order: route({
    method: 'GET',
    path: '/settlement/order',
    input: z.object({
      storeId: z.string().uuid(),
      tillId: z.string().uuid(),
      orderId: z.string().min(1).max(80)
    }),
    output: orderDetailSchema,
    roles: ANY_ROLE,
    storeField: 'storeId'
  })
}
