import { actorOf } from '../actor'
import type { CallContext, Router } from '../router'
import type { SellDeps } from './sell-deps'

/** The channels of `contract/channels/refunds.ts`. */
export function registerRefundsHandlers(router: Router, deps: SellDeps): void {
  const { refunds, sessions } = deps
  const actor = (ctx: CallContext) => actorOf(sessions, ctx)

  router.handle('refunds:refundable', (input) => refunds.refundable(input.orderId))
  router.handle('refunds:create', (input, ctx) => refunds.create(input, actor(ctx)))
  router.handle('refunds:get-policy', () => refunds.policy())
  router.handle('refunds:update-policy', (input, ctx) =>
    refunds.updatePolicy(input.approvalThreshold, actor(ctx))
  )
}
