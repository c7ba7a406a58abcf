import type { OrderDetail } from '@shared/contract/channels/orders'
import { requireOwnCart } from './cart-owner'
import type { CheckoutSession, Tender } from '@shared/contract/channels/tenders'
import { formatMinor, parseDecimalToMinor } from '@shared/money/format'
import { newId } from '../../core/ids'
import { DomainError, invalid, notFound } from '../../domain/errors'
import { assertPlausibleTender } from '../../domain/payments/plausible-tender'
import type { TenderMethod } from '../../domain/ledger/accounts'
import { nextOrderStatus } from '../../domain/orders/order-status'
import {
  applyObservedStatus,
  transitionPayment,
  isDefinite,
  mayStillSucceed,
  type ObservedPaymentStatus,
  type PaymentStatus
} from '../../domain/payments/payment-status'
import type { PaymentFlow, PaymentNotification, PaymentOutcome } from '../../payments/provider'
import type { PaymentRow } from '../../store/repos/payments-repo'
import type { OrderRow } from '../../store/repos/orders-repo'
import type { PaymentsRuntime, ProviderMethod } from '../payments/payments-runtime'
import { recordChange, type ServiceContext } from '../service-context'
import type { Actor } from '../service-context'
import { completeSale, freezeOrder, type FreezeDeps } from './order-freeze'
import { orderDetail } from './order-views'
import { payableOf } from '../../domain/orders/payable'
import { releaseCouponUses } from './coupon-uses'

export interface TenderTiming {
  /** How often an open attempt is queried (the providers advise a few seconds). */
  pollMs: number
  /** After this long an attempt nobody finished is cancelled (closed or reversed). */
  giveUpMs: number
}

