import Decimal from 'decimal.js'
import { DomainError } from '../errors'

/**
 * The most one line may hold, per unit of sale. A shop scale weighs at most a few tens of kg and a
 * counter sells a handful of a piece; these caps sit far above any real sale yet far below the
 * figures a mis-keyed weight or a barcode landing in the quantity box produce (issue: 999999999999 kg
 * of spinach became a ¥8.8-trillion cart after one "are you sure?"). 999.999 kg is the largest weight
 * with the 3 decimals a line keeps that still fits a 3-digit kg display; 9,999 pieces is four digits,
 * more than a pallet sold at a till. Above these, no confirmation can make it right: it is refused.
 */
export const LINE_QUANTITY_LIMIT = { kg: '999.999', piece: '9999' } as const

/**
 * Refuses a line quantity above `LINE_QUANTITY_LIMIT` for its unit (`'kg'` or `'piece'`; any other
 * unit is held to the piece limit). `quantity` is decimal text.
 * @throws DomainError VALIDATION `quantity` `errors.cart.weightTooLarge` (kg) or
 *   `errors.cart.piecesTooLarge` (params: name, nameEn, limit — the cap as decimal text)
 */
export function checkLineQuantityLimit(
  quantity: string,
  unit: string,
  name: string,
  nameEn: string | null | undefined
): void {
  const limit = unit === 'kg' ? LINE_QUANTITY_LIMIT.kg : LINE_QUANTITY_LIMIT.piece
  if (new Decimal(quantity).lte(limit)) return
  throw new DomainError(
    'VALIDATION',
    `${name}: at most ${limit} ${unit === 'kg' ? 'kg' : 'pieces'} on one line`,
    'quantity',
    {
      key: unit === 'kg' ? 'errors.cart.weightTooLarge' : 'errors.cart.piecesTooLarge',
      // Both names: the screen says the one in its own language.
      params: { name, nameEn: nameEn || name, limit }
    }
  )
}
