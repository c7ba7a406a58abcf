import { z } from 'zod'
import { channel } from '../channel'
import { calendarDate, text } from '../text'
import { amountSchema, rateSchema } from './cart'

const minor = z.number().int()

/** A coupon as the coupons screen lists it (amounts in minor units, rate as decimal text). */
export const couponViewSchema = z.object({
  id: text(),
  code: text(),
  type: z.enum(['rate', 'amount']),
  rate: text().nullable(),
  amount: minor.nullable(),
  minSpend: minor.nullable(),
  validFrom: text().nullable(),
  validTo: text().nullable(),
  usageLimit: z.number().int().nullable(),
  usedCount: z.number().int(),
  active: z.boolean()
})

export type Coupon = z.infer<typeof couponViewSchema>

const date = calendarDate('must be a real date such as 2026-12-31')

export const couponInputSchema = z
  .object({
    code: text({ error: 'is required' })
      .trim()
      .regex(/^[A-Za-z0-9_-]{2,40}$/, 'use 2 to 40 letters, digits, dashes or underscores'),
    type: z.enum(['rate', 'amount'], { error: 'must be rate or amount' }),
    rate: rateSchema.optional(),
    amount: amountSchema.optional(),
    minSpend: amountSchema.optional(),
    validFrom: date.optional(),
    validTo: date.optional(),
    usageLimit: z.number().int().min(1, 'must be at least 1').optional(),
    active: z.boolean().default(true)
  })
  .strict()
  .superRefine((coupon, ctx) => {
    if (coupon.type === 'rate' && coupon.rate === undefined)
      ctx.addIssue({ code: 'custom', path: ['rate'], message: 'is required' })
    if (coupon.type === 'amount' && coupon.amount === undefined)
      ctx.addIssue({ code: 'custom', path: ['amount'], message: 'is required' })
    if (coupon.validFrom && coupon.validTo && coupon.validTo < coupon.validFrom)
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'must not be before validFrom' })
  })

export type CouponInput = z.input<typeof couponInputSchema>

export const couponsChannels = {
  'coupons:list': channel({
    summary: 'Every coupon with its usage.',
    input: z.object({}).strict(),
    output: z.array(couponViewSchema),
    permission: 'sell'
  }),
  'coupons:create': channel({
    summary: 'Creates a coupon: code, rate or amount, min spend, validity dates, usage limit.',
    input: couponInputSchema,
    output: couponViewSchema,
    permission: 'coupons-manage'
  }),
  'coupons:update': channel({
    summary: 'Changes a coupon (its code stays).',
    input: z.object({ id: text().min(1), coupon: couponInputSchema }).strict(),
    output: couponViewSchema,
    permission: 'coupons-manage'
  })
}
