import { DomainError } from '../errors'

/** An order's life: the statuses are `OrderStatus` in `src/shared/vocabulary.ts`; the moves are here. */
import type { OrderStatus } from '@shared/vocabulary'
export { ORDER_STATUSES, type OrderStatus } from '@shared/vocabulary'

export const ORDER_ACTIONS = [
  'checkout',
  'reopen',
  'pay',
  'cancel',
  'void',
  'refund_part',
  'refund_rest'
] as const
export type OrderAction = (typeof ORDER_ACTIONS)[number]

const TRANSITIONS: Record<OrderStatus, Partial<Record<OrderAction, OrderStatus>>> = {
  draft: { checkout: 'awaiting_payment', cancel: 'cancelled' },
  // Reopening lets the cashier modify a cart that is waiting for payment but has none yet.
  awaiting_payment: { pay: 'paid', reopen: 'draft', cancel: 'cancelled' },
  paid: { void: 'voided', refund_part: 'partially_refunded', refund_rest: 'refunded' },
  partially_refunded: { refund_part: 'partially_refunded', refund_rest: 'refunded' },
  cancelled: {},
  voided: {},
  refunded: {}
}

/** The status `action` leads to from `status`, or a CONFLICT naming both. */
export function nextOrderStatus(status: OrderStatus, action: OrderAction): OrderStatus {
  const next = TRANSITIONS[status][action]
  if (!next)
    throw new DomainError('CONFLICT', `An order that is ${status} cannot be ${PAST[action]}`, 'status', {
      key: 'errors.orders.badTransition',
      params: { status, action }
    })
  return next
}

export function canOrder(status: OrderStatus, action: OrderAction): boolean {
  return TRANSITIONS[status][action] !== undefined
}

/** Only carts that never took money may be deleted outright. */
export function isDeletable(status: OrderStatus): boolean {
  return status === 'draft'
}

/** Lines, coupons and discounts can change only while nothing is frozen. */
export function isEditable(status: OrderStatus): boolean {
  return status === 'draft'
}

const PAST: Record<OrderAction, string> = {
  checkout: 'checked out',
  reopen: 'reopened',
  pay: 'paid',
  cancel: 'cancelled',
  void: 'voided',
  refund_part: 'partly refunded',
  refund_rest: 'refunded'
}
