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
 * Notes a customer is likely to hand over for `due` (minor units): exact, then the next multiples
 * of 1, 5, 10, 20 and 50 units of the currency, and always the next multiple of 100 units (the
 * largest common note, which most customers hand over for anything under it; issue 10). At most
 * five, ascending.
 *
 * @example suggestTendered(1230, 'CNY') // [1230, 1300, 1500, 2000, 10000]
 */
export function suggestTendered(due: number, currency: string): number[] {
  const unit = 10 ** minorDigits(currency)
  const roundUp = (note: number): number => (due % note === 0 ? due : due + (note - (due % note)))
  const next = [...new Set([due, ...[1, 5, 10, 20, 50].map((note) => roundUp(note * unit))])].sort(
    (a, b) => a - b
  )
  const largest = roundUp(100 * unit)
  return [...next.filter((amount) => amount !== largest).slice(0, 4), largest].sort((a, b) => a - b)
}
