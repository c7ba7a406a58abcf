import { describe, expect, it } from 'vitest'
import { cashPreview, suggestTendered } from '../../../../src/shared/money/cash-change'

describe('cashPreview', () => {
  it.each([
    [1230, '20', { tendered: 2000, change: 770, short: 0 }],
    [1230, '12.30', { tendered: 1230, change: 0, short: 0 }],
    [1230, '10', { tendered: 1000, change: 0, short: 230 }],
    [1230, '', { tendered: null, change: 0, short: 1230 }],
    [1230, '12.345', { tendered: null, change: 0, short: 1230 }],
    [1230, 'abc', { tendered: null, change: 0, short: 1230 }]
  ])('due %i, typed %j → %j', (due, typed, expected) => {
    expect(cashPreview(due, typed, 'CNY')).toEqual(expected)
  })

  it('counts whole yen for JPY', () => {
    expect(cashPreview(980, '1000', 'JPY')).toEqual({ tendered: 1000, change: 20, short: 0 })
  })
})

describe('suggestTendered', () => {
  it('offers the exact amount, then the next round notes', () => {
    expect(suggestTendered(1230, 'CNY')).toEqual([1230, 1300, 1500, 2000, 10000])
    expect(suggestTendered(10000, 'CNY')).toEqual([10000])
  })
})
