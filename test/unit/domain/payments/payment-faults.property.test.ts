import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  applyObservedStatus,
  isDefinite,
  requireRetryable,
  transitionPayment,
  type ObservedPaymentStatus,
  type PaymentStatus
} from '../../../../src/main/domain/payments/payment-status'

/**
 * A tiny model of a provider and a till that follows the rules: one tender, attempts under fresh
 * trade numbers, faults drawn at random. The provider model is the truth; the till only sees
 * answers, timeouts and notifications (duplicated and reordered).
 */
type Truth = 'open' | 'paid' | 'closed' | 'reversed' | 'absent'

type Fault =
  | { kind: 'ok' }
  | { kind: 'timeout_before_commit' }
  | { kind: 'timeout_after_commit' }
  | { kind: 'declined' }
  | { kind: 'customer_slow' }

interface Step {
  create: Fault
  /** Whether the customer eventually pays an open trade (they may walk away). */
  customerPays: boolean
  /** The customer pays in the instant between the till's last poll and its cancel. */
  paysDuringCancel: boolean
  queryTimeouts: number
  cancelTimeouts: number
  notifications: 'none' | 'once' | 'duplicate' | 'reversed_order'
}

class ProviderModel {
  readonly trades = new Map<string, Truth>()
  readonly notifications: { tradeNo: string; status: ObservedPaymentStatus }[] = []

  create(tradeNo: string, fault: Fault, customerPays: boolean): ObservedPaymentStatus {
    if (fault.kind === 'timeout_before_commit') return 'unknown'
    if (this.trades.has(tradeNo)) throw new Error('a trade number was reused')
    if (fault.kind === 'declined') {
      this.trades.set(tradeNo, 'absent')
      return 'failed'
    }
    const truth: Truth = fault.kind === 'customer_slow' ? 'open' : customerPays ? 'paid' : 'open'
    this.trades.set(tradeNo, truth)
    if (truth === 'paid') this.notify(tradeNo, 'succeeded')
    if (fault.kind === 'timeout_after_commit') return 'unknown'
    return truth === 'paid' ? 'succeeded' : 'user_paying'
  }

  customerActs(tradeNo: string, pays: boolean): void {
    if (this.trades.get(tradeNo) === 'open' && pays) {
      this.trades.set(tradeNo, 'paid')
      this.notify(tradeNo, 'succeeded')
    }
  }

  query(tradeNo: string): ObservedPaymentStatus {
    const truth = this.trades.get(tradeNo)
    if (truth === undefined || truth === 'absent') return 'not_found'
    return ({ open: 'user_paying', paid: 'succeeded', closed: 'closed', reversed: 'reversed' } as const)[
      truth
    ]
  }

  /** Alipay-style cancel: closes an open trade, refunds a paid one, tombstones an unknown number. */
  cancel(tradeNo: string): 'closed' | 'reversed' {
    const truth = this.trades.get(tradeNo)
    if (truth === 'paid') {
      this.trades.set(tradeNo, 'reversed')
      return 'reversed'
    }
    if (truth !== 'reversed') this.trades.set(tradeNo, 'closed')
    return truth === 'reversed' ? 'reversed' : 'closed'
  }

  private notify(tradeNo: string, status: ObservedPaymentStatus): void {
    this.notifications.push({ tradeNo, status })
  }
}

