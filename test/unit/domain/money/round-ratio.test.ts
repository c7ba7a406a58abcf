import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ExactDecimal } from '../../../../src/main/domain/money/exact-decimal'
import { roundToMinor } from '../../../../src/main/domain/money/round'
import { floorMulDiv, roundMulDiv } from '../../../../src/main/domain/money/round-ratio'

describe('roundMulDiv', () => {
  it('sends halves away from zero in half-up (四舍五入)', () => {
    expect(roundMulDiv(25, 1, 10, 'half-up')).toBe(3)
    expect(roundMulDiv(35, 1, 10, 'half-up')).toBe(4)
    expect(roundMulDiv(-25, 1, 10, 'half-up')).toBe(-3)
  })

  it('sends halves to the even neighbour in half-even', () => {
    expect(roundMulDiv(25, 1, 10, 'half-even')).toBe(2)
    expect(roundMulDiv(35, 1, 10, 'half-even')).toBe(4)
    expect(roundMulDiv(-25, 1, 10, 'half-even')).toBe(-2)
    expect(roundMulDiv(26, 1, 10, 'half-even')).toBe(3)
  })

  it('is exact when the product passes 2^53 (bigint path)', () => {
    // 9,007,199,254,740,991 × 3 / 6 = 4,503,599,627,370,495.5 → half-up 4,503,599,627,370,496
    expect(roundMulDiv(Number.MAX_SAFE_INTEGER, 3, 6, 'half-up')).toBe(4503599627370496)
    expect(roundMulDiv(Number.MAX_SAFE_INTEGER, 3, 6, 'half-even')).toBe(4503599627370496)
    expect(roundMulDiv(10, 10n ** 30n, 3n * 10n ** 30n, 'half-up')).toBe(3)
  })

  it('refuses a result beyond a safe integer', () => {
    expect(() => roundMulDiv(Number.MAX_SAFE_INTEGER, 2, 1, 'half-up')).toThrow(RangeError)
  })

  it('agrees with decimal.js rounding of the exact quotient', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 1e6, max: 2e6 }),
        fc.constantFrom('half-up' as const, 'half-even' as const),
        (a, b, c, mode) => {
          const exact = new ExactDecimal(a).times(b).div(c)
          expect(roundMulDiv(a, b, c, mode)).toBe(roundToMinor(exact, 0, mode))
        }
      )
    )
  })
})

describe('floorMulDiv', () => {
  it('gives quotient and remainder', () => {
    expect(floorMulDiv(1003, 1, 2)).toEqual([501, 1])
    expect(floorMulDiv(2 ** 40, 2 ** 20, 3 * 2 ** 20)).toEqual([366503875925, 2 ** 20])
  })
})

describe('roundToMinor', () => {
  it('rounds a decimal once to minor units', () => {
    expect(roundToMinor('2.675', 2, 'half-up')).toBe(268)
    expect(roundToMinor('2.665', 2, 'half-even')).toBe(266)
    expect(roundToMinor('-0.005', 2, 'half-up')).toBe(-1)
    expect(roundToMinor('0.0005', 3, 'half-even')).toBe(0)
  })
})
