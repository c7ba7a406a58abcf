import type { IncomingMessage, ServerResponse } from 'node:http'
import type { CardTerminal } from './card-terminal'
import { HttpError, readBody, send, sendJson } from './http-util'
import type { Notifier } from './notifier'
import { parseScenario } from './scenarios'
import { isOpen, type SandboxProvider, type SandboxTrade, type TradeBook } from './trade-book'

/**
 * The "customer device" and test control API, JSON under `/sandbox/v1/` (see payments/README.md):
 * seed a scenario for a trade number, list what waits for the customer, and act as the customer.
 */
export class ControlApi {
  constructor(
    private readonly book: TradeBook,
    private readonly notifier: Notifier,
    private readonly terminal: CardTerminal
  ) {}

  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    if (!url.pathname.startsWith('/sandbox/v1/')) return false
    try {
      const body = await readBody(req)
      const input = body ? (JSON.parse(body) as Record<string, unknown>) : {}
      const result = this.route(req.method ?? 'GET', url, input)
      if (result === undefined) send(res, 204, '')
      else sendJson(res, 200, result)
    } catch (error) {
      const status =
        error instanceof HttpError
          ? error.status
          : error instanceof SyntaxError || error instanceof TypeError
            ? 400
            : 500
      sendJson(res, status, { error: error instanceof Error ? error.message : String(error) })
    }
    return true
  }

  private route(method: string, url: URL, input: Record<string, unknown>): unknown {
    const path = url.pathname.slice('/sandbox/v1'.length)
    let match: RegExpExecArray | null
    if (method === 'GET' && path === '/health') return { ok: true }
    if (method === 'PUT' && (match = /^\/scenarios\/([^/]+)$/.exec(path))) {
      this.book.setScenario(decodeURIComponent(match[1] as string), parseScenario(input))
      return undefined
    }
    if (method === 'GET' && path === '/trades') {
      const open = url.searchParams.get('open') === '1'
      return {
        trades: this.book
          .list()
          .filter((t) => !open || isOpen(t.state))
          .map((t) => this.view(t))
      }
    }
    if (method === 'GET' && path === '/notifications') return { deliveries: this.notifier.log }
    match = /^\/trades\/(alipay|wechat|card)\/([^/]+)(?:\/(approve|decline|scan|password|card))?$/.exec(path)
    if (!match) throw new HttpError(404, 'No such sandbox endpoint')
    const trade = this.book.get(match[1] as SandboxProvider, decodeURIComponent(match[2] as string))
    if (!trade) throw new HttpError(404, 'No such trade')
    const action = match[3]
    if (method === 'GET' && !action) return this.view(trade, true)
    if (method !== 'POST' || !action) throw new HttpError(405, 'Use POST for customer actions')
    switch (action) {
      case 'scan':
        if (!this.book.scan(trade))
          throw new HttpError(409, 'The QR code was already scanned or the trade is over')
        return this.view(trade)
      case 'approve':
        if (trade.provider === 'card') throw new HttpError(409, 'A card payment needs a card: POST …/card')
        this.book.scan(trade)
        if (!this.book.pay(trade)) throw new HttpError(409, 'The trade is not waiting for the customer')
        return this.view(trade)
      case 'decline':
        if (!this.book.decline(trade)) throw new HttpError(409, 'The trade is not waiting for the customer')
        return this.view(trade)
      case 'password': {
        const password = String(input.password ?? '')
        if (!/^\d{6}$/.test(password)) throw new HttpError(400, 'A payment password has six digits')
        if (trade.state !== 'user_paying') throw new HttpError(409, 'The trade is not waiting for a password')
        this.book.pay(trade)
        return this.view(trade)
      }
      case 'card': {
        const outcome = this.terminal.present(
          trade,
          String(input.pan ?? ''),
          input.pin === undefined ? undefined : String(input.pin)
        )
        if (!outcome.ok) throw new HttpError(409, outcome.message)
        return this.view(trade)
      }
      default:
        throw new HttpError(404, 'No such action')
    }
  }

  private view(trade: SandboxTrade, detailed = false): Record<string, unknown> {
    return {
      provider: trade.provider,
      flow: trade.flow,
      tradeNo: trade.tradeNo,
      providerTradeNo: trade.providerTradeNo,
      amount: trade.amount,
      subject: trade.subject,
      state: trade.state,
      waitingFor: waitingFor(trade),
      ...(trade.qrContent ? { qrContent: trade.qrContent } : {}),
      ...(trade.maskedPan ? { maskedPan: trade.maskedPan } : {}),
      ...(trade.failure ? { failure: trade.failure } : {}),
      ...(detailed
        ? {
            fee: trade.fee,
            scenario: trade.scenario,
            refunds: trade.refunds.map((r) => ({
              refundNo: r.refundNo,
              amount: r.amount,
              fee: r.fee,
              status: r.status
            })),
            deliveries: this.notifier.log.filter(
              (d) => d.provider === trade.provider && d.tradeNo === trade.tradeNo
            )
          }
        : {})
    }
  }
}

/** What the customer panel should offer for this trade, if anything. */
function waitingFor(trade: SandboxTrade): 'scan' | 'confirm' | 'password' | 'card' | null {
  if (!isOpen(trade.state)) return null
  if (trade.provider === 'card') return 'card'
  if (trade.state === 'awaiting_scan') return 'scan'
  if (trade.state === 'user_paying' && trade.scenario.customer === 'password') return 'password'
  return 'confirm'
}
