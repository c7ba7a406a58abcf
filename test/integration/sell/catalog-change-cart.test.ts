import { afterEach, describe, expect, it } from 'vitest'
import type { CartView } from '@shared/contract/channels/cart'
import { v7 as uuidv7 } from 'uuid'
import { createEnrolCode } from '../../../src/server/enrol/enrol-service'
import { callOk, loginAs, openTestCore, STAFF, type TestCore } from '../../support/accounts'
import { startTestHq } from '../../support/hq'
import { GOODS, openShop } from './sell-fixture'
import { tempDir } from '../../support/temp-dir'

// README "Selling", "When the catalog changes under a cart": a line keeps what it was rung up at;
// a later scan at a new price or tax rate starts a new line; the line tells what changed; goods
// taken off sale cannot be added again. Everything through the real services on a real SQLite file.

type Shop = Awaited<ReturnType<typeof openShop>>
let shop: Shop | undefined
let reopened: TestCore | undefined
afterEach(() => {
  shop?.close()
  reopened?.close()
  shop = reopened = undefined
})

const COLA = GOODS.cola.barcodes[0]!
const productId = async (s: Shop, sku: string): Promise<string> => {
  const found = await callOk(s.core, s.owner, 'catalog:search', { query: sku })
  return found.products.find((p) => p.sku === sku)!.id
}
const scan = (s: Shop, cartId: string, code: string) =>
  callOk(s.core, s.cashier, 'cart:add-item', { cartId, code })
const colaLines = (cart: CartView) =>
  cart.lines
    .filter((line) => line.sku === GOODS.cola.sku)
    .map((line) => ({ quantity: line.quantity, unitPrice: line.unitPrice, change: line.catalogChange }))

async function payCash(s: Shop, cart: CartView, key: string) {
  return (
    await callOk(s.core, s.cashier, 'checkout:begin', {
      cartId: cart.id,
      cash: { tendered: '100' },
      checkoutKey: key
    })
  ).order
}

describe('a product that changes while a cart holds it', () => {
  it('a manager edits the price between two scans: a new line at the new price, the old one flagged, paid as shown', async () => {
    shop = await openShop()
    const cart = await callOk(shop.core, shop.cashier, 'cart:open', {})
    await scan(shop, cart.id, COLA)
    await scan(shop, cart.id, COLA)
    const id = await productId(shop, GOODS.cola.sku)
    await callOk(shop.core, shop.owner, 'catalog:update-product', { id, price: '3.80' })

    // Nothing the customer saw moved; the line says what the shelf says now.
    const seen = await callOk(shop.core, shop.cashier, 'cart:get', { cartId: cart.id })
    expect(colaLines(seen)).toEqual([
      { quantity: '2', unitPrice: 350, change: { unitPrice: 380, taxRate: null, onSale: true } }
    ])
    expect(seen.totals.total).toBe(700)

    await scan(shop, cart.id, COLA)
    const after = await scan(shop, cart.id, COLA)
    expect(colaLines(after)).toEqual([
      { quantity: '2', unitPrice: 350, change: { unitPrice: 380, taxRate: null, onSale: true } },
      { quantity: '2', unitPrice: 380, change: null }
    ])
    expect(after.totals.total).toBe(2 * 350 + 2 * 380)

    const order = await payCash(shop, after, 'price-moved-1')
    expect(order.total).toBe(after.totals.total)
    expect(order.lines.map((line) => [line.quantity, line.unitPrice, line.gross])).toEqual([
      ['2', 350, 700],
      ['2', 380, 760]
    ])
  })

  it('back to the old price: scans merge into the old line again; a tax rate change splits as a price does', async () => {
    shop = await openShop()
    const id = await productId(shop, GOODS.cola.sku)
    const cart = await callOk(shop.core, shop.cashier, 'cart:open', {})
    await scan(shop, cart.id, COLA)
    await callOk(shop.core, shop.owner, 'catalog:update-product', { id, price: '3.80' })
    await callOk(shop.core, shop.owner, 'catalog:update-product', { id, price: '3.50' })
    expect(colaLines(await scan(shop, cart.id, COLA))).toEqual([
      { quantity: '2', unitPrice: 350, change: null }
    ])

    await callOk(shop.core, shop.owner, 'catalog:update-product', { id, taxRate: '0.09' })
    const split = await scan(shop, cart.id, COLA)
    expect(colaLines(split)).toEqual([
      { quantity: '2', unitPrice: 350, change: { unitPrice: null, taxRate: '0.09', onSale: true } },
      { quantity: '1', unitPrice: 350, change: null }
    ])
    expect(split.lines.map((line) => line.taxRate)).toEqual(['0.13', '0.09'])
    const order = await payCash(shop, split, 'tax-moved-1')
    expect(order.total).toBe(split.totals.total)
    expect(order.taxTotal).toBe(split.totals.taxTotal)
  })

  it('taken off sale: no new scan and no more on the line, the line flagged, fewer and payment still allowed', async () => {
    shop = await openShop()
    const id = await productId(shop, GOODS.cola.sku)
    const cart = await callOk(shop.core, shop.cashier, 'cart:open', {})
    const first = await scan(shop, cart.id, COLA)
    await callOk(shop.core, shop.cashier, 'cart:set-quantity', {
      cartId: cart.id,
      lineId: first.lines[0]!.id,
      quantity: '3'
    })
    await callOk(shop.core, shop.owner, 'catalog:deactivate-product', { id })

    const refused = await shop.core.router.dispatch(
      'cart:add-item',
      { cartId: cart.id, code: COLA },
      { sessionId: shop.cashier }
    )
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'errors.catalog.notOnSale' } })
    const lineId = first.lines[0]!.id
    const more = await shop.core.router.dispatch(
      'cart:set-quantity',
      { cartId: cart.id, lineId, quantity: '4' },
      { sessionId: shop.cashier }
    )
    expect(more).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'quantity', key: 'errors.catalog.notOnSale' }
    })
    const fewer = await callOk(shop.core, shop.cashier, 'cart:set-quantity', {
      cartId: cart.id,
      lineId,
      quantity: '2'
    })
    expect(colaLines(fewer)).toEqual([
      { quantity: '2', unitPrice: 350, change: { unitPrice: null, taxRate: null, onSale: false } }
    ])
    const order = await payCash(shop, fewer, 'off-sale-1')
    expect(order.total).toBe(700)
  })

  it('a parked cart, then a restart: the resumed cart keeps its prices and shows the change', async () => {
    const dataDir = tempDir('kassa-catalog-change-')
    shop = await openShop({ dataDir })
    const id = await productId(shop, GOODS.cola.sku)
    const parked = await callOk(shop.core, shop.cashier, 'cart:open', {})
    await scan(shop, parked.id, COLA)
    await callOk(shop.core, shop.cashier, 'cart:park', { cartId: parked.id })
    await callOk(shop.core, shop.owner, 'catalog:update-product', { id, price: '3.80' })
    expect((await callOk(shop.core, shop.cashier, 'cart:list-parked', {}))[0]!.total).toBe(350)
    shop.stop()

    // The same file opened again, as after a restart.
    reopened = await openTestCore({ dataDir })
    const { core } = reopened
    const cashier = await loginAs(core, STAFF.cashier.username, STAFF.cashier.password)
    const resumed = await callOk(core, cashier, 'cart:resume', { cartId: parked.id })
    expect(colaLines(resumed)).toEqual([
      { quantity: '1', unitPrice: 350, change: { unitPrice: 380, taxRate: null, onSale: true } }
    ])
    const added = await callOk(core, cashier, 'cart:add-item', { cartId: parked.id, code: COLA })
    expect(colaLines(added).map((line) => line.unitPrice)).toEqual([350, 380])
  })
})

