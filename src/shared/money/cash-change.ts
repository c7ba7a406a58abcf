import { minorDigits } from './currencies'
import { parseDecimalToMinor } from './format'

/** What a cash payment of `tenderedText` against `due` leaves, in minor units. */
export interface CashPreview {
  /** What was typed, in minor units; null while it is not an amount (empty, "12.", "abc"). */
  tendered: number | null
  change: number
  short: number
}

/**
 * The change (or shortfall) of a cash payment, as the cashier types: pure, so the dialog shows it
 * on every keystroke without asking main. `due` is the wholly-cash payable (after cash rounding).
 *
 * @example cashPreview(1230, '20', 'CNY') // { tendered: 2000, change: 770, short: 0 }
 */
export function cashPreview(due: number, tenderedText: string, currency: string): CashPreview {
  let tendered: number | null = null
  try {
    if (tenderedText.trim() !== '') tendered = parseDecimalToMinor(tenderedText.trim(), currency, 'tendered')
  } catch {
    tendered = null
  }
  const given = tendered ?? 0
  return { tendered, change: Math.max(0, given - due), short: Math.max(0, due - given) }
}

/**
 * Notes a customer is likely to hand over for `due`: exact, then the next multiple of 1, 5, 10,
 * 20, 50 and 100 units of the currency; at most five, ascending.
 *
 * @example suggestTendered(1230, 'CNY') // [1230, 1300, 1500, 2000, 5000]
 */
export function suggestTendered(due: number, currency: string): number[] {
  const unit = 10 ** minorDigits(currency)
  const notes = [1, 5, 10, 20, 50, 100].map((note) => note * unit)
  const next = notes.map((note) => (due % note === 0 ? due : due + (note - (due % note))))
  return [...new Set([due, ...next])]
    .filter((amount) => amount >= due)
    .sort((a, b) => a - b)
    .slice(0, 5)
}
