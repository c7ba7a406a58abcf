import { join } from 'node:path'
import BetterSqlite3, { type Database } from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { onConnectionOpened } from '../../../src/main/store/connection'
import { quoteCart } from '../../../src/main/domain/pricing/quote-cart'
import { callOk } from '../../support/accounts'
import { GOODS, ledgerBalances, openShop, rowCounts } from './sell-fixture'

const shops: Array<{ close(): void }> = []
afterEach(() => {
  for (const shop of shops.splice(0)) shop.close()
})

async function shop(options: { dataDir?: string } = {}) {
  const opened = await openShop(options)
  shops.push(opened)
  return opened
}

describe('selling for cash', () => {
  it('scans, changes a quantity, applies a coupon and takes cash: totals are the engine’s, to the fen', async () => {
    const { core, cashier, dataDir } = await shop()
    let cart = await callOk(core, cashier, 'cart:open', {})
    cart = await callOk(core, cashier, 'cart:add-item', { cartId: cart.id, code: GOODS.cola.barcodes[0]! })
    cart = await callOk(core, cashier, 'cart:add-item', { cartId: cart.id, code: GOODS.cola.barcodes[0]! })
    cart = await callOk(core, cashier, 'cart:add-item', { cartId: cart.id, code: GOODS.rice.sku })
    cart = await callOk(core, cashier, 'cart:add-item', {
      cartId: cart.id,
      code: GOODS.apple.barcodes[0]!,
      quantity: '0.735'
    })
    expect(cart.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['COLA-330', '2'],
      ['RICE-5KG', '1'],
      ['APPLE-KG', '0.735']
    ])
    cart = await callOk(core, cashier, 'cart:set-quantity', {
      cartId: cart.id,
      lineId: cart.lines[0]!.id,
      quantity: '3'
    })
    cart = await callOk(core, cashier, 'cart:apply-coupon', { cartId: cart.id, code: 'save10' })

    const expected = quoteCart({
      currency: 'CNY',
      lines: [
        { sku: 'COLA-330', quantity: '3', unitPrice: '3.50', taxRate: '0.13' },
        { sku: 'RICE-5KG', quantity: '1', unitPrice: '39.90', taxRate: '0.09' },
        { sku: 'APPLE-KG', quantity: '0.735', unitPrice: '12.80', taxRate: '0.09' }
      ],
      coupons: [{ code: 'SAVE10', type: 'rate', rate: '0.1', minSpend: '20.00' }]
    })
    expect(cart.totals.total).toBe(expected.total)
    expect(cart.totals.taxTotal).toBe(expected.taxTotal)
    expect(cart.coupons).toEqual([
      { code: 'SAVE10', applied: true, reason: null, discount: expected.orderDiscountTotal }
    ])

    const paid = await callOk(core, cashier, 'checkout:begin', {
      cartId: cart.id,
      checkoutKey: 'key-0000001',
      cash: { tendered: '100' }
    })
    expect(paid.order.status).toBe('paid')
    expect(paid.order.number).toBe('T01-000001')
    expect(paid.change).toBe(10000 - expected.total)
    expect(paid.order.payments).toMatchObject([
      { method: 'cash', amount: expected.total, tendered: 10000, change: paid.change }
    ])
    expect(paid.order.lines.map((l) => l.total)).toEqual(expected.lines.map((l) => l.total))
    expect(paid.order.cashierName).toBe('Cashier Li')

    const balances = ledgerBalances(dataDir)
    expect(balances.cash_drawer).toBe(expected.total)
    expect(balances.tax_payable).toBe(-expected.taxTotal)
    expect(rowCounts(dataDir)).toMatchObject({
      paidOrders: 1,
      payments: 1,
      journalEntries: 1,
      outbox: 1,
      redemptions: 1
    })

    // The paid cart is gone from the till: the next open gives a fresh one.
    const next = await callOk(core, cashier, 'cart:open', {})
    expect(next.id).not.toBe(cart.id)
    expect(next.lines).toEqual([])
  })

  it('writes each row of a cash sale once, the order and its payment stamped with the open shift', async () => {
    // The till's own connection, to count the rows its transactions change (triggers included).
    let tillDb: Database | null = null
    const stop = onConnectionOpened((db, file) => {
      if (file.endsWith('kassa.sqlite') && !db.readonly) tillDb ??= db
    })
    const { core, cashier, dataDir } = await shop().finally(stop)
    const changes = () => (tillDb!.prepare('SELECT total_changes() AS n').get() as { n: number }).n
    let cart = await callOk(core, cashier, 'cart:open', {})
    await callOk(core, cashier, 'cart:add-item', { cartId: cart.id, code: GOODS.cola.sku })
    cart = await callOk(core, cashier, 'cart:add-item', { cartId: cart.id, code: GOODS.rice.sku })

    const before = changes()
    const paid = await callOk(core, cashier, 'checkout:begin', {
      cartId: cart.id,
      checkoutKey: 'once-0000001',
      cash: { tendered: '50' }
    })
    const written = changes() - before

    const db = new BetterSqlite3(join(dataDir, 'kassa.sqlite'), { readonly: true })
    try {
      const shift = db.prepare("SELECT id FROM shifts WHERE status = 'open'").get() as { id: string }
      expect(db.prepare('SELECT shift_id FROM orders WHERE id = ?').get(paid.order.id)).toEqual({
        shift_id: shift.id
      })
      expect(db.prepare('SELECT shift_id FROM payments WHERE order_id = ?').all(paid.order.id)).toEqual([
        { shift_id: shift.id }
      ])
      const ledgerLines = (
        db
          .prepare(
            'SELECT count(*) AS n FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id WHERE e.order_id = ?'
          )
          .get(paid.order.id) as { n: number }
      ).n
      // 2 lines frozen, the number counter, the order (frozen and paid in one write), the payment,
      // the journal entry and its lines, the audit entry, the outbox event: nothing rewritten.
      expect(written).toBe(2 + 1 + 1 + 1 + 1 + ledgerLines + 1 + 1)
    } finally {
      db.close()
    }
  })

  it('answers a cash sale with the very order and event its rows give when read back', async () => {
    // The quick cash sale builds its answer and its outbox event from the rows it has just written,
    // not from a read: both must be what reading the file gives.
    const { core, manager, dataDir } = await shop()
    let cart = await callOk(core, manager, 'cart:open', {})
    cart = await callOk(core, manager, 'cart:add-item', {
      cartId: cart.id,
      code: GOODS.cola.sku,
      quantity: '4'
    })
    cart = await callOk(core, manager, 'cart:add-item', { cartId: cart.id, code: GOODS.rice.sku })
    cart = await callOk(core, manager, 'cart:add-item', {
      cartId: cart.id,
      code: GOODS.apple.barcodes[0]!,
      quantity: '0.735'
    })
    await callOk(core, manager, 'cart:set-line-discount', {
      cartId: cart.id,
      lineId: cart.lines[1]!.id,
      discount: { type: 'rate', rate: '0.15' }
    })
    await callOk(core, manager, 'cart:apply-coupon', { cartId: cart.id, code: 'save10' })

    const paid = await callOk(core, manager, 'checkout:begin', {
      cartId: cart.id,
      checkoutKey: 'readback-0001',
      cash: { tendered: '100' }
    })
    expect(paid.order.lineDiscountTotal).toBeGreaterThan(0)
    expect(paid.order.orderDiscountTotal).toBeGreaterThan(0)
    expect(paid.order.coupons).toMatchObject([{ code: 'SAVE10', applied: true }])
    expect(paid.order.lines.every((l) => l.total > 0)).toBe(true)

    expect(await callOk(core, manager, 'orders:get', { orderId: paid.order.id })).toEqual(paid.order)
    const { replayed, ...session } = paid
    expect(replayed).toBe(false)
    expect(await callOk(core, manager, 'checkout:state', { orderId: paid.order.id })).toEqual(session)
    const db = new BetterSqlite3(join(dataDir, 'kassa.sqlite'), { readonly: true })
    try {
      const event = db
        .prepare("SELECT payload FROM outbox WHERE type = 'order.paid' AND aggregate_id = ?")
        .get(paid.order.id) as { payload: string }
      const order = db.prepare('SELECT cashier_user_id FROM orders WHERE id = ?').get(paid.order.id) as {
        cashier_user_id: string
      }
      expect(JSON.parse(event.payload)).toEqual({ ...paid.order, cashierUserId: order.cashier_user_id })
    } finally {
      db.close()
    }
  })

  it('answers a resubmitted checkout with the first result, never a second order or payment', async () => {
    const { core, cashier, dataDir } = await shop()
    const cart = await callOk(core, cashier, 'cart:open', {})
    await callOk(core, cashier, 'cart:add-item', { cartId: cart.id, code: GOODS.rice.sku })
    const input = { cartId: cart.id, checkoutKey: 'double-click-1', cash: { tendered: '50' } }
    const [a, b] = await Promise.all([
      callOk(core, cashier, 'checkout:begin', input),
      callOk(core, cashier, 'checkout:begin', input)
    ])
    const c = await callOk(core, cashier, 'checkout:begin', input)
    expect(a.order.id).toBe(b.order.id)
    expect(c.replayed).toBe(true)
    expect(c.order.number).toBe(a.order.number)
    expect(rowCounts(dataDir)).toMatchObject({ paidOrders: 1, payments: 1, journalEntries: 1, outbox: 1 })
  })

  it('writes nothing when a checkout fails halfway (a coupon used up by another till)', async () => {
    const { core, cashier, manager, dataDir } = await shop()
    const mine = await callOk(core, cashier, 'cart:open', {})
    await callOk(core, cashier, 'cart:add-item', { cartId: mine.id, code: GOODS.rice.sku })
    await callOk(core, cashier, 'cart:apply-coupon', { cartId: mine.id, code: 'ONCE5' })

    const theirs = await callOk(core, manager, 'cart:open', {})
    await callOk(core, manager, 'cart:add-item', { cartId: theirs.id, code: GOODS.cola.sku })
    await callOk(core, manager, 'cart:apply-coupon', { cartId: theirs.id, code: 'ONCE5' })
    await callOk(core, manager, 'checkout:begin', {
      cartId: theirs.id,
      checkoutKey: 'theirs-0001',
      cash: { tendered: '10' }
    })
    const before = rowCounts(dataDir)

    const refused = await core.router.dispatch(
      'checkout:begin',
      { cartId: mine.id, checkoutKey: 'mine-00001', cash: { tendered: '50' } },
      { sessionId: cashier }
    )
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'code' } })
    expect(rowCounts(dataDir)).toEqual(before)
    const still = await callOk(core, cashier, 'cart:get', { cartId: mine.id })
    expect(still.status).toBe('draft')
  })

  it('refuses too little cash naming the field, and writes nothing', async () => {
    const { core, cashier, dataDir } = await shop()
    const cart = await callOk(core, cashier, 'cart:open', {})
    await callOk(core, cashier, 'cart:add-item', { cartId: cart.id, code: GOODS.rice.sku })
    const refused = await core.router.dispatch(
      'checkout:begin',
      { cartId: cart.id, checkoutKey: 'short-0001', cash: { tendered: '20' } },
      { sessionId: cashier }
    )
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'tendered' } })
    expect(rowCounts(dataDir)).toMatchObject({ paidOrders: 0, payments: 0, journalEntries: 0, outbox: 0 })
  })

  it('refuses an unknown barcode, an expired coupon and a min spend not met, with reasons', async () => {
    const { core, cashier, owner } = await shop()
    const cart = await callOk(core, cashier, 'cart:open', {})
    expect(
      await core.router.dispatch('cart:add-item', { cartId: cart.id, code: '000' }, { sessionId: cashier })
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'code' }
    })
    await callOk(core, cashier, 'cart:add-item', { cartId: cart.id, code: GOODS.cola.sku })
    const minSpend = await core.router.dispatch(
      'cart:apply-coupon',
      { cartId: cart.id, code: 'SAVE10' },
      { sessionId: cashier }
    )
    expect(minSpend).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'code' } })
    if (!minSpend.ok) expect(minSpend.error.message).toContain('¥20.00')
    await callOk(core, owner, 'coupons:create', {
      code: 'OLD',
      type: 'amount',
      amount: '1',
      validTo: '2020-01-01'
    })
    const expired = await core.router.dispatch(
      'cart:apply-coupon',
      { cartId: cart.id, code: 'OLD' },
      { sessionId: cashier }
    )
    expect(expired).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    if (!expired.ok) expect(expired.error.message).toContain('expired')
  })

  it('parks a cart and resumes it after a restart', async () => {
    const first = await shop()
    const cart = await callOk(first.core, first.cashier, 'cart:open', {})
    await callOk(first.core, first.cashier, 'cart:add-item', { cartId: cart.id, code: GOODS.cola.sku })
    const fresh = await callOk(first.core, first.cashier, 'cart:park', {
      cartId: cart.id,
      note: 'lady in red'
    })
    expect(fresh.lines).toEqual([])
    first.core.close()

    const { openTestCore, loginAs, STAFF } = await import('../../support/accounts')
    const again = await openTestCore({ dataDir: first.dataDir })
    shops.push(again)
    const session = await loginAs(again.core, STAFF.cashier.username, STAFF.cashier.password)
    const parked = await callOk(again.core, session, 'cart:list-parked', {})
    expect(parked).toMatchObject([{ id: cart.id, note: 'lady in red', lineCount: 1, total: 350 }])
    const resumed = await callOk(again.core, session, 'cart:resume', { cartId: cart.id })
    expect(resumed.lines.map((l) => l.sku)).toEqual(['COLA-330'])
    expect(await callOk(again.core, session, 'cart:list-parked', {})).toEqual([])
  })

  it('lets a manager void today’s sale, reversing the ledger to zero and giving the coupon back', async () => {
    const { core, cashier, manager, dataDir } = await shop()
    const cart = await callOk(core, cashier, 'cart:open', {})
    await callOk(core, cashier, 'cart:add-item', { cartId: cart.id, code: GOODS.rice.sku })
    await callOk(core, cashier, 'cart:apply-coupon', { cartId: cart.id, code: 'ONCE5' })
    const { order } = await callOk(core, cashier, 'checkout:begin', {
      cartId: cart.id,
      checkoutKey: 'void-me-1',
      cash: { tendered: '50' }
    })

    expect(
      await core.router.dispatch(
        'orders:void',
        { orderId: order.id, reason: 'wrong item' },
        { sessionId: cashier }
      )
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' }
    })
    const voided = await callOk(core, manager, 'orders:void', { orderId: order.id, reason: 'wrong item' })
    expect(voided.status).toBe('voided')
    expect(Object.values(ledgerBalances(dataDir)).every((net) => net === 0)).toBe(true)
    expect(rowCounts(dataDir).redemptions).toBe(0)
    const again = await core.router.dispatch(
      'orders:void',
      { orderId: order.id, reason: 'twice' },
      { sessionId: manager }
    )
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  it('finds orders in history by number, amount and status', async () => {
    const { core, cashier } = await shop()
    for (const code of [GOODS.cola.sku, GOODS.rice.sku]) {
      const cart = await callOk(core, cashier, 'cart:open', {})
      await callOk(core, cashier, 'cart:add-item', { cartId: cart.id, code })
      await callOk(core, cashier, 'checkout:begin', {
        cartId: cart.id,
        cash: { tendered: '100' },
        checkoutKey: `hist-${code}`
      })
    }
    expect((await callOk(core, cashier, 'orders:search', {})).total).toBe(2)
    expect(
      (await callOk(core, cashier, 'orders:search', { number: '000002' })).orders.map((o) => o.total)
    ).toEqual([3990])
    expect(
      (await callOk(core, cashier, 'orders:search', { minTotal: '10' })).orders.map((o) => o.number)
    ).toEqual(['T01-000002'])
    expect((await callOk(core, cashier, 'orders:search', { status: 'voided' })).total).toBe(0)
  })
})

describe('the store currency', () => {
  it('cannot change once a sale has been made in it', async () => {
    const { core, owner, cashier } = await shop()
    const cart = await callOk(core, cashier, 'cart:open', {})
    await callOk(core, cashier, 'cart:add-item', { cartId: cart.id, code: GOODS.cola.sku })
    await callOk(core, cashier, 'checkout:begin', {
      cartId: cart.id,
      checkoutKey: 'currency-sale-1',
      cash: { tendered: '10' }
    })
    const profile = await callOk(core, owner, 'settings:get', {})
    const refused = await core.router.dispatch(
      'settings:update',
      { ...profile, currency: 'HKD' },
      { sessionId: owner }
    )
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'currency' } })
    expect(await callOk(core, owner, 'settings:update', { ...profile, storeName: 'Renamed' })).toMatchObject({
      currency: 'CNY'
    })
  })
})
