import Decimal from 'decimal.js'
import { minorToDecimalString } from '@shared/money/format'
import { denominationsOf } from '@shared/money/denominations'
import type { CheckoutSession } from '@shared/contract/channels/tenders'
import { manualClock } from '../core/clock'
import { createCore, type Core } from '../app/create-core'
import { dataPaths } from '../core/data-dir'
import { seededIdSource, useIdSource } from '../core/ids'
import { createFileLogger } from '../core/logger'
import { createSeededRandom, type SeededRandom } from '../payments/sandbox/seeded-random'
import { claimSimulatedTill } from './claim-till'
import { planDay, sellingWindow, type PlannedOrder, type SellingWindow, type SimProduct } from './plan-day'
import { SIM_COUPONS, SIM_STAFF } from './sim-staff'
import { RefusedCallError, tillCaller, type TillCaller } from './till-caller'

export interface SimulationOptions {
  /** The till's data directory: new, empty, or one an earlier simulation made. */
  dataDir: string
  /** The business day to sell, YYYY-MM-DD (local time, like the till's business days). */
  date: string
  orders: number
  seed: number
  version: string
  /** The real time (default: the system clock): nothing is sold or closed later than this. */
  now?: () => Date
  /** Progress lines for a person watching (never required). */
  progress?: (line: string) => void
}

export interface SimulationSummary {
  date: string
  terminal: string
  orders: number
  voided: number
  refunds: number
  tenders: Record<'cash' | 'card' | 'alipay' | 'wechat', number>
  couponsApplied: number
  shift: { number: string; expected: number; counted: number; overShort: number }
  firstOrder: string | null
  lastOrder: string | null
}

/** The sandbox's customers pay at once and no notification races the till's own query. */
const SANDBOX_CUSTOMER = { customer: 'pay', afterMs: 0, notify: 'none' } as const
const TIMING = { pollMs: 20, giveUpMs: 30 * 60_000 }
/** A sandbox payment code (WeChat Pay's start with 10–15). */
const WECHAT_PAYMENT_CODE = '134567890123456789'
const SESSIONS = { owner: 'simulate-owner', manager: 'simulate-manager', cashier: 'simulate-cashier' }
type Person = keyof typeof SESSIONS

/** Local midnight of YYYY-MM-DD, ms since the epoch. */
function localMidnight(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(y, m - 1, d).getTime()
}

/** Counts `amount` (minor units) in the currency's notes and coins, largest first; the rest is `other`. */
function countOf(currency: string, amount: number): { counts: Record<string, number>; other?: string } {
  const counts: Record<string, number> = {}
  let left = Math.max(0, amount)
  for (const denomination of denominationsOf(currency)) {
    const n = Math.floor(left / denomination.value)
    if (n > 0) counts[denomination.id] = n
    left -= n * denomination.value
  }
  // An empty drawer is counted as an explicit 0: a count with no box filled is refused as not given.
  return left > 0 || Object.keys(counts).length === 0
    ? { counts, other: minorToDecimalString(left, currency) }
    : { counts }
}

/** What a customer hands over: exact, or the next ¥10 / ¥50 / ¥100 up. */
function cashHandedOver(due: number, roundUp: 0 | 1 | 2 | 3): number {
  const step = [0, 1000, 5000, 10000][roundUp]!
  return step === 0 ? due : Math.ceil(due / step) * step
}

/**
 * `kassa simulate`: sells a business day on a till through its real router and services, as its
 * people would — set-up with the demo shop on a new till, a shift opened with a counted float,
 * `orders` orders (scans, weighed goods, coupons, cash with change, card and QR through the sandbox
 * gateway), a void, a few refunds, the shift closed with a count. Time is a hand-moved clock
 * starting at the day's opening and ids come from the seed, so one seed sells the same day twice.
 *
 * Only a till simulate made (or a new one) is touched (`claimSimulatedTill`); payments go to the
 * sandbox gateway started from this data directory; nothing is pushed anywhere.
 *
 * Nothing is sold or closed at or after `now`: today is sold from opening up to now, or squeezed
 * into what has passed of it since midnight (`sellingWindow`).
 *
 * @throws NotASimulatedTillError for a data directory simulate may not touch
 * @throws UnsellableDayError for a day still to come, or more orders than fit in today so far
 * @throws RefusedCallError when the till refuses a step it should not (a simulated person's
 *   password changed, a catalog with nothing to sell)
 */
