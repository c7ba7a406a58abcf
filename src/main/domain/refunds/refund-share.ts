import Decimal from 'decimal.js'

const Exact = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP })

/**
 * What refunding `quantity` of a line gives back of one of its figures (its total, or its
 * tax), given what earlier refunds of the line already gave back. The last refund of a
 * line takes exactly what is left, so however a line is refunded in parts, the parts add
 * up to what was paid for it — never a fen more.
 *
 * @example
 * // A line of 3 paid ¥10.00 in all: refunding 1, then 1, then 1 gives 333, 333, 334.
 * refundShare({ figure: 1000, lineQuantity: '3', quantity: '1', refundedQuantity: '0', refundedFigure: 0 }) // 333
 * refundShare({ figure: 1000, lineQuantity: '3', quantity: '1', refundedQuantity: '2', refundedFigure: 666 }) // 334
 */
export function refundShare(input: {
  figure: number
  lineQuantity: string
  quantity: string
  refundedQuantity: string
  refundedFigure: number
}): number {
  const left = input.figure - input.refundedFigure
  const after = new Exact(input.refundedQuantity).plus(input.quantity)
  if (after.greaterThanOrEqualTo(input.lineQuantity)) return left
  const share = new Exact(input.figure)
    .times(input.quantity)
    .dividedBy(input.lineQuantity)
    .toDecimalPlaces(0)
    .toNumber()
  return Math.min(share, left)
}

/**
 * The tax inside a refund by amount: the order's tax in proportion, rounded half-up once,
 * and never more than the tax not yet refunded.
 *
 * @example refundTaxOfAmount({ amount: 5000, paid: 15700, tax: 1806, refundedTax: 0 }) // 575
 */
export function refundTaxOfAmount(input: {
  amount: number
  paid: number
  tax: number
  refundedTax: number
}): number {
  if (input.paid === 0) return 0
  const share = new Exact(input.tax).times(input.amount).dividedBy(input.paid).toDecimalPlaces(0).toNumber()
  return Math.min(share, input.tax - input.refundedTax)
}

/**
 * Splits a refund over the order's tenders, last tender first (so a split sale's cash part,
 * usually rung last, goes back as cash), never more than each tender has left.
 *
 * @example allocateRefund(3000, [{ id: 'card', left: 5000 }, { id: 'cash', left: 2000 }])
 * // [{ id: 'cash', amount: 2000 }, { id: 'card', amount: 1000 }]
 */
export function allocateRefund(
  amount: number,
  tenders: Array<{ id: string; left: number }>
): Array<{ id: string; amount: number }> {
  const out: Array<{ id: string; amount: number }> = []
  let rest = amount
  for (const tender of [...tenders].reverse()) {
    if (rest === 0) break
    const take = Math.min(rest, tender.left)
    if (take > 0) out.push({ id: tender.id, amount: take })
    rest -= take
  }
  if (rest > 0) throw new Error(`refund of ${amount} exceeds what the tenders can give back`)
  return out
}
