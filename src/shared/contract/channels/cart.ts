import { z } from 'zod'
import { channel } from '../channel'
import { orderStatusSchema } from '../../vocabulary'
import { decimalText, text } from '../text'
import { quantityProblem, rateProblem } from '../../schemas/cart-rules'
import { NEGATIVE, TOO_LARGE } from '../../money/messages'

// The cart a cashier builds is a draft order kept in main: every change is saved at once,
// so a cart survives a crash or restart, and its totals always come from the settlement
// engine. Money leaves as integer minor units; the renderer only formats it.

const minor = z.number().int()
const id = text().min(1, 'is required')

/**
 * A positive decimal with at most 3 fractional digits (kg of weighed goods), exactly as typed;
 * main refuses a fraction for goods sold by the piece.
 */
export const quantitySchema = decimalText(quantityProblem, { error: 'is required' })

/** A rate from 0 to 1 inclusive ("0.1" is 10 %). */
export const rateSchema = decimalText(rateProblem, { error: 'is required' })

/** A non-negative decimal amount; main checks the currency's digits. */
export const amountSchema = decimalText(
  (scan) =>
    scan.negative && scan.digitsValue !== 0 ? NEGATIVE : scan.digitsValue > 1e15 ? TOO_LARGE : undefined,
  { error: 'is required' }
)

export const lineDiscountInputSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('rate'), rate: rateSchema }).strict(),
  z.object({ type: z.literal('amount'), amount: amountSchema }).strict()
])

/** A line as sold: what was scanned and the engine's figures for it, all in minor units. */
export const soldLineSchema = z.object({
  id: text(),
  sku: text(),
  name: text(),
  nameEn: text().nullable(),
  unit: text(),
  quantity: text(),
  unitPrice: minor,
  listPrice: minor,
  taxRate: text(),
  discount: z.object({ type: z.enum(['rate', 'amount']), value: text() }).nullable(),
  gross: minor,
  lineDiscount: minor,
  net: minor,
  orderDiscount: minor,
  netAfterDiscount: minor,
  tax: minor,
  total: minor
})

/** A line of the cart the Sell screen shows: the stored line beside its quoted figures (minor units). */
export const cartLineViewSchema = soldLineSchema.extend({
  productId: text().nullable(),
  priceOverridden: z.boolean(),
  /** A kg line added without a weight: the cashier must enter one before checkout. */
  weightPending: z.boolean(),
  /**
   * What the catalog did to this line's product since it was rung up (a head-office pull, an edit
   * on this till); null when nothing that matters to the sale changed. The line keeps its own
   * price and tax rate: this is only told. `unitPrice`: the product's price now (minor units) when
   * it differs from the line's list price; `taxRate`: its rate now when it differs; `onSale` false:
   * taken off sale or deleted (no more of it can be added). Always null once checked out.
   */
  catalogChange: z
    .object({ unitPrice: minor.nullable(), taxRate: text().nullable(), onSale: z.boolean() })
    .nullable()
})

export const cartCouponSchema = z.object({
  code: text(),
  applied: z.boolean(),
  reason: text().nullable(),
  discount: minor
})

export const cartTotalsSchema = z.object({
  grossTotal: minor,
  lineDiscountTotal: minor,
  subtotal: minor,
  orderDiscountTotal: minor,
  discountTotal: minor,
  taxTotal: minor,
  total: minor,
  /** What a wholly-cash sale asks for after cash rounding (equals total when none is set). */
  cashTotal: minor,
  cashRounding: minor,
  itemCount: text()
})

/** The cart (a draft order) as every `cart:*` channel answers it; figures in minor units. */
export const cartViewSchema = z.object({
  id: text(),
  status: orderStatusSchema,
  currency: text(),
  parkedAt: text().nullable(),
  parkedNote: text().nullable(),
  lines: z.array(cartLineViewSchema),
  coupons: z.array(cartCouponSchema),
  totals: cartTotalsSchema,
  updatedAt: text()
})

export type CartView = z.infer<typeof cartViewSchema>
export type CartLineView = z.infer<typeof cartLineViewSchema>

