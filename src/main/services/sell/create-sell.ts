import type { ServiceContext } from '../service-context'
import type { SettingsService } from '../settings-service'
import { createCartService } from './cart-service'
import { createCouponsService } from './coupons-service'
import { createOrdersService } from './orders-service'
import { createRefundsService } from './refunds-service'
import type { PaymentsRuntime } from '../payments/payments-runtime'
import type { ProductSource } from './product-source'
import { createTendersService, type TenderTiming } from './tenders-service'

const TERMINAL_KEY = 'terminal.code'

/** The selling services, wired to one store. */
export function createSellServices(
  ctx: ServiceContext,
  deps: {
    settings: SettingsService
    products: ProductSource
    payments: PaymentsRuntime
    timing: TenderTiming
  }
) {
  // The code printed in order numbers (T01-000123); one per till.
  const terminal = (): string => ctx.store.preferences.get(TERMINAL_KEY) ?? 'T01'
  const carts = createCartService(ctx, { products: deps.products, settings: deps.settings, terminal })
  return {
    carts,
    orders: createOrdersService(ctx, { settings: deps.settings }),
    coupons: createCouponsService(ctx, { settings: deps.settings }),
    refunds: createRefundsService(ctx, {
      settings: deps.settings,
      terminal,
      payments: deps.payments,
      pollMs: deps.timing.pollMs
    }),
    tenders: createTendersService(ctx, {
      carts,
      settings: deps.settings,
      terminal,
      runtime: deps.payments,
      timing: deps.timing
    })
  }
}
