/**
 * GTINs — the numbers behind EAN-8, UPC-A (12 digits), EAN-13 and GTIN-14 (ITF-14) barcodes — and how
 * Kassa tells them from a shop's own codes.
 *
 * A code of exactly 8, 12, 13 or 14 digits is a GTIN: its last digit is the GS1 check digit, which
 * every scanner verifies before it sends the code, so a stored GTIN with a wrong one could never be
 * scanned and is refused at every input. That includes the restricted ranges (EAN-13 `02…`, `04…`,
 * `20…`–`29…`, UPC `2…`/`4…`) a shop prints itself: they are printed as EAN/UPC symbols and checked
 * like any other. Any other code — letters (`A-100`, Code 128 labels), or digits of another length
 * (a 4- or 5-digit PLU, a 6-digit in-store number) — is an in-store code: kept as typed, no check digit.
 *
 * The same item may arrive in several forms: UPC-A `012345678905` is EAN-13 `0012345678905` and
 * GTIN-14 `00012345678905`. Lookups compare the 14-digit form (`gtinLookupKey`); what was typed is
 * kept for display and export.
 */

const GTIN_LENGTHS = new Set([8, 12, 13, 14])
const DIGITS = /^\d+$/

/** True for a code of 8, 12, 13 or 14 digits, which must carry a GS1 check digit. */
export function isGtinForm(code: string): boolean {
  return GTIN_LENGTHS.has(code.length) && DIGITS.test(code)
}

/**
 * The GS1 check digit of `body` (the digits before it): weights 3, 1, 3, … from the right.
 *
 * @example gtinCheckDigit('690123456789') // 2 (EAN-13 6901234567892)
 * @example gtinCheckDigit('01234567890')  // 5 (UPC-A 012345678905)
 */
export function gtinCheckDigit(body: string): number {
  let sum = 0
  for (let i = body.length - 1, weight = 3; i >= 0; i--, weight = 4 - weight)
    sum += (body.charCodeAt(i) - 48) * weight
  return (10 - (sum % 10)) % 10
}

/** A GTIN whose check digit is wrong: the digit it should have and the code spelled with it. */
export interface CheckDigitProblem {
  expected: number
  corrected: string
}

/**
 * What is wrong with a code's check digit, or undefined when it is right or the code is no GTIN.
 *
 * @example checkDigitProblem('6901234567890') // { expected: 2, corrected: '6901234567892' }
 * @example checkDigitProblem('A-100')         // undefined (an in-store code)
 */
export function checkDigitProblem(code: string): CheckDigitProblem | undefined {
  if (!isGtinForm(code)) return undefined
  const body = code.slice(0, -1)
  const expected = gtinCheckDigit(body)
  return code.charCodeAt(code.length - 1) - 48 === expected
    ? undefined
    : { expected, corrected: `${body}${expected}` }
}

/** `check digit should be 2: 6901234567892` — the words every input refuses a bad GTIN in. */
export function checkDigitMessage(problem: CheckDigitProblem): string {
  return `check digit should be ${problem.expected}: ${problem.corrected}`
}

/**
 * The form a code is looked up by: a GTIN as its 14 digits (zeros in front), anything else as typed.
 *
 * @example gtinLookupKey('012345678905')  // '00012345678905'
 * @example gtinLookupKey('0012345678905') // '00012345678905'
 * @example gtinLookupKey('A-100')         // 'A-100'
 */
export function gtinLookupKey(code: string): string {
  return isGtinForm(code) ? code.padStart(14, '0') : code
}
