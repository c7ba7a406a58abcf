import Decimal from 'decimal.js'
import type { Refund } from '@shared/contract/channels/refunds'
import { roleCan } from '@shared/contract/roles'
import { formatMinor, parseDecimalToMinor } from '@shared/money/format'
import { newId } from '../../core/ids'
import { ApprovalRequired, DomainError, invalid, notFound } from '../../domain/errors'
import type { TenderMethod } from '../../domain/ledger/accounts'
import { refundEntry } from '../../domain/ledger/refund-entry'
import { nextOrderStatus } from '../../domain/orders/order-status'
import { allocateRefund, refundShare, refundTaxOfAmount } from '../../domain/refunds/refund-share'
import type { OrderRow } from '../../store/repos/orders-repo'
import type { RefundRow } from '../../store/repos/refunds-repo'
import { recordChange, type ServiceContext } from '../service-context'
import type { SettingsService } from '../settings-service'
import type { Actor } from './cart-service'

export interface RefundRequest {
  orderId: string
  refundKey: string
  reason: string
  lines?: Array<{ lineId: string; quantity: string }> | undefined
  amount?: string | undefined
}

const sumQuantities = (quantities: string | undefined): Decimal =>
  (quantities ?? '').split(' ').filter(Boolean).reduce((sum, q) => sum.plus(q), new Decimal(0))

/**
 * Refunds of paid orders, by line or by amount, back to the tenders that paid. A refund
 * keeps one number and one idempotency key for life: a retry returns the same refund and
 * never pays out twice. Cash leaves the drawer at once; the ledger, audit and outbox rows
 * are written in the same transaction as the refund.
 */
export function createRefundsService(ctx: ServiceContext, deps: { settings: SettingsService; terminal: () => string }) {
  const { store, clock } = ctx

  const paidOrder = (orderId: string): OrderRow => {
    const order = store.orders.get(orderId)
    if (!order) throw notFound('Order', 'orderId')
    if (order.status !== 'paid' && order.status !== 'partially_refunded') {
      throw new DomainError('CONFLICT', `An order that is ${order.status} cannot be refunded`, 'orderId')
    }
    return order
  }

  const paidAmount = (order: OrderRow): number => order.total + order.cash_rounding

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
      if (!entry) throw notFound('Order line', `lines[${i}].lineId`)
      if (seen.has(request.lineId)) throw invalid(`lines[${i}].lineId`, 'lists the same line twice')
      seen.add(request.lineId)
      if (entry.line.unit === 'piece' && !new Decimal(request.quantity).isInteger()) {
        throw invalid(`lines[${i}].quantity`, 'must be a whole number for goods sold by the piece')
      }
      if (new Decimal(request.quantity).greaterThan(entry.quantityLeft)) {
        throw invalid(`lines[${i}].quantity`, `is more than the ${entry.quantityLeft} left to refund`)
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

  return {
    refundable(orderId: string) {
      const order = store.orders.get(orderId)
      if (!order) throw notFound('Order', 'orderId')
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

    create(request: RefundRequest, actor: Actor): Refund {
      return store.transaction(() => {
        const earlier = store.refunds.byKey(request.refundKey)
        if (earlier) {
          if (earlier.order_id !== request.orderId) throw new DomainError('CONFLICT', 'This refund key belongs to another order', 'refundKey')
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
          // A refund of lines never exceeds what is left of the order (cash rounding may have taken a fen).
          amount = Math.min(amount, refundableLeft)
        } else {
          amount = parseDecimalToMinor(request.amount!, order.currency, 'amount')
          if (amount > refundableLeft) {
            const locale = deps.settings.getProfile().locale
            throw invalid('amount', `is more than the ${formatMinor(refundableLeft, order.currency, locale)} left to refund`)
          }
          tax = refundTaxOfAmount({ amount, paid, tax: order.tax_total, refundedTax: store.refunds.refundedTax(order.id) })
        }
        if (amount <= 0) throw invalid(request.lines ? 'lines' : 'amount', 'nothing to refund')

        const threshold = store.refunds.approvalThreshold()
        const actorRole = actor.userId ? store.users.get(actor.userId)?.role : undefined
        if (amount > threshold && !(actorRole && roleCan(actorRole, 'refund')) && !actor.approverUserId) {
          const locale = deps.settings.getProfile().locale
          throw new ApprovalRequired('refund', `A refund above ${formatMinor(threshold, order.currency, locale)} needs a manager`)
        }

        const payments = store.payments.forOrder(order.id).filter((payment) => payment.status === 'succeeded')
        const refundedByPayment = store.refunds.refundedByPayment(order.id)
        const split = allocateRefund(
          amount,
          payments.map((payment) => ({ id: payment.id, left: payment.amount - (refundedByPayment.get(payment.id) ?? 0) }))
        )
        const byId = new Map(payments.map((payment) => [payment.id, payment]))
        for (const part of split) {
          if (byId.get(part.id)!.method !== 'cash') {
            throw new DomainError('UNAVAILABLE', `Refunds through ${byId.get(part.id)!.method} are not available yet`, 'orderId')
          }
        }

        const at = clock.now().toISOString()
        const terminal = deps.terminal()
        const id = newId()
        const number = `${terminal}-R${String(store.counters.next(`refund:${terminal}`)).padStart(6, '0')}`
        store.refunds.insert({
          id,
          number,
          order_id: order.id,
          refund_key: request.refundKey,
          status: 'succeeded',
          amount,
          tax,
          reason: request.reason,
          requested_by: actor.userId,
          approved_by: actor.approverUserId ?? null,
          created_at: at,
          completed_at: at
        })
        for (const line of lines) {
          store.refunds.insertLine({ refund_id: id, order_line_id: line.lineId, quantity: line.quantity, amount: line.amount, tax: line.tax })
        }
        for (const part of split) {
          store.refunds.insertTender({
            id: newId(),
            refund_id: id,
            payment_id: part.id,
            method: byId.get(part.id)!.method,
            amount: part.amount,
            status: 'succeeded',
            provider_ref: null,
            created_at: at,
            completed_at: at
          })
        }
        const refundedTotal = order.refunded_total + amount
        const status = nextOrderStatus(order.status, refundedTotal >= paid ? 'refund_rest' : 'refund_part')
        store.orders.setRefunded(order.id, status, refundedTotal, at)
        store.journal.post(
          refundEntry(
            { amount, tax },
            split.map((part) => ({ method: byId.get(part.id)!.method as TenderMethod, amount: part.amount }))
          ),
          { id: newId(), at, orderId: order.id, userId: actor.userId }
        )
        const refund = view(store.refunds.byId(id)!)
        recordChange(ctx, {
          actorUserId: actor.userId,
          approverUserId: actor.approverUserId ?? null,
          action: 'order.refunded',
          subject: order.id,
          details: { number, orderNumber: order.number, amount, reason: request.reason, lines: lines.length },
          event: { type: 'refund.created', aggregateId: id, payload: refund }
        })
        return refund
      })
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
          event: { type: 'refunds.policy_updated', aggregateId: 'refund_policy', payload: { approvalThreshold: minor } }
        })
        return { approvalThreshold: minor }
      })
    }
  }
}

export type RefundsService = ReturnType<typeof createRefundsService>