export const parkedCartSchema = z.object({
  id: text(),
  parkedAt: text(),
  note: text().nullable(),
  lineCount: z.number().int(),
  total: minor,
  currency: text()
})

const cartRef = { cartId: id }
const lineRef = { cartId: id, lineId: id }

export const cartChannels = {
  'cart:open': channel({
    summary: "The cashier's current cart (a new empty one if there is none).",
    input: z.object({}).strict(),
    output: cartViewSchema,
    permission: 'sell'
  }),
  'cart:get': channel({
    summary: 'A cart with its live totals.',
    input: z.object(cartRef).strict(),
    output: cartViewSchema,
    permission: 'sell'
  }),
  'cart:add-item': channel({
    summary:
      'Adds a product by scanned code (barcode or SKU) or by id; the same product again adds to its line.',
    input: z
      .object({
        ...cartRef,
        code: text().trim().min(1, 'is required').optional(),
        productId: text().min(1).optional(),
        quantity: quantitySchema.optional(),
        /** The cashier confirmed a scale label weighing more than a counter sells in one line. */
        confirmLargeQuantity: z.boolean().optional()
      })
      .strict()
      .refine((input) => input.code !== undefined || input.productId !== undefined, {
        message: 'is required',
        path: ['code']
      }),
    output: cartViewSchema,
    permission: 'sell'
  }),
  'cart:set-quantity': channel({
    summary: "Changes a line's quantity.",
    input: z.object({ ...lineRef, quantity: quantitySchema }).strict(),
    output: cartViewSchema,
    permission: 'sell'
  }),
  'cart:remove-line': channel({
    summary: 'Removes a line.',
    input: z.object(lineRef).strict(),
    output: cartViewSchema,
    permission: 'sell'
  }),
  'cart:set-line-discount': channel({
    summary: "Sets (or clears, with null) a line's discount: a rate or an amount.",
    input: z.object({ ...lineRef, discount: lineDiscountInputSchema.nullable() }).strict(),
    output: cartViewSchema,
    permission: 'sell',
    overridable: true
  }),
  'cart:override-price': channel({
    summary: "Overrides a line's unit price (manager, or a manager's PIN in place).",
    input: z
      .object({
        ...lineRef,
        unitPrice: amountSchema,
        /** The manager said yes to a price of 0 or above `PRICE_CONFIRM_ABOVE` (`errors.money.zeroPrice`/`largePrice`). */
        confirmUnusualPrice: z.boolean().optional()
      })
      .strict(),
    output: cartViewSchema,
    permission: 'price-override',
    overridable: true
  }),
  'cart:apply-coupon': channel({
    summary:
      'Applies a coupon by code; refused with the reason (unknown, expired, used up, min spend not met).',
    input: z.object({ ...cartRef, code: text({ trim: true, max: 40 }).min(1, 'is required') }).strict(),
    output: cartViewSchema,
    permission: 'sell'
  }),
  'cart:remove-coupon': channel({
    summary: 'Removes a coupon from the cart.',
    input: z.object({ ...cartRef, code: text().trim().min(1, 'is required') }).strict(),
    output: cartViewSchema,
    permission: 'sell'
  }),
  'cart:park': channel({
    summary: 'Parks the cart (kept across restarts) and opens a new empty one.',
    input: z.object({ ...cartRef, note: text({ trim: true, max: 60 }).optional() }).strict(),
    output: cartViewSchema,
    permission: 'sell'
  }),
  'cart:list-parked': channel({
    summary: 'Parked carts, oldest first.',
    input: z.object({}).strict(),
    output: z.array(parkedCartSchema),
    permission: 'sell'
  }),
  'cart:resume': channel({
    summary: 'Resumes a parked cart; a non-empty current cart is parked first.',
    input: z.object(cartRef).strict(),
    output: cartViewSchema,
    permission: 'sell'
  }),
  'cart:discard': channel({
    summary: 'Deletes a cart (a draft) and opens a new empty one.',
    input: z.object(cartRef).strict(),
    output: cartViewSchema,
    permission: 'sell'
  })
}
