import type { RoundingMode } from './rounding-mode'
import { ExactDecimal } from './exact-decimal'

/**
 * `round(x)` of the settlement spec for a value already held as a decimal: rounds an exact amount in
 * major units to a whole number of minor units, once. `half-up` sends halves away from zero (四舍五入),
 * `half-even` to the even neighbour (banker's rounding).
 *
 * @example
 * roundToMinor('2.675', 2, 'half-up')   // 268
 * roundToMinor('2.665', 2, 'half-even') // 266
 * roundToMinor('-0.005', 2, 'half-up')  // -1
 */
export function roundToMinor(value: ExactDecimal | string, digits: number, mode: RoundingMode): number {
  const scaled = new ExactDecimal(value).times(new ExactDecimal(10).pow(digits))
  const rounding = mode === 'half-even' ? ExactDecimal.ROUND_HALF_EVEN : ExactDecimal.ROUND_HALF_UP
  const minor = scaled.toDecimalPlaces(0, rounding).toNumber()
  if (!Number.isSafeInteger(minor)) throw new RangeError(`amount is too large: ${scaled.toFixed()}`)
  return minor === 0 ? 0 : minor
}