describe('a head-office pull between two scans', () => {
  it('the till pulls 2.50 → 2.80: the second Cola is a new line at ¥2.80, the first stays at ¥2.50 and says so', async () => {
    const hq = await startTestHq('sqlite')
    // Enrolling changes the till's code, so it comes before the shift.
    shop = await openShop({ openShift: false, start: hq.clock.now().toISOString() })
    const { code } = await createEnrolCode(hq.db, hq.clock, 'Main street')
    const status = await callOk(shop.core, shop.owner, 'sync:enrol', { hqUrl: hq.url, code })
    const storeId = (
      await hq.db.query<{ store_id: string }>('SELECT store_id FROM tills WHERE id = ?', [status.tillId!])
    )[0]!.store_id
    const colaId = uuidv7()
    const cola = (priceMinor: number) => ({
      entity: 'product' as const,
      id: colaId,
      op: 'put' as const,
      data: {
        id: colaId,
        sku: 'HQ-COLA',
        nameZh: '可乐 330ml 罐',
        nameEn: 'Cola 330ml can',
        categoryId: null,
        priceMinor,
        taxRate: '0.13',
        unit: 'piece',
        active: true
      }
    })
    await hq.publish(storeId, [
      cola(250),
      {
        entity: 'barcode',
        id: '6970000000033',
        op: 'put',
        data: { barcode: '6970000000033', productId: colaId, position: 0 }
      }
    ])
    await callOk(shop.core, shop.cashier, 'sync:now', {})
    await callOk(shop.core, shop.cashier, 'shifts:open', { counts: {} })
    const cart = await callOk(shop.core, shop.cashier, 'cart:open', {})
    await scan(shop, cart.id, '6970000000033')
    await scan(shop, cart.id, '6970000000033')

    await hq.publish(storeId, [cola(280)])
    await callOk(shop.core, shop.cashier, 'sync:now', {})
    const after = await scan(shop, cart.id, '6970000000033')
    const lines = after.lines.map((line) => [line.quantity, line.unitPrice, line.catalogChange])
    expect(lines).toEqual([
      ['2', 250, { unitPrice: 280, taxRate: null, onSale: true }],
      ['1', 280, null]
    ])
    const order = await payCash(shop, after, 'pulled-price-1')
    expect(order.total).toBe(780)
    expect(order.lines.map((line) => line.unitPrice)).toEqual([250, 280])
  })
})
