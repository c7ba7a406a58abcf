import type { CouponStanding } from '@shared/contract/channels/coupons'

/** The columns of a coupon row that decide whether it can be used. */
export interface CouponLimits {
  active: number | boolean
  valid_from: string | null
  valid_to: string | null
  usage_limit: number | null
  used_count: number
  /** A head-office coupon's chain-wide limit (null: the till's own coupon). */
  chain_limit?: number | null
  /** This till's share of a chain limit (null: none allotted yet). */
  allotment?: number | null
}

/**
 * Whether a coupon can be used on `today` (YYYY-MM-DD, the store's business day in its time
 * zone), and if not, the first reason in the order a cashier is told: switched off, not yet
 * valid, expired (valid through `valid_to` inclusive), used up, or this till's allotment of a
 * chain coupon used up (also `usedUp`). The one rule behind the coupon list's status and the
 * cart's refusal to apply it.
 */
export function couponStanding(coupon: CouponLimits, today: string): CouponStanding {
  if (!coupon.active) return 'disabled'
  if (coupon.valid_from && today < coupon.valid_from) return 'notYetValid'
  if (coupon.valid_to && today > coupon.valid_to) return 'expired'
  if (coupon.usage_limit !== null && coupon.used_count >= coupon.usage_limit) return 'usedUp'
  if (coupon.chain_limit != null && coupon.used_count >= (coupon.allotment ?? 0)) return 'usedUp'
  return 'active'
}
