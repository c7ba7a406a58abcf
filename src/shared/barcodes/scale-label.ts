import { gtinCheckDigit } from './gtin'

/**
 * Weighed-goods labels. A shop scale prints an EAN-13 in the restricted range 20–29 that carries the
 * product's item code (as set on the scale, kept on the product as its scale code) and either the
 * weight in grams or the price in minor units (fen):
 *
 *   2P IIIII VVVVV C        itemDigits 5, no price check digit (the common layout)
 *   2P IIII  K VVVVV C      itemDigits 4, with a check digit K over the value (price labels, EU style)
 *
 * P picks the layout (the store lists which prefixes mean what), C is the EAN-13 check digit.
 */
export interface ScaleLabelLayout {
  /** Two-digit prefixes, each 20–29, that mean this layout. */
  prefixes: string[]
  /** Digits of the item code after the prefix: 4, 5 or 6. */
  itemDigits: number
  /** What the value digits hold: grams, or the price in minor units. */
  content: 'weight' | 'price'
  /** A check digit between the item code and the value (the 4-digit-item layouts). */
  valueCheckDigit: boolean
}

/** The default: `21…` weight labels and `22…` price labels, 5-digit item codes, no value check digit. */
export const DEFAULT_SCALE_LABELS: ScaleLabelLayout[] = [
  { prefixes: ['21'], itemDigits: 5, content: 'weight', valueCheckDigit: false },
  { prefixes: ['22'], itemDigits: 5, content: 'price', valueCheckDigit: false }
]

/** How many value digits a layout leaves: 13 − prefix − item code − value check digit − EAN check digit. */
export function valueDigits(layout: ScaleLabelLayout): number {
  return 13 - 2 - layout.itemDigits - (layout.valueCheckDigit ? 1 : 0) - 1
}

/** A scale label read: the item code and the weight in grams or the price in minor units. */
export type ScaleLabel =
  | { itemCode: string; content: 'weight'; grams: number }
  | { itemCode: string; content: 'price'; priceMinor: number }

/** Why a code that looks like a scale label is refused. */
export type ScaleLabelProblem =
  { problem: 'check-digit'; expected: number } | { problem: 'value-check-digit'; expected: number }

// GS1 General Specifications 7.9.3: each digit's weighted result keeps one digit ("2-": ×2, minus the
// tens digit; "5+": ×5, plus the tens digit; "5-": ×5, minus the tens digit), indexed by the digit.
const TWO_MINUS = [0, 2, 4, 6, 8, 9, 1, 3, 5, 7]
const FIVE_PLUS = [0, 5, 1, 6, 2, 7, 3, 8, 4, 9]
const FIVE_MINUS = [0, 5, 9, 4, 8, 3, 7, 2, 6, 1]
const THREE = [0, 3, 6, 9, 12, 15, 18, 21, 24, 27]

/**
 * The price/weight check digit over a label's 4- or 5-digit value (GS1 General Specifications 7.9.3):
 * 4 digits weighted 2-, 2-, 3, 5- and the sum × 3; 5 digits weighted 5+, 2-, 5-, 5+, 2- and the digit
 * whose 5- result completes the sum to a multiple of 10.
 */
export function valueCheckDigit(value: string): number {
  const d = [...value].map((c) => c.charCodeAt(0) - 48)
  if (d.length === 4)
    return ((TWO_MINUS[d[0]!]! + TWO_MINUS[d[1]!]! + THREE[d[2]!]! + FIVE_MINUS[d[3]!]!) * 3) % 10
  const sum =
    FIVE_PLUS[d[0]!]! + TWO_MINUS[d[1]!]! + FIVE_MINUS[d[2]!]! + FIVE_PLUS[d[3]!]! + TWO_MINUS[d[4]!]!
  return FIVE_MINUS.indexOf((10 - (sum % 10)) % 10)
}

/**
 * Reads `code` as a scale label under `layouts`: undefined when it is no 13-digit code with one of their
 * prefixes, a problem when a check digit is wrong, the label otherwise.
 *
 * @example readScaleLabel('2100101012341', DEFAULT_SCALE_LABELS)
 * // → { itemCode: '00101', content: 'weight', grams: 1234 }
 */
export function readScaleLabel(
  code: string,
  layouts: readonly ScaleLabelLayout[]
): ScaleLabel | ScaleLabelProblem | undefined {
  if (!/^\d{13}$/.test(code)) return undefined
  const layout = layouts.find((l) => l.prefixes.includes(code.slice(0, 2)))
  if (!layout) return undefined
  const expected = gtinCheckDigit(code.slice(0, 12))
  if (code.charCodeAt(12) - 48 !== expected) return { problem: 'check-digit', expected }
  const itemCode = code.slice(2, 2 + layout.itemDigits)
  let at = 2 + layout.itemDigits
  const value = code.slice(at + (layout.valueCheckDigit ? 1 : 0), 12)
  if (layout.valueCheckDigit) {
    const check = valueCheckDigit(value)
    if (code.charCodeAt(at) - 48 !== check) return { problem: 'value-check-digit', expected: check }
    at++
  }
  const n = Number.parseInt(value, 10)
  return layout.content === 'weight'
    ? { itemCode, content: 'weight', grams: n }
    : { itemCode, content: 'price', priceMinor: n }
}

/**
 * Prints a label the way a scale would (for the demo shop and tests).
 *
 * @example makeScaleLabel(DEFAULT_SCALE_LABELS[0], '21', '00101', 1234) // '2100101012341'
 */
export function makeScaleLabel(
  layout: ScaleLabelLayout,
  prefix: string,
  itemCode: string,
  value: number
): string {
  const digits = String(value).padStart(valueDigits(layout), '0')
  const body = `${prefix}${itemCode}${layout.valueCheckDigit ? valueCheckDigit(digits) : ''}${digits}`
  return `${body}${gtinCheckDigit(body)}`
}
