import { NotificationRejectedError, ProviderError } from '../errors'
import type { PaymentOutcome, PaymentProvider } from '../provider'

/**
 * Cash as a provider, so the checkout treats every tender alike: it succeeds on the spot, talks to
 * nobody, and has no statement (the drawer count is its reconciliation). It remembers the trades of
 * this run only, which is all a query of cash ever needs.
 */
export function createCashProvider(): PaymentProvider {
  const paid = new Map<string, PaymentOutcome>()
  return {
    id: 'cash',
    flows: ['cash'],
    async create(request) {
      if (request.flow !== 'cash') throw new ProviderError('cash', 'Cash takes cash payments only')
      const outcome: PaymentOutcome = {
        tradeNo: request.tradeNo,
        status: 'succeeded',
        amount: request.amount,
        paidAt: new Date().toISOString()
      }
      paid.set(request.tradeNo, outcome)
      return outcome
    },
    query: async (tradeNo) => paid.get(tradeNo) ?? { tradeNo, status: 'not_found' },
    // Handing the notes back is the reversal.
    cancel: async ({ tradeNo }) => ({ tradeNo, status: paid.has(tradeNo) ? 'reversed' : 'closed' }),
    refund: async ({ tradeNo, refundNo, amount }) => ({ tradeNo, refundNo, status: 'succeeded', amount }),
    queryRefund: async (tradeNo, refundNo) => ({ tradeNo, refundNo, status: 'not_found' }),
    parseNotification() {
      throw new NotificationRejectedError('cash', 'shape', 'Cash sends no notifications')
    },
    notificationReply: (accepted) => ({ status: accepted ? 204 : 400, contentType: 'text/plain', body: '' }),
    fetchStatement: async () => []
  }
}
