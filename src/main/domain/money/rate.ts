import type { DecimalScan } from '../../../shared/money/decimal-scan'
import { POW10 } from '../../../shared/money/decimal-scan'
import type { Int } from './round-ratio'

/**
 * A rate in [0, 1] as an exact fraction `num / den` with `den` a power of ten: `"0.13"` is 13 / 100.
 * Both are safe numbers for rates of up to 15 significant fractional digits, bigints beyond.
 */
export interface Rate {
  readonly num: Int
  readonly den: Int
}

export const ZERO_RATE: Rate = Object.freeze({ num: 0, den: 1 })

/**
 * The exact fraction of a decimal rate (`text`, already scanned into `scan`) checked to lie in [0, 1].
 *
 * @example rateFromScan('0.130', scanDecimal('0.130')!) // { num: 13, den: 100 }
 */
export function rateFromScan(text: string, scan: DecimalScan): Rate {
  if (scan.digitsValue === 0) return ZERO_RATE
  const trailingZeros = scan.fractionDigits - scan.significantFractionDigits
  if (scan.significantFractionDigits <= 15 && Number.isSafeInteger(scan.digitsValue)) {
    // digitsValue ends in `trailingZeros` zeros, so this division is exact.
    return {
      num: scan.digitsValue / (POW10[trailingZeros] as number),
      den: POW10[scan.significantFractionDigits] as number
    }
  }
  const digits = text.replace(/^-/, '').replace('.', '')
  return {
    num: BigInt(digits.slice(0, digits.length - trailingZeros) || '0'),
    den: 10n ** BigInt(scan.significantFractionDigits)
  }
}

/** `true` for a rate of 0, which discounts or taxes nothing. */
export function isZeroRate(rate: Rate): boolean {
  return rate.num === 0 || rate.num === 0n
}
