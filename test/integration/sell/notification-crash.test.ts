import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { createEventBus } from '../../../src/main/core/event-bus'
import { silentLogger } from '../../../src/main/core/logger'
import type { PaymentNotification } from '../../../src/main/payments/provider'
import { createPaymentsRuntime } from '../../../src/main/services/payments/payments-runtime'
import { catalogProductSource } from '../../../src/main/services/sell/catalog-product-source'
import { createSellServices } from '../../../src/main/services/sell/create-sell'
import { createSettingsService } from '../../../src/main/services/settings-service'
import { openDatabase } from '../../../src/main/store/database'
import { createStore } from '../../../src/main/store/store'
import { callOk } from '../../support/accounts'
import { tempDir } from '../../support/temp-dir'
import { GOODS, openShop } from './sell-fixture'

const closers: Array<() => unknown> = []
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close()
})

// Polling far off, so only the notification can settle the tender in these tests.
const TIMING = { pollMs: 3_600_000, giveUpMs: 7_200_000 }

/** A shop with an Alipay QR tender waiting, and the till's tenders service on the same file. */
async function waitingAlipayTender() {
  const shop = await openShop({ payments: { timing: TIMING } })
  closers.push(() => shop.close())
  const { core, cashier, clock, dataDir } = shop
  const cart = await callOk(core, cashier, 'cart:open', {})
  await callOk(core, cashier, 'cart:add-item', { cartId: cart.id, code: GOODS.rice.sku })
  const begun = await callOk(core, cashier, 'checkout:begin', {
    cartId: cart.id,
    checkoutKey: `k-${cart.id}`
  })
  const state = await callOk(core, cashier, 'tenders:add', {
    orderId: begun.order.id,
    attemptKey: 'alipay-qr-crash',
    method: 'alipay',
    flow: 'merchant_qr'
  })
  const tender = state.tenders[0]!
  expect(tender.status).toBe('pending')

  // The same services a till builds, over a second connection to its file (the till's process).
  const { db } = await openDatabase(join(dataDir, 'kassa.sqlite'), { backupDir: join(dataDir, 'backups') })
  const store = createStore(db)
  const ctx = { store, clock, events: createEventBus(), logger: silentLogger }
  const runtime = createPaymentsRuntime({ dataDir: tempDir(), mode: 'off', logger: silentLogger })
  const sell = createSellServices(ctx, {
    settings: createSettingsService(ctx),
    products: catalogProductSource(store),
    payments: runtime,
    timing: TIMING
  })
  closers.push(() => {
    sell.tenders.close()
    db.close()
    return runtime.close()
  })
  const notification: PaymentNotification = {
    kind: 'payment',
    provider: 'alipay',
    eventId: 'alipay-notify-1',
    tradeNo: tender.tradeNo!,
    status: 'succeeded',
    amount: tender.amount
  }
  const look = () => {
    const side = new BetterSqlite3(join(dataDir, 'kassa.sqlite'), { readonly: true })
    try {
      return {
        remembered: (
          side
            .prepare('SELECT count(*) AS n FROM payment_events WHERE event_id = ?')
            .get('alipay-notify-1') as {
            n: number
          }
        ).n,
        tender: (
          side.prepare('SELECT status FROM payments WHERE id = ?').get(tender.id) as { status: string }
        ).status,
        order: (
          side.prepare('SELECT status FROM orders WHERE id = ?').get(begun.order.id) as { status: string }
        ).status,
        paidEvents: (
          side
            .prepare("SELECT count(*) AS n FROM outbox WHERE type = 'order.paid' AND aggregate_id = ?")
            .get(begun.order.id) as { n: number }
        ).n
      }
    } finally {
      side.close()
    }
  }
  return { db, sell, notification, look }
}

describe('a provider notification is remembered and applied in one transaction', () => {
  it('a crash between remembering and applying leaves it neither remembered nor applied; redelivered, it pays once', async () => {
    const { db, sell, notification, look } = await waitingAlipayTender()
    // The "crash": the write that applies the notification fails after it was remembered.
    db.exec(`CREATE TRIGGER crash_between BEFORE UPDATE OF status ON payments
             BEGIN SELECT RAISE(ABORT, 'power cut between remembering and applying'); END`)
    expect(() => sell.tenders.applyNotification(notification)).toThrow(/power cut/)
    expect(look()).toEqual({ remembered: 0, tender: 'pending', order: 'awaiting_payment', paidEvents: 0 })

    // The provider delivers again (it was answered with an error): now it applies, once.
    db.exec('DROP TRIGGER crash_between')
    sell.tenders.applyNotification(notification)
    expect(look()).toEqual({ remembered: 1, tender: 'succeeded', order: 'paid', paidEvents: 1 })
    sell.tenders.applyNotification(notification)
    expect(look()).toEqual({ remembered: 1, tender: 'succeeded', order: 'paid', paidEvents: 1 })
  })
})
