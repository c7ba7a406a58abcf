import { minorDigits } from './currencies'
import { denominationsOf } from './denominations'

/** Steps a till can round cash to where Kassa has no coin table: 1, 5, 10, 50 and 100 minor units. */
const FALLBACK_STEPS = [1, 5, 10, 50, 100]

/**
 * Coins that are still legal tender but left out of the drawer's counting table because few
 * tills hold them: China's 1, 2 and 5 fen. Shops do round to ¥0.05 (settlement spec, "Refunds of
 * a cash-rounded sale", uses that increment), so it stays a step.
 */
const ROUNDING_ONLY_COINS: Readonly<Record<string, readonly number[]>> = { CNY: [5] }

/**
 * The cash-rounding steps a shop in `currency` could mean, in minor units, smallest first: the
 * values of its coins (a ¥0.05, ¥0.10, ¥0.50 or ¥1 coin for CNY). A step of ¥12.50 or
 * 99999999999999999999 is no coin: the first made a ¥4.50 cash sale cost ¥0.00, the second
 * stopped every cart from opening (issue 11).
 *
 * @example cashSteps('CNY') // [5, 10, 50, 100]
 */
export function cashSteps(currency: string): number[] {
  const coins = denominationsOf(currency)
    .filter((d) => d.kind === 'coin')
    .map((d) => d.value)
  const steps =
    coins.length > 0
      ? [...coins, ...(ROUNDING_ONLY_COINS[currency] ?? [])]
      : FALLBACK_STEPS.filter((s) => s <= 10 ** minorDigits(currency))
  return [...new Set(steps)].sort((a, b) => a - b)
}

/** A step in minor units as the decimal string settings store: `cashStepText(10, 'CNY')` → `'0.10'`. */
export function cashStepText(step: number, currency: string): string {
  const digits = minorDigits(currency)
  if (digits === 0) return String(step)
  const padded = String(step).padStart(digits + 1, '0')
  return `${padded.slice(0, -digits)}.${padded.slice(-digits)}`
}
