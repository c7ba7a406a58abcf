import { describe, expect, it } from 'vitest'
import {
  ORDER_ACTIONS,
  ORDER_STATUSES,
  canOrder,
  isDeletable,
  nextOrderStatus,
  type OrderAction,
  type OrderStatus
} from '../../../../src/main/domain/orders/order-status'

/** Every transition the till allows; everything else must be refused. */
const ALLOWED: Array<[OrderStatus, OrderAction, OrderStatus]> = [
  ['draft', 'checkout', 'awaiting_payment'],
  ['draft', 'cancel', 'cancelled'],
  ['awaiting_payment', 'pay', 'paid'],
  ['awaiting_payment', 'reopen', 'draft'],
  ['awaiting_payment', 'cancel', 'cancelled'],
  ['paid', 'void', 'voided'],
  ['paid', 'refund_part', 'partially_refunded'],
  ['paid', 'refund_rest', 'refunded'],
  ['partially_refunded', 'refund_part', 'partially_refunded'],
  ['partially_refunded', 'refund_rest', 'refunded']
]

describe('the order state machine', () => {
  it.each(ALLOWED)('%s --%s--> %s', (from, action, to) => {
    expect(nextOrderStatus(from, action)).toBe(to)
  })

  const refused = ORDER_STATUSES.flatMap((status) =>
    ORDER_ACTIONS.filter((action) => !ALLOWED.some(([s, a]) => s === status && a === action)).map(
      (action) => [status, action] as const
    )
  )

  it.each(refused)('refuses %s --%s with a CONFLICT', (status, action) => {
    expect(canOrder(status, action)).toBe(false)
    expect(() => nextOrderStatus(status, action)).toThrow(expect.objectContaining({ code: 'CONFLICT' }))
  })

  it('never lets a paid, voided or refunded order be edited or deleted', () => {
    expect(ORDER_STATUSES.filter(isDeletable)).toEqual(['draft'])
    for (const closed of ['cancelled', 'voided', 'refunded'] as const) {
      expect(ORDER_ACTIONS.filter((action) => canOrder(closed, action))).toEqual([])
    }
  })
})
