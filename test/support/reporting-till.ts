import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import type { ZReport } from '../../src/shared/contract/channels/settlement'
import { callOk, loginAs, OWNER, STAFF } from './accounts'
import type { OutboxRow } from './sync-pusher'
import { GOODS, openShop } from '../integration/sell/sell-fixture'

/** One thing a real till does in a test day. */
export type TillOp =
  | { kind: 'sale'; basket: number; coupon: boolean }
  | { kind: 'void' }
  | { kind: 'refund'; amount: string }
  /** Refund one item of the last order's first line (a refund by lines). */
  | { kind: 'refund-line' }
  | { kind: 'cash'; direction: 'in' | 'out'; amount: string }
  | { kind: 'wait'; minutes: number }
  /** Close the shift (counting `short` minor units less than expected) and open the next. */
  | { kind: 'close-shift'; short: number }
  /** Close the shift, settle today, open a new shift: what it sells next is late for today. */
  | { kind: 'settle' }
  /** Close the shift and start selling at 09:00 the next day. */
  | { kind: 'next-day' }
  /** The owner sets the store's cash increment and cash rounding mode (cash sales round from then on). */
  | { kind: 'cash-rounding'; increment: string; mode: 'half-up' | 'down' }

export interface TillRun {
  /** Every business day the till worked, YYYY-MM-DD (the process's local dates). */
  dates: string[]
  outbox: OutboxRow[]
  /** The till's own `settlement:report` for each of `dates`. */
  reports: Map<string, ZReport>
}

const localDate = (at: Date) =>
  `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`

/**
 * Runs a real till (core, services, its SQLite file) through `ops` from `start` (local time) and
 * reads back its outbox and its own Z-report of every day it worked. Sales are cash (so refunds
 * are paid out at once), by the cashier; voids, refunds, cash moves, shift closes and settling by
 * the manager or owner, as the till's permissions want.
 */
