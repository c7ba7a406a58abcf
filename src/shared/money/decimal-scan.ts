/**
 * A plain decimal string (`-12.50`: optional minus, digits, optional `.digits`; no exponent, no `+`,
 * no bare `.5` or `5.`) read in one pass. The checks of every amount, quantity and rate run on this.
 */
export interface DecimalScan {
  negative: boolean
  /** All digits as one integer, the point ignored: `"12.50"` → 1250. Exact while a safe integer. */
  digitsValue: number
  /** The integer part's value: `"12.50"` → 12 (only compared with 0 and 1). */
  integerValue: number
  fractionDigits: number
  /** Fraction digits up to the last non-zero one: `"1.250"` → 2. */
  significantFractionDigits: number
}

/** Exact powers of ten (doubles hold 10^k exactly up to k = 22). */
export const POW10: readonly number[] = Array.from({ length: 23 }, (_, k) => 10 ** k)

export function emptyScan(): DecimalScan {
  return { negative: false, digitsValue: 0, integerValue: 0, fractionDigits: 0, significantFractionDigits: 0 }
}

/**
 * Reads `text` as a plain decimal into `into` (a reused object on hot paths: 100,000 lines are read
 * without allocating) and returns it, or `undefined` when the text is not a plain decimal.
 *
 * @example scanDecimal('-1.250') // { negative: true, digitsValue: 1250, integerValue: 1, fractionDigits: 3, … }
 */
export function scanDecimal(text: string, into: DecimalScan = emptyScan()): DecimalScan | undefined {
  const length = text.length
  let i = 0
  const negative = length > 0 && text.charCodeAt(0) === 45 // '-'
  if (negative) i = 1
  const integerStart = i
  let value = 0
  for (; i < length; i++) {
    const digit = text.charCodeAt(i) - 48
    if (digit < 0 || digit > 9) break
    value = value * 10 + digit
  }
  if (i === integerStart) return undefined
  const integerValue = value
  let fractionDigits = 0
  let significant = 0
  if (i < length) {
    if (text.charCodeAt(i) !== 46 || i === length - 1) return undefined // '.' followed by digits
    for (i += 1; i < length; i++) {
      const digit = text.charCodeAt(i) - 48
      if (digit < 0 || digit > 9) return undefined
      value = value * 10 + digit
      fractionDigits += 1
      if (digit !== 0) significant = fractionDigits
    }
  }
  into.negative = negative
  into.digitsValue = value
  into.integerValue = integerValue
  into.fractionDigits = fractionDigits
  into.significantFractionDigits = significant
  return into
}

/**
 * The scanned decimal's magnitude in units of 10^-digits (minor units for an amount), when it has at
 * most `digits` fractional digits; not a safe integer when too large.
 *
 * @example scaledMagnitude(scanDecimal('157.5')!, 2) // 15750
 */
export function scaledMagnitude(scan: DecimalScan, digits: number): number {
  // Past 2^53 digitsValue is inexact but stays ≥ 2^53, so the product is still (rightly) not safe.
  return scan.digitsValue * (POW10[digits - scan.fractionDigits] ?? Number.POSITIVE_INFINITY)
}

/**
 * Whether the scanned decimal's whole part alone is already too large for units of 10^-digits. Checked
 * before precision, so `99999999999999999.5` is refused as too large, not as having too many decimals.
 *
 * @example wholePartTooLarge(scanDecimal('99999999999999999.5')!, 2) // true
 */
export function wholePartTooLarge(scan: DecimalScan, digits: number): boolean {
  return !Number.isSafeInteger(scan.integerValue * (POW10[digits] ?? Number.POSITIVE_INFINITY))
}
