import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import type { OutboxRow } from './sync-pusher'
import { callOk } from './accounts'
import { GOODS, openShop } from '../integration/sell/sell-fixture'

export type { OutboxRow } from './sync-pusher'
export { toPushed } from './sync-pusher'

/** What a real till sold in a day: its outbox, and its own Z-report's figures for the day. */
export interface SoldDay {
  date: string
  outbox: OutboxRow[]
  report: { orderCount: number; netSales: number; collected: number }
}

/**
 * Runs a real till (core, services, SQLite file) through a day: `orders` cash sales of scanned and
 * weighed goods, a coupon on every 4th, a void every 25th and a ¥1.00 refund every 30th, by a
 * cashier with a manager; then reads its outbox and asks it for its `settlement:report`.
 * Deterministic for `seed` (it varies the baskets).
 */
export async function sellDay(orders: number, seed: number): Promise<SoldDay> {
  const start = new Date(2025, 2, 1, 9, 0)
  const shop = await openShop({ start: start.toISOString() })
  try {
    const { core, cashier, manager, owner, clock, dataDir } = shop
    const security = await callOk(core, owner, 'security:get', {})
    await callOk(core, owner, 'security:update', { ...security, idleLockMinutes: 240 })
    let key = 0
    for (let i = 0; i < orders; i++) {
      clock.advance(45_000)
      const cart = await callOk(core, cashier, 'cart:open', {})
      const pick = (i * 7 + seed * 13) % 5
      await callOk(core, cashier, 'cart:add-item', {
        cartId: cart.id,
        code: GOODS.cola.barcodes[0]!,
        quantity: String(1 + (pick % 3))
      })
      if (pick >= 2) await callOk(core, cashier, 'cart:add-item', { cartId: cart.id, code: GOODS.rice.sku })
      if (pick === 4)
        await callOk(core, cashier, 'cart:add-item', {
          cartId: cart.id,
          code: GOODS.apple.sku,
          quantity: '0.75'
        })
      if (i % 4 === 0 && pick >= 2)
        await callOk(core, cashier, 'cart:apply-coupon', { cartId: cart.id, code: 'SAVE10' })
      const { order } = await callOk(core, cashier, 'checkout:pay-cash', {
        cartId: cart.id,
        tendered: '200',
        checkoutKey: `sell-day-${seed}-${++key}`
      })
      if (i % 25 === 24)
        await callOk(core, manager, 'orders:void', { orderId: order.id, reason: 'customer changed mind' })
      else if (i % 30 === 29) {
        await callOk(core, manager, 'refunds:create', {
          orderId: order.id,
          refundKey: `sell-day-refund-${seed}-${i}`,
          reason: 'damaged',
          amount: '1.00'
        })
      }
    }
    const date = `${start.getFullYear()}-${String(start.getMonth() + 1).padStart(2, '0')}-${String(start.getDate()).padStart(2, '0')}`
    const report = await callOk(core, manager, 'settlement:report', { date })
    const db = new BetterSqlite3(join(dataDir, 'kassa.sqlite'), { readonly: true })
    try {
      const outbox = db
        .prepare('SELECT seq, id, at, type, aggregate_id AS aggregateId, payload FROM outbox ORDER BY seq')
        .all() as OutboxRow[]
      return {
        date,
        outbox,
        report: { orderCount: report.orderCount, netSales: report.netSales, collected: report.collected }
      }
    } finally {
      db.close()
    }
  } finally {
    shop.close()
  }
}
