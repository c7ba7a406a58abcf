import { describe, expect, it } from 'vitest'
import { countedCash, denominationsOf } from '../../../src/shared/money/denominations'
import { cashInEntry, cashOutEntry, overShortEntry } from '../../../src/main/domain/ledger/cash-entries'
import { averageMinor } from '../../../src/main/domain/reports/z-report'
import { expectedCash, overShort } from '../../../src/main/domain/shifts/expected-cash'

describe('drawer arithmetic', () => {
  it('expects float + sales − voids − refunds + in − out, and records the difference as found', () => {
    const drawer = {
      float: 50000,
      cashSales: 15700,
      cashVoids: 0,
      cashRefunds: 2000,
      cashIn: 0,
      cashOut: 10000
    }
    expect(expectedCash(drawer)).toBe(53700)
    expect(overShort(53500, 53700)).toBe(-200)
    expect(overShort(53700, 53700)).toBe(0)
  })

  it('counts a drawer by denomination in minor units, refusing what the currency does not have', () => {
    expect(countedCash('CNY', { n10000: 3, c50: 3 })).toBe(30150)
    expect(countedCash('JPY', { n10000: 1, c500: 2, c1: 3 }, 7)).toBe(11010)
    expect(() => countedCash('CNY', { c25: 1 })).toThrow('c25 is not a CNY note or coin')
    expect(() => countedCash('CNY', { n100: 1.5 })).toThrow('whole number')
    for (const currency of ['CNY', 'HKD', 'USD', 'EUR', 'GBP', 'JPY'])
      expect(denominationsOf(currency).length).toBeGreaterThan(5)
    expect(denominationsOf('KWD')).toEqual([])
  })

  it('books cash moves against the owner and over/short against its own account', () => {
    expect(cashInEntry('cash_float', 50000).lines).toEqual([
      { account: 'cash_drawer', debit: 50000, credit: 0 },
      { account: 'owner_cash', debit: 0, credit: 50000 }
    ])
    expect(cashOutEntry('cash_drop', 2000).lines.map((l) => [l.account, l.debit, l.credit])).toEqual([
      ['owner_cash', 2000, 0],
      ['cash_drawer', 0, 2000]
    ])
    expect(overShortEntry(-200).lines.map((l) => [l.account, l.debit, l.credit])).toEqual([
      ['cash_drawer', 0, 200],
      ['cash_over_short', 200, 0]
    ])
  })

  it('averages a ticket half-up in integers', () => {
    expect(averageMinor(1000, 3)).toBe(333)
    expect(averageMinor(1001, 2)).toBe(501)
    expect(averageMinor(-1001, 2)).toBe(-501)
    expect(averageMinor(500, 0)).toBe(0)
  })
})
