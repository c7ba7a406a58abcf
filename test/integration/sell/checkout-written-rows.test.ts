import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { orderDetail } from '../../../src/main/services/sell/order-views'
import { verifyAuditChain } from '../../../src/main/services/audit-verify'
import { auditHash } from '../../../src/main/store/repos/audit-repo'
import { openConnection } from '../../../src/main/store/connection'
import { createStore } from '../../../src/main/store/store'
import { callOk } from '../../support/accounts'
import { GOODS, openShop } from './sell-fixture'

// Issue 12: the quick cash sale builds its row, its view, the `order.paid` payload and the audit
// entry from what it has just written instead of reading the rows back, and the role gate and the
// sale read the store profile, the sign-in rules, the cashier's row and the open shift from the
// store's read cache. These tests pin both: what is written is byte for byte what reading the rows
// back builds, and a change saved through a service is what the very next call sees.

const shops: Array<{ close(): void }> = []
afterEach(() => {
  for (const shop of shops.splice(0)) shop.close()
})

async function shop() {
  const opened = await openShop()
  shops.push(opened)
  return opened
}

interface Stored {
  payload: string
  payload_sha256: string
}

describe('the quick cash sale writes what its rows say', () => {
  it('stores the order.paid payload and the audit entry exactly as reading the rows back builds them', async () => {
    const { core, cashier, dataDir } = await shop()
    const cart = await callOk(core, cashier, 'cart:open', {})
    // Two tax rates, a kg line and an applied coupon: every part of the view is filled.
    await callOk(core, cashier, 'cart:add-item', {
      cartId: cart.id,
      code: GOODS.cola.barcodes[0]!,
      quantity: '3'
    })
    await callOk(core, cashier, 'cart:add-item', { cartId: cart.id, code: GOODS.rice.sku })
    await callOk(core, cashier, 'cart:add-item', {
      cartId: cart.id,
      code: GOODS.apple.barcodes[0]!,
      quantity: '0.52'
    })
    await callOk(core, cashier, 'cart:apply-coupon', { cartId: cart.id, code: 'SAVE10' })
    const paid = await callOk(core, cashier, 'checkout:begin', {
      cartId: cart.id,
      checkoutKey: 'pinned-rows-1',
      cash: { tendered: '100' }
    })

    const db = openConnection(join(dataDir, 'kassa.sqlite'))
    try {
      const store = createStore(db)
      const row = store.orders.get(paid.order.id)!
      const view = orderDetail(store, row)
      // The view answered and the view pushed are the one built from the rows as they stand, key for key.
      expect(JSON.stringify(paid.order)).toBe(JSON.stringify(view))
      const event = db
        .prepare("SELECT payload, payload_sha256 FROM outbox WHERE type = 'order.paid' AND aggregate_id = ?")
        .get(row.id) as Stored
      expect(event.payload).toBe(JSON.stringify({ ...view, cashierUserId: row.cashier_user_id }))
      expect(event.payload_sha256).toBe(createHash('sha256').update(event.payload, 'utf8').digest('hex'))

      const audit = db
        .prepare("SELECT * FROM audit_log WHERE action = 'order.paid' AND subject = ?")
        .get(row.id) as Record<string, string>
      const details = {
        number: row.number,
        total: row.paid_total,
        change: row.change_given,
        methods: ['cash']
      }
      expect(audit['details']).toBe(JSON.stringify(details))
      expect(audit['hash']).toBe(
        auditHash(audit['prev_hash']!, {
          id: audit['id']!,
          at: audit['at']!,
          actorUserId: row.cashier_user_id,
          approverUserId: null,
          action: 'order.paid',
          subject: row.id,
          details
        })
      )
      expect(verifyAuditChain(store.audit.iterate())).toMatchObject({ ok: true })
    } finally {
      db.close()
    }
  })
})

