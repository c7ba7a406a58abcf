import type { SellDeps } from './sell-deps'
import type { Router } from '../router'
import { registerCartHandlers } from './cart-handlers'
import { registerCouponsHandlers } from './coupons-handlers'
import { registerOrdersHandlers } from './orders-handlers'
import { registerRefundsHandlers } from './refunds-handlers'
import { registerTendersHandlers } from './tenders-handlers'

/** The cashier's channels, one handler file per contract file: cart, orders, refunds, tenders, coupons. */
export function registerSellHandlers(router: Router, deps: SellDeps): void {
  registerCartHandlers(router, deps)
  registerOrdersHandlers(router, deps)
  registerRefundsHandlers(router, deps)
  registerTendersHandlers(router, deps)
  registerCouponsHandlers(router, deps)
}