export async function runSimulation(options: SimulationOptions): Promise<SimulationSummary> {
  const dayStart = localMidnight(options.date)
  // Now is read once: the set-up, the sales and the close all keep before the same instant.
  const until = (options.now ?? (() => new Date()))().getTime()
  // Refused here, before the data directory is touched, for a day to come or too many orders for today so far.
  const hours = sellingWindow(dayStart, options.orders, until)
  const { fresh, history } = await claimSimulatedTill(options.dataDir)
  const clock = manualClock(new Date(hours.setUpAt))
  // Two streams: one plans the day, one makes ids, so an extra id never shifts the plan.
  const random = createSeededRandom(options.seed)
  const idWords = createSeededRandom((options.seed ^ 0x5eed1d5 ^ Math.imul(history, 0x9e3779b1)) >>> 0)
  const restoreIds = useIdSource(seededIdSource(clock.now, idWords.next))
  let core: Core | undefined
  try {
    core = await createCore({
      dataDir: options.dataDir,
      mode: 'web',
      version: options.version,
      clock,
      logger: createFileLogger(dataPaths(options.dataDir).logs),
      payments: { mode: 'sandbox', timing: TIMING, scenarioFor: () => SANDBOX_CUSTOMER }
    })
    const run = new DayRun(
      core,
      tillCaller(core),
      clock,
      options,
      `${options.seed}-${options.date}-${history}`
    )
    await run.signIn(fresh)
    return await run.sell(dayStart, until, hours, random)
  } finally {
    await core?.shutdown()
    restoreIds()
  }
}

/** One simulated day on one open core. */
class DayRun {
  private readonly summary = {
    orders: 0,
    voided: 0,
    refunds: 0,
    couponsApplied: 0,
    tenders: { cash: 0, card: 0, alipay: 0, wechat: 0 }
  }

  constructor(
    private readonly core: Core,
    private readonly till: TillCaller,
    private readonly clock: ReturnType<typeof manualClock>,
    private readonly options: SimulationOptions,
    /** Makes this run's checkout and refund keys its own (seed, date, the till's history). */
    private readonly tag: string
  ) {}

  /** On a new till: the first-run set-up with the demo shop, the staff and coupons. Else: logs them in. */
  async signIn(fresh: boolean): Promise<void> {
    for (const session of Object.values(SESSIONS)) this.core.sessions.open(session, this.clock.now())
    const status = await this.till.call(SESSIONS.owner, 'auth:status', {})
    if (status.setupRequired) {
      if (!fresh) throw new Error('set-up is required on a till that was not new')
      const { role: _role, ...owner } = SIM_STAFF.owner
      await this.till.call(SESSIONS.owner, 'auth:setup', { profile: status.setupProfile!, owner })
      for (const person of [SIM_STAFF.manager, SIM_STAFF.cashier])
        await this.till.call(SESSIONS.owner, 'users:create', person)
      // Nobody stands at a simulated till: it locks only after the longest idle time allowed.
      const security = await this.till.call(SESSIONS.owner, 'security:get', {})
      await this.till.call(SESSIONS.owner, 'security:update', { ...security, idleLockMinutes: 240 })
      for (const coupon of SIM_COUPONS) {
        // An enrolled till's coupons come from the head office: then there is nothing to create.
        const made = await this.till.attempt(SESSIONS.owner, 'coupons:create', coupon)
        if (!made.ok && made.error.code !== 'FORBIDDEN' && made.error.code !== 'CONFLICT')
          throw new RefusedCallError('coupons:create', made.error)
      }
      this.progress('set up the demo shop (owner, manager, cashier; demo catalog; coupons)')
    } else {
      await this.login('owner')
    }
    await this.login('manager')
    await this.login('cashier')
  }

  private async login(person: Person): Promise<void> {
    const { username, password } = SIM_STAFF[person]
    await this.till.call(SESSIONS[person], 'auth:login', { username, password })
  }

  /** A session left idle past the till's limit locks itself: its person unlocks it with their PIN. */
  private async awake(person: Person): Promise<string> {
    const status = await this.till.call(SESSIONS[person], 'auth:status', {})
    if (status.state === 'locked')
      await this.till.call(SESSIONS[person], 'auth:unlock', { pin: SIM_STAFF[person].pin })
    else if (status.state === 'signed-out') await this.login(person)
    return SESSIONS[person]
  }

  private progress(line: string): void {
    this.options.progress?.(line)
  }

  private step(order: PlannedOrder): void {
    this.clock.advance(Math.max(1, Math.floor(order.stepSeconds * 1000)))
  }

