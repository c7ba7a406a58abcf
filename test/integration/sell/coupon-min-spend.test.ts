import { afterEach, describe, expect, it } from 'vitest'
import type { Result } from '@shared/contract'
import { openShop } from './sell-fixture'

// A coupon taking off more than its minimum spend (¥50 off from ¥30) was accepted silently. The
// rule lives in the shared coupon schema, so the till's channel and the head office refuse alike
// (the head office's side: test/integration/server/hq-master-web.test.ts).

type Shop = Awaited<ReturnType<typeof openShop>>
const shops: Shop[] = []
afterEach(() => {
  for (const shop of shops.splice(0)) shop.close()
})

const refused = (result: Result<unknown>) => (result.ok ? null : result.error)

describe('a coupon’s amount and its minimum spend on the till', () => {
  it('refuses an amount above the minimum spend, naming the amount, and writes nothing', async () => {
    const shop = await openShop({ payments: { mode: 'off' } })
    shops.push(shop)
    const { core, owner } = shop
    const before = await core.router.dispatch('coupons:list', {}, { sessionId: owner })
    const result = await core.router.dispatch(
      'coupons:create',
      { code: 'BIG50', type: 'amount', amount: '50', minSpend: '30.00' },
      { sessionId: owner }
    )
    expect(refused(result)).toMatchObject({
      code: 'VALIDATION',
      field: 'amount',
      key: 'errors.coupons.amountAboveMinSpend',
      params: { minSpend: '30.00' }
    })
    expect(await core.router.dispatch('coupons:list', {}, { sessionId: owner })).toEqual(before)

    // Up to the minimum spend is fine, and so is any amount with no minimum (or a minimum of 0).
    for (const [code, minSpend] of [
      ['EVEN30', '30'],
      ['NOMIN', undefined],
      ['ZERO', '0']
    ] as const) {
      const ok = await core.router.dispatch(
        'coupons:create',
        { code, type: 'amount', amount: '30', ...(minSpend === undefined ? {} : { minSpend }) },
        { sessionId: owner }
      )
      expect(ok.ok, code).toBe(true)
    }
  })
})
