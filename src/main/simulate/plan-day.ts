import type { SeededRandom } from '../payments/sandbox/seeded-random'

/** A product the simulated customers can pick: what the scanner reads and how it is sold. */
export interface SimProduct {
  /** A barcode, or the SKU when the product has none. */
  code: string
  unit: 'piece' | 'kg'
}

/** How an order is paid. `split` is card for part, cash for the rest. */
export type PlannedTender =
  | { kind: 'cash'; /** 0 exact; 1, 2, 3: the next ¥10, ¥50, ¥100 up */ roundUp: 0 | 1 | 2 | 3 }
  | { kind: 'card' }
  | { kind: 'alipay-qr' }
  | { kind: 'wechat-code' }
  | { kind: 'split' }

export interface PlannedScan {
  code: string
  /** Kilograms with 3 decimals for goods sold by weight; absent for one piece per scan. */
  quantity?: string
}

export interface PlannedOrder {
  index: number
  /** When the first item is scanned, ms since the epoch. */
  startAt: number
  /** Seconds between one step (scan, coupon, payment) and the next. */
  stepSeconds: number
  scans: PlannedScan[]
  /** A coupon code to try (it may be refused: minimum spend). */
  coupon: string | null
  tender: PlannedTender
  /** A manager voids this order right after it is paid (a mis-rung sale). */
  void: boolean
  /** Later in the day the customer brings something back. */
  refund: null | {
    kind: 'line' | 'amount'
    /** index of the order after which it happens */
    after: number
    /** How long after that order (ms): a minute, or less when many share a short slot. */
    waitMs: number
  }
}

export interface DayPlanInput {
  /** Local midnight of the business day, ms since the epoch. */
  dayStart: number
  orders: number
  products: readonly SimProduct[]
  coupons: readonly string[]
  /**
   * Nothing is sold at or after this instant (ms since the epoch): today is sold up to now, so a
   * day closed now holds every simulated sale. Absent: the whole opening hours.
   */
  until?: number
}

/** A day that cannot be sold as asked (a day still to come, or more orders than fit before now). */
export class UnsellableDayError extends Error {
  override readonly name = 'UnsellableDayError'
}

/** Opening hours of the simulated shop, local time. */
export const OPENS_AT_HOUR = 8
export const CLOSES_AT_HOUR = 22
/** Time kept after the last sale of a day sold up to now, for the shift's closing count. */
export const CLOSING_MS = 10 * 60_000
/** Set-up (logins, the float counted) this long before the usual opening. */
const SET_UP_MS = 30 * 60_000
/**
 * The least time one order of a day sold up to now may have: its 20 steps (60 %), its jitter
 * (30 %), a card or QR payment's poll and the refunds made after it (10 %) all fit, so the last
 * sale stays before now.
 */
export const MIN_ORDER_MS = 1_000

/**
 * When a simulated day is set up, sells and closes, ms since the epoch: `opens` ≤ every order's
 * start < `closes`; the shift is counted from `closes` and closed at `closes + closingMs / 2`.
 */
export interface SellingWindow {
  setUpAt: number
  opens: number
  closes: number
  closingMs: number
}

/**
 * The time a simulated day sells in. A day that is over (`until` absent, or past closing time and
 * its count): the opening hours. Today: from the usual opening up to now less `CLOSING_MS`, when
 * that holds the orders (`MIN_ORDER_MS` each, and at least 5 minutes). Otherwise today is squeezed
 * into what has passed of it since midnight — a night shift, an owner's demo at 00:05, a CI run at
 * 00:01 — with the set-up lead and the closing count shrunk to a 20th and a 5th of it, so any day
 * that has begun can be sold, strictly before now. It is not refused: the day has begun, sales
 * made in it belong to it, and "wait a quarter of an hour" helps nobody.
 *
 * @throws UnsellableDayError when `until` is at or before `dayStart` (a day still to come), or when
 *   `orders` do not fit in what has passed of today (the message says how many do)
 */
export function sellingWindow(dayStart: number, orders: number, until?: number): SellingWindow {
  const usual = dayStart + OPENS_AT_HOUR * 3_600_000
  const dayCloses = dayStart + CLOSES_AT_HOUR * 3_600_000
  if (until === undefined || until >= dayCloses + CLOSING_MS)
    return { setUpAt: usual - SET_UP_MS, opens: usual, closes: dayCloses, closingMs: CLOSING_MS }
  const needed = orders * MIN_ORDER_MS
  const closes = until - CLOSING_MS
  if (closes - usual >= Math.max(5 * 60_000, needed))
    return { setUpAt: usual - SET_UP_MS, opens: usual, closes, closingMs: CLOSING_MS }
  const passed = until - dayStart
  if (passed <= 0)
    throw new UnsellableDayError('a day still to come cannot be sold: nothing of it has passed yet')
  const lead = Math.min(60_000, Math.floor(passed / 20))
  const closingMs = Math.min(CLOSING_MS, Math.floor(passed / 5))
  const opens = dayStart + 2 * lead
  const last = until - closingMs
  if (last - opens < needed) {
    const fit = Math.max(0, Math.floor((last - opens) / MIN_ORDER_MS))
    throw new UnsellableDayError(
      `only ${Math.floor(passed / 1000)} s of today have passed: ${orders} orders do not fit before now (${fit} do); ask for fewer, or run later`
    )
  }
  return { setUpAt: dayStart + lead, opens, closes: last, closingMs }
}

