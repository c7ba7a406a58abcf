import { DomainError } from '../errors'

/**
 * A refund at a provider. It is `processing` from the moment its refund number is recorded — before
 * the request is sent — so a timeout simply leaves it processing and the same refund number is sent
 * again (providers treat a repeated refund number as the same refund, never as a second one).
 */
import type { RefundStatus } from '@shared/vocabulary'
export { REFUND_STATUSES, type RefundStatus } from '@shared/vocabulary'

const TRANSITIONS: Record<RefundStatus, readonly RefundStatus[]> = {
  processing: ['succeeded', 'failed'],
  succeeded: [],
  failed: []
}

export function canTransitionRefund(from: RefundStatus, to: RefundStatus): boolean {
  return TRANSITIONS[from].includes(to)
}

/** @throws CONFLICT for any move out of a definite refund status. */
export function transitionRefund(from: RefundStatus, to: RefundStatus): RefundStatus {
  if (!canTransitionRefund(from, to)) {
    throw new DomainError('CONFLICT', `A refund that is ${from} cannot become ${to}`, 'status', {
      key: 'errors.refunds.badTransition',
      params: { from, to }
    })
  }
  return to
}

/** A provider's word on a refund: like payments, late or repeated news about a settled refund is ignored. */
export function applyObservedRefundStatus(
  current: RefundStatus,
  observed: RefundStatus | 'not_found' | 'unknown'
): { kind: 'changed' | 'same' | 'stale' | 'conflict'; status: RefundStatus } {
  if (observed === 'not_found' || observed === 'unknown' || observed === current)
    return { kind: 'same', status: current }
  if (canTransitionRefund(current, observed)) return { kind: 'changed', status: observed }
  if (observed === 'processing') return { kind: 'stale', status: current }
  return { kind: 'conflict', status: current }
}
