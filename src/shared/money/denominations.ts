/**
 * The notes and coins a drawer is counted in, per currency, in minor units, largest first.
 * Only what circulates at a till: no commemorative coins, no notes banks no longer hand out
 * (a €500 note counts under "other cash"). A currency without a table is counted as one total.
 */
export interface Denomination {
  /** Stable key of a count: `n10000` is a ¥100 note, `c100` a ¥1 coin. */
  id: string
  kind: 'note' | 'coin'
  /** Minor units. */
  value: number
}

const table = (notes: number[], coins: number[]): readonly Denomination[] => [
  ...notes.map((value) => ({ id: `n${value}`, kind: 'note' as const, value })),
  ...coins.map((value) => ({ id: `c${value}`, kind: 'coin' as const, value }))
]

// prettier-ignore
const DENOMINATIONS: Readonly<Record<string, readonly Denomination[]>> = {
  // 100, 50, 20, 10, 5, 1 yuan notes; 1 yuan, 5 jiao and 1 jiao coins.
  CNY: table([10000, 5000, 2000, 1000, 500, 100], [100, 50, 10]),
  HKD: table([100000, 50000, 10000, 5000, 2000, 1000], [1000, 500, 200, 100, 50, 20, 10]),
  USD: table([10000, 5000, 2000, 1000, 500, 200, 100], [100, 50, 25, 10, 5, 1]),
  EUR: table([20000, 10000, 5000, 2000, 1000, 500], [200, 100, 50, 20, 10, 5, 2, 1]),
  GBP: table([5000, 2000, 1000, 500], [200, 100, 50, 20, 10, 5, 2, 1]),
  JPY: table([10000, 5000, 2000, 1000], [500, 100, 50, 10, 5, 1])
}

/**
 * The most notes or coins of one face a drawer count takes: a till's slot holds about a hundred, a
 * bag of coins a few hundred; 9,999 (four digits) is more than any drawer holds, and a scanner's
 * digits landing in a count box are far above it. The count screen and main refuse more.
 */
export const MAX_PIECES_PER_FACE = 9999

/** The notes and coins of `currency`, largest first; empty when Kassa has no table for it. */
export function denominationsOf(currency: string): readonly Denomination[] {
  return DENOMINATIONS[currency] ?? []
}

/**
 * The cash a count adds up to, in minor units: Σ value × count, plus `other` (loose cash not in
 * the table). Refuses an unknown denomination or a count that is not a whole number ≥ 0.
 *
 * @example countedCash('CNY', { n10000: 3, c50: 3 }, 0) // 30150 (three ¥100 notes, three 5-jiao coins)
 */
export function countedCash(currency: string, counts: Readonly<Record<string, number>>, other = 0): number {
  const known = new Map(denominationsOf(currency).map((d) => [d.id, d.value]))
  let total = other
  for (const [id, count] of Object.entries(counts)) {
    const value = known.get(id)
    if (value === undefined) throw new RangeError(`${id} is not a ${currency} note or coin`)
    if (!Number.isSafeInteger(count) || count < 0)
      throw new RangeError(`the count of ${id} must be a whole number ≥ 0`)
    total += value * count
  }
  if (!Number.isSafeInteger(total)) throw new RangeError('the count is too large')
  return total
}
