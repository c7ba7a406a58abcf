import { businessDate } from '@shared/time/zone'
import type { Coupon, CouponInput, CouponListItem } from '@shared/contract/channels/coupons'
import { parseDecimalToMinor } from '@shared/money/format'
import { newId } from '../../core/ids'
import { couponStanding } from '../../domain/pricing/coupon-standing'
import { DomainError, notFound } from '../../domain/errors'
import type { CouponRow } from '../../store/repos/coupons-repo'
import { recordChange, type Actor, type ServiceContext } from '../service-context'
import type { SettingsService } from '../settings-service'

function toCoupon(row: CouponRow): Coupon {
  return {
    id: row.id,
    code: row.code,
    type: row.type,
    rate: row.rate,
    amount: row.amount,
    minSpend: row.min_spend,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    usageLimit: row.usage_limit,
    usedCount: row.used_count,
    active: row.active === 1
  }
}

/** Coupons, managed by managers; carts apply them by code. */
export function createCouponsService(ctx: ServiceContext, deps: { settings: SettingsService }) {
  const { store, clock } = ctx

  const fields = (input: CouponInput) => {
    const currency = deps.settings.getProfile().currency
    return {
      type: input.type,
      rate: input.type === 'rate' ? input.rate! : null,
      amount: input.type === 'amount' ? parseDecimalToMinor(input.amount!, currency, 'amount') : null,
      min_spend:
        input.minSpend === undefined ? null : parseDecimalToMinor(input.minSpend, currency, 'minSpend'),
      valid_from: input.validFrom ?? null,
      valid_to: input.validTo ?? null,
      usage_limit: input.usageLimit ?? null,
      active: input.active === false ? 0 : 1
    }
  }

  return {
    /** Every coupon, with whether it can be used on the store's business day (its time zone). */
    list(): CouponListItem[] {
      const today = businessDate(clock.now(), deps.settings.timeZone())
      return store.coupons.all().map((row) => ({ ...toCoupon(row), standing: couponStanding(row, today) }))
    },

    /**
     * Creates a coupon (amounts as decimal text → minor units), with its audit entry and `coupon.created` event.
     * @throws DomainError CONFLICT `code` (`errors.coupons.codeTaken`); VALIDATION on an amount with too many decimals
     */
    create(input: CouponInput, actor: Actor): Coupon {
      return store.transaction(() => {
        if (store.coupons.byCode(input.code))
          throw new DomainError('CONFLICT', `Coupon code ${input.code} is already in use`, 'code', {
            key: 'errors.coupons.codeTaken',
            params: { code: input.code }
          })
        const at = clock.now().toISOString()
        const row = {
          id: newId(),
          code: input.code.toUpperCase(),
          ...fields(input),
          created_at: at,
          updated_at: at
        }
        store.coupons.insert(row)
        const coupon = toCoupon(store.coupons.byId(row.id)!)
        recordChange(ctx, {
          actorUserId: actor.userId,
          approverUserId: actor.approverUserId ?? null,
          action: 'coupon.created',
          subject: coupon.id,
          details: { ...coupon },
          event: { type: 'coupon.created', aggregateId: coupon.id, payload: coupon }
        })
        return coupon
      })
    },

    /**
     * Changes a coupon, with its audit entry and `coupon.updated` event.
     * @throws DomainError NOT_FOUND `id` (`errors.notFound.coupon`); VALIDATION on an amount
     */
    update(id: string, input: CouponInput, actor: Actor): Coupon {
      return store.transaction(() => {
        const before = store.coupons.byId(id)
        if (!before) throw notFound('Coupon', 'id', 'coupon')
        store.coupons.update({ id, ...fields(input), updated_at: clock.now().toISOString() })
        const coupon = toCoupon(store.coupons.byId(id)!)
        recordChange(ctx, {
          actorUserId: actor.userId,
          approverUserId: actor.approverUserId ?? null,
          action: 'coupon.updated',
          subject: id,
          details: { before: toCoupon(before), after: coupon },
          event: { type: 'coupon.updated', aggregateId: id, payload: coupon }
        })
        return coupon
      })
    }
  }
}

export type CouponsService = ReturnType<typeof createCouponsService>
