import { z } from 'zod'
import { channel } from '../channel'
import { calendarDate, text } from '../text'
import { orderSummarySchema } from './orders'

const minor = z.number().int()
const date = calendarDate()

/**
 * A business day's settlement (Z-report), derived from orders, payments, refunds and cash
 * moves. The sales block is one sum from grossSales down to collected (see `buildZReport`); every
 * amount is minor units of `currency`.
 */
export const zReportSchema = z.object({
  date: text(),
  currency: text(),
  status: z.enum(['open', 'settled']),
  settledAt: text().nullable(),
  settledBy: text().nullable(),
  generatedAt: text(),
  /** Paid orders still standing (paidOrders − voids.count). */
  orderCount: z.number().int(),
  /** Orders paid in the day, voided later or not. */
  paidOrders: z.number().int(),
  /** Σ line gross (quantity × price) of the orders paid in the day. */
  grossSales: minor,
  /** Of the orders paid in the day. */
  lineDiscounts: minor,
  couponDiscounts: minor,
  /** Tax added on top of prices (exclusive-tax shops); 0 when prices include tax. */
  taxAdded: minor,
  /** grossSales − lineDiscounts − couponDiscounts + taxAdded: Σ order totals paid in the day. */
  salesTotal: minor,
  /**
   * Orders voided in the day: `sales` their order totals (the figure subtracted from salesTotal),
   * `amount` what went back including cash rounding, `discounts` and `tax` their share of those.
   */
  voids: z.object({
    count: z.number().int(),
    sales: minor,
    amount: minor,
    discounts: minor,
    tax: minor
  }),
  refunds: z.object({ count: z.number().int(), orders: z.number().int(), amount: minor, tax: minor }),
  /** salesTotal − voids.sales − refunds.amount, before cash rounding. */
  netSales: minor,
  taxTotal: minor,
  /** Tax of sales kept (after voids) by rate; Σ tax − refunds.tax = taxTotal. */
  taxByRate: z.array(z.object({ rate: text(), net: minor, tax: minor })),
  cashRounding: minor,
  /**
   * How cash totals met the increment when the report was made (`half-up`, or `down` 抹零); absent
   * from reports settled before Kassa knew the setting.
   */
  cashRoundingMode: z.enum(['half-up', 'down']).optional(),
  /** netSales + cashRounding: what the tenders took in, net of what they gave back. */
  collected: minor,
  /** netSales ÷ orderCount (orders paid and not voided), rounded half-up to the minor unit. */
  averageTicket: minor,
  tenders: z.array(z.object({ method: text(), sales: minor, refunds: minor, net: minor })),
  /** Sales after voids, before refunds, by who rang them up: Σ sales = salesTotal − voids.sales. */
  byCashier: z.array(
    z.object({
      userId: text().nullable(),
      name: text().nullable(),
      orders: z.number().int(),
      sales: minor
    })
  ),
  /** Sales after voids, before refunds, by hour paid (local time): Σ sales = salesTotal − voids.sales. */
  byHour: z.array(z.object({ hour: z.number().int(), orders: z.number().int(), sales: minor })),
  /** Sold − voided − refunded (refunds by line) per product, best first. */
  topProducts: z.array(
    z.object({
      sku: text(),
      name: text(),
      nameEn: text().nullable(),
      quantity: text(),
      sales: minor
    })
  ),
  cash: z.object({
    floats: minor,
    cashSales: minor,
    cashRefunds: minor,
    cashIn: minor,
    cashOut: minor,
    overShort: minor,
    /** Counted cash taken out of the tills when their shifts closed. */
    dropped: minor,
    shifts: z.array(
      z.object({
        id: text(),
        number: text(),
        kind: z.enum(['regular', 'rescue']),
        closedAt: text().nullable(),
        expected: minor,
        counted: minor,
        overShort: minor
      })
    )
  }),
  /** Sales that reached this day after the day they belong to had been settled (late orders, late voids and refunds). */
  adjustments: z.object({ orderCount: z.number().int(), netSales: minor })
})

export type ZReport = z.infer<typeof zReportSchema>

/**
 * A notification message's parameters; a param named `<name>Key` is a message key the screen
 * translates and passes on as `<name>`.
 */
export const messageParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]))

export const notificationSchema = z.object({
  id: text(),
  level: z.enum(['info', 'success', 'warning', 'error']),
  title: text(),
  body: text(),
  at: text(),
  read: z.boolean(),
  /** Shown as `<key>.title` / `<key>.body` in the screen's language (params: `messageParamsSchema`). */
  key: text().optional(),
  params: messageParamsSchema.optional()
})

export const drillFilterSchema = z
  .object({
    figure: z.enum(['sales', 'voids', 'refunds', 'adjustments']).default('sales'),
    hour: z.number().int().min(0).max(23).optional(),
    cashierUserId: text().optional(),
    method: text().optional(),
    sku: text().optional(),
    taxRate: text().optional()
  })
  .strict()

export const settlementChannels = {
  'settlement:report': channel({
    summary: "A business day's Z-report: live while the day is open, frozen once it is settled.",
    input: z.object({ date }).strict(),
    output: zReportSchema,
    permission: 'shift-close'
  }),
  'settlement:settle': channel({
    summary:
      'Closes (settles) a business day: its Z-report is frozen and a notification is raised. Every shift must be closed first.',
    input: z.object({ date }).strict(),
    output: zReportSchema,
    permission: 'settlement-manage'
  }),
  'settlement:orders': channel({
    summary:
      'The orders behind a figure of a Z-report (an hour, a cashier, a tender, a product, voids, refunds).',
    input: z
      .object({
        date,
        filter: drillFilterSchema.default({ figure: 'sales' }),
        limit: z.number().int().min(1).max(200).default(50),
        offset: z.number().int().min(0).default(0)
      })
      .strict(),
    output: z.object({
      orders: z.array(
        orderSummarySchema.extend({
          /**
           * The order's part in the figure: the tender's amount (method), what its refunds gave
           * back (refunds), the product's line totals (sku), the order total (voids, as the
           * Voids row counts it); else what the customer paid.
           */
          figureAmount: minor
        })
      ),
      total: z.number().int()
    }),
    permission: 'shift-close'
  }),
  'settlement:csv': channel({
    summary: "A day's Z-report as CSV (UTF-8 with BOM, so spreadsheet programs read Chinese correctly).",
    input: z.object({ date }).strict(),
    output: z.object({ fileName: text(), csv: text() }),
    permission: 'shift-close'
  }),
  'settlement:ledger-check': channel({
    summary: "Whether a day's Z-report agrees with the ledger, account by account.",
    input: z.object({ date }).strict(),
    output: z.object({
      agrees: z.boolean(),
      accounts: z.array(z.object({ account: text(), report: minor, ledger: minor }))
    }),
    permission: 'shift-close'
  }),
  'notifications:list': channel({
    summary: 'Recent notifications, newest first, and how many are unread.',
    input: z.object({}).strict(),
    output: z.object({ items: z.array(notificationSchema), unread: z.number().int() }),
    permission: 'session'
  }),
  'notifications:mark-read': channel({
    summary: 'Marks notifications read (all of them when no ids are given).',
    input: z.object({ ids: z.array(text()).optional() }).strict(),
    output: z.object({ unread: z.number().int() }),
    permission: 'session'
  })
}
