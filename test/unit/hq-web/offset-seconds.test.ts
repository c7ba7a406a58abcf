import { describe, expect, it } from 'vitest'
import { offsetSeconds } from '../../../src/hq-web/src/lib/clock-offset'

describe('a till clock offset in seconds', () => {
  it('never shows "-0.0"', () => {
    expect(offsetSeconds(-40)).toBe('0.0')
    expect(offsetSeconds(0)).toBe('0.0')
    expect(offsetSeconds(-1240)).toBe('-1.2')
    expect(offsetSeconds(2360)).toBe('2.4')
  })
})
