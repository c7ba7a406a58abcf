import type { CheckoutSession } from '@shared/contract/channels/tenders'
import { newId } from '../../core/ids'
import {
  applyObservedStatus,
  isDefinite,
  mayStillSucceed,
  type ObservedPaymentStatus,
  type PaymentStatus
} from '../../domain/payments/payment-status'
import type { PaymentFlow, PaymentNotification, PaymentOutcome } from '../../payments/provider'
import type { PaymentRow } from '../../store/repos/payments-repo'
import type { PaymentsRuntime, ProviderMethod } from '../payments/payments-runtime'
import type { ServiceContext } from '../service-context'
import { completeIfCovered } from './order-freeze'
import { tenderView } from './tender-views'

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

interface Watch {
  giveUpAt: number
  nextPollAt: number
  busy: boolean
  cancelling: boolean
}

/**
 * What the providers say about the till's attempts, and what follows from it: polling each open
 * attempt (`watch`/`tick`, primary), verified notifications (`applyNotification`, secondary and
 * de-duplicated), a cancel or reverse after `giveUpMs`, the asking-again after a restart (`recover`),
 * and paying the order once its succeeded tenders cover it (`completeIfCovered`, in order-freeze.ts).
 */
export function createTenderOutcomes(
  ctx: ServiceContext,
  deps: {
    runtime: PaymentsRuntime
    timing: TenderTiming
    session: (orderId: string) => CheckoutSession
  }
) {
  const { store, clock, logger, events } = ctx
  const { session } = deps
  const watches = new Map<string, Watch>()
  let timer: NodeJS.Timeout | null = null

  const announce = (payment: PaymentRow): void => {
    const state = session(payment.order_id)
    events.emit('payment:changed', {
      orderId: payment.order_id,
      tender: tenderView(store.payments.byId(payment.id)!),
      orderStatus: state.order.status,
      remaining: state.remaining
    })
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
    if (result.status === 'succeeded') completeIfCovered(ctx, payment.order_id, null)
    return true
  }

  /** After the commit: stop watching a settled attempt, and tell the screens when it changed. */
  const announceObserved = (paymentId: string, changed: boolean): void => {
    const payment = store.payments.byId(paymentId)!
    if (isDefinite(payment.status as PaymentStatus)) watches.delete(paymentId)
    if (changed) announce(payment)
  }

  /** `applyObserved` in its own transaction, then `announceObserved`. Raises nothing. */
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

  /** The adapter of the attempt's method; rejects (plain Error) when that method is not configured. */
  const providerOf = (payment: PaymentRow) => deps.runtime.provider(payment.method as ProviderMethod)

  /**
   * Asks the provider to cancel (or reverse) an attempt given up on; a definite answer is applied,
   * `retry`/`unknown` is left for the watcher. Rejects with the adapter's error, for the caller to log.
   */
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

  /**
   * Polls an open attempt every `pollMs` from `firstPollAt` until it is definite, cancelling it
   * `giveUpMs` after it was created (TenderTiming).
   */
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

  return {
    observe,
    providerOf,
    cancelAttempt,
    watch,

    /**
     * A provider's notification, verified by the adapter already. Remembering its id and applying
     * it are one transaction, so a crash between them can neither lose it nor apply it twice.
     * An unknown trade or an amount that differs from ours is logged and ignored. Raises nothing.
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

    /**
     * After a restart: every attempt left open is asked about at once, before anything else, and
     * watched while it may still succeed. A provider that fails to answer is logged. Raises nothing.
     */
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

    /** Stops the watcher; open attempts are asked about again by `recover` at the next start. */
    close(): void {
      if (timer) clearInterval(timer)
      timer = null
      watches.clear()
    }
  }
}