  /** Everything the till can sell, in a fixed order (by SKU), as the scanner would read it. */
  private async products(): Promise<SimProduct[]> {
    const cashier = await this.awake('cashier')
    const categories = await this.till.call(cashier, 'catalog:list-categories', {})
    const found = new Map<string, SimProduct & { sku: string }>()
    for (const categoryId of [null, ...categories.map((c) => c.id)]) {
      const page = await this.till.call(cashier, 'catalog:search', { query: '', categoryId, limit: 500 })
      for (const product of page.products)
        found.set(product.sku, {
          sku: product.sku,
          code: product.barcodes[0] ?? product.sku,
          unit: product.unit
        })
    }
    return [...found.values()]
      .sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0))
      .map(({ code, unit }) => ({ code, unit }))
  }

  async sell(
    dayStart: number,
    until: number,
    hours: SellingWindow,
    random: SeededRandom
  ): Promise<SimulationSummary> {
    const manager = await this.awake('manager')
    const coupons = (await this.till.call(manager, 'coupons:list', {}))
      .filter((coupon) => coupon.active)
      .map((coupon) => coupon.code)
      .sort()
    const plan = planDay(
      { dayStart, orders: this.options.orders, products: await this.products(), coupons, until },
      random
    )

    const cashier = await this.awake('cashier')
    const current = await this.till.call(cashier, 'shifts:current', {})
    const shift =
      current.shift ??
      (await this.till.call(cashier, 'shifts:open', countOf(current.currency, 50_000 /* ¥500 float */)))
    this.progress(`shift ${shift.number} open on till ${current.terminal}`)

    const numbers: string[] = []
    const orderIds: string[] = []
    for (const order of plan) {
      const { id, number } = await this.sellOne(order)
      orderIds.push(id)
      numbers.push(number)
      for (const earlier of plan.filter((o) => o.refund?.after === order.index))
        await this.refund(earlier, orderIds[earlier.index]!)
      if ((order.index + 1) % 100 === 0) this.progress(`sold ${order.index + 1} of ${plan.length} orders`)
    }

    // Counted from the end of selling and closed halfway through the time kept for it: for today,
    // still before now (the plan kept that room).
    this.clock.set(new Date(Math.max(this.clock.now().getTime(), hours.closes)))
    this.clock.advance(hours.closingMs / 2)
    const closer = await this.awake('manager')
    const open = (await this.till.call(closer, 'shifts:current', {})).shift!
    // A blind count hides the drawer from cashiers only; the manager who closes sees it.
    if (!open.drawer) throw new Error('the closing manager was not shown the drawer')
    const expected = open.drawer.expected
    // Most nights the drawer is right; some nights a coin went astray.
    const roll = random.below(10)
    const counted = Math.max(0, expected + (roll === 0 ? -100 : roll === 1 ? 50 : 0))
    const closed = await this.till.call(closer, 'shifts:close', {
      shiftId: open.id,
      ...countOf(open.currency, counted),
      note: 'simulated day'
    })
    this.progress(`shift ${closed.number} closed: counted ${counted}, over/short ${closed.overShort ?? 0}`)
    return {
      date: this.options.date,
      terminal: closed.terminal,
      ...this.summary,
      shift: {
        number: closed.number,
        expected,
        counted: closed.counted ?? 0,
        overShort: closed.overShort ?? 0
      },
      firstOrder: numbers[0] ?? null,
      lastOrder: numbers.at(-1) ?? null
    }
  }

  /** Rings one order up and takes its payment; voids it when the plan says so. */
  private async sellOne(order: PlannedOrder): Promise<{ id: string; number: string }> {
    this.clock.set(new Date(Math.max(this.clock.now().getTime(), order.startAt)))
    const session = await this.awake('cashier')
    let cart = await this.till.call(session, 'cart:open', {})
    for (const scan of order.scans) {
      this.step(order)
      cart = await this.till.call(session, 'cart:add-item', {
        cartId: cart.id,
        code: scan.code,
        ...(scan.quantity ? { quantity: scan.quantity } : {})
      })
    }
    if (order.coupon) {
      this.step(order)
      // Refused when the basket is below its minimum spend or it is used up: the sale goes on.
      const applied = await this.till.attempt(session, 'cart:apply-coupon', {
        cartId: cart.id,
        code: order.coupon
      })
      if (applied.ok) {
        cart = applied.value
        this.summary.couponsApplied++
      }
    }
    this.step(order)
    const key = `sim-${this.tag}-${order.index}`
    const { id, number } = await this.pay(session, cart.id, cart.totals.cashTotal, order, key)
    this.summary.orders++
    if (order.void) {
      this.step(order)
      const manager = await this.awake('manager')
      await this.till.call(manager, 'orders:void', { orderId: id, reason: 'rung up by mistake' })
      this.summary.voided++
    }
    return { id, number }
  }

  private async pay(
    session: string,
    cartId: string,
    cashDue: number,
    order: PlannedOrder,
    key: string
  ): Promise<{ id: string; number: string }> {
    const tender = order.tender
    if (tender.kind === 'cash') {
      const result = await this.till.call(session, 'checkout:begin', {
        cartId,
        cash: { tendered: minorToDecimalString(cashHandedOver(cashDue, tender.roundUp), 'CNY') },
        checkoutKey: key
      })
      this.summary.tenders.cash++
      return { id: result.order.id, number: result.order.number! }
    }
    const begun = await this.till.call(session, 'checkout:begin', { cartId, checkoutKey: key })
    const orderId = begun.order.id
    const attempt = (suffix: string) => `${key}-${suffix}`
    let state: CheckoutSession
    if (tender.kind === 'card' || tender.kind === 'split') {
      // A split pays about half by card, the rest in cash.
      const amount = tender.kind === 'split' ? Math.max(1, Math.floor(begun.due / 2)) : begun.due
      state = await this.till.call(session, 'tenders:add', {
        orderId,
        attemptKey: attempt('card'),
        method: 'card',
        amount: minorToDecimalString(amount, begun.order.currency)
      })
      this.summary.tenders.card++
    } else if (tender.kind === 'alipay-qr') {
      state = await this.till.call(session, 'tenders:add', {
        orderId,
        attemptKey: attempt('alipay'),
        method: 'alipay',
        flow: 'merchant_qr'
      })
      this.summary.tenders.alipay++
    } else {
      state = await this.till.call(session, 'tenders:add', {
        orderId,
        attemptKey: attempt('wechat'),
        method: 'wechat',
        flow: 'customer_code',
        authCode: WECHAT_PAYMENT_CODE
      })
      this.summary.tenders.wechat++
    }
    state = await this.settled(session, state)
    if (tender.kind === 'split') {
      this.step(order)
      state = await this.till.call(session, 'tenders:add', {
        orderId,
        attemptKey: attempt('cash'),
        method: 'cash',
        tendered: minorToDecimalString(cashHandedOver(state.remaining, 1), state.order.currency)
      })
      this.summary.tenders.cash++
    }
    if (state.order.status !== 'paid') throw new Error(`order ${state.order.number} was not paid`)
    return { id: orderId, number: state.order.number! }
  }

  /**
   * Waits for the till's own watcher to learn a card or QR outcome. The sandbox customer pays at
   * once, so the watcher's first query after one poll interval finds it: the clock is moved by
   * exactly that interval, and only again if that query somehow came too early.
   */
  private async settled(session: string, first: CheckoutSession): Promise<CheckoutSession> {
    let state = first
    const open = () => state.tenders.some((t) => t.method !== 'cash' && !isDefinite(t.status))
    for (let round = 0; open(); round++) {
      if (round > 400) throw new Error(`the sandbox did not settle order ${state.order.number}`)
      if (round % 50 === 0) this.clock.advance(TIMING.pollMs)
      await new Promise((resolve) => setTimeout(resolve, TIMING.pollMs))
      state = await this.till.call(session, 'checkout:state', { orderId: state.order.id })
    }
    const failed = state.tenders.find((t) => t.status !== 'succeeded')
    if (failed) throw new Error(`a sandbox payment of order ${state.order.number} ended ${failed.status}`)
    return state
  }

  /** A customer brings back one line (one piece, or all of a weighed good) or asks for some money back. */
  private async refund(order: PlannedOrder, orderId: string): Promise<void> {
    const manager = await this.awake('manager')
    const refundable = await this.till.call(manager, 'refunds:refundable', { orderId })
    if (refundable.refundable <= 0) return
    this.clock.advance(order.refund!.waitMs)
    const key = `sim-${this.tag}-${order.index}-refund`
    const line = refundable.lines.find((l) => l.amountLeft > 0)
    if (order.refund!.kind === 'line' && line) {
      const quantity = line.unit === 'kg' || new Decimal(line.quantityLeft).lt(1) ? line.quantityLeft : '1'
      await this.till.call(manager, 'refunds:create', {
        orderId,
        refundKey: key,
        reason: 'customer returned it',
        lines: [{ lineId: line.lineId, quantity }]
      })
    } else {
      const amount = Math.min(refundable.refundable, 500)
      await this.till.call(manager, 'refunds:create', {
        orderId,
        refundKey: key,
        reason: 'goodwill: damaged packaging',
        amount: minorToDecimalString(amount, refundable.currency)
      })
    }
    this.summary.refunds++
  }
}

const DEFINITE = new Set(['succeeded', 'failed', 'closed', 'reversed'])
const isDefinite = (status: string): boolean => DEFINITE.has(status)
