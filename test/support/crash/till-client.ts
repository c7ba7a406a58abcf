import type { KassaProcess, ApiAnswer } from '../kassa-process'

/**
 * A client at the counter: sells, refunds and closes shifts through web mode's API with
 * idempotency keys, and writes down every answer it was given — what a cashier would have
 * seen (a printed receipt, change on the screen). After a crash those are the promises the
 * file must keep.
 */

export const OWNER = { displayName: 'Owner Wang', username: 'owner', password: 'owner-pass-1', pin: '1234' }

/** Demo-catalog SKUs sold by the piece (drinks, snacks, dairy, household). */
const SKUS = ['DRK', 'SNK', 'DAI', 'HOU'].flatMap((prefix) =>
  Array.from({ length: 8 }, (_, i) => `${prefix}-${String(i + 1).padStart(3, '0')}`)
)

export interface AckedOrder {
  orderId: string
  number: string
  payable: number
  input: { cartId: string; tendered: string; checkoutKey: string }
}

export interface AckedRefund {
  refundId: string
  number: string
  amount: number
  input: { orderId: string; refundKey: string; reason: string; amount: string }
}

/** Everything the till acknowledged, and the calls it sent that were never answered. */
export interface TillLedger {
  setupDone: boolean
  orders: Map<string, AckedOrder>
  refunds: Map<string, AckedRefund>
  /** shift id → number, for shifts:open and shifts:close answers. */
  openedShifts: Map<string, string>
  closedShifts: Map<string, string>
  unanswered: Array<{ channel: 'checkout:pay-cash' | 'refunds:create'; input: Record<string, string> }>
  /** Answers that must never happen (INTERNAL while the disk was fine, a changed replay…). */
  problems: string[]
  /** Counts, for the test's report. */
  stats: { calls: number; resent: number; unansweredResent: number }
}

export function newLedger(): TillLedger {
  return {
    setupDone: false,
    orders: new Map(),
    refunds: new Map(),
    openedShifts: new Map(),
    closedShifts: new Map(),
    unanswered: [],
    problems: [],
    stats: { calls: 0, resent: 0, unansweredResent: 0 }
  }
}

/** Thrown when the app stopped answering (it was killed, or its disk went away). */
export class NoAnswer extends Error {}

/** Minor units as the API's decimal text ("12.05"), without floating point. */
export function decimal(minor: number): string {
  return `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`
}

type Rng = () => number

export class TillClient {
  /** Set by the driver when the power is being cut: errors from then on are the cut's, not bugs. */
  cutting = false
  /** Called just before each checkout, refund or shift close is sent (the driver aims its cut). */
  onMoneyCall: (() => void) | undefined

  constructor(
    private readonly app: KassaProcess,
    private readonly ledger: TillLedger,
    private readonly rng: Rng,
    private readonly tag: string
  ) {}

  private async send(channel: string, input: unknown): Promise<ApiAnswer> {
    this.ledger.stats.calls++
    let answer: ApiAnswer
    try {
      answer = await this.app.call(channel, input)
    } catch {
      throw new NoAnswer(channel)
    }
    if (!answer.ok && answer.error?.code === 'INTERNAL') {
      // A disk that just went away makes SQLite fail: only then is INTERNAL not our bug.
      if (this.cutting) throw new NoAnswer(channel)
      this.ledger.problems.push(`${channel} answered INTERNAL: ${answer.error.message}`)
    }
    return answer
  }

  private async ok<T>(channel: string, input: unknown): Promise<T> {
    const answer = await this.send(channel, input)
    if (!answer.ok && this.cutting) throw new NoAnswer(channel)
    if (!answer.ok) throw new Error(`${channel} refused: ${answer.error?.code} ${answer.error?.message}`)
    return answer.value as T
  }

  /** First-run set-up (once per shop) or the owner's login. */
  async signIn(): Promise<void> {
    const status = await this.ok<{ setupRequired: boolean; setupProfile: unknown }>('auth:status', {})
    if (status.setupRequired) {
      await this.ok('auth:setup', { profile: status.setupProfile, owner: OWNER })
      this.ledger.setupDone = true
    } else {
      await this.ok('auth:login', { username: OWNER.username, password: OWNER.password })
    }
  }

  /**
   * After a restart: every call that got no answer is sent again, twice — both answers must be
   * the same (a committed checkout is returned, never made twice) — and a few acknowledged keys
   * are resent: each must return the very order or refund the till was first told about.
   */
  async resend(): Promise<void> {
    for (const { channel, input } of this.ledger.unanswered.splice(0)) {
      const first = await this.send(channel, input)
      const second = await this.send(channel, input)
      this.ledger.stats.resent++
      this.ledger.stats.unansweredResent++
      const same = (a: ApiAnswer): string =>
        a.ok ? JSON.stringify(identity(a.value)) : `${a.error?.code} ${a.error?.message}`
      if (same(first) !== same(second))
        this.ledger.problems.push(`${channel} ${JSON.stringify(input)}: ${same(first)} then ${same(second)}`)
      if (first.ok) this.remember(channel, input, first.value)
    }
    for (const acked of this.sample([...this.ledger.orders.values()], 2)) {
      const answer = await this.send('checkout:pay-cash', acked.input)
      const order = answer.ok ? (answer.value as { order: { id: string; number: string } }).order : null
      if (order?.id !== acked.orderId || order.number !== acked.number)
        this.ledger.problems.push(
          `resent checkout key ${acked.input.checkoutKey} (order ${acked.number}) answered ${JSON.stringify(answer.ok ? order : answer.error)}`
        )
      this.ledger.stats.resent++
    }
    for (const acked of this.sample([...this.ledger.refunds.values()], 1)) {
      const answer = await this.send('refunds:create', acked.input)
      const refund = answer.ok ? (answer.value as { id: string; number: string }) : null
      if (refund?.id !== acked.refundId || refund.number !== acked.number)
        this.ledger.problems.push(
          `resent refund key ${acked.input.refundKey} (refund ${acked.number}) answered ${JSON.stringify(answer.ok ? refund : answer.error)}`
        )
      this.ledger.stats.resent++
    }
  }

