import { minorDigits } from './currencies'
import { POW10, scaledMagnitude, scanDecimal, wholePartTooLarge } from './decimal-scan'
import { toDecimalString } from './decimal-string'
import { FieldError } from './field-error'
import { NOT_A_DECIMAL, TOO_LARGE, tooManyDecimals } from './messages'

/**
 * Spells an integer count of minor units as a decimal string with exactly `digits` fractional digits,
 * by moving the decimal point in the digit string (never dividing as a float).
 *
 * @example minorToDecimal(15700, 2) // '157.00'; minorToDecimal(-5, 2) // '-0.05'; minorToDecimal(5, 0) // '5'
 */
export function minorToDecimal(minor: number, digits: number): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`not a safe integer count of minor units: ${minor}`)
  if (digits === 0) return minor === 0 ? '0' : String(minor)
  const unit = POW10[digits] as number
  const magnitude = minor < 0 ? -minor : minor
  // Integer remainder and quotient of safe integers are exact: the point is placed, not computed.
  const fraction = magnitude % unit
  const whole = (magnitude - fraction) / unit
  const fractionText = String(fraction)
  const padded =
    fractionText.length < digits ? ZEROS[digits - fractionText.length] + fractionText : fractionText
  return `${minor < 0 ? '-' : ''}${whole}.${padded}`
}

const ZEROS: readonly string[] = POW10.map((_, k) => '0'.repeat(k))

/**
 * An amount in minor units as a decimal string with exactly the currency's minor digits.
 *
 * @example minorToDecimalString(15700, 'CNY') // '157.00'; minorToDecimalString(1500, 'JPY') // '1500'
 */
export function minorToDecimalString(minor: number, currency: string): string {
  return minorToDecimal(minor, minorDigits(currency))
}

/**
 * Reads a decimal amount as an integer count of minor units with `digits` minor digits. A value with
 * more fractional digits than that is refused, never rounded: rounding here would lose a fen unseen.
 *
 * @example decimalToMinor('157.5', 2) // 15750
 * @throws FieldError naming `field` when the text is not a plain decimal, too precise or too large
 */
export function decimalToMinor(text: string, digits: number, field: string, what: string): number {
  const scan = scanDecimal(text)
  if (scan === undefined) throw new FieldError(field, NOT_A_DECIMAL)
  // Size first: a huge amount's decimals are not what the cashier needs to fix.
  if (wholePartTooLarge(scan, digits)) throw new FieldError(field, TOO_LARGE)
  if (scan.fractionDigits > digits) throw new FieldError(field, tooManyDecimals(digits, what))
  const magnitude = scaledMagnitude(scan, digits)
  if (!Number.isSafeInteger(magnitude)) throw new FieldError(field, TOO_LARGE)
  return scan.negative && magnitude !== 0 ? -magnitude : magnitude
}

/**
 * Reads a decimal amount in a currency (a string, or a JSON number read as its shortest decimal form)
 * as an integer count of minor units.
 *
 * @example parseDecimalToMinor('157.00', 'CNY') // 15700; parseDecimalToMinor('1.005', 'CNY') // throws
 * @throws FieldError naming `field` (default `amount`) when it is malformed, too precise or too large
 */
export function parseDecimalToMinor(value: string | number, currency: string, field = 'amount'): number {
  const text = toDecimalString(value)
  if (text === undefined) throw new FieldError(field, NOT_A_DECIMAL)
  return decimalToMinor(text, minorDigits(currency), field, currency)
}

const formatters = new Map<string, Intl.NumberFormat>()

/**
 * Formats an amount for people, e.g. on the till's screen or a receipt. The minor units are handed to
 * `Intl.NumberFormat` as an exact decimal string, so no float ever touches the figure.
 *
 * @example formatMinor(15700, 'CNY', 'zh-CN') // '¥157.00'; formatMinor(-5, 'USD', 'en') // '-$0.05'
 */
export function formatMinor(minor: number, currency: string, locale: string): string {
  const digits = minorDigits(currency)
  const key = `${locale}\u0000${currency}`
  let formatter = formatters.get(key)
  if (formatter === undefined) {
    // ISO digits, not CLDR's: the display must show exactly the minor units that are stored.
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits
    })
    formatters.set(key, formatter)
  }
  return formatter.format(minorToDecimal(minor, digits) as Intl.StringNumericLiteral)
}
