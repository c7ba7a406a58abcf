import { actorOf } from '../actor'
import type { CallContext, Router } from '../router'
import type { SellDeps } from './sell-deps'

/** The channels of `contract/channels/orders.ts`: order history, receipts, voids. */
export function registerOrdersHandlers(router: Router, deps: SellDeps): void {
  const { orders, receipts, sessions } = deps
  const actor = (ctx: CallContext) => actorOf(sessions, ctx)

  router.handle('orders:search', (input) => orders.search(input))
  router.handle('orders:cashiers', () => orders.cashiers())
  router.handle('orders:get', (input) => orders.get(input.orderId))
  router.handle('receipt:save-pdf', (input, ctx) => receipts.savePdf(input.orderId, ctx.sessionId))
  router.handle('orders:void', (input, ctx) => orders.void(input, actor(ctx)))
}
