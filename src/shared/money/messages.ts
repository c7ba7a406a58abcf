import { VALIDATION_MESSAGES as M, validationText } from '../validation/messages'

/** Messages for refused amounts, shared by every parser so a field is refused in the same words everywhere. */
export const NOT_A_DECIMAL = M.notADecimal
export const TOO_LARGE = M.tooLarge
export const NEGATIVE = M.negative

/** `must have at most 2 decimal places for CNY`, or `must be a whole number for JPY`. */
export function tooManyDecimals(digits: number, what: string): string {
  return digits === 0
    ? validationText('wholeNumberFor', { currency: what })
    : validationText('tooManyDecimalsFor', { digits, currency: what })
}
