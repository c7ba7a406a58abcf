import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../src/main/app/create-core'
import { callOk } from '../../support/accounts'
import { GOODS, openShop } from '../sell/sell-fixture'

// Amounts typed far outside what a shop does are never written silently, and the API refuses what
// the screens refuse (`shared/money/unusual-amounts.ts`): through the real router on a real file.

const shops: Array<{ close(): void }> = []
afterEach(() => {
  for (const shop of shops.splice(0)) shop.close()
})

async function shop(options: { openShift?: boolean } = {}) {
  const opened = await openShop({ openShift: options.openShift ?? false })
  shops.push(opened)
  return opened
}

/** Rows an action writes: the drawer, the books, the audit log, the outbox, shifts and products. */
function written(dataDir: string): Record<string, number> {
  const db = new BetterSqlite3(join(dataDir, 'kassa.sqlite'), { readonly: true })
  try {
    const count = (table: string): number =>
      (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
    const closed = (
      db.prepare("SELECT count(*) AS n FROM shifts WHERE status = 'closed'").get() as { n: number }
    ).n
    const prices = db.prepare('SELECT sum(price_minor) AS s FROM products').get() as { s: number }
    return {
      cashMoves: count('cash_moves'),
      journal: count('journal_entries'),
      audit: count('audit_log'),
      outbox: count('outbox'),
      shifts: count('shifts'),
      closedShifts: closed,
      products: count('products'),
      priceSum: prices.s
    }
  } finally {
    db.close()
  }
}

async function refusal(core: Core, session: string, channel: string, input: unknown) {
  const result = await core.router.dispatch(channel as never, input as never, { sessionId: session })
  expect(result.ok).toBe(false)
  if (result.ok) throw new Error('accepted')
  return result.error
}

describe('a closing count that was not given', () => {
  it('is refused by the API, naming the field, with nothing written; an explicit zero is a count', async () => {
    const { core, cashier, manager, dataDir } = await shop()
    const opened = await callOk(core, cashier, 'shifts:open', { counts: { n10000: 2 } })
    const before = written(dataDir)
    for (const blank of [{}, { counts: {} }]) {
      const error = await refusal(core, manager, 'shifts:close', { shiftId: opened.id, ...blank })
      expect(error).toMatchObject({ code: 'VALIDATION', field: 'counts', key: 'errors.shift.countMissing' })
    }
    // Blank loose cash is no amount: refused on its own field before the service sees it.
    for (const other of ['', '   ']) {
      const error = await refusal(core, manager, 'shifts:close', { shiftId: opened.id, counts: {}, other })
      expect(error).toMatchObject({ code: 'VALIDATION', field: 'other' })
    }
    expect(written(dataDir)).toEqual(before)
    // One ¥0 box is a count of nothing: the whole drawer short, recorded as it is.
    const closed = await callOk(core, manager, 'shifts:close', { shiftId: opened.id, counts: { n10000: 0 } })
    expect(closed).toMatchObject({ status: 'closed', counted: 0, overShort: -20000 })
  })

  it('takes a loose-cash 0 as a count too', async () => {
    const { core, cashier, manager } = await shop()
    const opened = await callOk(core, cashier, 'shifts:open', { counts: {}, other: '0' })
    const closed = await callOk(core, manager, 'shifts:close', { shiftId: opened.id, counts: {}, other: '0' })
    expect(closed).toMatchObject({ status: 'closed', counted: 0, overShort: 0 })
  })

  it('refuses more notes of one face than the count screen takes (9,999)', async () => {
    const { core, cashier, manager, dataDir } = await shop()
    const opened = await callOk(core, cashier, 'shifts:open', { counts: {} })
    const before = written(dataDir)
    const error = await refusal(core, manager, 'shifts:close', {
      shiftId: opened.id,
      counts: { n10000: 6901234 }
    })
    expect(error).toMatchObject({
      code: 'VALIDATION',
      field: 'counts.n10000',
      key: 'errors.validation.tooBig',
      params: { maximum: '9999' }
    })
    expect(written(dataDir)).toEqual(before)
  })
})

describe('an opening float far above what a till needs', () => {
  it('is refused unless confirmed, naming the amount; ¥2,000 is taken without asking', async () => {
    const { core, cashier, dataDir } = await shop()
    const before = written(dataDir)
    const error = await refusal(core, cashier, 'shifts:open', { counts: { n10000: 21 } })
    expect(error).toMatchObject({
      code: 'VALIDATION',
      field: 'counts',
      key: 'errors.money.largeFloat',
      params: { amount: '¥2,100.00', limit: '¥2,000.00' }
    })
    expect(written(dataDir)).toEqual(before)
    const opened = await callOk(core, cashier, 'shifts:open', {
      counts: { n10000: 21 },
      confirmLargeFloat: true
    })
    expect(opened.drawer).toMatchObject({ float: 210000 })
  })

  it('at the limit, no question', async () => {
    const { core, cashier } = await shop()
    const opened = await callOk(core, cashier, 'shifts:open', { counts: { n10000: 20 } })
    expect(opened.drawer).toMatchObject({ float: 200000 })
  })
})

describe('cash in or out far above a drawer', () => {
  it('¥10,000,000 in is refused unless confirmed, naming the amount, with nothing written', async () => {
    const { core, manager, dataDir } = await shop({ openShift: true })
    const before = written(dataDir)
    const move = { direction: 'in' as const, amount: '10000000', reason: 'change' }
    const error = await refusal(core, manager, 'shifts:cash-move', move)
    expect(error).toMatchObject({
      code: 'VALIDATION',
      field: 'amount',
      key: 'errors.money.largeCashMove',
      params: { amount: '¥10,000,000.00', limit: '¥10,000.00' }
    })
    expect(written(dataDir)).toEqual(before)
    const moved = await callOk(core, manager, 'shifts:cash-move', { ...move, confirmLargeAmount: true })
    expect(moved.drawer).toMatchObject({ cashIn: 1_000_000_000 })
  })

  it('asks about a large cash out too, and takes ¥10,000 without asking', async () => {
    const { core, manager } = await shop({ openShift: true })
    await callOk(core, manager, 'shifts:cash-move', { direction: 'in', amount: '10000', reason: 'bank' })
    await callOk(core, manager, 'shifts:cash-move', {
      direction: 'in',
      amount: '5000',
      reason: 'bank',
      confirmLargeAmount: true
    })
    const error = await refusal(core, manager, 'shifts:cash-move', {
      direction: 'out',
      amount: '15000',
      reason: 'safe'
    })
    expect(error).toMatchObject({ field: 'amount', key: 'errors.money.largeCashMove' })
  })
})

describe('a product price of 0 or far above what a shop sells', () => {
  it('is refused unless confirmed, naming the amount; above the cap, refused whatever is said', async () => {
    const { core, manager, dataDir } = await shop()
    const product = { sku: 'BAG-1', nameZh: '购物袋', nameEn: 'Bag', price: '0', taxRate: '0.13' }
    const before = written(dataDir)
    expect(await refusal(core, manager, 'catalog:create-product', product)).toMatchObject({
      code: 'VALIDATION',
      field: 'price',
      key: 'errors.money.zeroPrice',
      params: { amount: '¥0.00' }
    })
    expect(
      await refusal(core, manager, 'catalog:create-product', { ...product, price: '10000.01' })
    ).toMatchObject({ field: 'price', key: 'errors.money.largePrice', params: { amount: '¥10,000.01' } })
    expect(
      await refusal(core, manager, 'catalog:create-product', {
        ...product,
        price: '99999999999',
        confirmUnusualPrice: true
      })
    ).toMatchObject({
      field: 'price',
      key: 'errors.money.priceOverCap',
      params: { amount: '¥99,999,999,999.00', limit: '¥999,999.99' }
    })
    expect(written(dataDir)).toEqual(before)
    const bag = await callOk(core, manager, 'catalog:create-product', {
      ...product,
      confirmUnusualPrice: true
    })
    expect(bag.priceMinor).toBe(0)
    // Editing its name does not ask about the price it already had.
    await callOk(core, manager, 'catalog:update-product', { id: bag.id, nameEn: 'Paper bag', price: '0' })
    // A change to the largest price asks, and is taken once confirmed.
    const change = { id: bag.id, price: '999999.99' }
    expect(await refusal(core, manager, 'catalog:update-product', change)).toMatchObject({
      field: 'price',
      key: 'errors.money.largePrice'
    })
    const dear = await callOk(core, manager, 'catalog:update-product', {
      ...change,
      confirmUnusualPrice: true
    })
    expect(dear.priceMinor).toBe(99_999_999)
    expect(
      await refusal(core, manager, 'catalog:update-product', {
        id: bag.id,
        price: '1000000',
        confirmUnusualPrice: true
      })
    ).toMatchObject({ field: 'price', key: 'errors.money.priceOverCap' })
  })

  it('a cart price change (改价) asks the same, and changes nothing until confirmed', async () => {
    const { core, manager } = await shop({ openShift: true })
    const cart = await callOk(core, manager, 'cart:open', {})
    const added = await callOk(core, manager, 'cart:add-item', { cartId: cart.id, code: GOODS.cola.sku })
    const lineId = added.lines[0]!.id
    const zero = { cartId: cart.id, lineId, unitPrice: '0' }
    expect(await refusal(core, manager, 'cart:override-price', zero)).toMatchObject({
      field: 'unitPrice',
      key: 'errors.money.zeroPrice'
    })
    const huge = { cartId: cart.id, lineId, unitPrice: '99999999999' }
    expect(await refusal(core, manager, 'cart:override-price', huge)).toMatchObject({
      field: 'unitPrice',
      key: 'errors.money.priceOverCap'
    })
    expect((await callOk(core, manager, 'cart:get', { cartId: cart.id })).lines[0]).toMatchObject({
      unitPrice: 350
    })
    const free = await callOk(core, manager, 'cart:override-price', { ...zero, confirmUnusualPrice: true })
    expect(free.lines[0]).toMatchObject({ unitPrice: 0 })
  })

  it('a CSV row above the cap is refused with the key; the import takes nothing of it', async () => {
    const { core, manager } = await shop()
    const csv = [
      'sku,barcodes,name_zh,name_en,category,price,tax_rate,unit,active',
      'BIG-1,,金条,Gold,,99999999999,0.13,piece,yes'
    ].join('\n')
    const preview = await callOk(core, manager, 'catalog:import-preview', { csv })
    expect(preview.errors[0]).toMatchObject({ line: 2, field: 'price', key: 'errors.money.priceOverCap' })
  })
})
