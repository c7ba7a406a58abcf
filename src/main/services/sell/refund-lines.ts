import Decimal from 'decimal.js'
import { invalid, notFound } from '../../domain/errors'
import { refundShare } from '../../domain/refunds/refund-share'
import type { OrderRow } from '../../store/repos/orders-repo'
import type { Store } from '../../store/store'

// What is left to refund of an order's lines, and what a refund by lines gives back of each.

const sumQuantities = (quantities: string | undefined): Decimal =>
  (quantities ?? '')
    .split(' ')
    .filter(Boolean)
    .reduce((sum, q) => sum.plus(q), new Decimal(0))

/** Each line of `order` with what was refunded of it so far and what is left (quantities as decimal text, minor units). */
export const linesLeft = (store: Store, order: OrderRow) => {
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

/**
 * The figures of a refund by lines: what each line gives back and its tax (minor units, the line's
 * share by quantity, `refundShare`).
 * @throws DomainError NOT_FOUND `lines[i].lineId` `errors.notFound.orderLine`; VALIDATION
 *   `lines[i].lineId` `errors.refunds.lineTwice`, `lines[i].quantity` `errors.sell.wholePieces`,
 *   `errors.refunds.moreThanLeft` { left }
 */
export const byLines = (
  store: Store,
  order: OrderRow,
  requested: ReadonlyArray<{ lineId: string; quantity: string }>
) => {
  const left = new Map(linesLeft(store, order).map((entry) => [entry.line.id, entry]))
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
export const isLastByLines = (store: Store, order: OrderRow, lines: ReturnType<typeof byLines>): boolean => {
  const requested = new Map(lines.map((line) => [line.lineId, line.quantity]))
  return linesLeft(store, order).every((entry) =>
    new Decimal(entry.quantityLeft).minus(requested.get(entry.line.id) ?? '0').lessThanOrEqualTo(0)
  )
}
