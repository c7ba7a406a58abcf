import { describe, expect, it } from 'vitest'
import { createSeededRandom } from '../../../src/main/payments/sandbox/seeded-random'
import {
  CLOSES_AT_HOUR,
  CLOSING_MS,
  OPENS_AT_HOUR,
  planDay,
  UnsellableDayError
} from '../../../src/main/simulate/plan-day'

const products = [
  { code: '6920000000017', unit: 'piece' as const },
  { code: '6920000000024', unit: 'piece' as const },
  { code: '2000000000015', unit: 'kg' as const }
]
const dayStart = new Date(2026, 10, 20).getTime()
const plan = (seed: number, orders: number) =>
  planDay({ dayStart, orders, products, coupons: ['SIM10'] }, createSeededRandom(seed))

describe('planDay', () => {
  it('is the same day for the same seed, another for another seed', () => {
    expect(plan(4, 50)).toEqual(plan(4, 50))
    expect(plan(4, 50)).not.toEqual(plan(5, 50))
  })

  it('sells within opening hours, in order; weighed goods have a weight; one cash void; a few refunds', () => {
    for (const seed of [1, 2, 3]) {
      const orders = plan(seed, 200)
      expect(orders).toHaveLength(200)
      const starts = orders.map((o) => o.startAt)
      expect(starts).toEqual([...starts].sort((a, b) => a - b))
      expect(starts[0]).toBeGreaterThanOrEqual(dayStart + OPENS_AT_HOUR * 3_600_000)
      expect(starts.at(-1)).toBeLessThan(dayStart + CLOSES_AT_HOUR * 3_600_000)
      for (const scan of orders.flatMap((o) => o.scans))
        expect(scan.quantity === undefined).toBe(scan.code !== '2000000000015')
      const voids = orders.filter((o) => o.void)
      expect(voids).toHaveLength(1)
      expect(voids[0]!.tender.kind).toBe('cash')
      const refunds = orders.filter((o) => o.refund)
      expect(refunds.length).toBeGreaterThanOrEqual(1)
      for (const o of refunds) expect(o.refund!.after).toBeGreaterThan(o.index)
    }
  })

  it('a day of fewer than 10 orders has no void, and refunds only if the dice say so', () => {
    expect(plan(1, 9).some((o) => o.void)).toBe(false)
    expect(plan(1, 1)).toHaveLength(1)
  })
})

describe('planDay up to now', () => {
  it('starts every order before now, leaving the closing count its time; the same plan when now is after closing', () => {
    const until = dayStart + 20 * 3_600_000 + 7 * 60_000
    for (const seed of [1, 2, 3]) {
      const orders = planDay(
        { dayStart, orders: 200, products, coupons: [], until },
        createSeededRandom(seed)
      )
      expect(orders).toHaveLength(200)
      for (const order of orders)
        expect(order.startAt + 20 * order.stepSeconds * 1000).toBeLessThan(until - CLOSING_MS)
      const late = dayStart + 30 * 3_600_000
      expect(
        planDay({ dayStart, orders: 50, products, coupons: ['SIM10'], until: late }, createSeededRandom(seed))
      ).toEqual(plan(seed, 50))
    }
  })

  it('refuses today before the shop opens and a day still to come', () => {
    const early = dayStart + OPENS_AT_HOUR * 3_600_000
    expect(() =>
      planDay({ dayStart, orders: 3, products, coupons: [], until: early }, createSeededRandom(1))
    ).toThrow(UnsellableDayError)
    expect(() =>
      planDay({ dayStart, orders: 3, products, coupons: [], until: dayStart - 1 }, createSeededRandom(1))
    ).toThrow(UnsellableDayError)
  })
})
