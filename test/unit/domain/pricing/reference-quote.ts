import Decimal from 'decimal.js'
import type { QuoteJson } from '../../../../src/shared/schemas/cart'

// specs/settlement.md transcribed as literally as possible with decimal.js and nothing else of Kassa's:
// the oracle the property tests hold quoteCart to. Slow and plain on purpose.

const D = Decimal.clone({ precision: 60 })
type Dec = InstanceType<typeof D>

const DIGITS: Record<string, number> = { CNY: 2, USD: 2, JPY: 0, KWD: 3 }

interface RefCart {
  currency: string
  rounding?: 'half-up' | 'half-even'
  taxMode?: 'inclusive' | 'exclusive'
  cashIncrement?: string
  lines: { sku?: string; quantity: string; unitPrice: string; taxRate?: string; discount?: RefDiscount }[]
  coupons?: (RefDiscount & { code: string; minSpend?: string })[]
}
type RefDiscount = { type: 'rate'; rate: string } | { type: 'amount'; amount: string }

export function referenceQuote(cart: RefCart): QuoteJson {
  const digits = DIGITS[cart.currency]
  const unit = new D(10).pow(-digits)
  const mode = cart.rounding === 'half-even' ? Decimal.ROUND_HALF_EVEN : Decimal.ROUND_HALF_UP
  const round = (x: Dec): Dec => x.toDecimalPlaces(digits, mode)
  const min = (a: Dec, b: Dec): Dec => (a.lt(b) ? a : b)
  const sum = (xs: Dec[]): Dec => xs.reduce((a, b) => a.plus(b), new D(0))
  const text = (x: Dec): string => x.toFixed(digits)

  const gross = cart.lines.map((l) => round(new D(l.quantity).times(l.unitPrice)))
  const lineDiscount = cart.lines.map((l, i) =>
    l.discount === undefined
      ? new D(0)
      : l.discount.type === 'rate'
        ? round(gross[i].times(l.discount.rate))
        : min(new D(l.discount.amount), gross[i])
  )
  const net = gross.map((g, i) => g.minus(lineDiscount[i]))
  const subtotal = sum(net)
  let remaining = subtotal
  const coupons = (cart.coupons ?? []).map((c) => {
    if (c.minSpend !== undefined && subtotal.lt(c.minSpend)) {
      return { code: c.code, applied: false, reason: 'min_spend_not_met' as const, discount: text(new D(0)) }
    }
    const d = c.type === 'rate' ? round(remaining.times(c.rate)) : min(new D(c.amount), remaining)
    remaining = remaining.minus(d)
    return { code: c.code, applied: true, discount: d }
  })
  const orderDiscount = subtotal.minus(remaining)

  // Step 5 in minor units, with the spec's floor / mod and tie rule.
  const Dm = BigInt(orderDiscount.div(unit).toFixed(0))
  const Sm = BigInt(subtotal.div(unit).toFixed(0))
  const n = net.map((x) => BigInt(x.div(unit).toFixed(0)))
  const share = n.map((ni) => (Dm === 0n ? 0n : (Dm * ni) / Sm))
  const rem = n.map((ni) => (Dm === 0n ? 0n : (Dm * ni) % Sm))
  let left = Dm - share.reduce((a, b) => a + b, 0n)
  const order = n.map((_, i) => i).sort((a, b) => (rem[b] > rem[a] ? 1 : rem[b] < rem[a] ? -1 : a - b))
  for (const i of order) {
    if (left === 0n) break
    share[i] += 1n
    left -= 1n
  }
  const shareD = share.map((s) => new D(s.toString()).times(unit))
  const nad = net.map((x, i) => x.minus(shareD[i]))

  const exclusive = cart.taxMode === 'exclusive'
  const tax = cart.lines.map((l, i) => {
    const r = new D(l.taxRate ?? '0')
    return exclusive ? round(nad[i].times(r)) : nad[i].minus(round(nad[i].div(r.plus(1))))
  })
  const lineTotal = nad.map((x, i) => (exclusive ? x.plus(tax[i]) : x))
  const total = sum(lineTotal)

  const quote: QuoteJson = {
    currency: cart.currency,
    lines: cart.lines.map((l, i) => ({
      ...(l.sku === undefined ? {} : { sku: l.sku }),
      gross: text(gross[i]),
      lineDiscount: text(lineDiscount[i]),
      net: text(net[i]),
      orderDiscount: text(shareD[i]),
      netAfterDiscount: text(nad[i]),
      tax: text(tax[i]),
      total: text(lineTotal[i])
    })),
    coupons: coupons.map((c) => ({
      ...c,
      discount: typeof c.discount === 'string' ? c.discount : text(c.discount)
    })),
    grossTotal: text(sum(gross)),
    lineDiscountTotal: text(sum(lineDiscount)),
    subtotal: text(subtotal),
    orderDiscountTotal: text(orderDiscount),
    discountTotal: text(sum(lineDiscount).plus(orderDiscount)),
    taxTotal: text(sum(tax)),
    total: text(total)
  }
  if (cart.cashIncrement === undefined) return quote
  const increment = new D(cart.cashIncrement)
  const cashTotal = total.div(increment).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(increment)
  return { ...quote, cashTotal: text(cashTotal), cashRounding: text(cashTotal.minus(total)) }
}
