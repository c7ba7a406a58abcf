import { LINE_QUANTITY_CAP, isOverLineCap } from '@shared/money/plausibility'
import { DomainError } from '../errors'

/**
 * Refuses a line quantity above `LINE_QUANTITY_CAP` for its unit (`'kg'`, else counted as pieces;
 * why these caps: see there). `quantity` is decimal text. Every path that sets a line's quantity —
 * a typed weight, an add with a quantity, another scan of the same piece, a scale label — calls it.
 * @throws DomainError VALIDATION `quantity` `errors.cart.weightTooLarge` (kg) or
 *   `errors.cart.piecesTooLarge` (params: name, nameEn, limit — the cap as decimal text)
 */
export function checkLineQuantityLimit(
  quantity: string,
  unit: string,
  name: string,
  nameEn: string | null | undefined
): void {
  if (!isOverLineCap(quantity, unit)) return
  const limit = unit === 'kg' ? LINE_QUANTITY_CAP.kg : LINE_QUANTITY_CAP.piece
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
