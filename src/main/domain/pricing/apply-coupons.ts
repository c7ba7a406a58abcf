import type { QuoteCoupon } from '../../../shared/schemas/cart'
import { roundMulDiv } from '../money/round-ratio'
import type { RoundingMode } from '../money/rounding-mode'
import type { ValidCoupon } from './valid-cart'

export interface CouponOutcome {
  readonly coupons: QuoteCoupon[]
  /** `orderDiscount = Σ d` over the applied coupons, in minor units. */
  readonly orderDiscount: number
}

/**
 * Settlement spec step 4: applies coupons in the order given. Each discounts what the ones before it
 * left (`remaining`), so no sequence of coupons can take the order below zero; a coupon whose `minSpend`
 * exceeds the subtotal is reported as not applied and discounts nothing.
 *
 * @example
 * // ¥180.00 with SAVE10 (10 %, min ¥50) then MINUS5 (¥5): d = 18.00, then 5.00 → orderDiscount 2300
 * applyCoupons(18000, [
 *   { code: 'SAVE10', type: 'rate', rate: { num: 1, den: 10 }, minSpend: 5000 },
 *   { code: 'MINUS5', type: 'amount', amount: 500, minSpend: undefined }
 * ], 'half-up')
 */
export function applyCoupons(
  subtotal: number,
  coupons: readonly ValidCoupon[],
  mode: RoundingMode
): CouponOutcome {
  let remaining = subtotal
  const outcomes: QuoteCoupon[] = []
  for (const coupon of coupons) {
    if (coupon.minSpend !== undefined && subtotal < coupon.minSpend) {
      outcomes.push({ code: coupon.code, applied: false, reason: 'min_spend_not_met', discount: 0 })
      continue
    }
    const discount =
      coupon.type === 'rate'
        ? roundMulDiv(remaining, coupon.rate.num, coupon.rate.den, mode)
        : Math.min(coupon.amount, remaining)
    remaining -= discount
    outcomes.push({ code: coupon.code, applied: true, discount })
  }
  return { coupons: outcomes, orderDiscount: subtotal - remaining }
}
