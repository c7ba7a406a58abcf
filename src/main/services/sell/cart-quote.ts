import type { CartView } from '@shared/contract/channels/cart'
import type { CartInput, Quote } from '@shared/schemas/cart'
import { minorToDecimalString } from '@shared/money/format'
import Decimal from 'decimal.js'
import { priceCart } from '../../domain/pricing/quote-cart'
import { validateMinorCart, type MinorCart } from '../../domain/pricing/validate-minor-cart'
import type { CouponRow } from '../../store/repos/coupons-repo'
import type { OrderCouponRow, OrderLineRow, OrderRow } from '../../store/repos/orders-repo'

export interface MoneyRules {
  currency: string
  rounding: 'half-up' | 'half-even'
  taxMode: 'inclusive' | 'exclusive'
  cashIncrement: string | null
  cashRoundingMode: 'half-up' | 'down'
}

/**
 * A cart's stored rows in the spec's shape (`CartInput`, decimal text): what `kassa quote` would be
 * given for this cart. Checkout and the cart do not use it (`quoteRows` prices the rows directly);
 * it is the reference the property test holds `quoteRows` to.
 */
export function cartInputOf(
  rules: MoneyRules,
  lines: OrderLineRow[],
  coupons: Array<{ link: OrderCouponRow; coupon: CouponRow }>
): CartInput {
  const amount = (minor: number): string => minorToDecimalString(minor, rules.currency)
  return {
    currency: rules.currency,
    rounding: rules.rounding,
    taxMode: rules.taxMode,
    ...(rules.cashIncrement
      ? { cashIncrement: rules.cashIncrement, cashRoundingMode: rules.cashRoundingMode }
      : {}),
    lines: lines.map((line) => ({
      sku: line.sku,
      quantity: line.quantity,
      unitPrice: amount(line.unit_price),
      taxRate: line.tax_rate,
      ...(line.discount_type === 'rate'
        ? { discount: { type: 'rate' as const, rate: line.discount_value! } }
        : {}),
      ...(line.discount_type === 'amount'
        ? { discount: { type: 'amount' as const, amount: line.discount_value! } }
        : {})
    })),
    coupons: coupons.map(({ coupon }) => ({
      code: coupon.code,
      type: coupon.type,
      ...(coupon.type === 'rate' ? { rate: coupon.rate! } : { amount: amount(coupon.amount ?? 0) }),
      ...(coupon.min_spend !== null ? { minSpend: amount(coupon.min_spend) } : {})
    }))
  }
}

/** A cart's stored rows as the engine reads them: minor units stay minor units. */
export function minorCartOf(
  rules: MoneyRules,
  lines: OrderLineRow[],
  coupons: Array<{ link: OrderCouponRow; coupon: CouponRow }>
): MinorCart {
  return {
    currency: rules.currency,
    rounding: rules.rounding,
    taxMode: rules.taxMode,
    cashIncrement: rules.cashIncrement,
    cashRoundingMode: rules.cashRoundingMode,
    lines: lines.map((line) => ({
      sku: line.sku,
      quantity: line.quantity,
      unitPrice: line.unit_price,
      taxRate: line.tax_rate,
      discount:
        line.discount_type === 'rate'
          ? { type: 'rate' as const, rate: line.discount_value! }
          : line.discount_type === 'amount'
            ? { type: 'amount' as const, amount: line.discount_value! }
            : undefined
    })),
    coupons: coupons.map(({ coupon }) => ({
      code: coupon.code,
      type: coupon.type,
      rate: coupon.rate,
      amount: coupon.amount,
      minSpend: coupon.min_spend
    }))
  }
}

/**
 * Quotes a cart from its stored rows (the Sell screen's cart, and checkout inside its transaction):
 * specs/settlement.md through `priceCart`, with no round trip of minor units through decimal text.
 * Gives exactly what `quoteCart(cartInputOf(rules, lines, coupons))` gives (property-tested).
 *
 * @throws CartValidationError naming the field when a stored row breaks the engine's rules (an older
 *   Kassa's row; the API answers `VALIDATION` with that field)
 */
export function quoteRows(
  rules: MoneyRules,
  lines: OrderLineRow[],
  coupons: Array<{ link: OrderCouponRow; coupon: CouponRow }>
): Quote {
  return priceCart(validateMinorCart(minorCartOf(rules, lines, coupons)))
}

const UNPRICED = {
  gross: 0,
  lineDiscount: 0,
  net: 0,
  orderDiscount: 0,
  netAfterDiscount: 0,
  tax: 0,
  total: 0
}

/**
 * The cart as the Sell screen shows it: stored lines beside the engine's figures. `quote` prices the
 * lines not waiting for a weight, in order; a `weight_pending` line gets zero figures (it has no
 * price until weighed, so it cannot slip into the amount payable).
 */
export function cartView(
  order: OrderRow,
  rules: MoneyRules,
  lines: OrderLineRow[],
  coupons: Array<{ link: OrderCouponRow; coupon: CouponRow }>,
  quote: Quote
): CartView {
  const itemCount = lines.reduce(
    (sum, line) => sum.plus(line.unit === 'kg' ? 1 : line.quantity),
    new Decimal(0)
  )
  let priced = 0
  return {
    id: order.id,
    status: order.status,
    currency: rules.currency,
    parkedAt: order.parked_at,
    parkedNote: order.parked_note,
    updatedAt: order.updated_at,
    lines: lines.map((line) => {
      const figures = line.weight_pending === 1 ? UNPRICED : quote.lines[priced++]!
      return {
        id: line.id,
        productId: line.product_id,
        sku: line.sku,
        name: line.name,
        nameEn: line.name_en,
        unit: line.unit,
        quantity: line.quantity,
        unitPrice: line.unit_price,
        listPrice: line.list_price,
        priceOverridden: line.unit_price !== line.list_price,
        weightPending: line.weight_pending === 1,
        // Filled in by the cart service, which can see the catalog (`catalog-drift.ts`).
        catalogChange: null,
        taxRate: line.tax_rate,
        discount: line.discount_type ? { type: line.discount_type, value: line.discount_value! } : null,
        gross: figures.gross,
        lineDiscount: figures.lineDiscount,
        net: figures.net,
        orderDiscount: figures.orderDiscount,
        netAfterDiscount: figures.netAfterDiscount,
        tax: figures.tax,
        total: figures.total
      }
    }),
    coupons: quote.coupons.map((coupon, i) => ({
      code: coupons[i]!.link.code,
      applied: coupon.applied,
      reason: coupon.reason ?? null,
      discount: coupon.discount
    })),
    totals: {
      grossTotal: quote.grossTotal,
      lineDiscountTotal: quote.lineDiscountTotal,
      subtotal: quote.subtotal,
      orderDiscountTotal: quote.orderDiscountTotal,
      discountTotal: quote.discountTotal,
      taxTotal: quote.taxTotal,
      total: quote.total,
      cashTotal: quote.cashTotal ?? quote.total,
      cashRounding: quote.cashRounding ?? 0,
      itemCount: itemCount.toFixed()
    }
  }
}
