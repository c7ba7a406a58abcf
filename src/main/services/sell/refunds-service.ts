import { transitionRefund } from '../../domain/payments/refund-status'
import Decimal from 'decimal.js'
import type { Refund } from '@shared/contract/channels/refunds'
import { roleCan } from '@shared/contract/roles'
import { formatMinor, parseDecimalToMinor } from '@shared/money/format'
import { newId } from '../../core/ids'
import { ApprovalRequired, DomainError, invalid, notFound, type ApprovalDetail } from '../../domain/errors'
import type { TenderMethod } from '../../domain/ledger/accounts'
import { refundEntry } from '../../domain/ledger/refund-entry'
import { nextOrderStatus } from '../../domain/orders/order-status'
import { allocateDiscount } from '../../domain/money/allocate-discount'
import { cashRefund } from '../../domain/refunds/cash-refund'
import { allocateRefund, refundShare, refundTaxOfAmount } from '../../domain/refunds/refund-share'
import type { RefundOutcome } from '../../payments/provider'
import type { PaymentsRuntime, ProviderMethod } from '../payments/payments-runtime'
import type { OrderRow } from '../../store/repos/orders-repo'
import type { RefundRow, RefundTenderRow } from '../../store/repos/refunds-repo'
import { recordChange, type ServiceContext } from '../service-context'
import { currentShift, requireOpenShift } from '../shifts/shift-guard'
import type { SettingsService } from '../settings-service'
import type { Actor } from '../service-context'
import { payableOf } from '../../domain/orders/payable'

export interface RefundRequest {
  orderId: string
  refundKey: string
  reason: string
  lines?: Array<{ lineId: string; quantity: string }> | undefined
  amount?: string | undefined
}

const sumQuantities = (quantities: string | undefined): Decimal =>
  (quantities ?? '')
    .split(' ')
    .filter(Boolean)
    .reduce((sum, q) => sum.plus(q), new Decimal(0))

/**
 * Refunds of paid orders, by line or by amount, back to the tenders that paid. A refund
 * keeps one number and one idempotency key for life: a retry returns the same refund and
 * never pays out twice. Cash leaves the drawer at once; the ledger, audit and outbox rows
 * are written in the same transaction as the refund.
 */
