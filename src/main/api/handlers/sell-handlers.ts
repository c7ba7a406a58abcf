import type { SessionRegistry } from '../../core/sessions'
import type { CartService } from '../../services/sell/cart-service'
import type { CouponsService } from '../../services/sell/coupons-service'
import type { OrdersService } from '../../services/sell/orders-service'
import type { ReceiptService } from '../../services/sell/receipt-service'
import type { RefundsService } from '../../services/sell/refunds-service'
import type { TendersService } from '../../services/sell/tenders-service'
import type { PaymentsRuntime } from '../../services/payments/payments-runtime'
import type { Router } from '../router'
import { registerCartHandlers } from './cart-handlers'
import { registerCouponsHandlers } from './coupons-handlers'
import { registerOrdersHandlers } from './orders-handlers'
import { registerRefundsHandlers } from './refunds-handlers'
import { registerTendersHandlers } from './tenders-handlers'

export interface SellDeps {
  carts: CartService
  orders: OrdersService
  coupons: CouponsService
  receipts: ReceiptService
  refunds: RefundsService
  tenders: TendersService
  payments: PaymentsRuntime
  /** Settles when in-flight payments left by a restart have been asked about. */
  recovered: Promise<void>
  sessions: SessionRegistry
}

/** The cashier's channels, one handler file per contract file: cart, orders, refunds, tenders, coupons. */
export function registerSellHandlers(router: Router, deps: SellDeps): void {
  registerCartHandlers(router, deps)
  registerOrdersHandlers(router, deps)
  registerRefundsHandlers(router, deps)
  registerTendersHandlers(router, deps)
  registerCouponsHandlers(router, deps)
}
