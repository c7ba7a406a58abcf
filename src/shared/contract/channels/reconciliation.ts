import { z } from 'zod'
import { channel } from '../channel'
import { calendarDate, text } from '../text'

// Provider reconciliation: one provider's bill for one provider business day (China time,
// cut at Beijing midnight) matched against the till's payments and refunds by trade and
// refund number. A new run of the same day and provider replaces the previous results;
// the fees are booked to the ledger once per day and provider (a re-run posts only the
// difference).

const minor = z.number().int()
const date = calendarDate()

export const RECONCILIATION_PROVIDERS = ['alipay', 'wechat', 'card'] as const
export type ReconciliationProvider = (typeof RECONCILIATION_PROVIDERS)[number]

export const RECONCILIATION_RESULTS = [
  'matched',
  'missing_locally',
  'missing_at_provider',
  'amount_mismatch',
  'status_mismatch'
] as const

export const reconciliationRowSchema = z.object({
  result: z.enum(RECONCILIATION_RESULTS),
  /** `reversal`: a paid trade cancelled (refund row without our refund number). */
  kind: z.enum(['payment', 'refund', 'reversal']),
  tradeNo: text(),
  refundNo: text().nullable(),
  providerTradeNo: text().nullable(),
  providerAmount: minor.nullable(),
  localAmount: minor.nullable(),
  fee: minor,
  providerStatus: text().nullable(),
  localStatus: text().nullable(),
  providerTime: text().nullable(),
  localTime: text().nullable(),
  /** open_attempt | no_local_attempt | lost_attempt | recorded_other_day | provider_not_final | voided_not_refunded */
  note: text().nullable(),
  /** What "query and repair" did: the attempt was fixed from the provider's answer, or a person must look. */
  repair: z.enum(['repaired', 'needs_person']).nullable(),
  repairDetail: text().nullable()
})

export type ReconciliationRow = z.infer<typeof reconciliationRowSchema>

export const reconciliationRunSchema = z.object({
  id: text(),
  /** The provider business day (China time). */
  date: text(),
  provider: z.enum(RECONCILIATION_PROVIDERS),
  source: z.enum(['fetch', 'import']),
  fileName: text().nullable(),
  ranAt: text(),
  ranBy: text().nullable(),
  billRows: z.number().int(),
  matched: z.number().int(),
  differences: z.number().int(),
  /** From the bill: succeeded payments, refunds, fees (returned fees negative), and what is paid out. */
  gross: minor,
  refunds: minor,
  fees: minor,
  net: minor,
  /** The till's own payments and refunds for the same provider day. */
  localGross: minor,
  localRefunds: minor,
  /** Fees this run booked to the ledger (the difference to what earlier runs of the day booked). */
  feesPosted: minor,
  repaired: z.number().int()
})

export type ReconciliationRun = z.infer<typeof reconciliationRunSchema>

export const reconciliationDetailSchema = reconciliationRunSchema.extend({
  rows: z.array(reconciliationRowSchema)
})

export type ReconciliationDetail = z.infer<typeof reconciliationDetailSchema>

export const reconciliationChannels = {
  'reconciliation:run': channel({
    summary:
      "Fetches a provider's bill for a provider business day through its API and reconciles it; differences raise a notification.",
    input: z.object({ date, provider: z.enum(RECONCILIATION_PROVIDERS) }).strict(),
    output: reconciliationDetailSchema,
    permission: 'settlement-manage'
  }),
  'reconciliation:import': channel({
    summary:
      'Reconciles a bill file: the Alipay 业务明细 CSV (GBK bytes, as base64) or the WeChat Pay trade bill (bytes or text).',
    input: z
      .object({
        date,
        provider: z.enum(['alipay', 'wechat']),
        fileName: text({ max: 255 }).optional(),
        fileBase64: text({ max: 40_000_000 }).optional(),
        text: text({ max: 30_000_000 }).optional()
      })
      .strict()
      .refine((input) => (input.fileBase64 === undefined) !== (input.text === undefined), {
        message: 'give the file as fileBase64 or as text',
        path: ['fileBase64']
      }),
    output: reconciliationDetailSchema,
    permission: 'settlement-manage'
  }),
  'reconciliation:list': channel({
    summary: 'The current reconciliation runs (one per day and provider), newest day first.',
    input: z
      .object({
        from: date.optional(),
        to: date.optional(),
        limit: z.number().int().min(1).max(500).default(60)
      })
      .strict(),
    output: z.object({ runs: z.array(reconciliationRunSchema) }),
    permission: 'settlement-manage'
  }),
  'reconciliation:get': channel({
    summary: 'One reconciliation run with its rows: by id, or the current run of a day and provider.',
    input: z
      .object({
        runId: text().optional(),
        date: date.optional(),
        provider: z.enum(RECONCILIATION_PROVIDERS).optional()
      })
      .strict()
      .refine(
        (input) => input.runId !== undefined || (input.date !== undefined && input.provider !== undefined),
        {
          message: 'give a run id, or a date and a provider',
          path: ['runId']
        }
      ),
    output: reconciliationDetailSchema.nullable(),
    permission: 'settlement-manage'
  })
}