/** The till: one tender, attempts until one succeeds or it gives up; always resolves unknowns. */
function runTill(steps: Step[]): { provider: ProviderModel; attempts: Map<string, PaymentStatus> } {
  const provider = new ProviderModel()
  const attempts = new Map<string, PaymentStatus>()
  const apply = (tradeNo: string, observed: ObservedPaymentStatus): void => {
    const current = attempts.get(tradeNo) as PaymentStatus
    const outcome = applyObservedStatus(current, observed)
    expect(outcome.kind).not.toBe('conflict')
    attempts.set(tradeNo, outcome.status)
  }
  let previous: PaymentStatus | undefined
  for (const [i, step] of steps.entries()) {
    if (previous !== undefined) {
      if (previous === 'succeeded') break
      requireRetryable(previous)
    }
    const tradeNo = `T-${i}`
    attempts.set(tradeNo, 'created')
    const answer = provider.create(tradeNo, step.create, step.customerPays)
    attempts.set(
      tradeNo,
      transitionPayment('created', answer === 'not_found' ? 'unknown' : (answer as PaymentStatus))
    )
    if (step.create.kind === 'customer_slow') provider.customerActs(tradeNo, step.customerPays)

    // Notifications arrive (duplicated, reordered) and are folded in like any other answer.
    const mine = provider.notifications.filter((n) => n.tradeNo === tradeNo)
    const delivered =
      step.notifications === 'none'
        ? []
        : step.notifications === 'duplicate'
          ? [...mine, ...mine]
          : step.notifications === 'reversed_order'
            ? [...mine].reverse()
            : mine
    for (const n of delivered) apply(tradeNo, n.status)

    // Poll; a poll can time out (no news).
    for (let q = 0; q <= step.queryTimeouts; q++) {
      apply(tradeNo, q < step.queryTimeouts ? 'unknown' : provider.query(tradeNo))
    }
    // Still not definite after the polling window: cancel (retrying the cancel through timeouts).
    if (!isDefinite(attempts.get(tradeNo) as PaymentStatus)) {
      provider.customerActs(tradeNo, step.paysDuringCancel)
      for (let c = 0; c < step.cancelTimeouts; c++) {
        // A cancel that times out may or may not have reached the provider; either way we no longer know.
        if (c % 2 === 0) provider.cancel(tradeNo)
        const current = attempts.get(tradeNo) as PaymentStatus
        if (current !== 'unknown') attempts.set(tradeNo, transitionPayment(current, 'unknown'))
      }
      // The cancel is repeated until it answers; its answer is definite.
      apply(tradeNo, provider.cancel(tradeNo))
      // Late notifications about the cancelled trade are stale news, never a change back.
      const late = provider.notifications.filter((n) => n.tradeNo === tradeNo)
      if (step.notifications !== 'none') for (const n of late) apply(tradeNo, n.status)
    }
    previous = attempts.get(tradeNo)
  }
  return { provider, attempts }
}

const fault = fc.oneof(
  fc.constant<Fault>({ kind: 'ok' }),
  fc.constant<Fault>({ kind: 'timeout_before_commit' }),
  fc.constant<Fault>({ kind: 'timeout_after_commit' }),
  fc.constant<Fault>({ kind: 'declined' }),
  fc.constant<Fault>({ kind: 'customer_slow' })
)
const step = fc.record<Step>({
  create: fault,
  customerPays: fc.boolean(),
  paysDuringCancel: fc.boolean(),
  queryTimeouts: fc.integer({ min: 0, max: 3 }),
  cancelTimeouts: fc.integer({ min: 0, max: 2 }),
  notifications: fc.constantFrom('none', 'once', 'duplicate', 'reversed_order')
})

describe('payments under random faults', () => {
  it('never pays twice, never loses a payment, and always ends definite', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 6 }), (steps) => {
        const { provider, attempts } = runTill(steps)
        const paidAtProvider = [...provider.trades].filter(([, truth]) => truth === 'paid').map(([no]) => no)
        // No trade is paid twice: at most one attempt holds the customer's money.
        expect(paidAtProvider.length).toBeLessThanOrEqual(1)
        // A reversed attempt gave the money back, and the till knows it.
        for (const [no, truth] of provider.trades)
          if (truth === 'reversed') expect(attempts.get(no)).toBe('reversed')
        // No succeeded payment is lost: what the provider kept, the till knows as succeeded, and vice versa.
        for (const [no, status] of attempts) {
          expect(isDefinite(status)).toBe(true)
          expect(status === 'succeeded').toBe(provider.trades.get(no) === 'paid')
        }
      }),
      { numRuns: 300, seed: 20261125 }
    )
  })
})
