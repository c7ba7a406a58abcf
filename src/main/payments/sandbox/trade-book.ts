import { roundToMinor } from '../../domain/money/round'
import { ExactDecimal } from '../../domain/money/exact-decimal'
import {
  DEFAULT_SCENARIO,
  type SandboxCall,
  type CallFault,
  type Scenario,
  type ScenarioInput
} from './scenarios'
import type { SeededRandom } from './seeded-random'

export type SandboxProvider = 'alipay' | 'wechat' | 'card'
export type SandboxFlow = 'qr' | 'code' | 'card'

/**
 * `awaiting_scan`: an Alipay precreate nobody scanned yet — Alipay has no trade until the scan, so a
 * query says TRADE_NOT_EXIST. `waiting`: open and unpaid (WAIT_BUYER_PAY / NOTPAY / waiting for card).
 * `user_paying`: the customer is confirming. The rest are final, apart from `succeeded → reversed`.
 */
export type TradeState =
  'awaiting_scan' | 'waiting' | 'user_paying' | 'succeeded' | 'failed' | 'closed' | 'reversed'

export interface SandboxRefund {
  refundNo: string
  providerRefundNo: string
  amount: number
  fee: number
  status: 'processing' | 'succeeded'
  notifyUrl?: string
  createdAt: Date
  completedAt?: Date
}

export interface SandboxTrade {
  provider: SandboxProvider
  flow: SandboxFlow
  tradeNo: string
  providerTradeNo: string
  amount: number
  subject: string
  state: TradeState
  notifyUrl?: string
  createdAt: Date
  paidAt?: Date
  closedAt?: Date
  /** The provider's fee on the payment, fen, charged when it succeeds. */
  fee: number
  failure?: { code: string; message: string }
  /** Only ever the masked form. */
  maskedPan?: string
  qrContent?: string
  refunds: SandboxRefund[]
  scenario: Scenario
}

export type TradeEvent =
  { type: 'payment'; trade: SandboxTrade } | { type: 'refund'; trade: SandboxTrade; refund: SandboxRefund }

export interface TradeBookOptions {
  random: SeededRandom
  defaultScenario: Scenario
  feeRates: Record<SandboxProvider, string>
  now: () => Date
}

/** Every trade the sandbox gateway knows, and the customer's side of each, driven by its scenario. */
export class TradeBook {
  private readonly trades = new Map<string, SandboxTrade>()
  private readonly scenarios = new Map<string, ScenarioInput>()
  private readonly consumedFaults = new Set<string>()
  private readonly timers = new Set<NodeJS.Timeout>()
  private readonly listeners: ((event: TradeEvent) => void)[] = []

  constructor(private readonly options: TradeBookOptions) {}

  get random(): SeededRandom {
    return this.options.random
  }

  now(): Date {
    return this.options.now()
  }

  onEvent(listener: (event: TradeEvent) => void): void {
    this.listeners.push(listener)
  }

  setScenario(tradeNo: string, scenario: ScenarioInput): void {
    this.scenarios.set(tradeNo, scenario)
  }

  scenarioFor(tradeNo: string): Scenario {
    const seeded = this.scenarios.get(tradeNo) ?? {}
    return { ...this.options.defaultScenario, ...seeded, faults: { ...(seeded.faults ?? {}) } }
  }

  /** The fault scheduled for this call on this trade, at most once. */
  takeFault(tradeNo: string, call: SandboxCall): CallFault | undefined {
    const fault = this.scenarioFor(tradeNo).faults[call]
    const key = `${tradeNo}\u0000${call}`
    if (!fault || this.consumedFaults.has(key)) return undefined
    this.consumedFaults.add(key)
    return fault
  }

  get(provider: SandboxProvider, tradeNo: string): SandboxTrade | undefined {
    return this.trades.get(`${provider}:${tradeNo}`)
  }

  list(): SandboxTrade[] {
    return [...this.trades.values()]
  }

