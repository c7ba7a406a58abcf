import type { Refund } from '@shared/contract/channels/refunds'
import { formatMinor, parseDecimalToMinor } from '@shared/money/format'
import { newId } from '../../core/ids'
import { DomainError, invalid, notFound } from '../../domain/errors'
import { nextOrderStatus } from '../../domain/orders/order-status'
import { allocateDiscount } from '../../domain/money/allocate-discount'
import { cashRefund } from '../../domain/refunds/cash-refund'
import { allocateRefund, refundTaxOfAmount } from '../../domain/refunds/refund-share'
import type { PaymentsRuntime } from '../payments/payments-runtime'
import type { OrderRow } from '../../store/repos/orders-repo'
import type { RefundRow } from '../../store/repos/refunds-repo'
import { recordChange, type ServiceContext } from '../service-context'
import { requireOpenShift } from '../shifts/shift-guard'
import type { SettingsService } from '../settings-service'
import type { Actor } from '../service-context'
import { payableOf } from '../../domain/orders/payable'
import { requireRefundApproval as requireApproval, type RefundApprovalCheck } from './refund-approval'
import {
  byLines as refundByLines,
  isLastByLines as isLastRefundByLines,
  linesLeft as refundLinesLeft
} from './refund-lines'
import { createRefundPayBack } from './refund-payback'
import { refundView } from './refund-view'
import { releaseCouponUses } from './coupon-uses'

export interface RefundRequest {
  orderId: string
  refundKey: string
  reason: string
  lines?: Array<{ lineId: string; quantity: string }> | undefined
  amount?: string | undefined
}

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
  const { store, clock } = ctx
  const { bookTender, settleRefund, payBack, ...payback } = createRefundPayBack(ctx, deps)
  const linesLeft = (order: OrderRow) => refundLinesLeft(store, order)
  const byLines = (order: OrderRow, requested: NonNullable<RefundRequest['lines']>) =>
    refundByLines(store, order, requested)
  const isLastByLines = (order: OrderRow, lines: ReturnType<typeof byLines>): boolean =>
    isLastRefundByLines(store, order, lines)
  const view = (row: RefundRow): Refund => refundView(store, row)
  const requireRefundApproval = (check: RefundApprovalCheck): void => requireApproval(ctx, deps, check)
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

  return {
    /**
     * What is left to refund of a paid order: the amount (minor units) and each line's quantity and amount left.
     * @throws DomainError NOT_FOUND `orderId` (`errors.notFound.order`)
     */
    refundable(orderId: string) {
      const order = store.orders.get(orderId)
      if (!order) throw notFound('Order', 'orderId', 'order')
      const open = order.status === 'paid' || order.status === 'partially_refunded'
      return {
        orderId,
        currency: order.currency,
        refundable: open ? paidAmount(order) - order.refunded_total : 0,
        approvalThreshold: store.refunds.approvalThreshold(),
        // Said in the refund dialog beforehand, so a cashier knows when a PIN will be asked.
        cashRefundThreshold: store.lossPrevention.get().cashRefundThreshold,
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

    /**
     * Refunds chosen lines (quantities as decimal text) or an amount (decimal text) of a paid order, back to the tenders that paid, last first (README "Refunds"; a cash-rounded sale by specs/settlement.md "Refunds of a cash-rounded sale"). One transaction: refund rows, cash out of the drawer and its journal entry, audit entry and `refund.created` event; provider refunds are then sent under their own numbers. `refundKey` makes a retry return the same refund.
     * @throws ApprovalRequired `refund` (over the order, shift or cash thresholds); DomainError CONFLICT `orderId` (`errors.refunds.notRefundable`), `refundKey` (`errors.refunds.keyOfAnotherOrder`), `shift` (`errors.shift.notOpen`: a cash refund needs an open shift); VALIDATION `amount`/`lines[i].quantity` (`errors.refunds.moreThanLeft`, `errors.sell.wholePieces`), `lines`/`amount` (`errors.refunds.nothing`), `lines[i].lineId` (`errors.refunds.lineTwice`); NOT_FOUND `orderId`, `lines[i].lineId`
     */
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
        // Refunded in whole, the sale no longer stands: its coupons' uses come back, as a void's do.
        if (status === 'refunded') releaseCouponUses(store, order.id)
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

    /**
     * After a restart: refunds still processing at a provider are asked about again (then every
     * `pollMs`, up to 20 times); a provider that fails is logged. Raises nothing.
     */
    async recover(): Promise<void> {
      for (const tender of store.refunds.processingTenders()) await payBack(tender.id, 0, true)
    },

    /**
     * Stops following up provider refunds (the app is closing).
     */
    close(): void {
      payback.close()
    },

    /**
     * The refund approval threshold, minor units.
     */
    policy: () => ({ approvalThreshold: store.refunds.approvalThreshold() }),

    /**
     * Sets the refund approval threshold (decimal text → minor units), with its audit entry and `refunds.policy_updated` event.
     * @throws DomainError VALIDATION `approvalThreshold` (not an amount of the store currency)
     */
    updatePolicy(approvalThreshold: string, actor: Actor) {
      const currency = deps.settings.getProfile().currency
      const minor = parseDecimalToMinor(approvalThreshold, currency, 'approvalThreshold')
      return store.transaction(() => {
        const before = store.refunds.approvalThreshold()
        store.refunds.setApprovalThreshold(minor)
        recordChange(ctx, {
          actorUserId: actor.userId,
          approverUserId: actor.approverUserId ?? null,
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
