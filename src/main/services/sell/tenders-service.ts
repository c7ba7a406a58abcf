import { requireOwnCart } from './cart-owner'
import type { CheckoutSession } from '@shared/contract/channels/tenders'
import { formatMinor, parseDecimalToMinor } from '@shared/money/format'
import { newId } from '../../core/ids'
import { DomainError, invalid, notFound } from '../../domain/errors'
import { nextOrderStatus } from '../../domain/orders/order-status'
import { transitionPayment, mayStillSucceed, type PaymentStatus } from '../../domain/payments/payment-status'
import type { PaymentFlow } from '../../payments/provider'
import type { OrderRow } from '../../store/repos/orders-repo'
import type { PaymentsRuntime, ProviderMethod } from '../payments/payments-runtime'
import { recordChange, type ServiceContext } from '../service-context'
import type { Actor } from '../service-context'
import { cashTendered, sellForCash } from './cash-sale'
import { completeIfCovered, freezeOrder, type FreezeDeps, type PaidSale } from './order-freeze'
import { createTenderOutcomes, type TenderTiming } from './tender-outcomes'
import { checkoutSession } from './tender-views'
import { payableOf } from '../../domain/orders/payable'
import { releaseCouponUses } from './coupon-uses'

export type { TenderTiming } from './tender-outcomes'

/**
 * Taking payment in tenders, split or not. Each non-cash tender is one attempt with its own
 * trade number: recorded before the provider is called, then resolved by polling (primary),
 * verified notifications (secondary, de-duplicated) and, after `giveUpMs`, a cancel or
 * reverse. An attempt whose outcome is unknown keeps its amount reserved, so the cashier can
 * never be offered a second try that could charge the customer twice. The order is paid —
 * one transaction with its journal entry — once the succeeded tenders cover what is due.
 */
