import { describe, expect, it } from 'vitest'
import { roundToIncrement } from '../../../../src/main/domain/money/round-to-increment'

describe('roundToIncrement (cash rounding, always half-up)', () => {
  it('rounds to 0.05', () => {
    expect(roundToIncrement(15703, 5)).toBe(15705)
    expect(roundToIncrement(15702, 5)).toBe(15700)
    expect(roundToIncrement(31405, 10)).toBe(31410)
  })

  it('rounds to 0.10, down as well as up', () => {
    expect(roundToIncrement(15704, 10)).toBe(15700)
    expect(roundToIncrement(15705, 10)).toBe(15710)
    expect(roundToIncrement(15706, 10)).toBe(15710)
  })

  it('rounds to 1 (a whole yuan)', () => {
    expect(roundToIncrement(15749, 100)).toBe(15700)
    expect(roundToIncrement(15750, 100)).toBe(15800)
    expect(roundToIncrement(0, 100)).toBe(0)
  })

  it('refuses an increment that is not a positive integer of minor units', () => {
    expect(() => roundToIncrement(100, 0)).toThrow(RangeError)
    expect(() => roundToIncrement(100, 0.5)).toThrow(RangeError)
  })
})
