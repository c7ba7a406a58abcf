import { describe, expect, it } from 'vitest'
import { refundIssues, type RefundDraft } from '../../../src/renderer/src/screens/orders/refund-issues'

const LINES = [
  { lineId: 'a', unit: 'piece', quantityLeft: '2' },
  { lineId: 'b', unit: 'kg', quantityLeft: '0.456' }
]
const money = (minor: number, currency: string): string => `${currency} ${minor}`
const issues = (draft: Partial<RefundDraft>) =>
  refundIssues(
    LINES,
    1500,
    'CNY',
    { mode: 'lines', quantities: {}, amount: '', reason: 'x', ...draft },
    money
  ).map((issue) => [issue.field, issue.key, issue.params])

describe('refundIssues', () => {
  it('names every line that asks for more than is left, and a blank reason, at once', () => {
    expect(issues({ quantities: { a: '3', b: '0.5' }, reason: ' ' })).toEqual([
      ['quantity:a', 'errors.form.atMostLeft', { left: '2' }],
      ['quantity:b', 'errors.form.atMostLeft', { left: '0.456' }],
      ['reason', 'errors.form.enterReason', undefined]
    ])
  })

  it('refuses what is not a number, part of a piece, and nothing chosen', () => {
    expect(issues({ quantities: { a: 'x' } })).toEqual([['quantity:a', 'errors.form.enterNumber', undefined]])
    expect(issues({ quantities: { a: '1.5' } })).toEqual([
      ['quantity:a', 'errors.form.wholePieces', undefined]
    ])
    expect(issues({ quantities: { a: '0', b: '' } })).toEqual([
      ['lines', 'errors.form.chooseItems', undefined]
    ])
  })

  it('accepts what is left exactly', () => {
    expect(issues({ quantities: { a: '2', b: '0.456' } })).toEqual([])
  })

  it('checks an amount: blank, above what is left, too large before too precise', () => {
    expect(issues({ mode: 'amount' })).toEqual([['amount', 'errors.form.enterAmount', undefined]])
    expect(issues({ mode: 'amount', amount: '15.01' })).toEqual([
      ['amount', 'errors.form.atMostAmount', { amount: 'CNY 1500' }]
    ])
    expect(issues({ mode: 'amount', amount: '99999999999999999.555' })).toEqual([
      ['amount', 'errors.validation.tooLarge', undefined]
    ])
    expect(issues({ mode: 'amount', amount: '15' })).toEqual([])
  })
})
