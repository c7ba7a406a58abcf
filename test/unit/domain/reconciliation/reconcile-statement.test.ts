import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { providerDayOf, providerDayWindow } from '../../../../src/shared/reconciliation/provider-day'
import { providerFeeEntry } from '../../../../src/main/domain/reconciliation/provider-fee-entry'
import {
  reconcileStatement,
  type BillRow,
  type LocalTrade
} from '../../../../src/shared/reconciliation/reconcile-statement'
import { statementState } from '../../../../src/shared/reconciliation/statement-status'

const DAY = '2025-03-01'

const pay = (
  tradeNo: string,
  amount: number,
  fee: number,
  time = '2025-03-01T10:00:00+08:00',
  status = 'TRADE_SUCCESS'
): BillRow => ({
  tradeNo,
  providerTradeNo: `X${tradeNo}`,
  type: 'payment',
  amount,
  fee,
  status,
  time
})
const refund = (
  tradeNo: string,
  refundNo: string | undefined,
  amount: number,
  fee: number,
  status = 'REFUND_SUCCESS'
): BillRow => ({
  tradeNo,
  providerTradeNo: `X${tradeNo}`,
  type: 'refund',
  ...(refundNo ? { refundNo } : {}),
  amount,
  fee,
  status,
  time: '2025-03-01T15:00:00+08:00'
})
const ours = (
  tradeNo: string,
  amount: number,
  status = 'succeeded',
  at = '2025-03-01T02:00:01.000Z'
): LocalTrade => ({
  kind: 'payment',
  id: `p-${tradeNo}`,
  tradeNo,
  amount,
  status,
  at
})

describe('the provider business day', () => {
  it('runs from Beijing midnight to Beijing midnight, whatever the till’s zone', () => {
    expect(providerDayWindow(DAY)).toEqual({
      from: '2025-02-28T16:00:00.000Z',
      to: '2025-03-01T16:00:00.000Z'
    })
    expect(providerDayOf('2025-03-01T15:59:59.999Z')).toBe('2025-03-01')
    expect(providerDayOf('2025-03-01T16:00:00.000Z')).toBe('2025-03-02')
    expect(providerDayOf('2025-03-01T23:59:59+08:00')).toBe('2025-03-01')
    expect(providerDayOf('2025-03-02T00:00:00+08:00')).toBe('2025-03-02')
    expect(() => providerDayWindow('2025-3-1')).toThrow(/not a date/)
  })
})

describe('reading bill statuses', () => {
  it('knows each provider’s spelling', () => {
    expect(['TRADE_SUCCESS', 'SUCCESS', 'REFUND_SUCCESS', 'approved', 'voided'].map(statementState)).toEqual(
      Array(5).fill('succeeded')
    )
    expect(statementState('REFUND_PROCESSING')).toBe('processing')
    expect(['REVOKED', 'REFUND_CHANGE', 'REFUND_REFUNDCLOSE'].map(statementState)).toEqual(
      Array(3).fill('failed')
    )
  })
})

