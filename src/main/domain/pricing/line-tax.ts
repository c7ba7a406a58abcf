import type { TaxMode } from '../../../shared/schemas/cart'
import { isZeroRate, type Rate } from '../money/rate'
import { roundMulDiv } from '../money/round-ratio'
import type { RoundingMode } from '../money/rounding-mode'

/**
 * Settlement spec step 6: the tax in a line's `netAfterDiscount`, in minor units.
 * - `inclusive` (shelf prices include VAT): the tax is what is left after taking the net back to its
 *   pre-tax price, `net − round(net / (1 + rate))`, so price + tax is the shelf price to the fen.
 * - `exclusive`: `round(net × rate)`, added on top of the price.
 *
 * @example
 * lineTax(15700, { num: 13, den: 100 }, 'inclusive', 'half-up') // 1806 (157.00 − round(138.938…) = 18.06)
 * lineTax(10000, { num: 13, den: 100 }, 'exclusive', 'half-up') // 1300
 */
export function lineTax(net: number, rate: Rate, taxMode: TaxMode, mode: RoundingMode): number {
  if (isZeroRate(rate)) return 0
  if (taxMode === 'exclusive') return roundMulDiv(net, rate.num, rate.den, mode)
  // net / (1 + num/den) = net × den / (den + num), kept as one exact fraction.
  const divisor =
    typeof rate.num === 'number' && typeof rate.den === 'number'
      ? rate.den + rate.num
      : BigInt(rate.den) + BigInt(rate.num)
  return net - roundMulDiv(net, rate.den, divisor, mode)
}
