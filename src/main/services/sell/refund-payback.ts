import { newId } from '../../core/ids'
import type { TenderMethod } from '../../domain/ledger/accounts'
import { refundEntry } from '../../domain/ledger/refund-entry'
import { transitionRefund } from '../../domain/payments/refund-status'
import type { RefundOutcome } from '../../payments/provider'
import type { RefundTenderRow } from '../../store/repos/refunds-repo'
import type { PaymentsRuntime, ProviderMethod } from '../payments/payments-runtime'
import { recordChange, type ServiceContext } from '../service-context'

/**
 * Paying a refund back and booking it: a cash tender is booked at once (`bookTender`); a card or QR
 * tender is sent to its provider under the same refund number on every try (`payBack`), asked about
 * every `pollMs` until it answers, and booked — or freed, with a notification — once it does.
 */
export function createRefundPayBack(
  ctx: ServiceContext,
  deps: { payments: PaymentsRuntime; pollMs: number }
) {
  const { store, clock, logger } = ctx
  const timers = new Set<NodeJS.Timeout>()

  /** Books one tender's part of a refund: revenue and tax come down, the tender pays out. */
  const bookTender = (tender: RefundTenderRow, orderId: string, userId: string | null, at: string): void => {
    const cashRounding = tender.cash_rounding ?? 0
    store.journal.post(
      refundEntry({ amount: tender.amount - cashRounding, tax: tender.tax ?? 0, cashRounding }, [
        { method: tender.method as TenderMethod, amount: tender.amount }
      ]),
      { id: newId(), at, orderId, userId }
    )
  }

  /** Once every tender of a refund is settled, so is the refund. */
  const settleRefund = (refundId: string, at: string): void => {
    const tenders = store.refunds.tenders(refundId)
    if (tenders.some((t) => t.status === 'processing')) return
    store.refunds.setStatus(refundId, tenders.some((t) => t.status === 'failed') ? 'failed' : 'succeeded', at)
  }

  /** A provider's answer about one refund tender, applied once, in one transaction. */
  const applyProviderAnswer = (tenderId: string, answer: RefundOutcome): 'done' | 'wait' => {
    if (answer.status === 'processing' || answer.status === 'not_found') return 'wait'
    const settled = answer.status
    store.transaction(() => {
      const tender = store.refunds.tenderById(tenderId)!
      const refund = store.refunds.byId(tender.refund_id)!
      const at = clock.now().toISOString()
      // A repeated answer changes nothing; a new one must be a move the refund state machine allows.
      if (tender.status !== 'processing') return
      transitionRefund(tender.status, settled)
      if (!store.refunds.settleTender(tenderId, settled, answer.providerRefundNo ?? null, at)) return
      if (answer.status === 'succeeded') bookTender(tender, refund.order_id, refund.requested_by, at)
      else {
        // The money never left: the order may be refunded that much again.
        const order = store.orders.get(refund.order_id)!
        const refundedTotal = order.refunded_total - tender.amount
        store.orders.setRefunded(
          order.id,
          refundedTotal === 0 ? 'paid' : 'partially_refunded',
          refundedTotal,
          at
        )
        ctx.events.emit('notification:raised', {
          id: newId(),
          level: 'error',
          title: `Refund ${refund.number} was refused by ${tender.method}`,
          body:
            answer.failure?.message ?? 'The provider refused the refund; give the money back another way.',
          at
        })
      }
      settleRefund(refund.id, at)
      recordChange(ctx, {
        actorUserId: null,
        action: `refund.tender_${answer.status}`,
        subject: refund.id,
        details: {
          number: refund.number,
          method: tender.method,
          amount: tender.amount,
          outRequestNo: tender.id
        },
        event: {
          type: `refund.tender_${answer.status}`,
          aggregateId: refund.id,
          // v2: the moment the tender was settled, as the till's Z-report books it (the event's
          // own `at` is stamped a moment later).
          payload: { tenderId, status: answer.status, at }
        }
      })
    })
    return 'done'
  }

  /** Sends a refund tender to its provider (the same number on every try) and follows it up. */
  const payBack = async (tenderId: string, attempt = 0, query = false): Promise<void> => {
    const tender = store.refunds.tenderById(tenderId)
    if (!tender || tender.status !== 'processing') return
    const payment = store.payments.byId(tender.payment_id)!
    try {
      const provider = await deps.payments.provider(tender.method as ProviderMethod)
      const answer = query
        ? await provider.queryRefund(payment.trade_no!, tender.id)
        : await provider.refund({
            tradeNo: payment.trade_no!,
            refundNo: tender.id,
            amount: tender.amount,
            paymentAmount: payment.amount,
            currency: store.orders.get(payment.order_id)!.currency
          })
      if (applyProviderAnswer(tenderId, answer) === 'done') return
    } catch (error) {
      logger.warn('refunds.provider_failed', { outRequestNo: tenderId, error })
    }
    if (attempt >= 20) return
    const timer = setTimeout(() => {
      timers.delete(timer)
      void payBack(tenderId, attempt + 1, true)
    }, deps.pollMs)
    timers.add(timer)
  }

  return {
    bookTender,
    settleRefund,
    payBack,
    /** Stops following up refunds (the app is closing). */
    close(): void {
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
    }
  }
}