interface Watch {
  giveUpAt: number
  nextPollAt: number
  busy: boolean
  cancelling: boolean
}

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
  const { store, clock, logger, events } = ctx
  const watches = new Map<string, Watch>()
  let timer: NodeJS.Timeout | null = null

  const tenderView = (row: PaymentRow): Tender => ({
    id: row.id,
    method: row.method,
    flow: (row.flow ?? 'cash') as Tender['flow'],
    status: row.status,
    amount: row.amount,
    tendered: row.tendered,
    change: row.change_given,
    tradeNo: row.trade_no,
    qrContent: row.qr_content ?? null,
    maskedPan: row.masked_pan ?? null,
    failure: row.failure_code ? { code: row.failure_code, message: row.failure_message ?? '' } : null,
    createdAt: row.created_at,
    expiresAt: row.expires_at ?? null
  })

  /** `detail`: the order's view when the caller has just built it (a sale just completed). */
  const session = (orderId: string, detail?: OrderDetail): CheckoutSession => {
    const order = store.orders.get(orderId)
    if (!order?.number) throw notFound('Order', 'orderId', 'order')
    const payments = store.payments.forOrder(orderId)
    const due = payableOf(order)
    const paid = payments.filter((p) => p.status === 'succeeded').reduce((sum, p) => sum + p.amount, 0)
    return {
      order: detail ?? orderDetail(store, order),
      due,
      paid,
      remaining: Math.max(0, due - paid),
      change: payments
        .filter((p) => p.method === 'cash' && p.status === 'succeeded')
        .reduce((sum, p) => sum + p.change_given, 0),
      tenders: payments.map(tenderView)
    }
  }

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
    confirmLargeTender: boolean
  ): { id: string; paid: OrderDetail | null } => {
    const locale = deps.settings.getProfile().locale
    const tendered =
      tenderedText === undefined ? amount : parseDecimalToMinor(tenderedText, order.currency, 'tendered')
    if (tendered < amount)
      throw invalid('tendered', `is less than ${formatMinor(amount, order.currency, locale)}`, {
        key: 'errors.checkout.tenderedTooLittle',
        params: { amount: formatMinor(amount, order.currency, locale) }
      })
    assertPlausibleTender(tendered, amount, order.currency, confirmLargeTender, locale)
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
      attempt_key: attemptKey
    })
    return { id, paid: completeIfCovered(order.id, actor.userId) }
  }

  const announce = (payment: PaymentRow): void => {
    const state = session(payment.order_id)
    events.emit('payment:changed', {
      orderId: payment.order_id,
      tender: tenderView(store.payments.byId(payment.id)!),
      orderStatus: state.order.status,
      remaining: state.remaining
    })
  }

  /** Pays the order if its succeeded tenders now cover it. Call inside a transaction. */
  const completeIfCovered = (orderId: string, actorUserId: string | null): OrderDetail | null => {
    const order = store.orders.get(orderId)!
    if (order.status !== 'awaiting_payment') return null
    const succeeded = store.payments.forOrder(orderId).filter((p) => p.status === 'succeeded')
    const paid = succeeded.reduce((sum, p) => sum + p.amount, 0)
    if (paid < payableOf(order)) return null
    return completeSale(ctx, {
      orderId,
      tenders: succeeded.map((p) => ({
        method: p.method as TenderMethod,
        amount: p.amount,
        tendered: p.tendered
      })),
      // A provider's answer has no person behind it: the sale stays the cashier's who rang it up.
      actorUserId: actorUserId ?? order.cashier_user_id
    }).order
  }

  /**
   * Applies what a provider said about one attempt (a poll's answer or a notification) through the
   * payment state machine; pays the order once its tenders cover it. Call inside a transaction;
   * returns whether anything changed (then call `announceObserved` after the commit).
   */
  const applyObserved = (
    paymentId: string,
    observed: ObservedPaymentStatus,
    outcome: Partial<PaymentOutcome> = {}
  ): boolean => {
    const payment = store.payments.byId(paymentId)!
    const result = applyObservedStatus(payment.status as PaymentStatus, observed)
    if (result.kind === 'conflict') {
      logger.error('payments.conflicting_answer', {
        tradeNo: payment.trade_no,
        ours: payment.status,
        theirs: result.observed
      })
      events.emit('notification:raised', {
        id: newId(),
        level: 'error',
        title: `Payment ${payment.trade_no} needs checking`,
        body: `Kassa has it as ${payment.status}; the provider says ${result.observed}.`,
        key: 'notifications.paymentConflict',
        params: { tradeNo: payment.trade_no ?? '', ours: payment.status, theirs: result.observed },
        at: clock.now().toISOString()
      })
      return false
    }
    const extraChanged =
      outcome.qrContent !== undefined || outcome.maskedPan !== undefined || outcome.failure !== undefined
    if (result.kind !== 'changed' && !extraChanged) return false
    const at = clock.now().toISOString()
    store.payments.update(
      paymentId,
      {
        status: result.status,
        provider_ref: outcome.providerTradeNo ?? null,
        qr_content: outcome.qrContent ?? null,
        masked_pan: outcome.maskedPan ?? null,
        failure_code: outcome.failure?.code ?? null,
        failure_message: outcome.failure?.message ?? null,
        completed_at: isDefinite(result.status) ? at : null
      },
      at
    )
    if (result.status === 'succeeded') completeIfCovered(payment.order_id, null)
    return true
  }

  /** After the commit: stop watching a settled attempt, and tell the screens when it changed. */
  const announceObserved = (paymentId: string, changed: boolean): void => {
    const payment = store.payments.byId(paymentId)!
    if (isDefinite(payment.status as PaymentStatus)) watches.delete(paymentId)
    if (changed) announce(payment)
  }

  const observe = (
    paymentId: string,
    observed: ObservedPaymentStatus,
    outcome: Partial<PaymentOutcome> = {}
  ): void => {
    announceObserved(
      paymentId,
      store.transaction(() => applyObserved(paymentId, observed, outcome))
    )
  }

  const providerOf = (payment: PaymentRow) => deps.runtime.provider(payment.method as ProviderMethod)

  const cancelAttempt = async (payment: PaymentRow): Promise<void> => {
    const provider = await providerOf(payment)
    const outcome = await provider.cancel({ tradeNo: payment.trade_no!, flow: payment.flow as PaymentFlow })
    if (outcome.status === 'closed' || outcome.status === 'reversed' || outcome.status === 'succeeded') {
      observe(payment.id, outcome.status, outcome.failure ? { failure: outcome.failure } : {})
    }
    // `retry` and `unknown`: the watcher asks again on its next turn.
  }

  const tick = async (): Promise<void> => {
    const now = clock.now().getTime()
    for (const [paymentId, watch] of watches) {
      if (watch.busy) continue
      const payment = store.payments.byId(paymentId)
      if (!payment || !mayStillSucceed(payment.status as PaymentStatus)) {
        watches.delete(paymentId)
        continue
      }
      if (now < watch.nextPollAt && !(now >= watch.giveUpAt && !watch.cancelling)) continue
      watch.busy = true
      try {
        if (now >= watch.giveUpAt) {
          watch.cancelling = true
          await cancelAttempt(payment)
        } else {
          const outcome = await (await providerOf(payment)).query(payment.trade_no!)
          observe(paymentId, outcome.status, outcome)
        }
      } catch (error) {
        logger.warn('payments.watch_failed', { tradeNo: payment.trade_no, error })
      } finally {
        watch.busy = false
        watch.nextPollAt = clock.now().getTime() + deps.timing.pollMs
      }
    }
  }

  const watch = (payment: PaymentRow, firstPollAt = clock.now().getTime() + deps.timing.pollMs): void => {
    const createdAt = new Date(payment.created_at).getTime()
    watches.set(payment.id, {
      giveUpAt: createdAt + deps.timing.giveUpMs,
      nextPollAt: firstPollAt,
      busy: false,
      cancelling: false
    })
    timer ??= setInterval(() => void tick(), Math.min(1000, deps.timing.pollMs))
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

  return {
    session,

    /** The payment state of `orderId`, for the cashier whose order it is. */
    sessionFor(orderId: string, actor: Actor): CheckoutSession {
      const order = store.orders.get(orderId)
      if (!order) throw notFound('Order', 'orderId', 'order')
      if (order.status === 'awaiting_payment') requireOwnCart(order, actor.userId, 'orderId')
      return session(orderId)
    },

    /**
     * Freezes a cart into an order awaiting payment (number, figures, coupons), one transaction.
     * With `cash`, the sale is settled wholly in cash at once: frozen with cash rounding and paid
     * by one cash tender of the whole payable (`takeCash`) in the same transaction — the F12
     * quick cash sale. The same `checkoutKey` again answers with that order (`replayed`), never a
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
        const whollyCash = input.cash !== undefined
        const { order, payable } = freezeOrder(ctx, deps, { ...input, actor, whollyCash })
        const paid = input.cash
          ? takeCash(
              order,
              payable,
              input.cash.tendered,
              input.checkoutKey,
              actor,
              input.cash.confirmLargeTender === true
            ).paid
          : null
        return { ...session(order.id, paid ?? undefined), replayed: false }
      })
    },

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
            input.confirmLargeTender === true
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
    },

    /**
     * A provider's notification, verified by the adapter already. Remembering its id and applying
     * it are one transaction, so a crash between them can neither lose it nor apply it twice.
     */
    applyNotification(event: PaymentNotification): void {
      if (event.kind !== 'payment') return
      const payment = store.payments.byTradeNo(event.tradeNo)
      if (!payment) return logger.warn('payments.notification_unknown_trade', { tradeNo: event.tradeNo })
      if (event.amount !== payment.amount) {
        return logger.error('payments.notification_amount_mismatch', {
          tradeNo: event.tradeNo,
          ours: payment.amount,
          theirs: event.amount
        })
      }
      const changed = store.transaction(() => {
        const first = store.payments.rememberEvent(
          event.eventId,
          event.provider,
          event.tradeNo,
          clock.now().toISOString()
        )
        if (!first) return false
        return applyObserved(
          payment.id,
          event.status,
          event.providerTradeNo ? { providerTradeNo: event.providerTradeNo } : {}
        )
      })
      announceObserved(payment.id, changed)
    },

    /** After a restart: every attempt left open is asked about at once, before anything else. */
    async recover(): Promise<void> {
      const open = store.payments.open().filter((p) => p.method !== 'cash')
      for (const payment of open) {
        try {
          const outcome = await (await providerOf(payment)).query(payment.trade_no!)
          observe(payment.id, outcome.status, outcome)
        } catch (error) {
          logger.warn('payments.recover_failed', { tradeNo: payment.trade_no, error })
        }
        const now = store.payments.byId(payment.id)!
        if (mayStillSucceed(now.status as PaymentStatus)) watch(now)
      }
    },

    /** For tests: run the watcher once now. */
    tick,

    close(): void {
      if (timer) clearInterval(timer)
      timer = null
      watches.clear()
    }
  }
}

export type TendersService = ReturnType<typeof createTendersService>
