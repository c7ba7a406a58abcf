import type { Evaluation, ProductRating } from '@shared/contract/channels/evaluations'
import { newId } from '../../core/ids'
import { DomainError, notFound } from '../../domain/errors'
import type { OrderRow } from '../../store/repos/orders-repo'
import type { EvaluationRow } from '../../store/repos/evaluations-repo'
import { recordChange, type ServiceContext } from '../service-context'
import type { Actor } from '../service-context'

const RATEABLE: ReadonlySet<OrderRow['status']> = new Set(['paid', 'partially_refunded'])

/**
 * Customers' ratings of what they bought: 1–5 and a comment, on one line of a paid order,
 * at the counter or later from the order history. One per line; a line that was not paid
 * for (draft, cancelled, voided) or was refunded cannot be rated.
 */
export function createEvaluationsService(ctx: ServiceContext) {
  const { store, clock } = ctx

  const toView = (row: EvaluationRow): Evaluation => ({
    lineId: row.order_line_id,
    rating: row.rating,
    comment: row.comment,
    at: row.at
  })

  const refusalOf = (order: OrderRow, lineId: string): 'unpaid' | 'refunded' | null => {
    if (order.status === 'refunded') return 'refunded'
    if (!RATEABLE.has(order.status)) return 'unpaid'
    return store.evaluations.isLineRefunded(lineId) ? 'refunded' : null
  }

  return {
    /**
     * Each line of an order with its rating (or null) and why it cannot be rated (`unpaid`,
     * `refunded`, or null when it can): what the rating dialog lists.
     * @throws DomainError NOT_FOUND `orderId` `errors.notFound.order` (also for a draft: not yet a sale)
     */
    forOrder(orderId: string) {
      const order = store.orders.get(orderId)
      if (!order || order.status === 'draft') throw notFound('Order', 'orderId', 'order')
      const given = new Map(store.evaluations.forOrder(orderId).map((row) => [row.order_line_id, row]))
      return {
        orderId,
        lines: store.orders.lines(orderId).map((line) => {
          const evaluation = given.get(line.id)
          return {
            lineId: line.id,
            sku: line.sku,
            name: line.name,
            nameEn: line.name_en,
            refusal: refusalOf(order, line.id),
            evaluation: evaluation ? toView(evaluation) : null
          }
        })
      }
    },

    /**
     * Records one rating (1–5, checked by the contract) and optional comment on one line, with its
     * audit entry and the `evaluation.recorded` outbox event in one transaction. One per line, never
     * edited: a rating is what the customer said then.
     * @throws DomainError NOT_FOUND `orderId` `errors.notFound.order`, `lineId`
     *   `errors.notFound.orderLine`; CONFLICT `lineId` `errors.evaluations.unpaid` (order not paid),
     *   `errors.evaluations.refunded` (line or whole order refunded), `errors.evaluations.alreadyRated`
     */
    save(
      input: { orderId: string; lineId: string; rating: number; comment?: string | undefined },
      actor: Actor
    ): Evaluation {
      return store.transaction(() => {
        const order = store.orders.get(input.orderId)
        if (!order || order.status === 'draft') throw notFound('Order', 'orderId', 'order')
        const line = store.orders.line(order.id, input.lineId)
        if (!line) throw notFound('Order line', 'lineId', 'orderLine')
        const refusal = refusalOf(order, line.id)
        if (refusal === 'unpaid')
          throw new DomainError('CONFLICT', 'Only lines of a paid order can be rated', 'lineId', {
            key: 'errors.evaluations.unpaid'
          })
        if (refusal === 'refunded')
          throw new DomainError('CONFLICT', 'This line was refunded and cannot be rated', 'lineId', {
            key: 'errors.evaluations.refunded'
          })
        if (store.evaluations.forLine(line.id))
          throw new DomainError('CONFLICT', 'This line has already been rated', 'lineId', {
            key: 'errors.evaluations.alreadyRated'
          })
        const row: EvaluationRow = {
          id: newId(),
          order_id: order.id,
          order_line_id: line.id,
          product_id: line.product_id,
          sku: line.sku,
          rating: input.rating,
          comment: input.comment ? input.comment : null,
          at: clock.now().toISOString(),
          user_id: actor.userId
        }
        store.evaluations.insert(row)
        recordChange(ctx, {
          actorUserId: actor.userId,
          action: 'evaluation.recorded',
          subject: line.id,
          details: { orderNumber: order.number, sku: line.sku, rating: row.rating },
          event: {
            type: 'evaluation.recorded',
            aggregateId: row.id,
            payload: { ...toView(row), orderId: order.id, sku: line.sku }
          }
        })
        return toView(row)
      })
    },

    /** Per SKU: how many ratings and their mean to one decimal (exact: integer sums, half-up). */
    productRatings(): ProductRating[] {
      return store.evaluations.stats().map(({ sku, count, total }) => {
        // mean × 10 rounded half-up, in integers: (20·total + count) div (2·count)
        const tenths = Math.floor((20 * total + count) / (2 * count))
        return { sku, count, average: `${Math.floor(tenths / 10)}.${tenths % 10}` }
      })
    }
  }
}

export type EvaluationsService = ReturnType<typeof createEvaluationsService>
