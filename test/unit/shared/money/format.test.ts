import { describe, expect, it } from 'vitest'
import { isKnownCurrency, minorDigits } from '../../../../src/shared/money/currencies'
import { toDecimalString } from '../../../../src/shared/money/decimal-string'
import { FieldError } from '../../../../src/shared/money/field-error'
import {
  formatMinor,
  minorToDecimal,
  minorToDecimalString,
  parseDecimalToMinor
} from '../../../../src/shared/money/format'

describe('currencies', () => {
  it('knows ISO 4217 minor digits', () => {
    expect(['CNY', 'USD', 'EUR', 'HKD', 'GBP', 'JPY', 'KRW', 'KWD', 'BHD'].map(minorDigits)).toEqual([
      2, 2, 2, 2, 2, 0, 0, 3, 3
    ])
    expect(isKnownCurrency('CNY')).toBe(true)
    expect(isKnownCurrency('cny')).toBe(false)
    expect(isKnownCurrency('toString')).toBe(false)
    expect(() => minorDigits('XYZ')).toThrow(RangeError)
  })
})

describe('minorToDecimalString', () => {
  it('places the point by the currency digits', () => {
    expect(minorToDecimalString(15700, 'CNY')).toBe('157.00')
    expect(minorToDecimalString(5, 'CNY')).toBe('0.05')
    expect(minorToDecimalString(-5, 'CNY')).toBe('-0.05')
    expect(minorToDecimalString(1500, 'JPY')).toBe('1500')
    expect(minorToDecimalString(1, 'KWD')).toBe('0.001')
    expect(minorToDecimalString(-0, 'CNY')).toBe('0.00')
    expect(minorToDecimal(Number.MAX_SAFE_INTEGER, 2)).toBe('90071992547409.91')
  })

  it('refuses a float', () => {
    expect(() => minorToDecimalString(0.1, 'CNY')).toThrow(RangeError)
  })
})

describe('parseDecimalToMinor', () => {
  it('reads decimals exactly', () => {
    expect(parseDecimalToMinor('157.00', 'CNY')).toBe(15700)
    expect(parseDecimalToMinor('157.5', 'CNY')).toBe(15750)
    expect(parseDecimalToMinor('-0.05', 'CNY')).toBe(-5)
    expect(parseDecimalToMinor(0.1, 'CNY')).toBe(10)
    expect(parseDecimalToMinor('1500', 'JPY')).toBe(1500)
    expect(parseDecimalToMinor('90071992547409.91', 'CNY')).toBe(Number.MAX_SAFE_INTEGER)
  })

  it('refuses too many digits, naming the field', () => {
    const refusal = (run: () => unknown): FieldError => {
      try {
        run()
      } catch (error) {
        if (error instanceof FieldError) return error
      }
      throw new Error('not refused')
    }
    expect(refusal(() => parseDecimalToMinor('1.005', 'CNY', 'payment.amount')).describe()).toBe(
      'payment.amount: must have at most 2 decimal places for CNY'
    )
    expect(refusal(() => parseDecimalToMinor('1.5', 'JPY')).describe()).toBe(
      'amount: must be a whole number for JPY'
    )
    expect(refusal(() => parseDecimalToMinor('1e3', 'CNY')).message).toBe(
      'must be a decimal number such as "12.50"'
    )
    expect(refusal(() => parseDecimalToMinor('90071992547409.92', 'CNY')).message).toBe('is too large')
  })

  it('says a huge amount is too large before it counts its decimals', () => {
    const reason = (text: string, currency: string): string => {
      try {
        parseDecimalToMinor(text, currency)
      } catch (error) {
        if (error instanceof FieldError) return error.message
      }
      throw new Error('not refused')
    }
    expect(reason('99999999999999999.5', 'CNY')).toBe('is too large')
    expect(reason('99999999999999999.555', 'CNY')).toBe('is too large')
    expect(reason('9999999999999999.5', 'JPY')).toBe('is too large')
    // A size that fits keeps the precision reason.
    expect(reason('90071992547409.915', 'CNY')).toBe('must have at most 2 decimal places for CNY')
  })
})

describe('toDecimalString', () => {
  it('reads JSON numbers in their shortest form, without exponent', () => {
    expect(toDecimalString(12.5)).toBe('12.5')
    expect(toDecimalString(0.1)).toBe('0.1')
    expect(toDecimalString(1e-7)).toBe('0.0000001')
    expect(toDecimalString(1e21)).toBe('1000000000000000000000')
    expect(toDecimalString(Number.NaN)).toBeUndefined()
    expect(toDecimalString('1.50')).toBe('1.50')
  })
})

describe('formatMinor', () => {
  it('formats through Intl from an exact decimal string', () => {
    expect(formatMinor(15700, 'CNY', 'zh-CN')).toBe('¥157.00')
    expect(formatMinor(-5, 'USD', 'en-US')).toBe('-$0.05')
    expect(formatMinor(1500, 'JPY', 'en-US')).toBe('¥1,500')
    expect(formatMinor(1234, 'KWD', 'en-US')).toMatch(/1\.234/)
    // Beyond a float's 15–17 digits every fen still shows.
    expect(formatMinor(Number.MAX_SAFE_INTEGER, 'CNY', 'en-US')).toBe('CN¥90,071,992,547,409.91')
  })
})
