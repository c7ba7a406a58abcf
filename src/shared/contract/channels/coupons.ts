import Decimal from 'decimal.js'
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

/**
 * Whether a coupon can be used today (the store's business day): `active`, or why not —
 * switched off, not yet valid, expired, or used up (here or on this till's allotment).
 * Listed with the coupon, so a screen never shows an expired coupon as enabled.
 */
export const couponStandingSchema = z.enum(['active', 'disabled', 'notYetValid', 'expired', 'usedUp'])
export type CouponStanding = z.infer<typeof couponStandingSchema>
export const couponListItemSchema = couponViewSchema.extend({ standing: couponStandingSchema })
export type CouponListItem = z.infer<typeof couponListItemSchema>

const date = calendarDate('must be a real date such as 2026-12-31')

/**
 * An amount coupon that takes off more than its minimum spend (¥50 off from ¥30) is a typing
 * slip: it would give away more than the least a customer must buy. Refused on `amount`, on the
 * till and at the head office alike (both parse this schema). Exact decimal comparison of the
 * typed amounts; a minimum spend of 0 means "no minimum" and allows any amount.
 */
export function amountAboveMinSpend(coupon: { type: string; amount?: string; minSpend?: string }): boolean {
  if (coupon.type !== 'amount' || coupon.amount === undefined || coupon.minSpend === undefined) return false
  // The refinement may run after a field's own format issue: a malformed amount is refused there.
  const exact = (text: string) => (/^\s*\d+(\.\d+)?\s*$/.test(text) ? new Decimal(text.trim()) : null)
  const minSpend = exact(coupon.minSpend)
  const amount = exact(coupon.amount)
  return minSpend !== null && amount !== null && minSpend.gt(0) && amount.gt(minSpend)
}

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
    // Whatever is wrong with it (text, -3, 1.5), one reason naming what it takes, not "is required".
    usageLimit: z
      .number({ error: 'must be a whole number of at least 1' })
      .int('must be a whole number of at least 1')
      .min(1, 'must be a whole number of at least 1')
      .optional(),
    active: z.boolean().default(true)
  })
  .strict()
  .superRefine((coupon, ctx) => {
    if (coupon.type === 'rate' && coupon.rate === undefined)
      ctx.addIssue({ code: 'custom', path: ['rate'], message: 'is required' })
    if (coupon.type === 'amount' && coupon.amount === undefined)
      ctx.addIssue({ code: 'custom', path: ['amount'], message: 'is required' })
    if (amountAboveMinSpend(coupon))
      ctx.addIssue({
        code: 'custom',
        path: ['amount'],
        message: `must not be more than the minimum spend, ${coupon.minSpend}`,
        params: { key: 'errors.coupons.amountAboveMinSpend', minSpend: coupon.minSpend! }
      })
    if (coupon.validFrom && coupon.validTo && coupon.validTo < coupon.validFrom)
      ctx.addIssue({
        code: 'custom',
        path: ['validTo'],
        message: 'must not be before validFrom',
        params: { key: 'errors.coupons.endsBeforeStart' }
      })
  })

export type CouponInput = z.input<typeof couponInputSchema>

export const couponsChannels = {
  'coupons:list': channel({
    summary: "Every coupon with its usage and whether it can be used on the store's business day.",
    input: z.object({}).strict(),
    output: z.array(couponListItemSchema),
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