/** A whole number in [min, max]. */
const between = (random: SeededRandom, min: number, max: number): number => min + random.below(max - min + 1)

/** Chooses a tender as a small shop sees them: most cash, then QR codes, then cards. */
function pickTender(random: SeededRandom): PlannedTender {
  const roll = random.below(100)
  if (roll < 50) return { kind: 'cash', roundUp: random.below(4) as 0 | 1 | 2 | 3 }
  if (roll < 65) return { kind: 'alipay-qr' }
  if (roll < 80) return { kind: 'wechat-code' }
  if (roll < 95) return { kind: 'card' }
  return { kind: 'split' }
}

/**
 * The day a simulated till will sell, decided in full before anything runs, so one seed always
 * gives the same day: when each order starts, what is scanned (weighed goods with a weight), which
 * coupon is tried, how it is paid, which order is voided (one, once there are 10 orders) and which
 * are brought back (about one in 25, each after a few more sales). Orders are spread evenly over
 * the window `sellingWindow` gives (the opening hours, or today up to now) with some jitter;
 * everything an order does, and the refunds made after it, fits before the next one starts.
 *
 * @throws UnsellableDayError from `sellingWindow`: a day still to come, or too many orders for
 *   what has passed of today
 */
export function planDay(input: DayPlanInput, random: SeededRandom): PlannedOrder[] {
  if (input.products.length === 0) throw new Error('the catalog has no product to sell')
  const { opens, closes } = sellingWindow(input.dayStart, input.orders, input.until)
  const spanMs = closes - opens
  const slotMs = spanMs / Math.max(1, input.orders)
  // At most 20 steps of an order fit in the first 60 % of its slot.
  // No floor but a millisecond: a squeezed day's slots are short (`MIN_ORDER_MS` at the least).
  const stepSeconds = Math.max(0.001, Math.min(8, (slotMs * 0.6) / 20 / 1000))
  const voidIndex = input.orders >= 10 ? between(random, 1, input.orders - 2) : -1
  const orders: PlannedOrder[] = []
  for (let index = 0; index < input.orders; index++) {
    const jitter = random.below(Math.max(1, Math.floor(slotMs * 0.3)))
    const startAt = Math.floor(opens + index * slotMs + jitter)
    const scans: PlannedScan[] = []
    const lines = Math.min(input.products.length, 1 + random.below(random.below(3) === 0 ? 8 : 4))
    for (let line = 0; line < lines; line++) {
      const product = input.products[random.below(input.products.length)]!
      if (product.unit === 'kg') {
        const grams = between(random, 150, 2500)
        scans.push({ code: product.code, quantity: (grams / 1000).toFixed(3) })
      } else {
        // Two of the same scanned one after the other: the line's quantity goes up.
        const times = random.below(5) === 0 ? 2 : 1
        for (let i = 0; i < times; i++) scans.push({ code: product.code })
      }
    }
    const coupon =
      input.coupons.length > 0 && random.below(100) < 12
        ? input.coupons[random.below(input.coupons.length)]!
        : null
    const isVoid = index === voidIndex
    // A voided sale is a cash one: voiding reverses the books, and cash goes back over the counter.
    const tender = isVoid ? ({ kind: 'cash', roundUp: 0 } as const) : pickTender(random)
    const refunded = !isVoid && index < input.orders - 1 && random.below(25) === 0
    orders.push({
      index,
      startAt,
      stepSeconds,
      scans,
      coupon,
      tender,
      void: isVoid,
      refund: refunded
        ? {
            kind: random.below(2) === 0 ? 'line' : 'amount',
            after: Math.min(input.orders - 1, index + between(random, 1, 5)),
            waitMs: 0
          }
        : null
    })
  }
  // "A few refunds": a day of 10 orders or more always has at least one.
  if (input.orders >= 10 && !orders.some((order) => order.refund)) {
    const first = orders.find((order) => !order.void)!
    first.refund = { kind: 'line', after: first.index + 1, waitMs: 0 }
  }
  // The refunds after one order share the last tenth of its slot, so the next order (or, after the
  // last, the closing count) still starts on time.
  const after = new Map<number, number>()
  for (const order of orders)
    if (order.refund) after.set(order.refund.after, (after.get(order.refund.after) ?? 0) + 1)
  for (const order of orders)
    if (order.refund)
      order.refund.waitMs = Math.max(
        1,
        Math.min(60_000, Math.floor((slotMs * 0.1) / after.get(order.refund.after)!))
      )
  return orders
}
