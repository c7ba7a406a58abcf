import { assertMinor } from './minor'
import { roundMulDiv } from './round-ratio'

/**
 * Cash rounding (settlement spec step 8): rounds an amount half-up to a multiple of the smallest coin
 * or note taken, e.g. ¥0.10 or CHF 0.05. Always half-up, whatever the store's rounding mode: it is a
 * rule of the cash drawer, not of the arithmetic.
 *
 * @example
 * roundToIncrement(15703, 5)   // 15705 (¥157.03 → ¥157.05)
 * roundToIncrement(15702, 5)   // 15700
 * roundToIncrement(15750, 100) // 15800
 */
export function roundToIncrement(minor: number, increment: number): number {
  if (!Number.isSafeInteger(increment) || increment <= 0)
    throw new RangeError(`bad cash increment: ${increment}`)
  return assertMinor(roundMulDiv(minor, 1, increment, 'half-up') * increment, 'cash total')
}
