import type { DayOrder } from '@shared/hq-api/settlement'

/**
 * Where an order stands after the day: voided, wholly or partly refunded, or paid. One rule for
 * the orders list and the order's detail, so the two never disagree (a partly refunded order was
 * once shown as "Paid"). Amounts are minor units; `refunded` counts succeeded refunds only, on any
 * day (the order's `refunded`), so `kept` is what the shop still holds of the order's total.
 */
export type OrderStanding =
  | { kind: 'voided' }
  | { kind: 'paid' }
  | { kind: 'refunded'; refunded: number }
  | { kind: 'partlyRefunded'; refunded: number; total: number; kept: number }

export function orderStanding(order: Pick<DayOrder, 'voidedAt' | 'refunded' | 'total'>): OrderStanding {
  if (order.voidedAt) return { kind: 'voided' }
  if (order.refunded <= 0) return { kind: 'paid' }
  if (order.refunded >= order.total) return { kind: 'refunded', refunded: order.refunded }
  return {
    kind: 'partlyRefunded',
    refunded: order.refunded,
    total: order.total,
    kept: order.total - order.refunded
  }
}
