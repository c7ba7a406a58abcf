import type { SessionRegistry } from '../../core/sessions'
import type { CartService } from '../../services/sell/cart-service'
import type { CheckoutService } from '../../services/sell/checkout-service'
import type { CouponsService } from '../../services/sell/coupons-service'
import type { OrdersService } from '../../services/sell/orders-service'
import type { ReceiptService } from '../../services/sell/receipt-service'
import type { RefundsService } from '../../services/sell/refunds-service'
import type { TendersService } from '../../services/sell/tenders-service'
import type { PaymentsRuntime } from '../../services/payments/payments-runtime'
import { DomainError } from '../../domain/errors'
import type { CallContext, Router } from '../router'

export interface SellDeps {
  carts: CartService
  checkout: CheckoutService
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

/** The cashier's channels: cart, cash checkout, order history, coupons. */
export function registerSellHandlers(router: Router, deps: SellDeps): void {
  const { carts, checkout, orders, coupons, receipts, refunds, tenders, payments, recovered, sessions } = deps
  const actor = (ctx: CallContext) => ({
    userId: sessions.userIdOf(ctx.sessionId),
    approverUserId: ctx.approverUserId ?? null
  })

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

  router.handle('checkout:preview-cash', (input, ctx) => checkout.previewCash(input, actor(ctx)))
  router.handle('checkout:pay-cash', (input, ctx) => checkout.payCash(input, actor(ctx)))
  router.handle('orders:search', (input) => orders.search(input))
  router.handle('orders:cashiers', () => orders.cashiers())
  router.handle('orders:get', (input) => orders.get(input.orderId))
  router.handle('receipt:save-pdf', (input, ctx) => receipts.savePdf(input.orderId, ctx.sessionId))
  router.handle('orders:void', (input, ctx) => orders.void(input, actor(ctx)))

  router.handle('refunds:refundable', (input) => refunds.refundable(input.orderId))
  router.handle('refunds:create', (input, ctx) => refunds.create(input, actor(ctx)))
  router.handle('refunds:get-policy', () => refunds.policy())
  router.handle('refunds:update-policy', (input, ctx) =>
    refunds.updatePolicy(input.approvalThreshold, actor(ctx).userId)
  )

  // Payments wait for the restart recovery, so nothing is decided on stale attempts.
  router.handle('checkout:begin', async (input, ctx) => (await recovered, tenders.begin(input, actor(ctx))))
  router.handle(
    'checkout:state',
    async (input, ctx) => (await recovered, tenders.sessionFor(input.orderId, actor(ctx)))
  )
  router.handle(
    'checkout:cancel',
    async (input, ctx) => (await recovered, tenders.cancelOrder(input.orderId, actor(ctx)))
  )
  router.handle('tenders:add', async (input, ctx) => {
    await recovered
    return tenders.add(input, actor(ctx))
  })
  router.handle('tenders:cancel', async (input, ctx) => {
    await recovered
    return tenders.cancelTender(input.tenderId, actor(ctx))
  })
  router.handle('payments:availability', async () => {
    const reachable = await payments.reachable()
    const provider = { available: reachable.ok, reason: reachable.reason }
    return {
      sandbox: payments.sandbox,
      methods: { cash: { available: true, reason: null }, card: provider, alipay: provider, wechat: provider }
    }
  })
  const sandboxOnly = () => {
    if (!payments.sandbox)
      throw new DomainError('UNAVAILABLE', 'The customer panel exists only in sandbox mode')
  }
  router.handle('sandbox:trades', async () => {
    sandboxOnly()
    const { trades } = (await payments.sandboxRequest('GET', '/trades?open=1')) as {
      trades: Array<{
        provider: 'alipay' | 'wechat' | 'card'
        tradeNo: string
        amount: number
        state: string
        waitingFor: string | null
      }>
    }
    const needs = { scan: 'scan', confirm: 'approve', password: 'password', card: 'card' } as const
    return trades.map((t) => ({
      provider: t.provider,
      tradeNo: t.tradeNo,
      amount: t.amount,
      state: t.state,
      needs: t.waitingFor ? (needs[t.waitingFor as keyof typeof needs] ?? 'none') : 'none'
    }))
  })
  router.handle('sandbox:act', async (input) => {
    sandboxOnly()
    const path = `/trades/${input.provider}/${encodeURIComponent(input.tradeNo)}/${input.action}`
    const body =
      input.action === 'password'
        ? { password: input.password }
        : input.action === 'card'
          ? { pan: input.pan, pin: input.pin }
          : {}
    try {
      const trade = (await payments.sandboxRequest('POST', path, body)) as { state: string }
      return { state: trade.state }
    } catch (error) {
      throw new DomainError('CONFLICT', error instanceof Error ? error.message : String(error))
    }
  })

  router.handle('coupons:list', () => coupons.list())
  router.handle('coupons:create', (input, ctx) => coupons.create(input, actor(ctx).userId))
  router.handle('coupons:update', (input, ctx) => coupons.update(input.id, input.coupon, actor(ctx).userId))
}
