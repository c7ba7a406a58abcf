import type { CartInput, Quote, QuoteLine } from '../../../shared/schemas/cart'
import { allocateDiscount } from '../money/allocate-discount'
import { roundMulDiv } from '../money/round-ratio'
import { roundToIncrement } from '../money/round-to-increment'
import { applyCoupons } from './apply-coupons'
import { CartValidationError } from './cart-validation-error'
import { lineTax } from './line-tax'
import type { ValidCart, ValidLine } from './valid-cart'
import { validateCart } from './validate-cart'

const TOO_LARGE = 'is too large'

/** `lines[3]`, or `carts[1].lines[3]` within an array. */
function linePath(path: string, index: number): string {
  return `${path === '' ? '' : `${path}.`}lines[${index}]`
}

/** `total`, or `carts[1].total` within an array. */
function figurePath(path: string, name: string): string {
  return path === '' ? name : `${path}.${name}`
}

/** A figure that outgrew 2^53 − 1 minor units is refused by its name, as the spec says. */
function checked(value: number, field: string): number {
  if (!Number.isSafeInteger(value)) throw new CartValidationError(field, TOO_LARGE)
  return value
}

/** Step 1: `gross = round(quantity × unitPrice)`, quantity being in thousandths. */
function lineGross(line: ValidLine, cart: ValidCart, path: string, index: number): number {
  try {
    return roundMulDiv(line.unitPrice, line.quantityMilli, 1000, cart.rounding)
  } catch {
    throw new CartValidationError(`${linePath(path, index)}.gross`, TOO_LARGE)
  }
}

/** Step 2: the cashier's discount on one line, never more than its gross. */
function lineDiscountOf(line: ValidLine, gross: number, cart: ValidCart): number {
  const { discount } = line
  if (discount === undefined) return 0
  return discount.type === 'rate'
    ? roundMulDiv(gross, discount.rate.num, discount.rate.den, cart.rounding)
    : Math.min(discount.amount, gross)
}

/**
 * Quotes a cart that `validateCart` accepted: specs/settlement.md steps 1–8, every figure an integer
 * count of minor units, each rounded exactly once from an exact value. `path` prefixes the field named
 * when a figure outgrows a safe integer (about ¥90 trillion).
 *
 * @example
 * // 2 × ¥100.00 at 13 % VAT included, 10 % off the line, coupons SAVE10 (10 %) and MINUS5 (¥5):
 * priceCart(validateCart(cart)).total // 15700, i.e. ¥157.00 — the spec's worked example
 */
export function priceCart(cart: ValidCart, path = ''): Quote {
  const n = cart.lines.length
  const gross = new Array<number>(n)
  const lineDiscount = new Array<number>(n)
  const net = new Array<number>(n)
  let grossTotal = 0
  let lineDiscountTotal = 0
  for (let i = 0; i < n; i++) {
    const line = cart.lines[i]
    const g = lineGross(line, cart, path, i)
    const d = lineDiscountOf(line, g, cart)
    gross[i] = g
    lineDiscount[i] = d
    net[i] = g - d
    grossTotal += g
    lineDiscountTotal += d
  }
  checked(grossTotal, figurePath(path, 'grossTotal'))
  const subtotal = grossTotal - lineDiscountTotal
  const { coupons, orderDiscount } = applyCoupons(subtotal, cart.coupons, cart.rounding)
  const shares = allocateDiscount(orderDiscount, net)

  const lines = new Array<QuoteLine>(n)
  let taxTotal = 0
  let total = 0
  for (let i = 0; i < n; i++) {
    const netAfterDiscount = net[i] - shares[i]
    const tax = lineTax(netAfterDiscount, cart.lines[i].taxRate, cart.taxMode, cart.rounding)
    const lineTotal = checked(
      cart.taxMode === 'exclusive' ? netAfterDiscount + tax : netAfterDiscount,
      `${linePath(path, i)}.total`
    )
    taxTotal += tax
    total += lineTotal
    const { sku } = cart.lines[i]
    // Two literals rather than a spread: sku first as in the spec, and fast (quote runs 100,000 lines).
    lines[i] =
      sku === undefined
        ? {
            gross: gross[i],
            lineDiscount: lineDiscount[i],
            net: net[i],
            orderDiscount: shares[i],
            netAfterDiscount,
            tax,
            total: lineTotal
          }
        : {
            sku,
            gross: gross[i],
            lineDiscount: lineDiscount[i],
            net: net[i],
            orderDiscount: shares[i],
            netAfterDiscount,
            tax,
            total: lineTotal
          }
  }
  const quote: Quote = {
    currency: cart.currency,
    lines,
    coupons,
    grossTotal,
    lineDiscountTotal,
    subtotal,
    orderDiscountTotal: orderDiscount,
    discountTotal: lineDiscountTotal + orderDiscount,
    taxTotal: checked(taxTotal, figurePath(path, 'taxTotal')),
    total: checked(total, figurePath(path, 'total'))
  }
  if (cart.cashIncrement === undefined) return quote
  let cashTotal: number
  try {
    cashTotal = roundToIncrement(total, cart.cashIncrement, cart.cashRoundingMode)
  } catch {
    throw new CartValidationError(figurePath(path, 'cashTotal'), TOO_LARGE)
  }
  return { ...quote, cashTotal, cashRounding: cashTotal - total }
}

/**
 * Quotes a cart as specs/settlement.md defines it, in integer minor units; `toQuoteJson` spells the
 * result as the spec's JSON. Validates first: a refused cart throws `CartValidationError` naming the field.
 * Pure: no clock, no I/O, and the input is never changed.
 *
 * @example
 * quoteCart({ currency: 'CNY', lines: [{ quantity: '3', unitPrice: '0.35' }] }).total // 105 (¥1.05)
 * quoteCart({ currency: 'CNY', lines: [] }).total // 0
 */
export function quoteCart(input: CartInput): Quote {
  return priceCart(validateCart(input))
}
