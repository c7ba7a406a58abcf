/**
 * A rate as a percentage, by moving the decimal point in the digit string (never a float).
 *
 * @example rateToPercent('0.13') // '13'; rateToPercent('0.065') // '6.5'; rateToPercent('1') // '100'
 */
export function rateToPercent(rate: string): string {
  const [whole = '0', fraction = ''] = rate.trim().split('.')
  const padded = fraction.padEnd(2, '0')
  const integer = `${whole}${padded.slice(0, 2)}`.replace(/^0+(?=\d)/, '')
  const rest = padded.slice(2).replace(/0+$/, '')
  return rest ? `${integer}.${rest}` : integer
}

/**
 * A percentage typed by a person as a rate ("10" → "0.10"); text that is not a plain number
 * (with an optional trailing %) is passed through for the API to refuse with its field named.
 *
 * @example percentToRate('10') // '0.10'; percentToRate('12.5 %') // '0.125'; percentToRate('100') // '1.00'
 */
export function percentToRate(percent: string): string {
  const match = /^(\d*)(?:\.(\d*))?$/.exec(percent.trim().replace(/\s*%$/, ''))
  if (!match) return percent
  const whole = (match[1] ?? '').padStart(3, '0')
  return `${whole.slice(0, -2)}.${whole.slice(-2)}${match[2] ?? ''}`.replace(/^0+(?=\d)/, '')
}
