import type { NotifyMode } from './scenarios'
import type { SandboxProvider, SandboxTrade, TradeBook, TradeEvent } from './trade-book'

/** One notification POST, rendered by the provider's gateway (signed, encrypted, maybe tampered). */
export interface Delivery {
  url: string
  headers: Record<string, string>
  body: string
  /** Whether the merchant's answer counts as "received" by this provider's rules. */
  accepted(status: number, text: string): boolean
}

export type Renderer = (event: TradeEvent, mode: NotifyMode) => Delivery | undefined

export interface DeliveryRecord {
  provider: SandboxProvider
  tradeNo: string
  kind: TradeEvent['type']
  attempt: number
  status: number | 'network_error'
  accepted: boolean
  at: string
}

const ATTEMPTS = 3
const RETRY_MS = 150
const HOLD_MS = 3000

/**
 * Delivers notifications the way the real gateways do: asynchronously, retried until acknowledged
 * (compressed from minutes to milliseconds), and — as the trade's scenario asks — duplicated,
 * reordered, badly signed or tampered with, or delivered before the synchronous answer.
 */
export class Notifier {
  readonly log: DeliveryRecord[] = []
  private readonly held = new Map<string, TradeEvent[]>()
  private readonly beforeResponse = new Map<string, Promise<void>[]>()
  private closed = false

  constructor(
    private readonly book: TradeBook,
    private readonly renderers: Partial<Record<SandboxProvider, Renderer>>
  ) {
    book.onEvent((event) => this.onEvent(event))
  }

  /** Awaited by a gateway before answering any call about a `before_response` trade. */
  async settle(trade: SandboxTrade): Promise<void> {
    const key = keyOf(trade)
    const pending = this.beforeResponse.get(key) ?? []
    this.beforeResponse.delete(key)
    await Promise.all(pending)
  }

  close(): void {
    this.closed = true
  }

  private onEvent(event: TradeEvent): void {
    const { trade } = event
    const mode = trade.scenario.notify
    if (mode === 'none' || !this.renderers[trade.provider]) return
    if (mode === 'before_response') {
      const key = keyOf(trade)
      const list = this.beforeResponse.get(key) ?? []
      list.push(this.deliver(event, mode))
      this.beforeResponse.set(key, list)
      return
    }
    if (mode === 'out_of_order') {
      const key = keyOf(trade)
      const queue = this.held.get(key) ?? []
      queue.push(event)
      this.held.set(key, queue)
      if (queue.length === 1) {
        this.book.later(HOLD_MS, () => this.flush(key))
      } else {
        this.flush(key)
      }
      return
    }
    // Never inside the request that caused it: real notifications come from another system.
    // A duplicate is the same notification (same id, same signature) delivered again.
    const delivery = this.render(event, mode)
    if (!delivery) return
    this.book.later(10, () => {
      void this.send(event, delivery, mode).then(() =>
        mode === 'duplicate' ? this.send(event, delivery, mode) : undefined
      )
    })
  }

  private flush(key: string): void {
    const queue = this.held.get(key)
    if (!queue || queue.length === 0) return
    this.held.delete(key)
    const newestFirst = [...queue].reverse()
    void newestFirst.reduce<Promise<void>>(
      (chain, event) => chain.then(() => this.deliver(event, 'out_of_order')),
      Promise.resolve()
    )
  }

  private render(event: TradeEvent, mode: NotifyMode): Delivery | undefined {
    return this.renderers[event.trade.provider]?.(event, mode)
  }

  private async deliver(event: TradeEvent, mode: NotifyMode): Promise<void> {
    const delivery = this.render(event, mode)
    if (delivery) await this.send(event, delivery, mode)
  }

  /** One notification, retried until acknowledged; every retry is the very same bytes. */
  private async send(event: TradeEvent, delivery: Delivery, mode: NotifyMode): Promise<void> {
    for (let attempt = 1; attempt <= ATTEMPTS && !this.closed; attempt++) {
      let status: number | 'network_error' = 'network_error'
      let accepted = false
      try {
        const response = await fetch(delivery.url, {
          method: 'POST',
          headers: delivery.headers,
          body: delivery.body,
          signal: AbortSignal.timeout(5000)
        })
        status = response.status
        accepted = delivery.accepted(response.status, await response.text())
      } catch {
        // The merchant being unreachable is normal: retry like the provider would.
      }
      this.log.push({
        provider: event.trade.provider,
        tradeNo: event.trade.tradeNo,
        kind: event.type,
        attempt,
        status,
        accepted,
        at: new Date().toISOString()
      })
      // A rejected bad signature is the expected answer: redelivering the same bytes would not help.
      if (accepted || mode === 'bad_signature' || mode === 'tampered_amount') return
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS * attempt))
    }
  }
}

function keyOf(trade: SandboxTrade): string {
  return `${trade.provider}:${trade.tradeNo}`
}
