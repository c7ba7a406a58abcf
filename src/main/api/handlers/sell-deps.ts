import type { SessionRegistry } from '../../core/sessions'
import type { CartService } from '../../services/sell/cart-service'
import type { CouponsService } from '../../services/sell/coupons-service'
import type { OrdersService } from '../../services/sell/orders-service'
import type { ReceiptService } from '../../services/sell/receipt-service'
import type { RefundsService } from '../../services/sell/refunds-service'
import type { TendersService } from '../../services/sell/tenders-service'
import type { PaymentsRuntime } from '../../services/payments/payments-runtime'

/** What the cashier's handlers are built from (`registerSellHandlers` and each of its files). */
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
