import { assertMinor } from './minor'
import { roundMulDiv } from './round-ratio'

/**
 * How a cash total meets the smallest coin or note taken (settlement spec step 8): `half-up` to the
 * nearest multiple, halves up; `down` (抹零) to the largest multiple not above it, in the customer's
 * favour. A rule of the cash drawer, independent of the store's arithmetic rounding mode.
 */
export type CashRoundingMode = 'half-up' | 'down'

export const CASH_ROUNDING_MODES: readonly CashRoundingMode[] = ['half-up', 'down']

/**
 * Cash rounding (settlement spec step 8): rounds a non-negative amount in minor units to a multiple of
 * `increment` (¥0.10 is 10) by `mode`.
 *
 * @example
 * roundToIncrement(15703, 5)          // 15705 (¥157.03 → ¥157.05)
 * roundToIncrement(15702, 5)          // 15700
 * roundToIncrement(15750, 100)        // 15800
 * roundToIncrement(15799, 100, 'down') // 15700 (抹零: the odd ¥0.99 is dropped)
 * @throws RangeError for an increment that is not a positive safe integer, or a result past 2^53 − 1
 */
export function roundToIncrement(
  minor: number,
  increment: number,
  mode: CashRoundingMode = 'half-up'
): number {
  if (!Number.isSafeInteger(increment) || increment <= 0)
    throw new RangeError(`bad cash increment: ${increment}`)
  const steps = mode === 'down' ? Math.floor(minor / increment) : roundMulDiv(minor, 1, increment, 'half-up')
  return assertMinor(steps * increment, 'cash total')
}
