import { describe, expect, it } from 'vitest'
import { orderStanding } from '../../../src/hq-web/src/screens/settlement/order-standing'

describe('an order’s standing at the head office', () => {
  it('is partly refunded, with the amounts, when some of it was given back (it once said "Paid")', () => {
    expect(orderStanding({ voidedAt: null, refunded: 300, total: 1000 })).toEqual({
      kind: 'partlyRefunded',
      refunded: 300,
      total: 1000,
      kept: 700
    })
  })

  it('is refunded when all of it was given back, paid when nothing was, voided above all', () => {
    expect(orderStanding({ voidedAt: null, refunded: 1000, total: 1000 })).toEqual({
      kind: 'refunded',
      refunded: 1000
    })
    expect(orderStanding({ voidedAt: null, refunded: 0, total: 1000 })).toEqual({ kind: 'paid' })
    expect(orderStanding({ voidedAt: '2026-11-20T03:00:00Z', refunded: 0, total: 1000 })).toEqual({
      kind: 'voided'
    })
  })
})
