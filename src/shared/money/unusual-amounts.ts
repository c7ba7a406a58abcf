/**
 * Amounts a manager or cashier types that are far outside what a shop does: asked about first (the
 * screen says the amount and asks "is this right?"), and refused by main unless the call says the
 * person confirmed it — the pattern of `confirmLargeQuantity` and `confirmLargeTender`. Shared by
 * the renderer (which asks first) and main (which refuses the same figures unless confirmed), so
 * the two can never disagree. A price has a hard cap too, refused whatever is confirmed.
 *
 * The thresholds are in minor units, not major: a shop's prices and drawer follow what money buys,
 * and in a currency without minor digits (JPY, KRW) a major unit buys about what a CNY fen does, so
 * ¥10,000 (CNY, 1,000,000 fen) and ¥1,000,000 (JPY) are about the same sum to a shop.
 */

/**
 * A unit price above this (¥10,000.00, 1,000,000 minor units) asks first. The dearest goods a
 * counter sells one at a time — a phone, a bottle of Moutai — sit below it, while a slip of two
 * extra zeros on a ¥150 item, or a barcode typed into the price box, lands far above it.
 */
export const PRICE_CONFIRM_ABOVE = 1_000_000

/**
 * No unit price above this (¥999,999.99: eight digits of minor units) is taken, confirmed or not:
 * far above anything a till sells, and the longest price a tile, a cart line and a receipt are laid
 * out to hold (with `LINE_QUANTITY_CAP`, a line's gross stays within eleven major digits).
 */
export const PRICE_CAP = 99_999_999

/**
 * Cash paid into or taken out of a drawer above this (¥10,000.00) asks first. Cash in is change
 * brought to the till (a few hundred); cash out is a drop to the safe, and a till's note slots hold
 * about a hundred notes each. ¥10,000,000 in is a slip, not a top-up.
 */
export const CASH_MOVE_CONFIRM_ABOVE = 1_000_000

/**
 * An opening float above this (¥2,000.00) asks first. A float is change for the day's first
 * customers; shops start with a few hundred (`kassa simulate` opens with ¥500), and four times that
 * is more change than a till gives out before its first drop.
 */
export const FLOAT_CONFIRM_ABOVE = 200_000

/** Why a unit price (minor units) needs a yes first, or is refused: `zero`, `large`, `overCap`; null when ordinary. */
export function unusualPrice(minor: number): 'zero' | 'large' | 'overCap' | null {
  if (minor > PRICE_CAP) return 'overCap'
  if (minor > PRICE_CONFIRM_ABOVE) return 'large'
  if (minor === 0) return 'zero'
  return null
}

/** `true` when cash in or out of `minor` units should be confirmed first. */
export function isLargeCashMove(minor: number): boolean {
  return minor > CASH_MOVE_CONFIRM_ABOVE
}

/** `true` when an opening float of `minor` units should be confirmed first. */
export function isLargeFloat(minor: number): boolean {
  return minor > FLOAT_CONFIRM_ABOVE
}
