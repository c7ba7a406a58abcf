/** Messages for refused amounts, shared by every parser so a field is refused in the same words everywhere. */
export const NOT_A_DECIMAL = 'must be a decimal number such as "12.50"'
export const TOO_LARGE = 'is too large'
export const NEGATIVE = 'must not be negative'

/** `must have at most 2 decimal places for CNY`, or `must be a whole number for JPY`. */
export function tooManyDecimals(digits: number, what: string): string {
  return digits === 0
    ? `must be a whole number for ${what}`
    : `must have at most ${digits} decimal places for ${what}`
}
