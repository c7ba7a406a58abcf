import { describe, expect, it } from 'vitest'
import { formatTick, niceMoneyTicks } from '../../../src/hq-web/src/lib/axis-ticks'

const steps = (ticks: number[]) => ticks.slice(1).map((tick, i) => tick - ticks[i]!)

describe('dashboard money axis ticks', () => {
  it('steps evenly in round yuan (the tender chart once showed ¥0, ¥85, ¥170, ¥340)', () => {
    const ticks = niceMoneyTicks(0, 33_870, 'CNY')
    expect(ticks).toEqual([0, 10_000, 20_000, 30_000, 40_000])
    expect(new Set(steps(ticks)).size).toBe(1)
  })

  it('keeps one step, a 1/2/5 × 10^k of whole yuan, over many ranges, and covers the range', () => {
    for (const high of [1, 99, 101, 3_387, 39_756, 88_888, 120_000, 1_234_567, 98_765_432]) {
      const ticks = niceMoneyTicks(0, high, 'CNY')
      expect(new Set(steps(ticks)).size, `${high}`).toBe(1)
      const yuan = steps(ticks)[0]! / 100
      expect(Number.isInteger(yuan)).toBe(true)
      expect(/^(1|2|5)0*$/.test(String(yuan)), `${high}: step ${yuan}`).toBe(true)
      expect(ticks[0]).toBe(0)
      expect(ticks.at(-1)!).toBeGreaterThanOrEqual(high)
      expect(ticks.length).toBeLessThanOrEqual(6)
    }
  })

  it('spans a negative figure (a tender refunding more than it took) through 0', () => {
    const ticks = niceMoneyTicks(-2_500, 7_000, 'CNY')
    expect(ticks).toContain(0)
    expect(ticks[0]!).toBeLessThanOrEqual(-2_500)
    expect(new Set(steps(ticks)).size).toBe(1)
  })

  it('uses whole units of a currency without minor digits', () => {
    expect(niceMoneyTicks(0, 3_300, 'JPY')).toEqual([0, 1_000, 2_000, 3_000, 4_000])
  })

  it('labels ticks in whole yuan in the interface language', () => {
    expect(formatTick(40_000, 'CNY', 'zh-CN')).toBe('¥400')
    expect(formatTick(100_000, 'CNY', 'en')).toBe('CN¥1,000')
    expect(formatTick(-20_000, 'CNY', 'en')).toBe('\u2212CN¥200')
  })
})
