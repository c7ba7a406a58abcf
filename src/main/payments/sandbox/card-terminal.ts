import { readFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { timingSafeEqual } from 'node:crypto'
import { chinaDay, formatRfc3339China } from '../china-time'
import { isLuhnValid, maskPan } from '../card/mask-pan'
import { type HeldRequests, withFault } from './hold'
import { readBody, sendJson } from './http-util'
import type { SandboxKeys } from './sandbox-keys'
import type { SandboxCall } from './scenarios'
import type { SandboxRefund, SandboxTrade, TradeBook } from './trade-book'

/** The card the sandbox customer presents when a scenario pays by itself. */
export const SANDBOX_TEST_PAN = '6225880000001231'

/**
 * A simulated card terminal on the counter (ECR integration over HTTP/JSON, as LAN terminals offer):
 * the till starts a sale, the customer presents a card and enters a PIN on the terminal, and the
 * till polls the result. The card number never leaves the terminal: answers carry only the masked
 * PAN. Requests carry the terminal's pairing key as a bearer token.
 */
export class CardTerminal {
  private readonly key: Buffer

  constructor(
    private readonly book: TradeBook,
    keys: SandboxKeys,
    private readonly held: HeldRequests
  ) {
    this.key = Buffer.from(readFileSync(keys.card.terminalKeyFile, 'utf8').trim())
    this.terminalId = keys.card.terminalId
  }

  readonly terminalId: string

  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    if (!url.pathname.startsWith('/terminal/v1/')) return false
    const body = await readBody(req)
    if (!this.authorized(req)) {
      sendJson(res, 401, { error: 'unauthorized', message: 'The terminal pairing key is wrong' })
      return true
    }
    let data: Record<string, unknown> = {}
    try {
      data = body ? (JSON.parse(body) as Record<string, unknown>) : {}
    } catch {
      sendJson(res, 400, { error: 'bad_request', message: 'The body is not JSON' })
      return true
    }
    const path = url.pathname
    const method = req.method ?? 'GET'
    let match: RegExpExecArray | null
    const run = (
      reference: string | undefined,
      call: SandboxCall,
      process: () => [number, unknown]
    ): Promise<void> =>
      withFault({ book: this.book, held: this.held }, reference, call, res, () => {
        const [status, value] = process()
        return (out: ServerResponse) => sendJson(out, status, value)
      })
    if (method === 'POST' && path === '/terminal/v1/sales') {
      await run(String(data.reference ?? ''), 'create', () => this.sale(data))
    } else if (method === 'GET' && (match = /^\/terminal\/v1\/sales\/([^/]+)$/.exec(path))) {
      const reference = decodeURIComponent(match[1] as string)
      await run(reference, 'query', () => this.saleStatus(reference))
    } else if (method === 'POST' && (match = /^\/terminal\/v1\/sales\/([^/]+)\/cancel$/.exec(path))) {
      const reference = decodeURIComponent(match[1] as string)
      await run(reference, 'cancel', () => this.cancel(reference))
    } else if (method === 'POST' && path === '/terminal/v1/refunds') {
      await run(String(data.reference ?? ''), 'refund', () => this.refund(data))
    } else if (method === 'GET' && (match = /^\/terminal\/v1\/refunds\/([^/]+)$/.exec(path))) {
      const refundReference = decodeURIComponent(match[1] as string)
      const reference = url.searchParams.get('reference') ?? ''
      await run(reference, 'refund_query', () => this.refundStatus(reference, refundReference))
    } else if (method === 'GET' && path === '/terminal/v1/settlement') {
      sendJson(res, 200, this.settlement(url.searchParams.get('date') ?? ''))
    } else {
      sendJson(res, 404, { error: 'not_found', message: 'No such terminal command' })
    }
    return true
  }

  /** The customer's side: a card tapped or inserted, and its PIN. Called by the control API. */
  present(
    trade: SandboxTrade,
    pan: string,
    pin: string | undefined
  ): { ok: true } | { ok: false; message: string } {
    if (trade.provider !== 'card' || (trade.state !== 'waiting' && trade.state !== 'user_paying')) {
      return { ok: false, message: 'The terminal is not waiting for a card' }
    }
    if (!isLuhnValid(pan)) return { ok: false, message: 'The card could not be read' }
    const masked = maskPan(pan)
    if (pin !== undefined && !/^\d{4,6}$/.test(pin)) return { ok: false, message: 'A PIN has 4 to 6 digits' }
    if (pin === '0000') {
      trade.maskedPan = masked
      this.book.decline(trade, { code: '55', message: 'Incorrect PIN' })
    } else if (trade.scenario.customer === 'decline') {
      trade.maskedPan = masked
      this.book.decline(trade)
    } else {
      this.book.pay(trade, masked)
    }
    return { ok: true }
  }

  private sale(data: Record<string, unknown>): [number, unknown] {
    const reference = String(data.reference ?? '')
    const amount = data.amount
    if (!reference || !Number.isSafeInteger(amount) || (amount as number) <= 0 || data.currency !== 'CNY') {
      return [
        400,
        { error: 'bad_request', message: 'A sale needs a reference, a positive amount in fen and CNY' }
      ]
    }
    const existing = this.book.get('card', reference)
    if (existing)
      return existing.amount === amount
        ? [200, this.view(existing)]
        : [409, { error: 'duplicate_reference', message: 'The reference was used for another amount' }]
    const trade = this.book.open({
      provider: 'card',
      flow: 'card',
      tradeNo: reference,
      providerTradeNo: this.book.random.digits(12),
      amount: amount as number,
      subject: '',
      state: 'waiting'
    })
    const { customer, afterMs } = trade.scenario
    // Self-driving scenarios present the test card; `manual` and `password` wait for the customer panel.
    if (customer === 'pay' || customer === 'decline')
      this.book.later(afterMs, () => this.present(trade, SANDBOX_TEST_PAN, '123456'))
    return [201, this.view(trade)]
  }

  private saleStatus(reference: string): [number, unknown] {
    const trade = this.book.get('card', reference)
    return trade && trade.amount > 0
      ? [200, this.view(trade)]
      : [404, { error: 'not_found', message: 'No such sale' }]
  }

  private cancel(reference: string): [number, unknown] {
    const trade = this.book.get('card', reference) ?? this.book.tombstone('card', 'card', reference)
    const result = this.book.reverse(trade)
    if (result === 'refused')
      return [409, { error: 'not_reversible', message: 'Refunded sales cannot be voided' }]
    return [200, this.view(trade)]
  }

  private refund(data: Record<string, unknown>): [number, unknown] {
    const trade = this.book.get('card', String(data.reference ?? ''))
    const refundReference = String(data.refundReference ?? '')
    if (!trade || trade.amount === 0) return [404, { error: 'not_found', message: 'No such sale' }]
    if (!refundReference || !Number.isSafeInteger(data.amount))
      return [400, { error: 'bad_request', message: 'A refund needs a reference and an amount' }]
    const result = this.book.refund(trade, {
      refundNo: refundReference,
      amount: data.amount as number,
      providerRefundNo: this.book.random.digits(12)
    })
    if ('error' in result) {
      return [
        200,
        {
          refundReference,
          state: 'declined',
          responseCode: result.error === 'insufficient_balance' ? '51' : '12',
          message: result.error
        }
      ]
    }
    this.book.completeRefund(trade, result.refund)
    return [200, this.refundView(result.refund)]
  }

  private refundStatus(reference: string, refundReference: string): [number, unknown] {
    const refund = this.book.get('card', reference)?.refunds.find((r) => r.refundNo === refundReference)
    return refund ? [200, this.refundView(refund)] : [404, { error: 'not_found', message: 'No such refund' }]
  }

  private settlement(day: string): unknown {
    const rows: unknown[] = []
    for (const trade of this.book.list()) {
      if (trade.provider !== 'card' || !trade.paidAt) continue
      if (chinaDay(trade.paidAt) === day) {
        rows.push({
          type: 'sale',
          reference: trade.tradeNo,
          rrn: trade.providerTradeNo,
          amount: trade.amount,
          fee: trade.fee,
          state: 'approved',
          time: formatRfc3339China(trade.paidAt),
          maskedPan: trade.maskedPan
        })
      }
      for (const refund of trade.refunds) {
        if (refund.completedAt && chinaDay(refund.completedAt) === day) {
          rows.push({
            type: 'refund',
            reference: trade.tradeNo,
            refundReference: refund.refundNo,
            rrn: trade.providerTradeNo,
            amount: refund.amount,
            fee: refund.fee,
            state: 'approved',
            time: formatRfc3339China(refund.completedAt)
          })
        }
      }
      if (trade.state === 'reversed' && trade.closedAt && chinaDay(trade.closedAt) === day) {
        rows.push({
          type: 'refund',
          reference: trade.tradeNo,
          rrn: trade.providerTradeNo,
          amount: trade.amount,
          fee: -trade.fee,
          state: 'voided',
          time: formatRfc3339China(trade.closedAt)
        })
      }
    }
    return { terminalId: this.terminalId, date: day, rows }
  }

  private view(trade: SandboxTrade): Record<string, unknown> {
    return {
      reference: trade.tradeNo,
      terminalId: this.terminalId,
      amount: trade.amount,
      currency: 'CNY',
      state: CARD_STATES[trade.state],
      rrn: trade.providerTradeNo,
      ...(trade.maskedPan ? { maskedPan: trade.maskedPan } : {}),
      ...(trade.state === 'succeeded'
        ? { authCode: trade.providerTradeNo.slice(-6), responseCode: '00' }
        : {}),
      ...(trade.failure ? { responseCode: trade.failure.code, message: trade.failure.message } : {}),
      ...(trade.paidAt ? { approvedAt: formatRfc3339China(trade.paidAt) } : {})
    }
  }

  private refundView(refund: SandboxRefund): Record<string, unknown> {
    return {
      refundReference: refund.refundNo,
      state: refund.status === 'succeeded' ? 'approved' : 'processing',
      amount: refund.amount,
      rrn: refund.providerRefundNo
    }
  }

  private authorized(req: IncomingMessage): boolean {
    const given = Buffer.from((req.headers.authorization ?? '').replace(/^Bearer /, ''))
    return given.length === this.key.length && timingSafeEqual(given, this.key)
  }
}

const CARD_STATES: Record<SandboxTrade['state'], string> = {
  awaiting_scan: 'waiting_for_card',
  waiting: 'waiting_for_card',
  user_paying: 'pin_entry',
  succeeded: 'approved',
  failed: 'declined',
  closed: 'cancelled',
  reversed: 'reversed'
}
