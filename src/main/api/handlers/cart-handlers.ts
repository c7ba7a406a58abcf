import { actorOf } from '../actor'
import type { CallContext, Router } from '../router'
import type { SellDeps } from './sell-handlers'

/** The channels of `contract/channels/cart.ts`: the cart a cashier builds. */
export function registerCartHandlers(router: Router, deps: SellDeps): void {
  const { carts, sessions } = deps
  const actor = (ctx: CallContext) => actorOf(sessions, ctx)

  router.handle('cart:open', (_input, ctx) => carts.open(actor(ctx)))
  router.handle('cart:get', (input) => carts.get(input.cartId))
  router.handle('cart:add-item', (input) => carts.addItem(input))
  router.handle('cart:set-quantity', (input) => carts.setQuantity(input))
  router.handle('cart:remove-line', (input) => carts.removeLine(input))
  router.handle('cart:set-line-discount', (input) => carts.setLineDiscount(input))
  router.handle('cart:override-price', (input, ctx) => carts.overridePrice(input, actor(ctx)))
  router.handle('cart:apply-coupon', (input) => carts.applyCoupon(input))
  router.handle('cart:remove-coupon', (input) => carts.removeCoupon(input))
  router.handle('cart:park', (input, ctx) => carts.park(input, actor(ctx)))
  router.handle('cart:list-parked', () => carts.listParked())
  router.handle('cart:resume', (input, ctx) => carts.resume(input, actor(ctx)))
  router.handle('cart:discard', (input, ctx) => carts.discard(input, actor(ctx)))
}
