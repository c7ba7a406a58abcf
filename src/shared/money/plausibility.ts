import Decimal from 'decimal.js'
import { scanDecimal } from './decimal-scan'
import { minorDigits } from './currencies'

/**
 * Sanity bounds a till asks the cashier to confirm before committing (issue 10, item 1): a
 * wedge scanner's digits that land in a money or quantity field must never become a sale
 * with a ¥6,923,456,010,029.00 change, or a line of 169,012,345 pieces. Shared by the
 * renderer (which asks first) and main (which refuses the same figures unless confirmed),
 * so the two can never disagree about what is implausible.
 */

/** Cash handed over may exceed the amount due by this multiple... */
export const TENDER_MAX_MULTIPLE = 10
/** ...or by this many major units (two ¥100 notes for a ¥0.50 sale are normal), whichever is larger. */
export const TENDER_MAX_OVER_MAJOR = 200

/**
 * The most cash a customer plausibly hands over for `due` (minor units), in minor units:
 * `max(due × 10, due + 200 major units)`.
 *
 * @example plausibleTenderLimit(350, 'CNY') // 20350 (¥3.50 due: up to ¥203.50 without asking)
 * @example plausibleTenderLimit(100000, 'CNY') // 1000000 (¥1,000 due: up to ¥10,000)
 */
export function plausibleTenderLimit(due: number, currency: string): number {
  const over = TENDER_MAX_OVER_MAJOR * 10 ** minorDigits(currency)
  return Math.max(due * TENDER_MAX_MULTIPLE, due + over)
}

/** `true` when `tendered` (minor units) for `due` should be confirmed by the cashier first. */
export function isImplausibleTender(tendered: number, due: number, currency: string): boolean {
  return tendered > plausibleTenderLimit(due, currency)
}

/** The largest quantity per line taken without asking: pieces, and kg of weighed goods. */
export const QUANTITY_LIMITS = { piece: 99, kg: 30 } as const

/**
 * `true` when a line quantity (a decimal string such as "2" or "0.350") is beyond what a
 * counter sells in one line of that unit and should be confirmed first.
 *
 * @example isImplausibleQuantity('169012345', 'piece') // true
 * @example isImplausibleQuantity('12', 'piece') // false
 */
export function isImplausibleQuantity(quantity: string, unit: string): boolean {
  // Only a plain decimal is weighed against the limit: "1e3" or "0x10" read as numbers to JS but
  // are no quantity, and go on to be refused (not a decimal) rather than confirmed as 1000.
  if (scanDecimal(quantity) === undefined) return false
  const value = Number(quantity)
  if (!Number.isFinite(value)) return false
  const limit = unit === 'kg' ? QUANTITY_LIMITS.kg : QUANTITY_LIMITS.piece
  return value > limit
}

/**
 * The most one line may hold, per unit of sale, whatever the cashier confirms. A shop scale weighs
 * at most a few tens of kg and a counter sells a handful of a piece; these caps sit far above any
 * real sale yet far below what a mis-keyed weight or a barcode landing in the quantity box makes
 * (999999999999 kg of spinach became a ¥8.8-trillion cart after one "are you sure?"). 999.999 kg is
 * the largest weight with the 3 decimals a line keeps in three kg digits, as a scale shows;
 * 9,999 pieces (four digits) is more than a pallet sold at a till. Main refuses anything above.
 */
export const LINE_QUANTITY_CAP = { kg: '999.999', piece: '9999' } as const

/** `true` when a plain decimal quantity is above `LINE_QUANTITY_CAP` for its unit (any unit but kg counts as pieces). */
export function isOverLineCap(quantity: string, unit: string): boolean {
  const scan = scanDecimal(quantity)
  if (scan === undefined) return false
  return new Decimal(quantity).gt(unit === 'kg' ? LINE_QUANTITY_CAP.kg : LINE_QUANTITY_CAP.piece)
}
