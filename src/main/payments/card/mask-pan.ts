/**
 * The only form in which a card number exists past the terminal: the first six (the issuer's BIN)
 * and the last four digits, as receipts print it. PCI DSS allows no more.
 *
 * @example maskPan('6225880000001234') // '622588******1234'
 */
export function maskPan(pan: string): string {
  const digits = pan.replace(/[\s-]/g, '')
  if (!/^\d{12,19}$/.test(digits)) throw new RangeError('not a card number')
  return `${digits.slice(0, 6)}${'*'.repeat(digits.length - 10)}${digits.slice(-4)}`
}

/** Luhn check digit validation, as every terminal does before going online. */
export function isLuhnValid(pan: string): boolean {
  const digits = pan.replace(/[\s-]/g, '')
  if (!/^\d{12,19}$/.test(digits)) return false
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i])
    if (i % 2 === 1) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return sum % 10 === 0
}
