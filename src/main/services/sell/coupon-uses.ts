import type { Store } from '../../store/store'

/**
 * A coupon use belongs to a sale that stands. When an order stops standing — voided, or
 * refunded in whole (how a non-cash sale is undone) — each coupon it applied gets its use
 * back, so a one-use coupon can be used again; when a refund the provider refused puts a
 * wholly refunded order back to (partly) paid, the use is taken again. Call inside the
 * transaction that changes the order's status. `retake` is guarded like a sale's redeem: a
 * use taken meanwhile by another sale is not taken twice (returns the coupons it could not).
 */
export function releaseCouponUses(store: Store, orderId: string): void {
  for (const coupon of store.orders.coupons(orderId))
    if (coupon.applied) store.coupons.release(coupon.coupon_id)
}

/** See `releaseCouponUses`; returns the ids of coupons whose use could not be taken again. */
export function retakeCouponUses(store: Store, orderId: string): string[] {
  const missed: string[] = []
  for (const coupon of store.orders.coupons(orderId))
    if (coupon.applied && !store.coupons.redeem(coupon.coupon_id)) missed.push(coupon.coupon_id)
  return missed
}
