import { describe, expect, it } from 'vitest'
import {
  checkDigitMessage,
  checkDigitProblem,
  gtinCheckDigit,
  gtinLookupKey,
  isGtinForm
} from '../../../src/shared/barcodes/gtin'

describe('GTIN check digits', () => {
  it.each([
    ['9638527', 2], // EAN-8 96385272 (GS1's calculator)
    ['01234567890', 5], // UPC-A 012345678905
    ['690123456789', 2], // EAN-13 6901234567892
    ['629104150021', 3],
    ['7539514528423', 6] // GTIN-14
  ])('%s → %i', (body, digit) => {
    expect(gtinCheckDigit(body)).toBe(digit)
  })

  it.each([
    ['6901234567890', 2, '6901234567892'],
    ['96385271', 2, '96385272'],
    ['012345678900', 5, '012345678905'],
    ['75395145284230', 6, '75395145284236'],
    ['2100101012345', 1, '2100101012341']
  ])('refuses %s naming the right digit', (code, expected, corrected) => {
    const problem = checkDigitProblem(code)
    expect(problem).toEqual({ expected, corrected })
    expect(checkDigitMessage(problem!)).toBe(`check digit should be ${expected}: ${corrected}`)
  })

  it('accepts right GTINs, and in-store codes that are no GTIN carry no check digit', () => {
    for (const code of ['6901234567892', '96385272', '012345678905', '00012345678905'])
      expect(checkDigitProblem(code)).toBeUndefined()
    // letters, or digits of another length: a PLU, a 6-digit shelf code, a Code 128 label
    for (const code of ['4011', '12345', '123456', '1234567', 'A-100', 'SKU.7', '123456789012345'])
      expect(isGtinForm(code)).toBe(false)
  })
})

describe('GTIN lookup key', () => {
  it('spells UPC-A, EAN-13 and GTIN-14 forms of one item the same', () => {
    const key = '00012345678905'
    expect(gtinLookupKey('012345678905')).toBe(key)
    expect(gtinLookupKey('0012345678905')).toBe(key)
    expect(gtinLookupKey('00012345678905')).toBe(key)
    expect(gtinLookupKey('96385272')).toBe('00000096385272')
    expect(gtinLookupKey('A-100')).toBe('A-100')
  })
})