export async function runTill(
  ops: readonly TillOp[],
  start = new Date(2025, 2, 1, 9, 0),
  /** Where the till keeps its files (kept after the run); a temp dir removed after it by default. */
  dataDir?: string
): Promise<TillRun> {
  const shop = await openShop({ start: start.toISOString(), ...(dataDir ? { dataDir } : {}) })
  try {
    const { core, clock, dataDir } = shop
    let { cashier, manager, owner } = shop
    const security = await callOk(core, owner, 'security:get', {})
    await callOk(core, owner, 'security:update', { ...security, idleLockMinutes: 240 })
    const dates = new Set([localDate(start)])
    const standing: Array<{ id: string; date: string; lineId: string }> = []
    const settled = new Set<string>()
    const relogin = async () => {
      cashier = await loginAs(core, STAFF.cashier.username, STAFF.cashier.password)
      manager = await loginAs(core, STAFF.manager.username, STAFF.manager.password)
      owner = await loginAs(core, OWNER.username, OWNER.password)
    }
    let key = 0
    const closeShift = async (short = 0) => {
      const shift = (await callOk(core, manager, 'shifts:current', {})).shift!
      const counted = Math.max(0, shift.drawer!.expected - short)
      await callOk(core, manager, 'shifts:close', {
        shiftId: shift.id,
        counts: {},
        other: `${Math.floor(counted / 100)}.${String(counted % 100).padStart(2, '0')}`
      })
    }
    for (const op of ops) {
      clock.advance(60_000)
      switch (op.kind) {
        case 'sale': {
          const cart = await callOk(core, cashier, 'cart:open', {})
          await callOk(core, cashier, 'cart:add-item', {
            cartId: cart.id,
            code: GOODS.cola.barcodes[0]!,
            quantity: String(1 + (op.basket % 3))
          })
          if (op.basket % 5 >= 2)
            await callOk(core, cashier, 'cart:add-item', { cartId: cart.id, code: GOODS.rice.sku })
          if (op.basket % 5 === 4)
            await callOk(core, cashier, 'cart:add-item', {
              cartId: cart.id,
              code: GOODS.apple.sku,
              quantity: '0.75'
            })
          if (op.coupon && op.basket % 5 >= 2)
            await callOk(core, cashier, 'cart:apply-coupon', { cartId: cart.id, code: 'SAVE10' })
          const { order } = await callOk(core, cashier, 'checkout:begin', {
            cartId: cart.id,
            cash: { tendered: '200' },
            checkoutKey: `till-op-${++key}`
          })
          standing.push({ id: order.id, date: localDate(new Date(clock.now())), lineId: order.lines[0]!.id })
          break
        }
        case 'void': {
          // Only an order paid today can be voided (an older one is refunded).
          const last = standing.at(-1)
          if (last && last.date === localDate(new Date(clock.now()))) {
            standing.pop()
            await callOk(core, manager, 'orders:void', { orderId: last.id, reason: 'customer changed mind' })
          }
          break
        }
        case 'refund': {
          const id = standing.at(-1)?.id
          if (id) {
            await callOk(core, manager, 'refunds:create', {
              orderId: id,
              refundKey: `till-refund-${++key}`,
              reason: 'damaged',
              amount: op.amount
            })
            // A refunded order is not voided later (the till would refuse it).
            standing.pop()
          }
          break
        }
        case 'refund-line': {
          const last = standing.pop()
          if (last)
            await callOk(core, manager, 'refunds:create', {
              orderId: last.id,
              refundKey: `till-refund-${++key}`,
              reason: 'damaged',
              lines: [{ lineId: last.lineId, quantity: '1' }]
            })
          break
        }
        case 'cash': {
          const shift = (await callOk(core, manager, 'shifts:current', {})).shift!
          if (op.direction === 'out' && shift.drawer!.expected < Number(op.amount) * 100) break
          await callOk(core, manager, 'shifts:cash-move', {
            direction: op.direction,
            amount: op.amount,
            reason: 'change'
          })
          break
        }
        case 'wait':
          clock.advance(op.minutes * 60_000)
          // A long quiet spell may lock the sessions: whoever works next logs in again.
          await relogin()
          break
        case 'close-shift':
          await closeShift(op.short)
          await callOk(core, cashier, 'shifts:open', { counts: {} })
          break
        case 'settle': {
          const today = localDate(new Date(clock.now()))
          // A settled day never changes: a second settle of it is skipped.
          if (settled.has(today)) break
          settled.add(today)
          await closeShift()
          await callOk(core, owner, 'settlement:settle', { date: today })
          // The next shift opens a moment later: an event in the very millisecond of the
          // settlement is cut by time alone, a tie the till's own rule leaves open.
          clock.advance(1000)
          await callOk(core, cashier, 'shifts:open', { counts: {} })
          break
        }
        case 'cash-rounding': {
          const profile = await callOk(core, owner, 'settings:get', {})
          await callOk(core, owner, 'settings:update', {
            ...profile,
            cashIncrement: op.increment,
            cashRoundingMode: op.mode
          })
          break
        }
        case 'next-day': {
          await closeShift()
          const now = new Date(clock.now())
          const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 9, 0)
          clock.advance(next.getTime() - now.getTime())
          dates.add(localDate(next))
          // A night away locks every session: the staff log in again in the morning.
          await relogin()
          await callOk(core, cashier, 'shifts:open', { counts: {} })
          break
        }
      }
    }
    // The day ends with its shift closed, as a till's day does.
    clock.advance(60_000)
    await closeShift()
    // A sale after the last day's settlement belongs to the day after it: report that day too.
    const last = [...dates].at(-1)!
    if (settled.has(last)) {
      const [y, m, d] = last.split('-').map(Number) as [number, number, number]
      dates.add(localDate(new Date(y, m - 1, d + 1)))
    }
    const reports = new Map<string, ZReport>()
    for (const date of dates) reports.set(date, await callOk(core, manager, 'settlement:report', { date }))
    const db = new BetterSqlite3(join(dataDir, 'kassa.sqlite'), { readonly: true })
    try {
      const outbox = db
        .prepare(
          'SELECT seq, id, at, type, version, aggregate_id AS aggregateId, payload FROM outbox ORDER BY seq'
        )
        .all() as OutboxRow[]
      return { dates: [...dates], outbox, reports }
    } finally {
      db.close()
    }
  } finally {
    shop.close()
  }
}