  open(input: {
    provider: SandboxProvider
    flow: SandboxFlow
    tradeNo: string
    providerTradeNo: string
    amount: number
    subject: string
    state: TradeState
    notifyUrl?: string
    expiresMs?: number
  }): SandboxTrade {
    const scenario = this.scenarioFor(input.tradeNo)
    const trade: SandboxTrade = {
      provider: input.provider,
      flow: input.flow,
      tradeNo: input.tradeNo,
      providerTradeNo: input.providerTradeNo,
      amount: input.amount,
      subject: input.subject,
      state: input.state,
      ...(input.notifyUrl ? { notifyUrl: input.notifyUrl } : {}),
      createdAt: this.now(),
      fee: 0,
      refunds: [],
      scenario
    }
    this.trades.set(`${trade.provider}:${trade.tradeNo}`, trade)
    const expiresMs = scenario.qrExpiresMs ?? input.expiresMs
    if (trade.flow === 'qr' && expiresMs !== undefined) {
      this.later(expiresMs, () => {
        if (trade.state === 'awaiting_scan' || trade.state === 'waiting' || trade.state === 'user_paying') {
          this.close(trade, { code: 'QR_EXPIRED', message: 'The QR code expired before it was paid' })
        }
      })
    }
    return trade
  }

  /**
   * A closed trade with no money, recorded when a cancel or reverse names a trade the provider never
   * saw (its create timed out before it arrived). Both providers remember it, so a late-arriving
   * create with that trade number is refused instead of charging the customer after all.
   */
  tombstone(provider: SandboxProvider, flow: SandboxFlow, tradeNo: string): SandboxTrade {
    const trade = this.open({
      provider,
      flow,
      tradeNo,
      providerTradeNo: '',
      amount: 0,
      subject: '',
      state: 'closed'
    })
    trade.closedAt = this.now()
    return trade
  }

  /**
   * Starts the customer's side per the scenario. `settleNow` answers a payment code synchronously:
   * with `afterMs: 0` the customer pays (or is refused) within the request.
   */
  startCustomer(trade: SandboxTrade): void {
    const { customer, afterMs } = trade.scenario
    if (customer === 'manual' || customer === 'password') return
    const act = (): void => {
      if (customer === 'pay') this.pay(trade)
      else this.decline(trade)
    }
    if (trade.flow === 'qr' && trade.state === 'awaiting_scan') this.scan(trade)
    if (afterMs === 0 && trade.flow === 'code') act()
    else this.later(afterMs, act)
  }

  /** The customer's phone scanned an Alipay QR: now the trade exists (WAIT_BUYER_PAY). */
  scan(trade: SandboxTrade): boolean {
    if (trade.state !== 'awaiting_scan') return false
    trade.state = 'waiting'
    trade.createdAt = this.now()
    return true
  }

  pay(trade: SandboxTrade, maskedPan?: string): boolean {
    if (!isOpen(trade.state)) return false
    trade.state = 'succeeded'
    trade.paidAt = this.now()
    trade.fee = this.feeOn(trade.provider, trade.amount)
    if (maskedPan) trade.maskedPan = maskedPan
    this.emit({ type: 'payment', trade })
    return true
  }

  decline(trade: SandboxTrade, failure = DECLINES[trade.provider]): boolean {
    if (!isOpen(trade.state)) return false
    trade.state = 'failed'
    trade.failure = failure
    trade.closedAt = this.now()
    this.emit({ type: 'payment', trade })
    return true
  }

  close(trade: SandboxTrade, failure?: { code: string; message: string }): boolean {
    if (!isOpen(trade.state)) return false
    trade.state = 'closed'
    trade.closedAt = this.now()
    if (failure) trade.failure = failure
    this.emit({ type: 'payment', trade })
    return true
  }

