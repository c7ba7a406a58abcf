import { actorOf } from '../actor'
import type { CallContext, Router } from '../router'
import type { SellDeps } from './sell-deps'

/** The channels of `contract/channels/coupons.ts`. */
export function registerCouponsHandlers(router: Router, deps: SellDeps): void {
  const { coupons, sessions } = deps
  const actor = (ctx: CallContext) => actorOf(sessions, ctx)

  router.handle('coupons:list', () => coupons.list())
  router.handle('coupons:create', (input, ctx) => coupons.create(input, actor(ctx)))
  router.handle('coupons:update', (input, ctx) => coupons.update(input.id, input.coupon, actor(ctx)))
}
