import { actorOf } from '../actor'
import type { CallContext, Router } from '../router'
import type { SellDeps } from './sell-deps'

/** The channels of `contract/channels/cart.ts`: the cart a cashier builds. */
export function registerCartHandlers(router: Router, deps: SellDeps): void {
  const { carts, sessions } = deps
  const actor = (ctx: CallContext) => actorOf(sessions, ctx)

  router.handle('cart:open', (_input, ctx) => carts.open(actor(ctx)))
  router.handle('cart:get', (input, ctx) => carts.get(input.cartId, actor(ctx)))
  router.handle('cart:add-item', (input, ctx) => carts.addItem(input, actor(ctx)))
  router.handle('cart:set-quantity', (input, ctx) => carts.setQuantity(input, actor(ctx)))
  router.handle('cart:remove-line', (input, ctx) => carts.removeLine(input, actor(ctx)))
  router.handle('cart:set-line-discount', (input, ctx) => carts.setLineDiscount(input, actor(ctx)))
  router.handle('cart:override-price', (input, ctx) => carts.overridePrice(input, actor(ctx)))
  router.handle('cart:apply-coupon', (input, ctx) => carts.applyCoupon(input, actor(ctx)))
  router.handle('cart:remove-coupon', (input, ctx) => carts.removeCoupon(input, actor(ctx)))
  router.handle('cart:park', (input, ctx) => carts.park(input, actor(ctx)))
  router.handle('cart:list-parked', () => carts.listParked())
  router.handle('cart:resume', (input, ctx) => carts.resume(input, actor(ctx)))
  router.handle('cart:discard', (input, ctx) => carts.discard(input, actor(ctx)))
}
