import { scaledMagnitude, wholePartTooLarge, type DecimalScan } from '../money/decimal-scan'
import {
  NEGATIVE,
  NOT_POSITIVE,
  QUANTITY_DECIMALS,
  RATE_RANGE,
  TOO_LARGE,
  tooManyDecimals
} from './cart-messages'

/** Weighed goods are sold by the gram: a quantity has at most 3 fractional digits (kg). */
export const QUANTITY_DIGITS = 3

/** Why a quantity is refused, or `undefined`: it must be > 0 with at most 3 fractional digits. */
export function quantityProblem(scan: DecimalScan): string | undefined {
  if (scan.negative || scan.digitsValue === 0) return NOT_POSITIVE
  if (wholePartTooLarge(scan, QUANTITY_DIGITS)) return TOO_LARGE
  if (scan.fractionDigits > QUANTITY_DIGITS) return QUANTITY_DECIMALS
  if (!Number.isSafeInteger(scaledMagnitude(scan, QUANTITY_DIGITS))) return TOO_LARGE
  return undefined
}

/** Why an amount is refused, or `undefined`: it must be ≥ 0 with no more digits than the currency has. */
export function amountProblem(scan: DecimalScan, digits: number, currency: string): string | undefined {
  if (scan.negative && scan.digitsValue !== 0) return NEGATIVE
  if (wholePartTooLarge(scan, digits)) return TOO_LARGE
  if (scan.fractionDigits > digits) return tooManyDecimals(digits, currency)
  if (!Number.isSafeInteger(scaledMagnitude(scan, digits))) return TOO_LARGE
  return undefined
}

/** Why a cash increment is refused, or `undefined`: an amount that is greater than 0. */
export function incrementProblem(scan: DecimalScan, digits: number, currency: string): string | undefined {
  if (scan.negative || scan.digitsValue === 0) return NOT_POSITIVE
  return amountProblem(scan, digits, currency)
}

/** Why a rate is refused, or `undefined`: it must lie in [0, 1]; any number of digits is exact. */
export function rateProblem(scan: DecimalScan): string | undefined {
  if (scan.negative && scan.digitsValue !== 0) return RATE_RANGE
  if (scan.integerValue === 0 || (scan.integerValue === 1 && scan.significantFractionDigits === 0))
    return undefined
  return RATE_RANGE
}
