import { readFileSync } from 'node:fs'
import type { ObservedPaymentStatus } from '../../domain/payments/payment-status'
import type { CardProviderConfig } from '../config'
import { NotificationRejectedError, ProviderError } from '../errors'
import type {
  CancelOutcome,
  CancelRequest,
  CreatePaymentRequest,
  PaymentOutcome,
  PaymentProvider,
  RefundOutcome,
  RefundRequest,
  BillRow
} from '../provider'

type Json = Record<string, unknown>
type Answer = { status: number; data: Json } | undefined

/**
 * The counter's card terminal over its ECR interface (HTTP/JSON on the shop's network). The till
 * starts a sale and polls; the customer deals with the terminal alone. The terminal answers with a
 * masked PAN only, and nothing here ever asks for or logs more.
 */
export function createCardTerminalProvider(config: CardProviderConfig): PaymentProvider {
  const key = readFileSync(config.terminalKeyPath, 'utf8').trim()
  const base = config.baseUrl.replace(/\/$/, '')

  /** undefined: no answer (timeout, connection reset) — the terminal may have acted. */
  const call = async (method: 'GET' | 'POST', path: string, body?: Json): Promise<Answer> => {
    try {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(config.timeoutMs ?? 10_000)
      })
      const text = await response.text()
      if (response.status === 401) throw new ProviderError('card', 'The terminal refused the pairing key')
      if (response.status >= 500) return undefined
      return { status: response.status, data: text ? (JSON.parse(text) as Json) : {} }
    } catch (error) {
      if (error instanceof ProviderError) throw error
      return undefined
    }
  }

  const saleOutcome = (tradeNo: string, answer: Answer): PaymentOutcome => {
    if (!answer) return { tradeNo, status: 'unknown' }
    if (answer.status === 404) return { tradeNo, status: 'not_found' }
    if (answer.status >= 400)
      return {
        tradeNo,
        status: 'failed',
        failure: {
          code: String(answer.data.error ?? answer.status),
          message: String(answer.data.message ?? '')
        }
      }
    const data = answer.data
    const status = SALE_STATES[String(data.state)] ?? 'unknown'
    return {
      tradeNo,
      status,
      ...(typeof data.rrn === 'string' ? { providerTradeNo: data.rrn } : {}),
      ...(Number.isSafeInteger(data.amount) ? { amount: data.amount as number } : {}),
      ...(typeof data.maskedPan === 'string' ? { maskedPan: data.maskedPan } : {}),
      ...(typeof data.approvedAt === 'string' ? { paidAt: data.approvedAt } : {}),
      ...(status === 'failed'
        ? { failure: { code: String(data.responseCode ?? ''), message: String(data.message ?? '') } }
        : {})
    }
  }

  const refundOutcome = (tradeNo: string, refundNo: string, answer: Answer): RefundOutcome => {
    if (!answer) return { tradeNo, refundNo, status: 'processing' }
    if (answer.status === 404) return { tradeNo, refundNo, status: 'not_found' }
    const state = String(answer.data.state)
    return {
      tradeNo,
      refundNo,
      status: state === 'approved' ? 'succeeded' : state === 'processing' ? 'processing' : 'failed',
      ...(typeof answer.data.rrn === 'string' ? { providerRefundNo: answer.data.rrn } : {}),
      ...(Number.isSafeInteger(answer.data.amount) ? { amount: answer.data.amount as number } : {}),
      ...(state === 'declined'
        ? {
            failure: {
              code: String(answer.data.responseCode ?? ''),
              message: String(answer.data.message ?? '')
            }
          }
        : {})
    }
  }

  return {
    id: 'card',
    flows: ['terminal'],
    async create(request: CreatePaymentRequest): Promise<PaymentOutcome> {
      if (request.flow !== 'terminal')
        throw new ProviderError('card', 'The card terminal takes terminal payments only')
      return saleOutcome(
        request.tradeNo,
        await call('POST', '/sales', {
          reference: request.tradeNo,
          amount: request.amount,
          currency: request.currency
        })
      )
    },
    query: async (tradeNo) =>
      saleOutcome(tradeNo, await call('GET', `/sales/${encodeURIComponent(tradeNo)}`)),
    /** A cancel before the card, a void (same-batch reversal) after an approval. */
    async cancel(request: CancelRequest): Promise<CancelOutcome> {
      const outcome = saleOutcome(
        request.tradeNo,
        await call('POST', `/sales/${encodeURIComponent(request.tradeNo)}/cancel`)
      )
      switch (outcome.status) {
        case 'closed':
        case 'failed':
          return { tradeNo: request.tradeNo, status: 'closed' }
        case 'reversed':
          return { tradeNo: request.tradeNo, status: 'reversed' }
        case 'succeeded':
          return { tradeNo: request.tradeNo, status: 'succeeded' }
        default:
          return { tradeNo: request.tradeNo, status: 'unknown' }
      }
    },
    refund: async (request: RefundRequest) =>
      refundOutcome(
        request.tradeNo,
        request.refundNo,
        await call('POST', '/refunds', {
          reference: request.tradeNo,
          refundReference: request.refundNo,
          amount: request.amount
        })
      ),
    queryRefund: async (tradeNo, refundNo) =>
      refundOutcome(
        tradeNo,
        refundNo,
        await call('GET', `/refunds/${encodeURIComponent(refundNo)}?reference=${encodeURIComponent(tradeNo)}`)
      ),
    parseNotification() {
      throw new NotificationRejectedError(
        'card',
        'shape',
        'The card terminal does not send notifications: poll it'
      )
    },
    notificationReply: (accepted) => ({ status: accepted ? 204 : 400, contentType: 'text/plain', body: '' }),
    async fetchStatement(date: string): Promise<BillRow[]> {
      const answer = await call('GET', `/settlement?date=${encodeURIComponent(date)}`)
      if (!answer || answer.status !== 200) throw new ProviderError('card', `No card settlement for ${date}`)
      const rows = (answer.data.rows ?? []) as Json[]
      return rows.map((row) => ({
        tradeNo: String(row.reference),
        providerTradeNo: String(row.rrn),
        type: row.type === 'refund' ? 'refund' : 'payment',
        ...(typeof row.refundReference === 'string' ? { refundNo: row.refundReference } : {}),
        amount: row.amount as number,
        fee: row.fee as number,
        status: String(row.state),
        time: String(row.time)
      }))
    }
  }
}

const SALE_STATES: Record<string, ObservedPaymentStatus> = {
  waiting_for_card: 'pending',
  pin_entry: 'user_paying',
  approved: 'succeeded',
  declined: 'failed',
  cancelled: 'closed',
  reversed: 'reversed'
}