describe('what the checkout reads from the read cache follows every change', () => {
  it('shows the cashier’s new name on the next sale after the owner renames them', async () => {
    const { core, owner, cashier } = await shop()
    const sell = async (key: string) => {
      const cart = await callOk(core, cashier, 'cart:open', {})
      await callOk(core, cashier, 'cart:add-item', { cartId: cart.id, code: GOODS.rice.sku })
      return callOk(core, cashier, 'checkout:begin', {
        cartId: cart.id,
        checkoutKey: key,
        cash: { tendered: '50' }
      })
    }
    const first = await sell('rename-sale-1')
    expect(first.order.cashierName).toBe('Cashier Li')
    const users = await callOk(core, owner, 'users:list', {})
    const li = users.find((u) => u.displayName === 'Cashier Li')!
    await callOk(core, owner, 'users:update', { id: li.id, displayName: 'Cashier Li Wei' })
    expect((await sell('rename-sale-2')).order.cashierName).toBe('Cashier Li Wei')

    // Deactivated: the very next call is refused, though the gate had the row a moment ago.
    await callOk(core, owner, 'users:update', { id: li.id, active: false })
    const refused = await core.router.dispatch('cart:open', {}, { sessionId: cashier })
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })

  it('prices the next sale by the store profile just saved', async () => {
    const { core, owner, cashier } = await shop()
    const profile = await callOk(core, owner, 'settings:get', {})
    const sell = async (key: string) => {
      const cart = await callOk(core, cashier, 'cart:open', {})
      // 0.52 kg at 12.80 is 6.66: to the nearest 0.10 that is 6.70, rounded down (抹零) 6.60.
      await callOk(core, cashier, 'cart:add-item', {
        cartId: cart.id,
        code: GOODS.apple.barcodes[0]!,
        quantity: '0.52'
      })
      return callOk(core, cashier, 'checkout:begin', {
        cartId: cart.id,
        checkoutKey: key,
        cash: { tendered: '10' }
      })
    }
    await callOk(core, owner, 'settings:update', {
      ...profile,
      cashIncrement: '0.10',
      cashRoundingMode: 'half-up'
    })
    expect((await sell('profile-sale-1')).due).toBe(670)
    await callOk(core, owner, 'settings:update', {
      ...profile,
      cashIncrement: '0.10',
      cashRoundingMode: 'down'
    })
    expect((await sell('profile-sale-2')).due).toBe(660)
  })

  it('locks an idle till by the sign-in rules just saved', async () => {
    const { core, owner, cashier, clock } = await shop()
    await callOk(core, cashier, 'cart:open', {})
    const rules = await callOk(core, owner, 'security:get', {})
    expect(rules.idleLockMinutes).toBeGreaterThan(2)
    await callOk(core, owner, 'security:update', { ...rules, idleLockMinutes: 1 })
    clock.advance(90_000)
    const refused = await core.router.dispatch('cart:open', {}, { sessionId: cashier })
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', key: 'errors.accounts.tillLocked' }
    })
  })

  it('refuses a sale once the shift is closed, though the sale before it read the open shift', async () => {
    const { core, cashier, manager } = await shop()
    const cart = await callOk(core, cashier, 'cart:open', {})
    await callOk(core, cashier, 'cart:add-item', { cartId: cart.id, code: GOODS.rice.sku })
    await callOk(core, cashier, 'checkout:begin', {
      cartId: cart.id,
      checkoutKey: 'shift-sale-1',
      cash: { tendered: '50' }
    })
    const { shift } = await callOk(core, cashier, 'shifts:current', {})
    await callOk(core, manager, 'shifts:close', { shiftId: shift!.id, counts: {}, other: '0' })
    const next = await callOk(core, cashier, 'cart:open', {})
    await callOk(core, cashier, 'cart:add-item', { cartId: next.id, code: GOODS.rice.sku })
    const refused = await core.router.dispatch(
      'checkout:begin',
      { cartId: next.id, checkoutKey: 'shift-sale-2', cash: { tendered: '50' } },
      { sessionId: cashier }
    )
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'shift' } })
  })
})
