import { Readable } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import type { Result } from '@shared/contract'
import { runCli } from '../../../src/main/cli/run-cli'
import { callOk } from '../../support/accounts'
import { GOODS, openShop } from '../sell/sell-fixture'

// Issue 11, items 6–8: odd strings, lenient and absurd values, and carts that belong to
// someone. Each refusal names its field and writes nothing; the same words on every path.

type Shop = Awaited<ReturnType<typeof openShop>>
const shops: Shop[] = []
afterEach(() => {
  for (const shop of shops.splice(0)) shop.close()
})
async function shop(): Promise<Shop> {
  const s = await openShop({ payments: { mode: 'off' } })
  shops.push(s)
  return s
}

async function quote(input: unknown): Promise<{ code: number; err: string }> {
  const err: string[] = []
  const code = await runCli(['quote'], {
    stdin: Readable.from([JSON.stringify(input)]),
    stdout: { write: () => true },
    stderr: { write: (t: string | Uint8Array) => void err.push(String(t)) }
  } as never)
  return { code, err: err.join('') }
}

const refused = (result: Result<unknown>) => (result.ok ? null : result.error)

describe('odd strings end as VALIDATION naming the field, never INTERNAL', () => {
  it('a NUL in a search, a lone surrogate in a trade number or a key, an over-long note', async () => {
    const { core, owner } = await shop()
    const cases: Array<[string, unknown, string]> = [
      ['catalog:search', { query: 'a\u0000b' }, 'query'],
      ['catalog:lookup-code', { code: '6901\u0000' }, 'code'],
      ['sandbox:act', { provider: 'alipay', tradeNo: 'T01\uD800', action: 'approve' }, 'tradeNo'],
      [
        'checkout:begin',
        { cartId: 'x', cash: { tendered: '1' }, checkoutKey: 'key-\uDC00-0001' },
        'checkoutKey'
      ],
      ['orders:search', { number: 'T01\u0000' }, 'number'],
      ['cart:park', { cartId: 'x', note: 'n'.repeat(5000) }, 'note']
    ]
    for (const [channel, input, field] of cases) {
      const error = refused(await core.router.dispatch(channel, input, { sessionId: owner }))
      expect(error, channel).toMatchObject({ code: 'VALIDATION', field })
    }
  })
})

describe('exact values: decimals as typed, whole pieces, real dates, coin steps', () => {
  it('refuses padded or newline-ended quantities and amounts, in the same words as `kassa quote`', async () => {
    const { core, cashier } = await shop()
    const cart = await callOk(core, cashier, 'cart:open', {})
    const line = (await callOk(core, cashier, 'cart:add-item', { cartId: cart.id, code: GOODS.cola.sku }))
      .lines[0]!
    const cli = await quote({ currency: 'CNY', lines: [{ quantity: ' 12.5 ', unitPrice: '1.00' }] })
    expect(cli.code).toBe(2)
    for (const quantity of [' 12.5 ', '12.5\n', '+1', '1e1', '.5']) {
      const error = refused(
        await core.router.dispatch(
          'cart:set-quantity',
          { cartId: cart.id, lineId: line.id, quantity },
          { sessionId: cashier }
        )
      )
      expect(error, JSON.stringify(quantity)).toMatchObject({ code: 'VALIDATION', field: 'quantity' })
      const reason = error!.message.replace('quantity: ', '')
      expect(cli.err).toContain(`lines[0].quantity: ${reason}`)
    }
    expect(
      refused(
        await core.router.dispatch(
          'checkout:begin',
          { cartId: cart.id, checkoutKey: 'odd-key-0001', cash: { tendered: '12.5\n' } },
          { sessionId: cashier }
        )
      )
    ).toMatchObject({ code: 'VALIDATION', field: 'cash.tendered' })
    expect((await callOk(core, cashier, 'cart:get', { cartId: cart.id })).lines[0]!.quantity).toBe('1')
  })

  it('a piece item takes whole quantities only; a kg item takes grams', async () => {
    const { core, cashier } = await shop()
    const cart = await callOk(core, cashier, 'cart:open', {})
    const piece = refused(
      await core.router.dispatch(
        'cart:add-item',
        { cartId: cart.id, code: GOODS.cola.sku, quantity: '0.001' },
        { sessionId: cashier }
      )
    )
    expect(piece).toMatchObject({ code: 'VALIDATION', field: 'quantity', key: 'errors.cart.wholePieces' })
    expect((await callOk(core, cashier, 'cart:get', { cartId: cart.id })).lines).toEqual([])
    const kg = await callOk(core, cashier, 'cart:add-item', {
      cartId: cart.id,
      code: GOODS.apple.sku,
      quantity: '0.001'
    })
    expect(kg.lines[0]!.quantity).toBe('0.001')
  })

  it('the cash increment is one of the currency’s coin steps, and the till keeps selling', async () => {
    const { core, owner, cashier } = await shop()
    const profile = await callOk(core, owner, 'settings:get', {})
    for (const cashIncrement of ['99999999999999999999', '12.5', '0.03', '0.20', ' 0.10', '0.10\n', '0']) {
      const error = refused(
        await core.router.dispatch('settings:update', { ...profile, cashIncrement }, { sessionId: owner })
      )
      expect(error, cashIncrement).toMatchObject({ code: 'VALIDATION', field: 'cashIncrement' })
    }
    expect(await callOk(core, owner, 'settings:get', {})).toEqual(profile)
    expect(
      (await callOk(core, owner, 'settings:update', { ...profile, cashIncrement: '0.50' })).cashIncrement
    ).toBe('0.50')
    // China's 5-fen coin is still legal tender, and shops round to it.
    expect(
      (await callOk(core, owner, 'settings:update', { ...profile, cashIncrement: '0.05' })).cashIncrement
    ).toBe('0.05')
    expect((await callOk(core, cashier, 'cart:open', {})).status).toBe('draft')
  })

  it('dates are real calendar dates: 2026-02-30 is refused everywhere and stores nothing', async () => {
    const { core, owner } = await shop()
    for (const [channel, input, field] of [
      ['reconciliation:run', { date: '2026-02-30', provider: 'alipay' }, 'date'],
      ['settlement:report', { date: '2026-02-30' }, 'date'],
      ['coupons:create', { code: 'FEB30', type: 'amount', amount: '1.00', validTo: '2026-02-30' }, 'validTo'],
      ['orders:search', { from: '2026-13-01' }, 'from']
    ] as const) {
      expect(
        refused(await core.router.dispatch(channel, input, { sessionId: owner })),
        channel
      ).toMatchObject({
        code: 'VALIDATION',
        field
      })
    }
    expect(await callOk(core, owner, 'reconciliation:list', {})).toMatchObject({ runs: [] })
  })

  it("refuses the order history's filter with a range the wrong way round, or nonsense, on its field", async () => {
    const { core, owner } = await shop()
    for (const [input, field, key] of [
      // A reason's key is found by its words; the catalog's price words these two the same.
      [{ minTotal: '-5' }, 'minTotal', /[nN]egative$/],
      [{ minTotal: '−5' }, 'minTotal', /notADecimal|priceFormat$/],
      // A range the wrong way round would find nothing and say nothing.
      [{ minTotal: '10', maxTotal: '5.00' }, 'maxTotal', 'errors.validation.notBelowMinimum'],
      [{ from: '2026-03-02', to: '2026-03-01' }, 'to', 'errors.validation.notBeforeStart'],
      // One amount malformed: its own reason, never an internal error from comparing it.
      [{ minTotal: '10', maxTotal: 'abc' }, 'maxTotal', /notADecimal|priceFormat$/]
    ] as const) {
      expect(
        refused(await core.router.dispatch('orders:search', input, { sessionId: owner })),
        field
      ).toMatchObject({
        code: 'VALIDATION',
        field,
        key
      })
    }
    // Equal ends are a range: one amount, one day.
    await callOk(core, owner, 'orders:search', {
      minTotal: '5',
      maxTotal: '5.00',
      from: '2026-03-01',
      to: '2026-03-01'
    })
  })
})

