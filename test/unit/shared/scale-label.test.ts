import { describe, expect, it } from 'vitest'
import {
  DEFAULT_SCALE_LABELS,
  makeScaleLabel,
  readScaleLabel,
  valueCheckDigit,
  type ScaleLabelLayout
} from '../../../src/shared/barcodes/scale-label'

const withCheck: ScaleLabelLayout = {
  prefixes: ['28'],
  itemDigits: 5,
  content: 'price',
  valueCheckDigit: true
}

describe('scale labels', () => {
  it('reads a weight label: 21 IIIII WWWWW C', () => {
    expect(readScaleLabel('2107001012341', DEFAULT_SCALE_LABELS)).toEqual({
      itemCode: '07001',
      content: 'weight',
      grams: 1234
    })
  })

  it('reads a price label: 22 IIIII PPPPP C', () => {
    const code = makeScaleLabel(DEFAULT_SCALE_LABELS[1]!, '22', '07001', 1580)
    expect(code).toMatch(/^2207001015800$|^220700101580\d$/)
    expect(readScaleLabel(code, DEFAULT_SCALE_LABELS)).toEqual({
      itemCode: '07001',
      content: 'price',
      priceMinor: 1580
    })
  })

  it('price check digits as GS1 General Specifications 7.9.3 computes them', () => {
    expect(valueCheckDigit('2875')).toBe(9)
    expect(valueCheckDigit('14685')).toBe(6)
  })

  it('reads a layout with a price check digit, and refuses a label whose price check digit is wrong', () => {
    // 28 01234 K PPPP C
    const code = makeScaleLabel(withCheck, '28', '01234', 2875)
    expect(code.slice(7, 8)).toBe('9')
    expect(readScaleLabel(code, [withCheck])).toEqual({
      itemCode: '01234',
      content: 'price',
      priceMinor: 2875
    })
    // The EAN-13 check digit right, only the price check digit wrong.
    const fixed = makeEan(`${code.slice(0, 7)}8${code.slice(8, 12)}`)
    expect(readScaleLabel(fixed, [withCheck])).toEqual({ problem: 'value-check-digit', expected: 9 })
  })

  it('refuses a label whose EAN-13 check digit is wrong', () => {
    expect(readScaleLabel('2107001012340', DEFAULT_SCALE_LABELS)).toEqual({
      problem: 'check-digit',
      expected: 1
    })
  })

  it('is not a label outside the layouts’ prefixes or with another length', () => {
    expect(readScaleLabel('6901234567892', DEFAULT_SCALE_LABELS)).toBeUndefined()
    expect(readScaleLabel('2307001012344', DEFAULT_SCALE_LABELS)).toBeUndefined()
    expect(readScaleLabel('210700101234', DEFAULT_SCALE_LABELS)).toBeUndefined()
  })
})

function makeEan(body12: string): string {
  let sum = 0
  for (let i = 0; i < 12; i++) sum += Number(body12[i]) * (i % 2 === 0 ? 1 : 3)
  return `${body12}${(10 - (sum % 10)) % 10}`
}
