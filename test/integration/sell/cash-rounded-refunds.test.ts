import { afterEach, describe, expect, it } from 'vitest'
import { callOk } from '../../support/accounts'
import { ledgerBalances, openShop } from './sell-fixture'

// specs/settlement.md, "Refunds of a cash-rounded sale": the drawer gives back coins of the increment,
// the last refund gives back exactly what is left of what was collected, and the report, the drawer
// and the ledger agree.

const shops: Array<{ close(): void }> = []
afterEach(() => {
  for (const shop of shops.splice(0)) shop.close()
})

type Mode = 'half-up' | 'down'

async function cashShop(increment: string, mode: Mode, prices: string[]) {
  const shop = await openShop()
  shops.push(shop)
  const { core, owner, cashier } = shop
  const profile = await callOk(core, owner, 'settings:get', {})
  await callOk(core, owner, 'settings:update', {
    ...profile,
    cashIncrement: increment,
    cashRoundingMode: mode
  })
  const cart = await callOk(core, cashier, 'cart:open', {})
  for (const [i, price] of prices.entries()) {
    await callOk(core, owner, 'catalog:create-product', {
      sku: `ITEM-${i}`,
      nameZh: `商品${i}`,
      nameEn: `Item ${i}`,
      price,
      taxRate: '0'
    })
    await callOk(core, cashier, 'cart:add-item', { cartId: cart.id, code: `ITEM-${i}` })
  }
  const { order } = await callOk(core, cashier, 'checkout:begin', {
    cartId: cart.id,
    checkoutKey: `sale-${increment}-${mode}`,
    // Far above any of these carts: the cashier confirmed it (issue 10's plausibility check).
    cash: { tendered: '1000', confirmLargeTender: true }
  })
  return { ...shop, order }
}

/** Refunds lines one call each (a list of line indexes per call); returns the cash of each refund. */
async function refundInTurn(
  shop: Awaited<ReturnType<typeof cashShop>>,
  calls: number[][]
): Promise<number[]> {
  const amounts: number[] = []
  for (const [n, indexes] of calls.entries()) {
    const refund = await callOk(shop.core, shop.manager, 'refunds:create', {
      orderId: shop.order.id,
      refundKey: `refund-${n}`,
      reason: 'returned',
      lines: indexes.map((i) => ({ lineId: shop.order.lines[i]!.id, quantity: '1' }))
    })
    amounts.push(refund.amount)
  }
  return amounts
}

/** The drawer, the Z-report and the ledger after the refunds: all agree, and nothing is left owed. */
async function expectAgreement(shop: Awaited<ReturnType<typeof cashShop>>, drawer: number) {
  const { core, owner, dataDir } = shop
  // The owner supervises the drawer (a cashier's count may be blind).
  const { shift } = await callOk(core, owner, 'shifts:current', {})
  expect(shift!.drawer!.expected).toBe(drawer)
  expect(ledgerBalances(dataDir).cash_drawer ?? 0).toBe(drawer)
  const date = '2025-03-01'
  const report = await callOk(core, owner, 'settlement:report', { date })
  expect(report.collected).toBe(drawer)
  expect(report.netSales + report.cashRounding).toBe(report.collected)
  expect((await callOk(core, owner, 'settlement:ledger-check', { date })).agrees).toBe(true)
}