  /** Cancel/reverse: an open trade closes; a paid one is refunded in full and becomes `reversed`. */
  reverse(trade: SandboxTrade): 'closed' | 'reversed' | 'refused' {
    if (isOpen(trade.state)) {
      this.close(trade)
      return 'closed'
    }
    if (trade.state === 'succeeded' && trade.refunds.length === 0) {
      trade.state = 'reversed'
      trade.closedAt = this.now()
      this.emit({ type: 'payment', trade })
      return 'reversed'
    }
    return trade.state === 'closed' || trade.state === 'reversed' || trade.state === 'failed'
      ? 'closed'
      : 'refused'
  }

  refunded(trade: SandboxTrade): number {
    return trade.refunds.reduce((sum, r) => sum + r.amount, 0)
  }

  /**
   * A refund, idempotent on its number: asking again with the same number answers the same refund.
   * A refund refused for the merchant's balance leaves no record at either provider (a query says it
   * does not exist), so the same number can be sent again once the balance is topped up.
   */
  refund(
    trade: SandboxTrade,
    request: { refundNo: string; amount: number; providerRefundNo: string; notifyUrl?: string }
  ):
    | { refund: SandboxRefund; repeated: boolean }
    | { error: 'not_paid' | 'too_much' | 'amount_mismatch' | 'insufficient_balance' } {
    const existing = trade.refunds.find((r) => r.refundNo === request.refundNo)
    if (existing)
      return existing.amount === request.amount
        ? { refund: existing, repeated: true }
        : { error: 'amount_mismatch' }
    if (trade.state !== 'succeeded') return { error: 'not_paid' }
    if (this.refunded(trade) + request.amount > trade.amount) return { error: 'too_much' }
    if (trade.scenario.refund === 'insufficient_balance') return { error: 'insufficient_balance' }
    const refund: SandboxRefund = {
      refundNo: request.refundNo,
      providerRefundNo: request.providerRefundNo,
      amount: request.amount,
      fee: 0,
      status: 'processing',
      ...(request.notifyUrl ? { notifyUrl: request.notifyUrl } : {}),
      createdAt: this.now()
    }
    trade.refunds.push(refund)
    return { refund, repeated: false }
  }

  /** Completes a processing refund (the providers finish refunds asynchronously). */
  completeRefund(trade: SandboxTrade, refund: SandboxRefund): void {
    if (refund.status !== 'processing') return
    refund.status = 'succeeded'
    refund.completedAt = this.now()
    refund.fee = -this.feeOn(trade.provider, refund.amount)
    this.emit({ type: 'refund', trade, refund })
  }

  later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      run()
    }, ms)
    this.timers.add(timer)
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
  }

  /** fee = round_half_up(amount × rate), in fen, once per payment or refund. */
  feeOn(provider: SandboxProvider, amount: number): number {
    return roundToMinor(this.exactFee(provider, amount), 2, 'half-up')
  }

  /** The unrounded fee in yuan, as WeChat's bill prints it (five decimals). */
  exactFee(provider: SandboxProvider, amount: number): ExactDecimal {
    return new ExactDecimal(amount).dividedBy(100).times(this.options.feeRates[provider])
  }

  private emit(event: TradeEvent): void {
    for (const listener of this.listeners) listener(event)
  }
}

export function isOpen(state: TradeState): boolean {
  return state === 'awaiting_scan' || state === 'waiting' || state === 'user_paying'
}

const DECLINES: Record<SandboxProvider, { code: string; message: string }> = {
  alipay: { code: 'ACQ.BUYER_BALANCE_NOT_ENOUGH', message: '买家余额不足' },
  wechat: { code: 'NOTENOUGH', message: '余额不足' },
  card: { code: '51', message: 'Insufficient funds' }
}

export const DEFAULT_FEE_RATES: Record<SandboxProvider, string> = {
  alipay: '0.006',
  wechat: '0.006',
  card: '0.0038'
}

export { DEFAULT_SCENARIO }
