import { roundToIncrement, type CashRoundingMode } from '../money/round-to-increment'

/**
 * What a cash refund of a cash-rounded sale gives back (specs/settlement.md, "Refunds of a cash-rounded
 * sale"). All amounts in minor units.
 *
 * - The refund that leaves nothing refundable gives back exactly what remains of what was collected:
 *   `collected − refundedBefore`, and its share is what remains of the order's total.
 * - Any other gives back its share rounded to a multiple of `increment` by `mode`, never more than
 *   what remains of what was collected.
 *
 * `rounding = cash − share` is booked to cash rounding (+ when the drawer gives back more than the share).
 *
 * @example
 * // Increment 5 (¥0.05), half-up; three lines of 66 (total 198, collected 200):
 * cashRefund({ share: 66, total: 198, collected: 200, sharesBefore: 0, refundedBefore: 0, last: false, increment: 5, mode: 'half-up' })
 * // → { cash: 65, share: 66, rounding: -1 }
 * cashRefund({ share: 66, total: 198, collected: 200, sharesBefore: 132, refundedBefore: 130, last: true, increment: 5, mode: 'half-up' })
 * // → { cash: 70, share: 66, rounding: 4 }
 */
export function cashRefund(input: {
  /** The refunded lines' netAfterDiscount share, or the amount asked for. */
  share: number
  /** The order's total before cash rounding, and what was collected (its cash total). */
  total: number
  collected: number
  /** Σ shares and Σ cash of the order's earlier refunds. */
  sharesBefore: number
  refundedBefore: number
  /** True when this refund leaves nothing refundable on the order. */
  last: boolean
  increment: number
  mode: CashRoundingMode
}): { cash: number; share: number; rounding: number } {
  const left = input.collected - input.refundedBefore
  if (input.last) {
    const share = Math.max(0, input.total - input.sharesBefore)
    return { cash: left, share, rounding: left - share }
  }
  const cash = Math.max(0, Math.min(roundToIncrement(input.share, input.increment, input.mode), left))
  return { cash, share: input.share, rounding: cash - input.share }
}