describe('refunds of a cash-rounded sale', () => {
  it("the spec's worked example: 3 × ¥0.66 at ¥0.05 half-up, collected ¥2.00 → ¥0.65, ¥0.65, ¥0.70", async () => {
    const shop = await cashShop('0.05', 'half-up', ['0.66', '0.66', '0.66'])
    expect(shop.order.payable).toBe(200)
    expect(await refundInTurn(shop, [[0], [1], [2]])).toEqual([65, 65, 70])
    expect((await callOk(shop.core, shop.manager, 'orders:get', { orderId: shop.order.id })).status).toBe(
      'refunded'
    )
    await expectAgreement(shop, 0)
  })

  it('refunding all three lines at once gives back the ¥2.00 collected', async () => {
    const shop = await cashShop('0.05', 'half-up', ['0.66', '0.66', '0.66'])
    expect(await refundInTurn(shop, [[0, 1, 2]])).toEqual([200])
    await expectAgreement(shop, 0)
  })

  it('1 × ¥1.98 paid ¥2.00: refunding the line gives back ¥2.00 and leaves the order refunded (issue 13)', async () => {
    const shop = await cashShop('0.05', 'half-up', ['1.98'])
    expect(await refundInTurn(shop, [[0]])).toEqual([200])
    const left = await callOk(shop.core, shop.manager, 'refunds:refundable', { orderId: shop.order.id })
    expect(left.refundable).toBe(0)
    expect((await callOk(shop.core, shop.manager, 'orders:get', { orderId: shop.order.id })).status).toBe(
      'refunded'
    )
    await expectAgreement(shop, 0)
  })

  it('a refund by amount is rounded to the coins too, and the rest empties the order', async () => {
    const shop = await cashShop('0.05', 'half-up', ['1.98'])
    const refund = (amount: string, key: string) =>
      callOk(shop.core, shop.manager, 'refunds:create', {
        orderId: shop.order.id,
        refundKey: key,
        reason: 'goodwill',
        amount
      })
    expect((await refund('0.99', 'amount-1')).amount).toBe(100)
    expect((await refund('1.00', 'amount-2')).amount).toBe(100)
    expect((await callOk(shop.core, shop.manager, 'orders:get', { orderId: shop.order.id })).status).toBe(
      'refunded'
    )
    await expectAgreement(shop, 0)
  })

  it('a partial refund leaves the drawer holding a multiple of the increment, and the report agrees', async () => {
    const shop = await cashShop('0.05', 'half-up', ['0.66', '0.66', '0.66'])
    expect(await refundInTurn(shop, [[1]])).toEqual([65])
    await expectAgreement(shop, 135)
  })

  const cases: Array<[string, Mode, string[], number]> = [
    ['0.05', 'half-up', ['0.66', '0.66', '0.66'], 200],
    ['0.05', 'down', ['0.66', '0.66', '0.66'], 195],
    ['0.10', 'half-up', ['1.26', '2.37', '0.48'], 410],
    ['0.10', 'down', ['1.26', '2.37', '0.48'], 410],
    ['0.50', 'half-up', ['3.33', '3.33', '3.33'], 1000],
    ['0.50', 'down', ['3.33', '3.33', '3.33'], 950],
    ['1', 'half-up', ['4.49', '4.49', '4.49'], 1300],
    ['1', 'down', ['4.49', '4.49', '4.49'], 1300]
  ]
  it.each(cases)(
    'increment %s, %s: each partial refund is a multiple of the increment and they add up to what was collected',
    async (increment, mode, prices, collected) => {
      const shop = await cashShop(increment, mode, prices)
      expect(shop.order.payable).toBe(collected)
      const step = Math.round(Number(increment) * 100)
      const amounts = await refundInTurn(shop, [[0], [1], [2]])
      for (const amount of amounts.slice(0, -1)) expect(amount % step).toBe(0)
      expect(amounts.reduce((a, b) => a + b, 0)).toBe(collected)
      await expectAgreement(shop, 0)
    }
  )

  it('down (抹零) never gives back more than the share of a partial refund', async () => {
    const shop = await cashShop('0.10', 'down', ['1.26', '2.37', '0.48'])
    // 1.26 → 1.20 down; 2.37 → 2.30; the last gives back 4.10 − 3.50 = 0.60.
    expect(await refundInTurn(shop, [[0], [1], [2]])).toEqual([120, 230, 60])
    // The Z-report says which way cash was rounded.
    const report = await callOk(shop.core, shop.owner, 'settlement:report', { date: '2025-03-01' })
    expect(report).toMatchObject({ cashRoundingMode: 'down', cashRounding: 0 })
  })
})
