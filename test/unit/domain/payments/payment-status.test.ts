import { describe, expect, it } from 'vitest'
import {
  PAYMENT_STATUSES,
  applyObservedStatus,
  canTransitionPayment,
  isDefinite,
  mayStillSucceed,
  requireRetryable,
  transitionPayment,
  type PaymentStatus
} from '../../../../src/main/domain/payments/payment-status'
import {
  REFUND_STATUSES,
  applyObservedRefundStatus,
  transitionRefund,
  type RefundStatus
} from '../../../../src/main/domain/payments/refund-status'

// Every pair, spelled out: the table below is the specification the code must match.
const ALLOWED: Record<PaymentStatus, PaymentStatus[]> = {
  created: ['pending', 'user_paying', 'unknown', 'succeeded', 'failed', 'closed', 'reversed'],
  pending: ['user_paying', 'unknown', 'succeeded', 'failed', 'closed', 'reversed'],
  user_paying: ['pending', 'unknown', 'succeeded', 'failed', 'closed', 'reversed'],
  unknown: ['pending', 'user_paying', 'succeeded', 'failed', 'closed', 'reversed'],
  succeeded: ['reversed'],
  failed: [],
  closed: [],
  reversed: []
}

describe('payment state machine', () => {
  for (const from of PAYMENT_STATUSES) {
    for (const to of PAYMENT_STATUSES) {
      const allowed = ALLOWED[from].includes(to)
      it(`${from} → ${to} is ${allowed ? 'allowed' : 'refused'}`, () => {
        expect(canTransitionPayment(from, to)).toBe(allowed)
        if (allowed) expect(transitionPayment(from, to)).toBe(to)
        else expect(() => transitionPayment(from, to)).toThrow(expect.objectContaining({ code: 'CONFLICT' }))
      })
    }
  }

  it('knows which statuses are definite and which may still take money', () => {
    expect(PAYMENT_STATUSES.filter(isDefinite)).toEqual(['succeeded', 'failed', 'closed', 'reversed'])
    expect(PAYMENT_STATUSES.filter(mayStillSucceed)).toEqual(['created', 'pending', 'user_paying', 'unknown'])
  })

  it('refuses a retry under a new trade number while the old one may still succeed', () => {
    for (const status of ['created', 'pending', 'user_paying', 'unknown'] as const) {
      expect(() => requireRetryable(status)).toThrow(/query it and cancel or reverse it/)
    }
    expect(() => requireRetryable('succeeded')).toThrow(/refund it/)
    for (const status of ['failed', 'closed', 'reversed'] as const)
      expect(() => requireRetryable(status)).not.toThrow()
  })

  it('folds provider answers: changes, repeats, stale news and contradictions', () => {
    expect(applyObservedStatus('unknown', 'succeeded')).toEqual({ kind: 'changed', status: 'succeeded' })
    expect(applyObservedStatus('pending', 'not_found')).toEqual({ kind: 'same', status: 'pending' })
    expect(applyObservedStatus('unknown', 'unknown')).toEqual({ kind: 'same', status: 'unknown' })
    expect(applyObservedStatus('succeeded', 'succeeded')).toEqual({ kind: 'same', status: 'succeeded' })
    expect(applyObservedStatus('succeeded', 'pending')).toEqual({ kind: 'stale', status: 'succeeded' })
    expect(applyObservedStatus('closed', 'user_paying')).toEqual({ kind: 'stale', status: 'closed' })
    expect(applyObservedStatus('succeeded', 'reversed')).toEqual({ kind: 'changed', status: 'reversed' })
    expect(applyObservedStatus('closed', 'succeeded')).toEqual({
      kind: 'conflict',
      status: 'closed',
      observed: 'succeeded'
    })
    expect(applyObservedStatus('reversed', 'succeeded')).toEqual({ kind: 'stale', status: 'reversed' })
    expect(applyObservedStatus('failed', 'succeeded')).toEqual({
      kind: 'conflict',
      status: 'failed',
      observed: 'succeeded'
    })
  })
})

const REFUND_ALLOWED: Record<RefundStatus, RefundStatus[]> = {
  processing: ['succeeded', 'failed'],
  succeeded: [],
  failed: []
}

describe('refund state machine', () => {
  for (const from of REFUND_STATUSES) {
    for (const to of REFUND_STATUSES) {
      const allowed = REFUND_ALLOWED[from].includes(to)
      it(`${from} → ${to} is ${allowed ? 'allowed' : 'refused'}`, () => {
        if (allowed) expect(transitionRefund(from, to)).toBe(to)
        else expect(() => transitionRefund(from, to)).toThrow(expect.objectContaining({ code: 'CONFLICT' }))
      })
    }
  }

  it('ignores late and missing news about a refund', () => {
    expect(applyObservedRefundStatus('processing', 'not_found')).toEqual({
      kind: 'same',
      status: 'processing'
    })
    expect(applyObservedRefundStatus('succeeded', 'processing')).toEqual({
      kind: 'stale',
      status: 'succeeded'
    })
    expect(applyObservedRefundStatus('succeeded', 'failed')).toEqual({
      kind: 'conflict',
      status: 'succeeded'
    })
  })
})