  /** Sells, refunds and closes shifts until the app stops answering. */
  async work(): Promise<void> {
    for (let step = 0; ; step++) {
      const roll = this.rng()
      if (roll < 0.7 || this.ledger.orders.size === 0) await this.sell(step)
      else if (roll < 0.9) await this.refund(step)
      else await this.closeShift()
    }
  }

  private async ensureShift(): Promise<{ id: string; drawer: { expected: number } }> {
    const current = await this.ok<{
      shift: { id: string; number: string; drawer: { expected: number } } | null
    }>('shifts:current', {})
    if (current.shift) return current.shift
    const opened = await this.ok<{ id: string; number: string; drawer: { expected: number } }>(
      'shifts:open',
      {
        counts: {},
        other: '200.00'
      }
    )
    this.ledger.openedShifts.set(opened.id, opened.number)
    return opened
  }

  private async sell(step: number): Promise<void> {
    await this.ensureShift()
    let cart = await this.ok<{ id: string; totals: { cashTotal: number } }>('cart:open', {})
    const items = 1 + Math.floor(this.rng() * 3)
    for (let i = 0; i < items; i++) {
      const code = SKUS[Math.floor(this.rng() * SKUS.length)]!
      cart = await this.ok('cart:add-item', { cartId: cart.id, code })
    }
    const due = cart.totals.cashTotal
    // Exact money, or a note that leaves change.
    const tendered = this.rng() < 0.5 ? due : Math.ceil((due + 1) / 1000) * 1000
    const input = {
      cartId: cart.id,
      tendered: decimal(tendered),
      checkoutKey: `co-${this.tag}-${step}-${this.key()}`
    }
    await this.call('checkout:pay-cash', input)
  }

  private async refund(step: number): Promise<void> {
    const orders = [...this.ledger.orders.values()]
    const order = orders[Math.floor(this.rng() * orders.length)]!
    const refundable = await this.ok<{ refundable: number }>('refunds:refundable', { orderId: order.orderId })
    if (refundable.refundable <= 0) return
    const amount = Math.min(refundable.refundable, 1 + Math.floor(this.rng() * 300))
    await this.ensureShift()
    const input = {
      orderId: order.orderId,
      refundKey: `rf-${this.tag}-${step}-${this.key()}`,
      reason: 'power cut test',
      amount: decimal(amount)
    }
    await this.call('refunds:create', input)
  }

  private async closeShift(): Promise<void> {
    const shift = await this.ensureShift()
    this.onMoneyCall?.()
    const closed = await this.ok<{ id: string; number: string }>('shifts:close', {
      shiftId: shift.id,
      counts: {},
      other: decimal(Math.max(0, shift.drawer.expected))
    })
    this.ledger.closedShifts.set(closed.id, closed.number)
    await this.ensureShift()
  }

  /** A money call: unanswered ones are kept to resend; answered ones are written down. */
  private async call(
    channel: 'checkout:pay-cash' | 'refunds:create',
    input: Record<string, string>
  ): Promise<void> {
    let answer: ApiAnswer
    this.onMoneyCall?.()
    try {
      answer = await this.send(channel, input)
    } catch (error) {
      this.ledger.unanswered.push({ channel, input })
      throw error
    }
    if (!answer.ok && this.cutting) {
      // Refused because the disk went away: the commit may still have reached it. Not an answer.
      this.ledger.unanswered.push({ channel, input })
      throw new NoAnswer(channel)
    }
    if (answer.ok) this.remember(channel, input, answer.value)
  }

  private remember(channel: string, input: Record<string, string>, value: unknown): void {
    if (channel === 'checkout:pay-cash') {
      const { order } = value as { order: { id: string; number: string; payable: number } }
      this.ledger.orders.set(input.checkoutKey!, {
        orderId: order.id,
        number: order.number,
        payable: order.payable,
        input: input as AckedOrder['input']
      })
    } else {
      const refund = value as { id: string; number: string; amount: number }
      this.ledger.refunds.set(input.refundKey!, {
        refundId: refund.id,
        number: refund.number,
        amount: refund.amount,
        input: input as AckedRefund['input']
      })
    }
  }

  private sample<T>(items: T[], n: number): T[] {
    return Array.from(
      { length: Math.min(n, items.length) },
      () => items[Math.floor(this.rng() * items.length)]!
    )
  }

  private key(): string {
    return Math.floor(this.rng() * 1e9).toString(36)
  }
}

/** What identifies an answer: the order or refund it names (not `replayed`, which may differ). */
function identity(value: unknown): unknown {
  const v = value as { order?: { id: string; number: string }; id?: string; number?: string }
  return v.order ? { id: v.order.id, number: v.order.number } : { id: v.id, number: v.number }
}
