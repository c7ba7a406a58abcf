import { describe, expect, it } from 'vitest'
import { rateToZhe } from '../../../../src/shared/money/rate-zhe'

describe('rateToZhe', () => {
  it('says a discount rate as 折, the tenths the customer still pays', () => {
    expect(rateToZhe('0.1')).toBe('九折')
    expect(rateToZhe('0.10')).toBe('九折')
    expect(rateToZhe('0.2')).toBe('八折')
    expect(rateToZhe('0.15')).toBe('八五折')
    expect(rateToZhe('0.12')).toBe('八八折')
    expect(rateToZhe('0.5')).toBe('五折')
    expect(rateToZhe('0.95')).toBe('零五折')
    expect(rateToZhe('0.125')).toBe('8.75折')
    expect(rateToZhe('1')).toBe('免单')
    expect(rateToZhe('0')).toBe('原价')
  })
})