export function createRefundsService(
  ctx: ServiceContext,
  deps: { settings: SettingsService; terminal: () => string; payments: PaymentsRuntime; pollMs: number }
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

  const paidOrder = (orderId: string): OrderRow => {
    const order = store.orders.get(orderId)
    if (!order) throw notFound('Order', 'orderId', 'order')
    if (order.status !== 'paid' && order.status !== 'partially_refunded') {
      throw new DomainError('CONFLICT', `An order that is ${order.status} cannot be refunded`, 'orderId', {
        key: 'errors.refunds.notRefundable',
        params: { status: order.status }
      })
    }
    return order
  }

  const paidAmount = (order: OrderRow): number => payableOf(order)

  const linesLeft = (order: OrderRow) => {
    const refunded = new Map(store.refunds.refundedByLine(order.id).map((row) => [row.order_line_id, row]))
    return store.orders.lines(order.id).map((line) => {
      const done = refunded.get(line.id)
      const refundedQuantity = sumQuantities(done?.quantities)
      return {
        line,
        refundedQuantity: refundedQuantity.toFixed(),
        refundedAmount: done?.amount ?? 0,
        refundedTax: done?.tax ?? 0,
        quantityLeft: new Decimal(line.quantity).minus(refundedQuantity).toFixed(),
        amountLeft: line.total - (done?.amount ?? 0)
      }
    })
  }

  const view = (row: RefundRow): Refund => {
    const order = store.orders.get(row.order_id)!
    const names = new Map(store.orders.lines(row.order_id).map((line) => [line.id, line]))
    const nameOf = (userId: string | null) => (userId ? (store.users.get(userId)?.displayName ?? null) : null)
    return {
      id: row.id,
      number: row.number,
      orderId: row.order_id,
      orderNumber: order.number,
      status: row.status,
      amount: row.amount,
      tax: row.tax,
      reason: row.reason,
      currency: order.currency,
      requestedBy: nameOf(row.requested_by),
      approvedBy: nameOf(row.approved_by),
      createdAt: row.created_at,
      lines: store.refunds.lines(row.id).map((line) => ({
        lineId: line.order_line_id,
        name: names.get(line.order_line_id)?.name ?? '',
        nameEn: names.get(line.order_line_id)?.name_en ?? null,
        quantity: line.quantity,
        amount: line.amount
      })),
      tenders: store.refunds.tenders(row.id).map((tender) => ({
        method: tender.method,
        amount: tender.amount,
        status: tender.status,
        outRequestNo: tender.id
      }))
    }
  }

  /** The figures of a refund by lines: what each line gives back and its tax. */
  const byLines = (order: OrderRow, requested: NonNullable<RefundRequest['lines']>) => {
    const left = new Map(linesLeft(order).map((entry) => [entry.line.id, entry]))
    const seen = new Set<string>()
    return requested.map((request, i) => {
      const entry = left.get(request.lineId)
      if (!entry) throw notFound('Order line', `lines[${i}].lineId`, 'orderLine')
      if (seen.has(request.lineId))
        throw invalid(`lines[${i}].lineId`, 'lists the same line twice', { key: 'errors.refunds.lineTwice' })
      seen.add(request.lineId)
      if (entry.line.unit === 'piece' && !new Decimal(request.quantity).isInteger()) {
        throw invalid(`lines[${i}].quantity`, 'must be a whole number for goods sold by the piece', {
          key: 'errors.sell.wholePieces'
        })
      }
      if (new Decimal(request.quantity).greaterThan(entry.quantityLeft)) {
        throw invalid(`lines[${i}].quantity`, `is more than the ${entry.quantityLeft} left to refund`, {
          key: 'errors.refunds.moreThanLeft',
          params: { left: entry.quantityLeft }
        })
      }
      const shareOf = (figure: number, refundedFigure: number) =>
        refundShare({
          figure,
          lineQuantity: entry.line.quantity,
          quantity: request.quantity,
          refundedQuantity: entry.refundedQuantity,
          refundedFigure
        })
      return {
        lineId: entry.line.id,
        quantity: new Decimal(request.quantity).toFixed(),
        amount: shareOf(entry.line.total, entry.refundedAmount),
        tax: shareOf(entry.line.tax, entry.refundedTax)
      }
    })
  }

  /** True when refunding `lines` leaves every line of the order fully refunded. */
  const isLastByLines = (order: OrderRow, lines: ReturnType<typeof byLines>): boolean => {
    const requested = new Map(lines.map((line) => [line.lineId, line.quantity]))
    return linesLeft(order).every((entry) =>
      new Decimal(entry.quantityLeft).minus(requested.get(entry.line.id) ?? '0').lessThanOrEqualTo(0)
    )
  }

  /**
   * A cashier's refund needs a manager in place when it takes the order's refunds together
   * above the refund threshold, the cashier's refunds in this shift above the shift limit, or
   * pays cash out of the drawer above the cash threshold — so splitting a refund into small
   * ones approves nothing (issue 11). Someone whose role holds `refund`, or an approver, passes.
   * Throws ApprovalRequired('refund') with the reason, the amount and the limit.
   */
  const requireRefundApproval = (check: {
    order: OrderRow
    amount: number
    cashOut: number
    actor: Actor
  }): void => {
    const { order, amount, cashOut, actor } = check
    if (actor.approverUserId) return
    const actorRole = actor.userId ? store.users.get(actor.userId)?.role : undefined
    if (actorRole && roleCan(actorRole, 'refund')) return
    const policy = store.lossPrevention.get()
    const locale = deps.settings.getProfile().locale
    const money = (minor: number): string => formatMinor(minor, order.currency, locale)
    const refuse = (reason: ApprovalDetail['reason'], total: number, limit: number, message: string) => {
      throw new ApprovalRequired('refund', message, {
        reason,
        action: 'refund',
        amount,
        currency: order.currency,
        amountText: money(total),
        limitText: money(limit)
      })
    }
    const threshold = store.refunds.approvalThreshold()
    const orderTotal = order.refunded_total + amount
    if (orderTotal > threshold)
      refuse(
        'refundOrder',
        orderTotal,
        threshold,
        `Refunds on this order above ${money(threshold)} need a manager`
      )
    if (policy.shiftRefundLimit !== null) {
      const shift = currentShift(store, deps.terminal())
      // Without an open shift (a card refund before opening), the day so far counts as the shift.
      const now = clock.now()
      const from =
        shift?.opened_at ?? new Date(now.getFullYear(), now.getMonth(), now.getDate()).toISOString()
      const shiftTotal = store.lossPrevention.refundedBy(actor.userId, from, now.toISOString()) + amount
      if (shiftTotal > policy.shiftRefundLimit)
        refuse(
          'refundShift',
          shiftTotal,
          policy.shiftRefundLimit,
          `A cashier's refunds above ${money(policy.shiftRefundLimit)} in one shift need a manager`
        )
    }
    if (cashOut > policy.cashRefundThreshold)
      refuse(
        'refundCash',
        cashOut,
        policy.cashRefundThreshold,
        policy.cashRefundThreshold === 0
          ? 'A cash refund paid out by a cashier needs a manager'
          : `A cash refund above ${money(policy.cashRefundThreshold)} needs a manager`
      )
  }

  return {
    refundable(orderId: string) {
      const order = store.orders.get(orderId)
      if (!order) throw notFound('Order', 'orderId', 'order')
      const open = order.status === 'paid' || order.status === 'partially_refunded'
      return {
        orderId,
        currency: order.currency,
        refundable: open ? paidAmount(order) - order.refunded_total : 0,
        approvalThreshold: store.refunds.approvalThreshold(),
        lines: linesLeft(order).map((entry) => ({
          lineId: entry.line.id,
          name: entry.line.name,
          nameEn: entry.line.name_en,
          unit: entry.line.unit,
          quantity: entry.line.quantity,
          quantityLeft: open ? entry.quantityLeft : '0',
          amountLeft: open ? entry.amountLeft : 0
        })),
        refunds: store.refunds.forOrder(orderId).map(view)
      }
    },

    async create(request: RefundRequest, actor: Actor): Promise<Refund> {
      const providerTenders: string[] = []
      const created = store.transaction(() => {
        const earlier = store.refunds.byKey(request.refundKey)
        if (earlier) {
          if (earlier.order_id !== request.orderId)
            throw new DomainError('CONFLICT', 'This refund key belongs to another order', 'refundKey', {
              key: 'errors.refunds.keyOfAnotherOrder'
            })
          return view(earlier)
        }
        const order = paidOrder(request.orderId)
        const paid = paidAmount(order)
        const refundableLeft = paid - order.refunded_total

        const lines = request.lines ? byLines(order, request.lines) : []
        let amount: number
        let tax: number
        if (request.lines) {
          amount = lines.reduce((sum, line) => sum + line.amount, 0)
          tax = lines.reduce((sum, line) => sum + line.tax, 0)
          // A refund of lines never exceeds what is left of the order.
          amount = Math.min(amount, refundableLeft)
        } else {
          amount = parseDecimalToMinor(request.amount!, order.currency, 'amount')
          if (amount > refundableLeft) {
            const locale = deps.settings.getProfile().locale
            throw invalid(
              'amount',
              `is more than the ${formatMinor(refundableLeft, order.currency, locale)} left to refund`,
              {
                key: 'errors.refunds.moreThanLeft',
                params: { left: formatMinor(refundableLeft, order.currency, locale) }
              }
            )
          }
          tax = refundTaxOfAmount({
            amount,
            paid,
            tax: order.tax_total,
            refundedTax: store.refunds.refundedTax(order.id)
          })
        }
        if (amount <= 0)
          throw invalid(request.lines ? 'lines' : 'amount', 'nothing to refund', {
            key: 'errors.refunds.nothing'
          })

        const payments = store.payments.forOrder(order.id).filter((payment) => payment.status === 'succeeded')
        // A sale settled wholly in cash under a cash increment is refunded in the drawer's coins: the
        // spec's "Refunds of a cash-rounded sale". `amount` becomes the cash given back; the share it
        // stands for goes to revenue and the difference to cash rounding.
        let cashRounding = 0
        if (
          order.cash_increment !== null &&
          payments.length > 0 &&
          payments.every((p) => p.method === 'cash')
        ) {
          const last = request.lines ? isLastByLines(order, lines) : amount === refundableLeft
          const roundingBefore = store.refunds.refundedRounding(order.id)
          const refund = cashRefund({
            share: request.lines ? lines.reduce((sum, line) => sum + line.amount, 0) : amount,
            total: order.total,
            collected: paid,
            sharesBefore: order.refunded_total - roundingBefore,
            refundedBefore: order.refunded_total,
            last,
            increment: parseDecimalToMinor(order.cash_increment, order.currency, 'cashIncrement'),
            mode: order.cash_rounding_mode
          })
          amount = refund.cash
          cashRounding = refund.rounding
          if (amount <= 0)
            throw invalid(request.lines ? 'lines' : 'amount', 'nothing to refund', {
              key: 'errors.refunds.nothing'
            })
        }

        const refundedByPayment = store.refunds.refundedByPayment(order.id)
        const split = allocateRefund(
          amount,
          payments.map((payment) => ({
            id: payment.id,
            left: payment.amount - (refundedByPayment.get(payment.id) ?? 0)
          }))
        )
        const byId = new Map(payments.map((payment) => [payment.id, payment]))
        const taxes = allocateDiscount(
          tax,
          split.map((part) => part.amount)
        )
        // Cash paid back leaves the drawer, so it must be counted in an open shift.
        if (split.some((part) => byId.get(part.id)!.method === 'cash'))
          requireOpenShift(store, deps.terminal())
        const cashOut = split
          .filter((part) => byId.get(part.id)!.method === 'cash')
          .reduce((sum, part) => sum + part.amount, 0)
        requireRefundApproval({ order, amount, cashOut, actor })

        const at = clock.now().toISOString()
        const terminal = deps.terminal()
        const id = newId()
        const number = `${terminal}-R${String(store.counters.next(`refund:${terminal}`)).padStart(6, '0')}`
        store.refunds.insert({
          id,
          number,
          order_id: order.id,
          refund_key: request.refundKey,
          status: 'processing',
          amount,
          tax,
          reason: request.reason,
          requested_by: actor.userId,
          approved_by: actor.approverUserId ?? null,
          created_at: at,
          completed_at: null
        })
        for (const line of lines) {
          store.refunds.insertLine({
            refund_id: id,
            order_line_id: line.lineId,
            quantity: line.quantity,
            amount: line.amount,
            tax: line.tax
          })
        }
        split.forEach((part, i) => {
          const method = byId.get(part.id)!.method
          const tenderId = newId()
          // Cash leaves the drawer now; a provider refund is booked when the provider confirms it.
          const cash = method === 'cash'
          store.refunds.insertTender({
            id: tenderId,
            refund_id: id,
            payment_id: part.id,
            method,
            amount: part.amount,
            tax: taxes[i]!,
            // The whole refund is cash here: its rounding rides on its first tender.
            cash_rounding: i === 0 ? cashRounding : 0,
            status: cash ? 'succeeded' : 'processing',
            provider_ref: null,
            created_at: at,
            completed_at: cash ? at : null
          })
          if (cash) bookTender(store.refunds.tenderById(tenderId)!, order.id, actor.userId, at)
          else providerTenders.push(tenderId)
        })
        settleRefund(id, at)
        const refundedTotal = order.refunded_total + amount
        const status = nextOrderStatus(order.status, refundedTotal >= paid ? 'refund_rest' : 'refund_part')
        store.orders.setRefunded(order.id, status, refundedTotal, at)
        const refund = view(store.refunds.byId(id)!)
        recordChange(ctx, {
          actorUserId: actor.userId,
          approverUserId: actor.approverUserId ?? null,
          action: 'order.refunded',
          subject: order.id,
          details: { number, orderNumber: order.number, amount, reason: request.reason, lines: lines.length },
          // Each tender's tax and cash rounding ride along (v2): the Z-report books refunded tax and
          // the drawer's rounding tender by tender, when each is paid out, and so does the head office.
          event: {
            type: 'refund.created',
            aggregateId: id,
            payload: {
              ...refund,
              lines: withLineTax(refund.lines, store.refunds.lines(id)),
              tenders: withTenderFigures(
                refund.tenders,
                store.refunds.tenders(id),
                (paymentId) => store.payments.byId(paymentId)?.trade_no ?? null
              )
            }
          }
        })
        return refund
      })
      // Outside the transaction: a provider call is network I/O. The refund number is already
      // recorded, so a crash here leaves a processing refund that recovery asks about.
      for (const tenderId of providerTenders) await payBack(tenderId)
      return providerTenders.length ? view(store.refunds.byId(created.id)!) : created
    },

    /** After a restart: refunds still processing at a provider are asked about again. */
    async recover(): Promise<void> {
      for (const tender of store.refunds.processingTenders()) await payBack(tender.id, 0, true)
    },

    close(): void {
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
    },

    policy: () => ({ approvalThreshold: store.refunds.approvalThreshold() }),

    updatePolicy(approvalThreshold: string, actorUserId: string | null) {
      const currency = deps.settings.getProfile().currency
      const minor = parseDecimalToMinor(approvalThreshold, currency, 'approvalThreshold')
      return store.transaction(() => {
        const before = store.refunds.approvalThreshold()
        store.refunds.setApprovalThreshold(minor)
        recordChange(ctx, {
          actorUserId,
          action: 'refunds.policy_updated',
          subject: 'refund_policy',
          details: { before, after: minor },
          event: {
            type: 'refunds.policy_updated',
            aggregateId: 'refund_policy',
            payload: { approvalThreshold: minor }
          }
        })
        return { approvalThreshold: minor }
      })
    }
  }
}

