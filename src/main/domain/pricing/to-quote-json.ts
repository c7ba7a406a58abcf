import { minorDigits } from '../../../shared/money/currencies'
import { minorToDecimal } from '../../../shared/money/format'
import type { Quote, QuoteCoupon, QuoteJson, QuoteLine } from '../../../shared/schemas/cart'

/**
 * Spells a quote as specs/settlement.md's JSON output: every amount a decimal string with exactly the
 * currency's minor digits, `sku` only where it was given, `cashTotal` and `cashRounding` only when a
 * cash increment was set.
 *
 * @example
 * toQuoteJson(quoteCart(cart)).lines[0] // { sku: 'A-1', gross: '200.00', …, tax: '18.06', total: '157.00' }
 */
export function toQuoteJson(quote: Quote): QuoteJson {
  const digits = minorDigits(quote.currency)
  const text = (minor: number): string => minorToDecimal(minor, digits)
  const line = (l: QuoteLine): QuoteJson['lines'][number] => {
    const gross = text(l.gross)
    const lineDiscount = text(l.lineDiscount)
    const net = text(l.net)
    const orderDiscount = text(l.orderDiscount)
    const netAfterDiscount = text(l.netAfterDiscount)
    const tax = text(l.tax)
    const total = text(l.total)
    // Two literals rather than a spread: `sku` first as in the spec, and fast for 100,000 lines.
    if (l.sku === undefined) return { gross, lineDiscount, net, orderDiscount, netAfterDiscount, tax, total }
    return { sku: l.sku, gross, lineDiscount, net, orderDiscount, netAfterDiscount, tax, total }
  }
  const coupon = (c: QuoteCoupon): QuoteJson['coupons'][number] =>
    c.applied
      ? { code: c.code, applied: true, discount: text(c.discount) }
      : { code: c.code, applied: false, reason: 'min_spend_not_met', discount: text(c.discount) }
  const json: QuoteJson = {
    currency: quote.currency,
    lines: quote.lines.map(line),
    coupons: quote.coupons.map(coupon),
    grossTotal: text(quote.grossTotal),
    lineDiscountTotal: text(quote.lineDiscountTotal),
    subtotal: text(quote.subtotal),
    orderDiscountTotal: text(quote.orderDiscountTotal),
    discountTotal: text(quote.discountTotal),
    taxTotal: text(quote.taxTotal),
    total: text(quote.total)
  }
  if (quote.cashTotal === undefined || quote.cashRounding === undefined) return json
  return { ...json, cashTotal: text(quote.cashTotal), cashRounding: text(quote.cashRounding) }
}
