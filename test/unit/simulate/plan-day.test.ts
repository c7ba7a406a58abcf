import { describe, expect, it } from 'vitest'
import { createSeededRandom } from '../../../src/main/payments/sandbox/seeded-random'
import {
  CLOSES_AT_HOUR,
  CLOSING_MS,
  OPENS_AT_HOUR,
  MIN_ORDER_MS,
  planDay,
  sellingWindow,
  UnsellableDayError,
  type PlannedOrder
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

  it('sells today asked for before the usual opening from midnight, and refuses a day to come', () => {
    const early = dayStart + OPENS_AT_HOUR * 3_600_000
    const night = planDay({ dayStart, orders: 3, products, coupons: [], until: early }, createSeededRandom(1))
    expect(night).toHaveLength(3)
    for (const order of night) {
      expect(order.startAt).toBeGreaterThanOrEqual(dayStart)
      expect(order.startAt).toBeLessThan(early - CLOSING_MS)
    }
    for (const until of [dayStart, dayStart - 1])
      expect(() =>
        planDay({ dayStart, orders: 3, products, coupons: [], until }, createSeededRandom(1))
      ).toThrow(UnsellableDayError)
  })
})

/**
 * Runs a plan on a clock as `runSimulation` moves it (a step per scan, coupon, payment, the split's
 * cash and the void; one poll for a card or QR payment; the refunds after each order) and returns
 * the instant the closing count starts: the latest of the last step and the window's end.
 */
function lastInstant(orders: PlannedOrder[], closes: number): number {
  let t = 0
  for (const order of orders) {
    expect(order.startAt).toBeGreaterThanOrEqual(t)
    t = Math.max(t, order.startAt)
    const step = Math.max(1, Math.floor(order.stepSeconds * 1000))
    const steps =
      order.scans.length +
      (order.coupon ? 1 : 0) +
      1 +
      (order.tender.kind === 'split' ? 1 : 0) +
      (order.void ? 1 : 0)
    t += steps * step + (order.tender.kind === 'cash' ? 0 : 20)
    for (const earlier of orders) if (earlier.refund?.after === order.index) t += earlier.refund.waitMs
  }
  return Math.max(t, closes)
}

describe("planDay for today at any hour (the till's local time)", () => {
  const at = (hour: number, minute: number, second = 0) =>
    new Date(2026, 10, 20, hour, minute, second).getTime()

  it.each([
    ['00:01', at(0, 1)],
    ['00:14', at(0, 14)],
    ['08:07', at(8, 7)],
    ['23:59', at(23, 59)]
  ])("sells the day up to %s: every sale, refund and the shift's close strictly before now", (_, now) => {
    for (const seed of [1, 2, 3])
      for (const orders of [1, 6, 12, 40]) {
        const hours = sellingWindow(dayStart, orders, now)
        const plan = planDay(
          { dayStart, orders, products, coupons: ['SIM10'], until: now },
          createSeededRandom(seed)
        )
        expect(plan).toHaveLength(orders)
        expect(hours.setUpAt).toBeGreaterThanOrEqual(dayStart)
        expect(hours.setUpAt).toBeLessThanOrEqual(hours.opens)
        expect(plan[0]!.startAt).toBeGreaterThanOrEqual(hours.opens)
        const countFrom = lastInstant(plan, hours.closes)
        expect(countFrom).toBeLessThanOrEqual(hours.closes)
        // The shift is closed halfway through the time kept for the count.
        expect(countFrom + hours.closingMs / 2).toBeLessThan(now)
        expect(hours.closingMs).toBeGreaterThan(0)
      }
  })

  it('squeezes a day barely begun into what has passed; says how many orders fit when asked for more', () => {
    const now = at(0, 0, 30)
    const hours = sellingWindow(dayStart, 12, now)
    expect(hours.closes - hours.opens).toBeGreaterThanOrEqual(12 * MIN_ORDER_MS)
    expect(hours.closes + hours.closingMs / 2).toBeLessThan(now)
    expect(() => sellingWindow(dayStart, 60, now)).toThrow(
      /30 s of today have passed: 60 orders do not fit before now \(21 do\)/
    )
    // Later in the night the same 60 fit.
    expect(
      planDay({ dayStart, orders: 60, products, coupons: [], until: at(0, 2) }, createSeededRandom(1))
    ).toHaveLength(60)
    // A day over: the opening hours, as without `until`.
    expect(sellingWindow(dayStart, 60, at(23, 59))).toEqual(sellingWindow(dayStart, 60))
  })
})
