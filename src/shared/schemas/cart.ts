import { z } from 'zod'
import { isKnownCurrency, minorDigits } from '../money/currencies'
import { scanDecimal, type DecimalScan } from '../money/decimal-scan'
import { toDecimalString } from '../money/decimal-string'
import {
  DISCOUNT_TYPE,
  EMPTY,
  NEGATIVE,
  NOT_A_DECIMAL,
  NOT_A_STRING,
  NOT_AN_ARRAY,
  NOT_AN_OBJECT,
  REQUIRED,
  CASH_ROUNDING_MODE,
  ROUNDING_MODE,
  TAX_MODE,
  UNKNOWN_CURRENCY
} from './cart-messages'
import { amountProblem, incrementProblem, quantityProblem, rateProblem } from './cart-rules'

// The quote input of specs/settlement.md. Decimals arrive as strings or JSON numbers and leave as
// strings; checks that need the currency (digits of every amount) run once the whole cart is read.

const missingOr =
  (message: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined ? REQUIRED : message

/** A decimal string or JSON number, read as a decimal string and refused with `check`'s message. */
function decimal(check: (scan: DecimalScan) => string | undefined) {
  return z
    .custom<string | number>((value) => typeof value === 'string' || typeof value === 'number', {
      error: missingOr(NOT_A_DECIMAL)
    })
    .transform((value, ctx) => {
      const text = toDecimalString(value)
      const scan = text === undefined ? undefined : scanDecimal(text)
      const problem = scan === undefined ? NOT_A_DECIMAL : check(scan)
      if (problem !== undefined || text === undefined) {
        ctx.issues.push({ code: 'custom', message: problem ?? NOT_A_DECIMAL, input: value })
        return z.NEVER
      }
      return text
    })
}

const text = (message = NOT_A_STRING) => z.string({ error: missingOr(message) })
const object = <Shape extends z.core.$ZodLooseShape>(shape: Shape) =>
  z.strictObject(shape, { error: missingOr(NOT_AN_OBJECT) })

export const roundingModeSchema = z.enum(['half-up', 'half-even'], { error: ROUNDING_MODE })
export const taxModeSchema = z.enum(['inclusive', 'exclusive'], { error: TAX_MODE })
/** Spec step 8: `half-up` to the nearest multiple of the cash increment, or `down` (抹零). */
export const cashRoundingModeSchema = z.enum(['half-up', 'down'], { error: CASH_ROUNDING_MODE })
export type CashRoundingMode = z.infer<typeof cashRoundingModeSchema>
export type RoundingMode = z.infer<typeof roundingModeSchema>
export type TaxMode = z.infer<typeof taxModeSchema>

const quantity = decimal(quantityProblem)
const rate = decimal(rateProblem)
// Sign and format only; the currency's digits are checked with the whole cart in view.
const amount = decimal((scan) => (scan.negative && scan.digitsValue !== 0 ? NEGATIVE : undefined))
const discountType = z.enum(['rate', 'amount'], { error: missingOr(DISCOUNT_TYPE) })

export const lineDiscountSchema = object({
  type: discountType,
  rate: rate.optional(),
  amount: amount.optional()
})

/** One line of a quote's input (`kassa quote`, specs/settlement.md): decimals as text, major units. */
export const cartLineInputSchema = object({
  sku: text().optional(),
  quantity,
  unitPrice: amount,
  taxRate: rate.optional(),
  discount: lineDiscountSchema.optional()
})

/** A coupon in a quote's input: its discount and minimum spend as decimals in major units. */
export const couponInputSchema = object({
  code: text().min(1, { error: EMPTY }),
  type: discountType,
  rate: rate.optional(),
  amount: amount.optional(),
  minSpend: amount.optional()
})

/**
 * A quote's input as specs/settlement.md defines it (`kassa quote`); the till's own cart as the screens
 * see it is `cartViewSchema` (`contract/channels/cart.ts`).
 */
export const cartInputSchema = object({
  currency: text().refine(isKnownCurrency, { error: UNKNOWN_CURRENCY }),
  rounding: roundingModeSchema.default('half-up'),
  taxMode: taxModeSchema.default('inclusive'),
  cashIncrement: amount.optional(),
  cashRoundingMode: cashRoundingModeSchema.default('half-up'),
  lines: z.array(cartLineInputSchema, { error: missingOr(NOT_AN_ARRAY) }),
  coupons: z.array(couponInputSchema, { error: missingOr(NOT_AN_ARRAY) }).default([])
}).superRefine((cart, ctx) => {
  const { currency } = cart
  // Refinements also run over a cart with other issues; its currency alone cannot say any digits then.
  if (typeof currency !== 'string' || !isKnownCurrency(currency)) return
  const digits = minorDigits(currency)
  const checkAmount = (value: string | undefined, path: PropertyKey[], increment = false): void => {
    const scan = value === undefined ? undefined : scanDecimal(value)
    if (scan === undefined) return
    const problem = increment
      ? incrementProblem(scan, digits, currency)
      : amountProblem(scan, digits, currency)
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem, path })
  }
  // A discount names its figure by its type: a rate discount has a `rate`, an amount one an `amount`.
  const checkDiscount = (
    d: { type: 'rate' | 'amount'; rate?: string; amount?: string },
    path: PropertyKey[]
  ) => {
    const other = d.type === 'rate' ? 'amount' : 'rate'
    if (d[d.type] === undefined) ctx.addIssue({ code: 'custom', message: REQUIRED, path: [...path, d.type] })
    if (d[other] !== undefined) ctx.addIssue({ code: 'unrecognized_keys', keys: [other], path, input: d })
    if (d.type === 'amount') checkAmount(d.amount, [...path, 'amount'])
  }
  checkAmount(cart.cashIncrement, ['cashIncrement'], true)
  cart.lines.forEach((line, i) => {
    checkAmount(line.unitPrice, ['lines', i, 'unitPrice'])
    if (line.discount !== undefined) checkDiscount(line.discount, ['lines', i, 'discount'])
  })
  cart.coupons.forEach((coupon, i) => {
    checkDiscount(coupon, ['coupons', i])
    checkAmount(coupon.minSpend, ['coupons', i, 'minSpend'])
  })
})

