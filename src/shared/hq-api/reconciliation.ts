import { z } from 'zod'
import { OWNER, route } from './route'

/** Who may read the chain's provider bills (they are the merchant's, across stores): owner and auditor. */
const READERS = ['owner', 'auditor'] as const

export const reconProviderSchema = z.enum(['alipay', 'wechat'])
const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'is not a date (YYYY-MM-DD)')

export const reconResultSchema = z.enum([
  'matched',
  'missing_locally',
  'missing_at_provider',
  'amount_mismatch',
  'status_mismatch'
])

/** One bill row or till row and how it came out; amounts in minor units (CNY fen). */
export const reconRowSchema = z.object({
  n: z.number().int(),
  result: reconResultSchema,
  kind: z.enum(['payment', 'refund', 'reversal']),
  tradeNo: z.string(),
  refundNo: z.string().nullable(),
  providerTradeNo: z.string().nullable(),
  providerAmount: z.number().int().nullable(),
  localAmount: z.number().int().nullable(),
  fee: z.number().int(),
  providerStatus: z.string().nullable(),
  localStatus: z.string().nullable(),
  providerTime: z.string().nullable(),
  localTime: z.string().nullable(),
  /** The till that recorded it (null: no till did — a bill row nobody recorded). */
  till: z.object({ id: z.string(), code: z.string(), label: z.string().nullable() }).nullable(),
  store: z.object({ id: z.string(), name: z.string() }).nullable(),
  note: z.string().nullable()
})
export type ReconRowView = z.infer<typeof reconRowSchema>

export const reconRunSummarySchema = z.object({
  id: z.string(),
  provider: reconProviderSchema,
  date: z.string(),
  fileName: z.string(),
  runAt: z.string(),
  billRows: z.number().int(),
  /** From the bill: succeeded payments, refunds, fees, payout (gross − refunds − fees). */
  gross: z.number().int(),
  refunds: z.number().int(),
  fees: z.number().int(),
  net: z.number().int(),
  /** The tills' own figures for the same provider day. */
  localGross: z.number().int(),
  localRefunds: z.number().int(),
  matched: z.number().int(),
  differences: z.number().int(),
  superseded: z.boolean()
})
export type ReconRunSummary = z.infer<typeof reconRunSummarySchema>

export const reconRunSchema = reconRunSummarySchema.extend({ rows: z.array(reconRowSchema) })
export type ReconRunView = z.infer<typeof reconRunSchema>

/** Provider bills matched against every till's payments and refunds. */
export const reconciliationApi = {
  /** Upload a bill file for a provider day; it is matched at once. */
  run: route({
    method: 'POST',
    path: '/reconciliation/runs',
    input: z.object({
      provider: reconProviderSchema,
      date: dateSchema,
      fileName: z.string().trim().min(1).max(200),
      // ≤ 9 MiB of file, as base64.
      fileBase64: z.string().min(1, 'is required').max(12_600_000)
    }),
    output: reconRunSchema,
    roles: OWNER,
    bodyLimit: 13 * 1024 * 1024
  }),
  list: route({
    method: 'GET',
    path: '/reconciliation/runs',
    input: z.object({ provider: reconProviderSchema.optional(), date: dateSchema.optional() }),
    output: z.object({ runs: z.array(reconRunSummarySchema) }),
    roles: READERS
  }),
  get: route({
    method: 'GET',
    path: '/reconciliation/run',
    input: z.object({ id: z.string().uuid() }),
    output: reconRunSchema,
    roles: READERS
  })
}