export function createTendersService(
  ctx: ServiceContext,
  deps: FreezeDeps & { runtime: PaymentsRuntime; timing: TenderTiming }
) {
  const { store, clock } = ctx
  const session = (orderId: string, paid?: PaidSale): CheckoutSession => checkoutSession(store, orderId, paid)
  const outcomes = createTenderOutcomes(ctx, { runtime: deps.runtime, timing: deps.timing, session })
  const { observe, providerOf, cancelAttempt, watch } = outcomes

  /**
   * The one place cash is taken: a succeeded cash tender of `amount` (minor units) for an order
   * awaiting payment, with `tendered` handed over (the rest is change), paying the order if that
   * covers it. Call inside a transaction.
   *
   * @throws VALIDATION `tendered` (errors.checkout.tenderedTooLittle) when less than `amount`.
   */
  const takeCash = (
    order: OrderRow,
    amount: number,
    tenderedText: string | undefined,
    attemptKey: string,
    actor: Actor,
    confirmLargeTender: boolean,
    locale: string
  ): { id: string; paid: PaidSale | null } => {
    const tendered = cashTendered(amount, tenderedText, order.currency, confirmLargeTender, locale)
    const at = clock.now().toISOString()
    const id = newId()
    store.payments.insert({
      id,
      order_id: order.id,
      method: 'cash',
      status: 'succeeded',
      amount,
      tendered,
      change_given: tendered - amount,
      trade_no: null,
      provider_ref: null,
      created_at: at,
      completed_at: at,
      flow: 'cash',
      attempt_key: attemptKey,
      // The order's shift, written with the row rather than copied in by the trigger's second write.
      shift_id: order.shift_id
    })
    return { id, paid: completeIfCovered(ctx, order.id, actor.userId, order) }
  }

  const awaitingOrder = (orderId: string, actor: Actor) => {
    const order = store.orders.get(orderId)
    if (!order) throw notFound('Order', 'orderId', 'order')
    requireOwnCart(order, actor.userId, 'orderId')
    if (order.status !== 'awaiting_payment')
      throw new DomainError('CONFLICT', `This order is already ${order.status}`, 'orderId', {
        key: 'errors.checkout.orderAlready',
        params: { status: order.status }
      })
    return order
  }

  const service = {
    /**
     * Where an order's payment stands (minor units), for whoever asks (the router's gate checks the role).
     * @throws DomainError NOT_FOUND `orderId` `errors.notFound.order` (see `checkoutSession`)
     */
    session,
    /** Subscribed to the runtime's verified notifications (see `tender-outcomes.ts`). */
    applyNotification: outcomes.applyNotification,
    /** At start: asks about every attempt left open (see `tender-outcomes.ts`). */
    recover: outcomes.recover,
    /** For tests: run the watcher once now. */
    tick: outcomes.tick,

    /** Unsubscribes from notifications and stops the watcher. */
    close(): void {
      unsubscribe()
      outcomes.close()
    },

    /**
     * The payment state of `orderId` (minor units), for the cashier whose order it is while it awaits payment.
     * @throws DomainError NOT_FOUND `orderId` `errors.notFound.order`; CONFLICT `orderId`
     *   `errors.cart.notYours` (awaiting another cashier's payment)
     */
    sessionFor(orderId: string, actor: Actor): CheckoutSession {
      const order = store.orders.get(orderId)
      if (!order) throw notFound('Order', 'orderId', 'order')
      if (order.status === 'awaiting_payment') requireOwnCart(order, actor.userId, 'orderId')
      return session(orderId)
    },

    /**
     * Freezes a cart into an order awaiting payment (number, figures, coupons), one transaction.
     * With `cash`, the sale is settled wholly in cash at once: frozen with cash rounding and paid
     * by one cash tender of the whole payable in the same transaction — the F12 quick cash sale
     * (`sellForCash`). The same `checkoutKey` again answers with that order (`replayed`), never a
     * second one.
     *
     * @throws CONFLICT `checkoutKey` (errors.checkout.keyOfAnotherOrder), `shift`
     *   (errors.shift.notOpen), `code` (errors.coupons.*); VALIDATION `cartId` (errors.cart.empty),
     *   `tendered` (errors.checkout.tenderedTooLittle, errors.checkout.implausibleTender unless
     *   `cash.confirmLargeTender`), `quantity` (errors.checkout.weightMissing); NOT_FOUND `cartId`.
     */
    begin(
      input: {
        cartId: string
        checkoutKey: string
        cash?: { tendered: string; confirmLargeTender?: boolean | undefined } | undefined
      },
      actor: Actor
    ): CheckoutSession & { replayed: boolean } {
      return store.transaction(() => {
        const earlier = store.orders.byCheckoutKey(input.checkoutKey)
        if (earlier) {
          if (earlier.id !== input.cartId)
            throw new DomainError('CONFLICT', 'This checkout key belongs to another order', 'checkoutKey', {
              key: 'errors.checkout.keyOfAnotherOrder'
            })
          return { ...session(earlier.id), replayed: true }
        }
        // Resuming a payment the screen lost (a reload): the same order, never a second one.
        const resumed = store.orders.get(input.cartId)
        if (resumed?.status === 'awaiting_payment') {
          requireOwnCart(resumed, actor.userId, 'cartId')
          return { ...session(input.cartId), replayed: false }
        }
        const freeze = { ...input, actor, draft: resumed }
        if (input.cash) {
          const sale = sellForCash(ctx, deps, {
            ...freeze,
            whollyCash: true,
            tendered: input.cash.tendered,
            confirmLargeTender: input.cash.confirmLargeTender === true
          })
          return { ...session(sale.row.id, sale), replayed: false }
        }
        const { order } = freezeOrder(ctx, deps, { ...freeze, whollyCash: false })
        return { ...session(order.id), replayed: false }
      })
    },

    /**
     * Adds a tender to an order awaiting payment (`attemptKey` makes a retry return the first result): cash at once through `takeCash`; card, Alipay or WeChat Pay as an attempt with its own trade number, recorded before the provider is called and then watched. `amount`/`tendered` are decimal text in the order's currency; an attempt whose outcome is unknown keeps its amount reserved.
     * @throws DomainError UNAVAILABLE `method` (`errors.payments.methodUnavailable`); CONFLICT `orderId` (`errors.checkout.nothingLeft`, `errors.checkout.orderAlready`, `errors.cart.notYours`); VALIDATION `amount` (`errors.validation.notPositive`, `errors.checkout.moreThanLeft`), `tendered` (`errors.checkout.tenderedTooLittle`, above `plausibleTenderLimit` unconfirmed: `errors.checkout.implausibleTender`); NOT_FOUND `orderId`
     */
    async add(
      input: {
        orderId: string
        attemptKey: string
        method: 'cash' | ProviderMethod
        amount?: string | undefined
        flow?: 'merchant_qr' | 'customer_code' | undefined
        authCode?: string | undefined
        tendered?: string | undefined
        confirmLargeTender?: boolean | undefined
      },
      actor: Actor
    ): Promise<CheckoutSession> {
      if (input.method !== 'cash') {
        const reachable = await deps.runtime.reachable()
        if (!reachable.ok)
          throw new DomainError('UNAVAILABLE', reachable.reason ?? 'Not available', 'method', {
            key: 'errors.payments.methodUnavailable',
            params: { method: input.method }
          })
      }
      const recorded = store.transaction(() => {
        const earlier = store.payments.byAttemptKey(input.attemptKey)
        if (earlier) return { payment: earlier, fresh: false }
        const order = awaitingOrder(input.orderId, actor)
        const payments = store.payments.forOrder(order.id)
        // Attempts that may still take money keep their amount reserved: no second try can overlap them.
        const reserved = payments
          .filter((p) => p.status === 'succeeded' || mayStillSucceed(p.status as PaymentStatus))
          .reduce((sum, p) => sum + p.amount, 0)
        const left = payableOf(order) - reserved
        const locale = deps.settings.getProfile().locale
        if (left <= 0)
          throw new DomainError(
            'CONFLICT',
            'Nothing is left to pay; wait for the open payment to finish',
            'amount',
            { key: 'errors.checkout.nothingLeft' }
          )
        const amount =
          input.amount === undefined ? left : parseDecimalToMinor(input.amount, order.currency, 'amount')
        if (amount <= 0)
          throw invalid('amount', 'must be greater than 0', { key: 'errors.validation.notPositive' })
        if (amount > left)
          throw invalid(
            'amount',
            `is more than the ${formatMinor(left, order.currency, locale)} left to pay`,
            {
              key: 'errors.checkout.moreThanLeft',
              params: { left: formatMinor(left, order.currency, locale) }
            }
          )
        if (input.method === 'cash') {
          const { id } = takeCash(
            order,
            amount,
            input.tendered,
            input.attemptKey,
            actor,
            input.confirmLargeTender === true,
            locale
          )
          return { payment: store.payments.byId(id)!, fresh: false }
        }
        const at = clock.now().toISOString()
        const id = newId()
        const flow: PaymentFlow = input.method === 'card' ? 'terminal' : input.flow!
        const tradeNo = `${order.number!.replace('-', '')}P${payments.length + 1}`
        store.payments.insert({
          id,
          order_id: order.id,
          method: input.method,
          status: 'created',
          amount,
          tendered: amount,
          change_given: 0,
          trade_no: tradeNo,
          provider_ref: null,
          created_at: at,
          completed_at: null,
          flow,
          attempt_key: input.attemptKey,
          expires_at: new Date(clock.now().getTime() + deps.timing.giveUpMs).toISOString()
        })
        return { payment: store.payments.byId(id)!, fresh: true }
      })

      const { payment } = recorded
      if (recorded.fresh) {
        const provider = await providerOf(payment)
        deps.runtime.prepareTrade(payment.trade_no!, payment.flow as PaymentFlow)
        const notifyUrl = deps.runtime.notifyUrl(payment.method as ProviderMethod)
        const order = store.orders.get(payment.order_id)!
        // Recorded before the call, so a crash during it leaves an attempt that recovery queries.
        const outcome = await provider.create({
          tradeNo: payment.trade_no!,
          amount: payment.amount,
          currency: order.currency,
          subject: `${deps.settings.getProfile().storeName} ${order.number}`,
          flow: payment.flow as PaymentFlow,
          ...(input.authCode ? { authCode: input.authCode } : {}),
          ...(notifyUrl ? { notifyUrl } : {}),
          expiresInSeconds: Math.ceil(deps.timing.giveUpMs / 1000)
        })
        if (outcome.status === 'unknown') {
          store.transaction(() =>
            store.payments.update(
              payment.id,
              { status: transitionPayment(store.payments.byId(payment.id)!.status, 'unknown') },
              clock.now().toISOString()
            )
          )
        }
        observe(payment.id, outcome.status, outcome)
        const now = store.payments.byId(payment.id)!
        if (mayStillSucceed(now.status as PaymentStatus)) watch(now)
      }
      return session(payment.order_id)
    },

    /**
     * Cancels an open card or QR attempt at its provider (closed or reversed; a succeeded answer is kept); the watcher follows up an attempt that stays open.
     * @throws DomainError NOT_FOUND `tenderId` (`errors.notFound.tender`); CONFLICT `orderId` (`errors.cart.notYours`)
     */
    async cancelTender(tenderId: string, actor: Actor): Promise<CheckoutSession> {
      const payment = store.payments.byId(tenderId)
      if (!payment) throw notFound('Tender', 'tenderId', 'tender')
      const order = store.orders.get(payment.order_id)
      if (order) requireOwnCart(order, actor.userId, 'orderId')
      if (payment.method !== 'cash' && mayStillSucceed(payment.status as PaymentStatus)) {
        await cancelAttempt(payment)
        const after = store.payments.byId(tenderId)!
        if (mayStillSucceed(after.status as PaymentStatus)) watch(after, clock.now().getTime())
      }
      return session(payment.order_id)
    },

    /**
     * Cancels an order awaiting payment: cash taken towards it is reversed (back to the customer), its coupons are released, one transaction with the audit entry and `order.cancelled` event.
     * @throws DomainError CONFLICT `orderId` (`errors.checkout.providerTenderOpen` while a card or QR payment succeeded or is open, `errors.checkout.orderAlready`, `errors.cart.notYours`); NOT_FOUND `orderId`
     */
    cancelOrder(orderId: string, actor: Actor): CheckoutSession {
      return store.transaction(() => {
        const order = awaitingOrder(orderId, actor)
        const payments = store.payments.forOrder(orderId)
        if (
          payments.some(
            (p) =>
              p.method !== 'cash' && (p.status === 'succeeded' || mayStillSucceed(p.status as PaymentStatus))
          )
        ) {
          throw new DomainError(
            'CONFLICT',
            'A card or QR payment went through or is still open: cancel that tender first',
            'orderId',
            { key: 'errors.checkout.providerTenderOpen' }
          )
        }
        const at = clock.now().toISOString()
        // Cash taken towards it goes back to the customer; it never reached the books.
        for (const cash of payments.filter((p) => p.method === 'cash' && p.status === 'succeeded')) {
          store.payments.update(
            cash.id,
            { status: transitionPayment(cash.status, 'reversed'), completed_at: at },
            at
          )
        }
        releaseCouponUses(store, orderId)
        nextOrderStatus(order.status, 'cancel')
        store.orders.close(
          orderId,
          'awaiting_payment',
          'cancelled',
          actor.userId,
          'cancelled at the till',
          at
        )
        recordChange(ctx, {
          actorUserId: actor.userId,
          action: 'order.cancelled',
          subject: orderId,
          details: { number: order.number },
          event: {
            type: 'order.cancelled',
            aggregateId: orderId,
            payload: { id: orderId, number: order.number }
          }
        })
        return session(orderId)
      })
    }
  }
  // Verified notifications reach the service by subscription; `close` ends it.
  const unsubscribe = deps.runtime.onNotification((event) => service.applyNotification(event))
  return service
}

export type TendersService = ReturnType<typeof createTendersService>
