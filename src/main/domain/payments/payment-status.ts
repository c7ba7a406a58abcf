import { DomainError } from '../errors'

/**
 * One payment attempt (one provider trade number) at the counter.
 *
 * `created` — recorded locally, nothing sent yet. `pending` — the provider holds an open trade
 * (a QR code is on screen, a card terminal waits for a card). `user_paying` — the customer is
 * confirming on their phone (payment-code flow, "enter your password"). `unknown` — a call timed
 * out or its answer could not be trusted: the provider may or may not have taken the money, and only
 * a query (or a cancel/reverse) can tell. `succeeded`, `failed`, `closed` and `reversed` are definite.
 *
 * `succeeded → reversed` exists because cancelling an attempt whose outcome was unknown may find it
 * paid: Alipay's `trade.cancel` and WeChat's `reverse` then hand the money back in the same call.
 */
import type { PaymentStatus } from '@shared/vocabulary'
export { PAYMENT_STATUSES, type PaymentStatus } from '@shared/vocabulary'

const OPEN = ['pending', 'user_paying', 'unknown'] as const
const SETTLED = ['succeeded', 'failed', 'closed', 'reversed'] as const

const TRANSITIONS: Record<PaymentStatus, readonly PaymentStatus[]> = {
  created: [...OPEN, ...SETTLED],
  // A QR code being scanned moves `pending` to `user_paying`; a cancel that times out leaves it unknown.
  pending: ['user_paying', 'unknown', ...SETTLED],
  user_paying: ['pending', 'unknown', ...SETTLED],
  // Only a query, a cancel or a reverse turns `unknown` into something else.
  unknown: ['pending', 'user_paying', ...SETTLED],
  succeeded: ['reversed'],
  failed: [],
  closed: [],
  reversed: []
}

/** Statuses no later provider answer can change (apart from reversing a success). */
export function isDefinite(status: PaymentStatus): boolean {
  return (SETTLED as readonly PaymentStatus[]).includes(status)
}

/**
 * Whether the provider might still take this attempt's money. While true, the order must not be
 * offered a new attempt on the same provider: the old trade number can still turn into a payment.
 */
export function mayStillSucceed(status: PaymentStatus): boolean {
  return status === 'created' || (OPEN as readonly PaymentStatus[]).includes(status)
}

/** Definitively ended without the customer's money staying with the merchant. */
export function isUnpaid(status: PaymentStatus): boolean {
  return status === 'failed' || status === 'closed' || status === 'reversed'
}

export function canTransitionPayment(from: PaymentStatus, to: PaymentStatus): boolean {
  return TRANSITIONS[from].includes(to)
}

/**
 * The status after `from → to`, or a CONFLICT naming both. Staying in the same status is not a
 * transition: callers compare first (see `applyObservedStatus` for provider answers).
 *
 * @example transitionPayment('unknown', 'succeeded') // 'succeeded'
 * @example transitionPayment('closed', 'succeeded')  // throws CONFLICT
 */
export function transitionPayment(from: PaymentStatus, to: PaymentStatus): PaymentStatus {
  if (!canTransitionPayment(from, to)) {
    throw new DomainError('CONFLICT', `A payment that is ${from} cannot become ${to}`, 'status', {
      key: 'errors.payments.badTransition',
      params: { from, to }
    })
  }
  return to
}

/** What a provider said about a trade, normalized by its adapter. */
export type ObservedPaymentStatus = Exclude<PaymentStatus, 'created'> | 'not_found'

export type ObservedOutcome =
  | { kind: 'changed'; status: PaymentStatus }
  | { kind: 'same'; status: PaymentStatus }
  /** An older answer arriving late (a duplicate or out-of-order notification, a slow poll): ignored. */
  | { kind: 'stale'; status: PaymentStatus }
  /** Contradicts a definite status (e.g. "paid" for a closed trade): keep ours and raise it to a person. */
  | { kind: 'conflict'; status: PaymentStatus; observed: ObservedPaymentStatus }

/**
 * Folds a provider's answer (a poll, a notification, a cancel result) into the attempt's status.
 * Notifications are duplicated and reordered in real life, so an answer that would move a definite
 * status backwards is not an error but stale news; only a contradiction between two definite answers
 * is a conflict. `not_found` and `unknown` teach nothing and leave the status as it is.
 *
 * @example applyObservedStatus('unknown', 'succeeded') // { kind: 'changed', status: 'succeeded' }
 * @example applyObservedStatus('succeeded', 'pending') // { kind: 'stale', status: 'succeeded' }
 */
export function applyObservedStatus(
  current: PaymentStatus,
  observed: ObservedPaymentStatus
): ObservedOutcome {
  if (observed === 'not_found' || observed === 'unknown') {
    // A timeout on a call that does not commit anything (a query) leaves what we knew intact; a
    // timeout on a create or cancel is recorded by the caller with `transitionPayment(…, 'unknown')`.
    return { kind: 'same', status: current }
  }
  if (observed === current) return { kind: 'same', status: current }
  if (canTransitionPayment(current, observed)) return { kind: 'changed', status: observed }
  // A reversal follows a success: "paid" news arriving after it is old news, not a contradiction.
  if (current === 'reversed' && observed === 'succeeded') return { kind: 'stale', status: current }
  if (isDefinite(current) && isDefinite(observed)) return { kind: 'conflict', status: current, observed }
  return { kind: 'stale', status: current }
}

/**
 * Guards the one rule that keeps a customer from paying twice: a new attempt (a new trade number)
 * for the same tender may be made only once the previous attempt is definitively unpaid. An
 * `unknown` attempt must first be queried and then cancelled or reversed.
 *
 * @throws CONFLICT when the previous attempt may still succeed, or did succeed.
 */
export function requireRetryable(previous: PaymentStatus): void {
  if (isUnpaid(previous)) return
  if (previous === 'succeeded') {
    throw new DomainError(
      'CONFLICT',
      'The previous attempt was paid: refund it instead of paying again',
      'status',
      { key: 'errors.payments.previousPaid' }
    )
  }
  throw new DomainError(
    'CONFLICT',
    `The previous attempt is ${previous}: query it and cancel or reverse it before trying again`,
    'status',
    { key: 'errors.payments.previousOpen', params: { status: previous } }
  )
}
