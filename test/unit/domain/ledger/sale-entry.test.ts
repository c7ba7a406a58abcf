import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { balanceEntry, credit, debit, reverseEntry } from '../../../../src/main/domain/ledger/journal-entry'
import { saleEntry, type TenderFigure } from '../../../../src/main/domain/ledger/sale-entry'

const sum = (lines: Array<{ debit: number; credit: number }>, side: 'debit' | 'credit'): number =>
  lines.reduce((total, line) => total + line[side], 0)

describe('the sale journal entry', () => {
  it('books the spec’s worked example paid with ¥200 cash', () => {
    const entry = saleEntry(
      { grossTotal: 20000, discountTotal: 4300, taxTotal: 1806, total: 15700, cashRounding: 0 },
      [{ method: 'cash', amount: 15700, tendered: 20000 }]
    )
    expect(entry.lines).toEqual([
      { account: 'cash_drawer', debit: 20000, credit: 0, memo: 'cash' },
      { account: 'cash_drawer', debit: 0, credit: 4300, memo: 'change' },
      { account: 'sales_discounts', debit: 4300, credit: 0 },
      { account: 'sales_revenue', debit: 0, credit: 18194 },
      { account: 'tax_payable', debit: 0, credit: 1806 }
    ])
  })

  it('books a rounding down as a debit and a rounding up as a credit', () => {
    const down = saleEntry(
      { grossTotal: 1234, discountTotal: 0, taxTotal: 0, total: 1234, cashRounding: -4 },
      [{ method: 'cash', amount: 1230 }]
    )
    expect(down.lines).toContainEqual({ account: 'cash_rounding', debit: 4, credit: 0 })
    const up = saleEntry({ grossTotal: 1236, discountTotal: 0, taxTotal: 0, total: 1236, cashRounding: 4 }, [
      { method: 'cash', amount: 1240 }
    ])
    expect(up.lines).toContainEqual({ account: 'cash_rounding', debit: 0, credit: 4 })
  })

  it('refuses tenders that do not cover the payable', () => {
    expect(() =>
      saleEntry({ grossTotal: 100, discountTotal: 0, taxTotal: 0, total: 100, cashRounding: 0 }, [
        { method: 'card', amount: 99 }
      ])
    ).toThrow('do not cover')
  })

  it('refuses an unbalanced entry where it is built', () => {
    expect(() => balanceEntry('broken', [debit('cash_drawer', 100), credit('sales_revenue', 99)])).toThrow(
      'does not balance'
    )
  })

  it('balances for any sale and any split of its tenders, and its reversal undoes it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: -4, max: 5 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 10_000 }),
        (total, discountTotal, taxPart, cashRounding, weights, extraCash) => {
          const payable = Math.max(0, total + cashRounding)
          const taxTotal = Math.min(taxPart, total)
          const methods = ['cash', 'card', 'alipay', 'wechat'] as const
          // Split the payable over the tenders by integer weights; the first takes the remainder.
          const weightSum = weights.reduce((a, b) => a + b, 0)
          const shares = weights.map((w) => Math.floor((payable * w) / weightSum))
          shares[0]! += payable - shares.reduce((a, b) => a + b, 0)
          const tenders: TenderFigure[] = shares.map((amount, i) =>
            i === 0
              ? { method: 'cash', amount, tendered: amount + extraCash }
              : { method: methods[i % 4]!, amount }
          )
          const entry = saleEntry(
            {
              grossTotal: total + discountTotal,
              discountTotal,
              taxTotal,
              total: payable - cashRounding,
              cashRounding
            },
            tenders
          )
          expect(sum(entry.lines, 'debit')).toBe(sum(entry.lines, 'credit'))
          const undone = reverseEntry('void', entry)
          expect(sum(undone.lines, 'debit')).toBe(sum(entry.lines, 'credit'))
        }
      ),
      { numRuns: 300 }
    )
  })
})
