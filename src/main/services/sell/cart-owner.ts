import { DomainError } from '../../domain/errors'
import type { OrderRow } from '../../store/repos/orders-repo'

/**
 * A cart (a draft, or an order waiting for its payment) belongs to the cashier who opened it
 * or resumed it: another user cannot change it or take its payment by its id (issue 11).
 * The hand-over is explicit: the owner parks the cart, anyone at the till resumes it. A parked
 * cart is therefore open to every cashier for `cart:resume` and `cart:get` only.
 *
 * Throws CONFLICT on `field` (`cartId` or `orderId`), key `errors.cart.notYours`.
 */
export function requireOwnCart(
  order: Pick<OrderRow, 'cashier_user_id' | 'parked_at'>,
  userId: string | null,
  field: 'cartId' | 'orderId',
  options: { parkedIsOpen?: boolean } = {}
): void {
  if (order.cashier_user_id === null || order.cashier_user_id === userId) return
  if (options.parkedIsOpen && order.parked_at !== null) return
  // CONFLICT, not FORBIDDEN: no manager's PIN makes someone else's cart yours.
  throw new DomainError(
    'CONFLICT',
    'This cart belongs to another cashier: ask them to park it, then resume it here',
    field,
    { key: 'errors.cart.notYours' }
  )
}