export type RefundsService = ReturnType<typeof createRefundsService>

/**
 * A refund's tenders as its event carries them (`refund.created` v2): the view's fields, each
 * tender's tax and its `cashRounding` — minor units the drawer gave back beyond the refunded share
 * (a cash-rounded sale's cash refund; 0 otherwise), so `amount − cashRounding` is the share — and
 * the trade number of the payment it gives back (null for cash): the head office matches a
 * provider's refund row by trade and refund number, whichever till took the payment.
 */
function withTenderFigures<T extends { outRequestNo: string }>(
  tenders: readonly T[],
  rows: ReadonlyArray<{
    id: string
    payment_id: string
    tax?: number | undefined
    cash_rounding?: number | undefined
  }>,
  tradeNoOf: (paymentId: string) => string | null
): Array<T & { tax: number; cashRounding: number; tradeNo: string | null }> {
  const byId = new Map(rows.map((row) => [row.id, row]))
  return tenders.map((tender) => {
    const row = byId.get(tender.outRequestNo)
    return {
      ...tender,
      tax: row?.tax ?? 0,
      cashRounding: row?.cash_rounding ?? 0,
      tradeNo: row ? tradeNoOf(row.payment_id) : null
    }
  })
}

/** A refund's lines as its event carries them: the view's fields and each line's tax (minor units). */
function withLineTax<T extends { lineId: string }>(
  lines: readonly T[],
  rows: ReadonlyArray<{ order_line_id: string; tax: number }>
): Array<T & { tax: number }> {
  const tax = new Map(rows.map((row) => [row.order_line_id, row.tax]))
  return lines.map((line) => ({ ...line, tax: tax.get(line.lineId) ?? 0 }))
}
