import { describe, expect, it } from 'vitest'
import { percentToRate, rateToPercent } from '../../../../src/shared/money/rate-percent'

describe('rates and percentages', () => {
  it.each([
    ['0.13', '13'],
    ['0.065', '6.5'],
    ['0.1', '10'],
    ['0.10', '10'],
    ['0', '0'],
    ['1', '100'],
    ['0.125', '12.5'],
    ['0.0005', '0.05']
  ])('rate %s is %s %%', (rate, percent) => {
    expect(rateToPercent(rate)).toBe(percent)
  })

  it.each([
    ['10', '0.10'],
    ['5', '0.05'],
    ['12.5', '0.125'],
    ['12.5 %', '0.125'],
    ['100', '1.00'],
    ['abc', 'abc']
  ])('%s %% is rate %s', (percent, rate) => {
    expect(percentToRate(percent)).toBe(rate)
  })

  it('goes there and back', () => {
    for (const rate of ['0.13', '0.09', '0.065', '0.5'])
      expect(Number(percentToRate(rateToPercent(rate)))).toBe(Number(rate))
  })
})