describe('reconciling a bill', () => {
  it('matches payments and refunds by number and totals gross, refunds, fees and the payout', () => {
    const { rows, totals } = reconcileStatement({
      date: DAY,
      statement: [pay('A1', 1250, 8), pay('A2', 99, 1), refund('A1', 'R1', 250, -2)],
      local: [
        ours('A1', 1250),
        ours('A2', 99),
        {
          kind: 'refund',
          id: 'R1',
          tradeNo: 'A1',
          refundNo: 'R1',
          amount: 250,
          status: 'succeeded',
          at: '2025-03-01T07:00:00.000Z'
        }
      ]
    })
    expect(rows.map((r) => [r.kind, r.tradeNo, r.result])).toEqual([
      ['payment', 'A1', 'matched'],
      ['payment', 'A2', 'matched'],
      ['refund', 'A1', 'matched']
    ])
    // 1250 + 99 − 250 − (8 + 1 − 2) = 1092
    expect(totals).toEqual({
      gross: 1349,
      refunds: 250,
      fees: 7,
      net: 1092,
      localGross: 1349,
      localRefunds: 250,
      matched: 3,
      differences: 0
    })
  })

  it('reports extra, missing and mismatched rows', () => {
    const { rows, totals } = reconcileStatement({
      date: DAY,
      statement: [
        pay('A1', 1250, 8), // amount differs: we have 1205
        pay('EXTRA', 500, 3), // nobody here has it
        pay('OPEN', 700, 4), // the till never learned it was paid
        pay('LOST', 900, 5), // the till has it closed
        pay('A1', 1250, 8), // the same row twice
        refund('A3', 'R9', 300, -2, 'REFUND_PROCESSING') // the till has the refund done
      ],
      local: [
        ours('A1', 1205),
        ours('OPEN', 700, 'unknown', '2025-03-01T03:00:00.000Z'),
        ours('LOST', 900, 'closed'),
        ours('GONE', 400), // not on the bill at all
        ours('A3', 300),
        {
          kind: 'refund',
          id: 'R9',
          tradeNo: 'A3',
          refundNo: 'R9',
          amount: 300,
          status: 'succeeded',
          at: '2025-03-01T08:00:00.000Z'
        }
      ]
    })
    expect(rows.map((r) => [r.tradeNo, r.result, r.note])).toEqual([
      ['A1', 'amount_mismatch', null],
      ['EXTRA', 'missing_locally', 'no_local_attempt'],
      ['OPEN', 'missing_locally', 'open_attempt'],
      ['LOST', 'status_mismatch', 'lost_attempt'],
      ['A1', 'missing_locally', 'no_local_attempt'],
      ['A3', 'status_mismatch', 'provider_not_final'],
      ['GONE', 'missing_at_provider', null],
      ['A3', 'missing_at_provider', null]
    ])
    expect(rows[0]).toMatchObject({ providerAmount: 1250, localAmount: 1205, fee: 8 })
    // The bill is what the provider pays out on, extra rows included: 1250 + 500 + 700 + 900 + 1250 − 26.
    expect(totals).toMatchObject({ gross: 4600, refunds: 0, fees: 26, net: 4574, matched: 0, differences: 8 })
  })

  it('puts a payment made just before Beijing midnight on that day’s bill, even when the till recorded it after midnight', () => {
    // Paid 23:59:58 Beijing (bill of 03-01); the till's poll saw it at 00:00:03 (03-02).
    const late = ours('MID', 1000, 'succeeded', '2025-03-01T16:00:03.000Z')
    const bill = [pay('MID', 1000, 6, '2025-03-01T23:59:58+08:00')]
    const first = reconcileStatement({ date: '2025-03-01', statement: bill, local: [late] })
    expect(first.rows).toMatchObject([{ result: 'matched', note: 'recorded_other_day' }])
    expect(first.totals).toMatchObject({ gross: 1000, localGross: 1000, net: 994 })
    // On the next day's bill it is absent: by the till's clock alone it looks missing at the provider …
    const naive = reconcileStatement({ date: '2025-03-02', statement: [], local: [late] })
    expect(naive.rows).toMatchObject([{ result: 'missing_at_provider' }])
    // … and once the provider's own time is known it belongs to the day before, not a difference.
    const told = reconcileStatement({
      date: '2025-03-02',
      statement: [],
      local: [{ ...late, providerAt: '2025-03-01T23:59:58+08:00' }]
    })
    expect(told.rows).toEqual([])
    expect(told.totals.localGross).toBe(0)
  })

  it('matches a reversal (a refund row without our refund number) to a reversed attempt', () => {
    const { rows } = reconcileStatement({
      date: DAY,
      statement: [pay('V1', 600, 4), refund('V1', undefined, 600, -4, 'voided')],
      local: [
        ours('V1', 600, 'reversed'),
        {
          kind: 'reversal',
          id: 'p-V1',
          tradeNo: 'V1',
          amount: 600,
          status: 'reversed',
          at: '2025-03-01T02:00:01.000Z'
        }
      ]
    })
    expect(rows.map((r) => [r.kind, r.result])).toEqual([
      ['payment', 'matched'],
      ['reversal', 'matched']
    ])
  })

  it('refuses the same local row twice', () => {
    expect(() =>
      reconcileStatement({ date: DAY, statement: [], local: [ours('A', 1), ours('A', 1)] })
    ).toThrow(/twice/)
  })

  it('always accounts for every bill row and every local row of the day, and the payout adds up', () => {
    const row = fc.record({
      n: fc.integer({ min: 0, max: 6 }),
      amount: fc.integer({ min: 1, max: 100_000 }),
      fee: fc.integer({ min: -50, max: 600 })
    })
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), fc.array(row, { maxLength: 12 }), (bill, local) => {
        const seen = new Set<number>()
        const locals = local
          .filter((l) => !seen.has(l.n) && seen.add(l.n))
          .map((l) => ours(`T${l.n}`, l.amount))
        const { rows, totals } = reconcileStatement({
          date: DAY,
          statement: bill.map((b) => pay(`T${b.n}`, b.amount, b.fee)),
          local: locals
        })
        expect(rows.filter((r) => r.providerAmount !== null)).toHaveLength(bill.length)
        const onBill = new Set(bill.map((b) => `T${b.n}`))
        expect(
          rows
            .filter((r) => r.result === 'missing_at_provider')
            .map((r) => r.tradeNo)
            .sort()
        ).toEqual(
          locals
            .filter((l) => !onBill.has(l.tradeNo))
            .map((l) => l.tradeNo)
            .sort()
        )
        expect(totals.net).toBe(totals.gross - totals.refunds - totals.fees)
        expect(totals.matched + totals.differences).toBe(rows.length)
      })
    )
  })
})

describe('the fee entry', () => {
  it('moves fees from the provider’s clearing account to the expense, either way, and posts nothing for nothing', () => {
    expect(providerFeeEntry('alipay', 83)?.lines).toEqual([
      { account: 'provider_fees', debit: 83, credit: 0 },
      { account: 'alipay_clearing', debit: 0, credit: 83 }
    ])
    expect(providerFeeEntry('wechat', -5)?.lines).toEqual([
      { account: 'provider_fees', debit: 0, credit: 5 },
      { account: 'wechat_clearing', debit: 5, credit: 0 }
    ])
    expect(providerFeeEntry('card', 0)).toBeNull()
    expect(() => providerFeeEntry('card', 0.5)).toThrow(/minor units/)
  })
})

describe('voided sales the provider still holds', () => {
  it('flags a paid trade whose order the till voided without a provider refund; a refunded one matches', () => {
    const { rows, totals } = reconcileStatement({
      date: DAY,
      statement: [pay('V1', 3990, 24), pay('OK1', 1200, 7)],
      local: [{ ...ours('V1', 3990), voidedUnrefunded: true }, ours('OK1', 1200)]
    })
    expect(rows.map((r) => [r.tradeNo, r.result, r.note])).toEqual([
      ['V1', 'status_mismatch', 'voided_not_refunded'],
      ['OK1', 'matched', null]
    ])
    expect(totals).toMatchObject({ matched: 1, differences: 1, gross: 5190 })
  })
})