/** A cart as a client may send it: decimals as strings (preferred) or JSON numbers. */
export type CartInput = z.input<typeof cartInputSchema>
/** A cart after parsing: decimals as strings, defaults filled in. */
export type Cart = z.output<typeof cartInputSchema>
export type CartLineInput = z.input<typeof cartLineInputSchema>
export type CouponInput = z.input<typeof couponInputSchema>
export type LineDiscountInput = z.input<typeof lineDiscountSchema>

const minor = z.number().int()

/** One line of a quote, in integer minor units (fen). `orderDiscount` is the line's share of the coupons. */
export const quoteLineSchema = z.object({
  sku: z.string().optional(),
  gross: minor,
  lineDiscount: minor,
  net: minor,
  orderDiscount: minor,
  netAfterDiscount: minor,
  tax: minor,
  total: minor
})

export const quoteCouponSchema = z.object({
  code: z.string(),
  applied: z.boolean(),
  reason: z.literal('min_spend_not_met').optional(),
  discount: minor
})

/** A quote in integer minor units: what checkout stores and the renderer formats with `formatMinor`. */
export const quoteSchema = z.object({
  currency: z.string(),
  lines: z.array(quoteLineSchema),
  coupons: z.array(quoteCouponSchema),
  grossTotal: minor,
  lineDiscountTotal: minor,
  subtotal: minor,
  orderDiscountTotal: minor,
  discountTotal: minor,
  taxTotal: minor,
  total: minor,
  cashTotal: minor.optional(),
  cashRounding: minor.optional()
})

export type QuoteLine = z.infer<typeof quoteLineSchema>
export type QuoteCoupon = z.infer<typeof quoteCouponSchema>
export type Quote = z.infer<typeof quoteSchema>

const amountText = z.string()

/** The quote as specs/settlement.md spells it: every amount a string with the currency's minor digits. */
export const quoteJsonSchema = z.object({
  currency: z.string(),
  lines: z.array(
    z.object({
      sku: z.string().optional(),
      gross: amountText,
      lineDiscount: amountText,
      net: amountText,
      orderDiscount: amountText,
      netAfterDiscount: amountText,
      tax: amountText,
      total: amountText
    })
  ),
  coupons: z.array(
    z.object({
      code: z.string(),
      applied: z.boolean(),
      reason: z.literal('min_spend_not_met').optional(),
      discount: amountText
    })
  ),
  grossTotal: amountText,
  lineDiscountTotal: amountText,
  subtotal: amountText,
  orderDiscountTotal: amountText,
  discountTotal: amountText,
  taxTotal: amountText,
  total: amountText,
  cashTotal: amountText.optional(),
  cashRounding: amountText.optional()
})

export type QuoteJson = z.infer<typeof quoteJsonSchema>