describe('carts belong to someone', () => {
  it('another user cannot change, pay or drop a cashier’s cart by its id; parking hands it over', async () => {
    const { core, cashier, manager } = await shop()
    const cart = await callOk(core, cashier, 'cart:open', {})
    const line = (await callOk(core, cashier, 'cart:add-item', { cartId: cart.id, code: GOODS.cola.sku }))
      .lines[0]!
    const as = (session: string, channel: string, input: unknown) =>
      core.router.dispatch(channel, input, { sessionId: session })
    for (const [channel, input] of [
      ['cart:get', { cartId: cart.id }],
      ['cart:add-item', { cartId: cart.id, code: GOODS.rice.sku }],
      ['cart:set-quantity', { cartId: cart.id, lineId: line.id, quantity: '9' }],
      ['cart:remove-line', { cartId: cart.id, lineId: line.id }],
      ['cart:set-line-discount', { cartId: cart.id, lineId: line.id, discount: { type: 'rate', rate: '1' } }],
      ['cart:apply-coupon', { cartId: cart.id, code: 'SAVE10' }],
      ['cart:park', { cartId: cart.id }],
      ['cart:discard', { cartId: cart.id }],
      ['checkout:begin', { cartId: cart.id, cash: { tendered: '10' }, checkoutKey: 'steal-key-0001' }],
      ['checkout:begin', { cartId: cart.id, checkoutKey: 'steal-key-0002' }]
    ] as const) {
      expect(refused(await as(manager, channel, input)), channel).toMatchObject({
        code: 'CONFLICT',
        field: 'cartId',
        key: 'errors.cart.notYours'
      })
    }
    const mine = await callOk(core, cashier, 'cart:get', { cartId: cart.id })
    expect(mine.lines.map((l) => [l.sku, l.quantity])).toEqual([[GOODS.cola.sku, '1']])
    expect(mine.status).toBe('draft')

    // The explicit hand-over: the cashier parks it, the manager resumes it; now it is theirs.
    await callOk(core, cashier, 'cart:park', { cartId: cart.id })
    expect((await callOk(core, manager, 'cart:resume', { cartId: cart.id })).id).toBe(cart.id)
    expect(
      refused(await as(cashier, 'cart:add-item', { cartId: cart.id, code: GOODS.rice.sku }))
    ).toMatchObject({
      key: 'errors.cart.notYours'
    })
    expect(
      (await callOk(core, manager, 'cart:add-item', { cartId: cart.id, code: GOODS.rice.sku })).lines
    ).toHaveLength(2)
  })
})
