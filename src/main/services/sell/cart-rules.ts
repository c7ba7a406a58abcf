import { roleCan } from '@shared/contract/roles'
import { formatMinor, parseDecimalToMinor } from '@shared/money/format'
import Decimal from 'decimal.js'
import { ApprovalRequired, DomainError } from '../../domain/errors'
import type { CouponRow } from '../../store/repos/coupons-repo'
import type { OrderRow } from '../../store/repos/orders-repo'
import type { Actor, ServiceContext } from '../service-context'
import type { SettingsService } from '../settings-service'

// The cart's two rules that are asked again elsewhere: a coupon's usability (again at checkout) and
// when a line discount needs a manager.

/**
 * Whether a coupon may be used today (`YYYY-MM-DD`, the store's time zone): active, within its dates,
 * uses left, and within this till's allotment of a chain-limited coupon (SYNC.md).
 *
 * @throws DomainError CONFLICT `code` (`errors.coupons.inactive`, `notYetValid`, `expired`, `usedUp`,
 *   `errors.sync.couponAllotmentUsed`)
 */
export const checkCouponUsable = (coupon: CouponRow, today: string): void => {
  if (!coupon.active)
    throw new DomainError('CONFLICT', `Coupon ${coupon.code} is no longer active`, 'code', {
      key: 'errors.coupons.inactive',
      params: { code: coupon.code }
    })
  if (coupon.valid_from && today < coupon.valid_from) {
    throw new DomainError('CONFLICT', `Coupon ${coupon.code} is valid from ${coupon.valid_from}`, 'code', {
      key: 'errors.coupons.notYetValid',
      params: { code: coupon.code, date: coupon.valid_from }
    })
  }
  if (coupon.valid_to && today > coupon.valid_to) {
    throw new DomainError('CONFLICT', `Coupon ${coupon.code} expired on ${coupon.valid_to}`, 'code', {
      key: 'errors.coupons.expired',
      params: { code: coupon.code, date: coupon.valid_to }
    })
  }
  if (coupon.usage_limit !== null && coupon.used_count >= coupon.usage_limit) {
    throw new DomainError('CONFLICT', `Coupon ${coupon.code} is used up`, 'code', {
      key: 'errors.coupons.usedUp',
      params: { code: coupon.code }
    })
  }
  // The head office's allotment for this till: none yet, or all of it used, is used up here.
  if (coupon.chain_limit !== null && coupon.used_count >= (coupon.allotment ?? 0)) {
    throw new DomainError('CONFLICT', `Coupon ${coupon.code} is used up on this till`, 'code', {
      key: 'errors.sync.couponAllotmentUsed',
      params: { code: coupon.code }
    })
  }
}

/**
 * A line discount above the store's limit (a share of the line's gross, `lineDiscountLimit`)
 * needs someone who may override prices, or their approval in place: otherwise 100 % off a
 * line went through while a ¥0.50 price cut needed a manager (issue 10). Throws
 * ApprovalRequired('price-override') naming the discount and the limit.
 */
export const requireDiscountApproval = (
  ctx: ServiceContext,
  settings: SettingsService,
  order: OrderRow,
  found: { quantity: string; unit_price: number },
  discount: { type: 'rate'; rate: string } | { type: 'amount'; amount: string },
  actor: Actor
): void => {
  if (actor.approverUserId) return
  const { store } = ctx
  const role = actor.userId ? store.users.get(actor.userId)?.role : undefined
  if (role && roleCan(role, 'price-override')) return
  const limit = new Decimal(store.lossPrevention.get().lineDiscountLimit)
  const gross = new Decimal(found.quantity).times(found.unit_price)
  // The engine never takes more off a line than its gross.
  const off = Decimal.min(
    gross,
    discount.type === 'rate'
      ? gross.times(discount.rate)
      : new Decimal(parseDecimalToMinor(discount.amount, order.currency, 'discount.amount'))
  )
  if (off.lte(gross.times(limit))) return
  const locale = settings.getProfile().locale
  const share = gross.isZero() ? new Decimal(1) : off.div(gross)
  const percent = (rate: Decimal): string => `${rate.times(100).toDecimalPlaces(1).toString()} %`
  throw new ApprovalRequired('price-override', `A line discount above ${percent(limit)} needs a manager`, {
    reason: 'lineDiscount',
    action: 'line-discount',
    amount: off.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber(),
    currency: order.currency,
    amountText: `${percent(share)} (${formatMinor(off.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber(), order.currency, locale)})`,
    limitText: percent(limit)
  })
}
