import { businessDate } from '@shared/time/zone'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ReconciliationDetail } from '@shared/contract/channels/reconciliation'
import { callOk } from '../../support/accounts'
import { GOODS, openShop } from '../sell/sell-fixture'
import { alipayBillFile, wechatBillFile } from './bill-files'
import {
  TIMING,
  ledger,
  waitForState,
  notifications,
  paymentStatus,
  refundAmount,
  sellWith,
  type Shop
} from './reconciliation-fixture'

// The sandbox gateway stamps trades with the real `Date`; faking only `Date` (still ticking)
// puts the providers and the till on a chosen day, e.g. a few seconds before Beijing midnight.
const MORNING = '2025-03-01T02:00:00.000Z' // 10:00 in Beijing, 2025-03-01
const DAY = '2025-03-01'

const shops: Shop[] = []
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true })
  vi.setSystemTime(new Date(MORNING))
})
afterEach(() => {
  for (const shop of shops.splice(0)) shop.close()
  vi.useRealTimers()
})

async function shop(
  payments: NonNullable<Parameters<typeof openShop>[0]>['payments'] = { timing: TIMING },
  start = MORNING
): Promise<Shop> {
  vi.setSystemTime(new Date(start))
  const opened = await openShop({ start, payments })
  shops.push(opened)
  return opened
}

/** round_half_up(amount × rate), independent of the code under test (rate in hundredths of a percent). */
const feeOf = (amount: number, rate: number): number => {
  const scaled = amount * rate
  return (scaled - (scaled % 10000)) / 10000 + (scaled % 10000 >= 5000 ? 1 : 0)
}

const results = (run: ReconciliationDetail) => run.rows.map((r) => [r.kind, r.tradeNo, r.result])

describe('reconciliation against the sandbox providers’ bills', () => {
  it('fetches each provider’s bill through its API, matches every sale and refund, and books the fees once', async () => {
    const s = await shop()
    const card = await sellWith(s, 'card') // ¥39.90
    const alipay = await sellWith(s, 'alipay')
    const wechat = await sellWith(s, 'wechat', GOODS.cola.sku) // ¥3.50
    const refundNo = await refundAmount(s, alipay.orderId, '5.00')

    const alipayRun = await callOk(s.core, s.owner, 'reconciliation:run', { date: DAY, provider: 'alipay' })
    expect(results(alipayRun)).toEqual([
      ['payment', alipay.tradeNo, 'matched'],
      ['refund', alipay.tradeNo, 'matched']
    ])
    expect(alipayRun.rows[1]!.refundNo).toBe(refundNo)
    const alipayFees = feeOf(3990, 60) - feeOf(500, 60) // 24 − 3
    expect(alipayRun).toMatchObject({
      source: 'fetch',
      billRows: 2,
      matched: 2,
      differences: 0,
      gross: 3990,
      refunds: 500,
      fees: alipayFees,
      net: 3990 - 500 - alipayFees,
      localGross: 3990,
      localRefunds: 500,
      feesPosted: alipayFees
    })
    const cardRun = await callOk(s.core, s.owner, 'reconciliation:run', { date: DAY, provider: 'card' })
    expect(results(cardRun)).toEqual([['payment', card.tradeNo, 'matched']])
    expect(cardRun).toMatchObject({ fees: feeOf(3990, 38), net: 3990 - feeOf(3990, 38) })
    const wechatRun = await callOk(s.core, s.owner, 'reconciliation:run', { date: DAY, provider: 'wechat' })
    expect(results(wechatRun)).toEqual([['payment', wechat.tradeNo, 'matched']])
    expect(wechatRun).toMatchObject({ gross: 350, fees: feeOf(350, 60), net: 350 - feeOf(350, 60) })

    const fees = alipayFees + feeOf(3990, 38) + feeOf(350, 60)
    let books = ledger(s.dataDir)
    expect(books.balances.provider_fees).toBe(fees)
    // What each clearing account still holds is exactly what the provider pays out.
    expect(books.balances.alipay_clearing).toBe(alipayRun.net)
    expect(books.balances.card_clearing).toBe(cardRun.net)
    expect(books.balances.wechat_clearing).toBe(wechatRun.net)
    expect(books.feeEntries).toBe(3)
    // Fees belong to the providers' bills, not to the till's day: the Z-report still agrees with the books.
    const tillDay = businessDate(s.clock.now(), (await callOk(s.core, s.owner, 'settings:get', {})).timeZone!)
    expect(await callOk(s.core, s.owner, 'settlement:ledger-check', { date: tillDay })).toMatchObject({
      agrees: true
    })

    // Again: the results are replaced, the fees are not booked twice.
    const again = await callOk(s.core, s.owner, 'reconciliation:run', { date: DAY, provider: 'alipay' })
    expect(again).toMatchObject({ matched: 2, differences: 0, feesPosted: 0 })
    books = ledger(s.dataDir)
    expect(books.balances.provider_fees).toBe(fees)
    expect(books.feeEntries).toBe(3)
    const list = await callOk(s.core, s.owner, 'reconciliation:list', {})
    expect(list.runs.map((r) => r.provider).sort()).toEqual(['alipay', 'card', 'wechat'])
    expect(list.runs.find((r) => r.provider === 'alipay')!.id).toBe(again.id)
    expect(await callOk(s.core, s.owner, 'reconciliation:get', { runId: alipayRun.id })).toMatchObject({
      rows: []
    })
    expect(
      await callOk(s.core, s.owner, 'reconciliation:get', { date: DAY, provider: 'alipay' })
    ).toMatchObject({ id: again.id, matched: 2 })
    // Nothing differed: nobody is bothered.
    expect((await notifications(s.core, s.owner)).filter((n) => /reconciliation|对账/.test(n.title))).toEqual(
      []
    )
  })

  it('queries and repairs a payment the till never learned about, and records the repair', async () => {
    // The customer pays, but no notification arrives and the till's watcher has not polled yet.
    const s = await shop({
      timing: { pollMs: 60_000, giveUpMs: 600_000 },
      scenarioFor: () => ({ customer: 'manual', notify: 'none' })
    })
    const sale = await sellWith(s, 'alipay', GOODS.rice.sku, { settle: false })
    expect(paymentStatus(s.dataDir, sale.tradeNo)).toBe('pending')

    const run = await callOk(s.core, s.owner, 'reconciliation:run', { date: DAY, provider: 'alipay' })
    expect(run.rows).toMatchObject([
      {
        tradeNo: sale.tradeNo,
        result: 'matched',
        repair: 'repaired',
        repairDetail: expect.stringContaining('now succeeded')
      }
    ])
    expect(run).toMatchObject({ matched: 1, differences: 0, repaired: 1 })
    expect(paymentStatus(s.dataDir, sale.tradeNo)).toBe('succeeded')
    const order = await callOk(s.core, s.owner, 'orders:get', { orderId: sale.orderId })
    expect(order.status).toBe('paid')
    expect(ledger(s.dataDir).balances.alipay_clearing).toBe(3990 - feeOf(3990, 60))
  })

  it('imports bill files with extra, missing and mismatched rows, tells a person, and posts only the fee difference on a re-run', async () => {
    const s = await shop()
    const a = await sellWith(s, 'alipay') // ¥39.90
    const b = await sellWith(s, 'alipay', GOODS.cola.sku) // ¥3.50
    const c = await sellWith(s, 'alipay', GOODS.cola.sku) // ¥3.50, left off the bill
    const file = alipayBillFile(DAY, [
      { tradeNo: a.tradeNo, type: 'payment', amount: 3990, fee: 24, time: '2025-03-01 10:00:05' },
      { tradeNo: b.tradeNo, type: 'payment', amount: 530, fee: 3, time: '2025-03-01 10:00:09' }, // the provider has ¥5.30
      { tradeNo: 'FOREIGN-0001', type: 'payment', amount: 1200, fee: 7, time: '2025-03-01 11:30:00' }, // not ours
      {
        tradeNo: a.tradeNo,
        type: 'refund',
        refundNo: 'NO-SUCH-REFUND',
        amount: 100,
        fee: -1,
        time: '2025-03-01 12:00:00'
      }
    ])
    const run = await callOk(s.core, s.owner, 'reconciliation:import', {
      date: DAY,
      provider: 'alipay',
      fileName: 'alipay-20250301.csv',
      fileBase64: file.toString('base64')
    })
    expect(results(run)).toEqual([
      ['payment', a.tradeNo, 'matched'],
      ['payment', b.tradeNo, 'amount_mismatch'],
      ['payment', 'FOREIGN-0001', 'missing_locally'],
      ['refund', a.tradeNo, 'missing_locally'],
      ['payment', c.tradeNo, 'missing_at_provider']
    ])
    expect(run.rows[1]).toMatchObject({ providerAmount: 530, localAmount: 350 })
    expect(run.rows[2]).toMatchObject({
      note: 'no_local_attempt',
      repair: 'needs_person',
      repairDetail: expect.stringContaining('not_found')
    })
    expect(run).toMatchObject({
      source: 'import',
      fileName: 'alipay-20250301.csv',
      matched: 1,
      differences: 4
    })
    expect(run).toMatchObject({
      gross: 3990 + 530 + 1200,
      refunds: 100,
      fees: 24 + 3 + 7 - 1,
      net: 5720 - 100 - 33,
      localGross: 3990 + 350 + 350
    })
    expect(ledger(s.dataDir).balances.provider_fees).toBe(33)
    const raised = (await notifications(s.core, s.owner)).filter(
      (n) => /reconciliation/i.test(n.title) || /对账/.test(n.title)
    )
    expect(raised).toHaveLength(1)
    expect(raised[0]).toMatchObject({ level: 'warning', body: expect.stringMatching(/4/) })
    // Keyed, so it reads in the screen's language; and for managers and owners only: a cashier
    // can do nothing about a provider's bill, so main neither lists nor pushes it to them.
    expect(raised[0]).toMatchObject({
      key: 'notifications.reconciliationDifferences',
      params: { providerKey: 'payments.methods.alipay', differences: 4 }
    })
    expect(
      (await notifications(s.core, s.cashier)).filter(
        (n) => n.key === 'notifications.reconciliationDifferences'
      )
    ).toEqual([])
    expect(s.core.mayReceive(s.cashier, 'notification:raised', raised[0]!)).toBe(false)
    expect(s.core.mayReceive(s.owner, 'notification:raised', raised[0]!)).toBe(true)

    // The corrected bill: the foreign row and the wrong refund gone, c present, b right.
    const corrected = alipayBillFile(DAY, [
      { tradeNo: a.tradeNo, type: 'payment', amount: 3990, fee: 24, time: '2025-03-01 10:00:05' },
      { tradeNo: b.tradeNo, type: 'payment', amount: 350, fee: 2, time: '2025-03-01 10:00:09' },
      { tradeNo: c.tradeNo, type: 'payment', amount: 350, fee: 2, time: '2025-03-01 10:00:13' }
    ])
    const rerun = await callOk(s.core, s.owner, 'reconciliation:import', {
      date: DAY,
      provider: 'alipay',
      fileBase64: corrected.toString('base64')
    })
    expect(rerun).toMatchObject({ matched: 3, differences: 0, fees: 28, feesPosted: 28 - 33, net: 4690 - 28 })
    const books = ledger(s.dataDir)
    expect(books.balances.provider_fees).toBe(28)
    expect(books.balances.alipay_clearing).toBe(4690 - 28)
    expect(books.feeEntries).toBe(2)
    const list = await callOk(s.core, s.owner, 'reconciliation:list', { from: DAY, to: DAY })
    expect(list.runs).toHaveLength(1)
  })

  it('imports a WeChat Pay bill with backtick cells: fees to the fen, a refund still processing at WeChat, a payment missing there', async () => {
    const s = await shop()
    const paid = await sellWith(s, 'wechat')
    const refundNo = await refundAmount(s, paid.orderId, '10.00')
    const missing = await sellWith(s, 'wechat', GOODS.cola.sku)
    const file = wechatBillFile([
      { tradeNo: paid.tradeNo, type: 'payment', amount: 3990, fee: 24, time: '2025-03-01 10:00:03' },
      {
        tradeNo: paid.tradeNo,
        type: 'refund',
        refundNo,
        amount: 1000,
        fee: -6,
        time: '2025-03-01 10:01:00',
        refundState: 'PROCESSING'
      }
    ])
    const run = await callOk(s.core, s.owner, 'reconciliation:import', {
      date: DAY,
      provider: 'wechat',
      text: file.toString('utf8')
    })
    expect(results(run)).toEqual([
      ['payment', paid.tradeNo, 'matched'],
      ['refund', paid.tradeNo, 'status_mismatch'],
      ['payment', missing.tradeNo, 'missing_at_provider']
    ])
    expect(run.rows[1]).toMatchObject({
      providerStatus: 'REFUND_PROCESSING',
      localStatus: 'succeeded',
      repair: 'needs_person'
    })
    expect(run).toMatchObject({
      gross: 3990,
      refunds: 0,
      fees: 18,
      net: 3972,
      localGross: 3990 + 350,
      localRefunds: 1000
    })
  })

  it('refuses a bill of another day, a file that is no bill, and callers without settlement rights', async () => {
    const s = await shop()
    const wrongDay = alipayBillFile('2025-03-02', [
      { tradeNo: 'X1', type: 'payment', amount: 100, fee: 1, time: '2025-03-02 09:00:00' }
    ])
    const refused = await s.core.router.dispatch(
      'reconciliation:import',
      { date: DAY, provider: 'alipay', fileBase64: wrongDay.toString('base64') },
      { sessionId: s.owner }
    )
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'date', message: expect.stringContaining('2025-03-02') }
    })
    const garbage = await s.core.router.dispatch(
      'reconciliation:import',
      { date: DAY, provider: 'wechat', text: 'hello' },
      { sessionId: s.owner }
    )
    expect(garbage).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    const cashier = await s.core.router.dispatch(
      'reconciliation:run',
      { date: DAY, provider: 'card' },
      { sessionId: s.cashier }
    )
    expect(cashier).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const manager = await s.core.router.dispatch('reconciliation:list', {}, { sessionId: s.manager })
    expect(manager).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})

describe('reconciliation with the network down', () => {
  it('cannot fetch a bill, but reconciles an imported file and leaves the rows it could not ask about to a person', async () => {
    const s = await shop({ timing: TIMING, offline: true })
    const fetched = await s.core.router.dispatch(
      'reconciliation:run',
      { date: DAY, provider: 'wechat' },
      { sessionId: s.owner }
    )
    expect(fetched).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', field: 'provider' } })
    const file = wechatBillFile([
      { tradeNo: 'ELSEWHERE-1', type: 'payment', amount: 800, fee: 5, time: '2025-03-01 09:00:00' }
    ])
    const run = await callOk(s.core, s.owner, 'reconciliation:import', {
      date: DAY,
      provider: 'wechat',
      fileBase64: file.toString('base64')
    })
    expect(run.rows).toMatchObject([
      { result: 'missing_locally', repair: 'needs_person', repairDetail: 'The provider could not be asked.' }
    ])
    expect(run).toMatchObject({ gross: 800, fees: 5, net: 795, feesPosted: 5 })
  })
})

describe('the day boundary: providers cut bills at Beijing midnight', () => {
  it('puts a payment made seconds before Beijing midnight on that day’s bill, though the till recorded it after midnight', async () => {
    const s = await shop(undefined, '2025-03-01T15:59:00.000Z')
    // 23:59:57 in Beijing on 2025-03-01 (15:59:57Z): the customer pays at once.
    vi.setSystemTime(new Date('2025-03-01T15:59:57.000Z'))
    s.clock.set('2025-03-01T15:59:57.000Z')
    const sale = await sellWith(s, 'alipay', GOODS.rice.sku, { settle: false })
    // The till only hears of it on its next poll, a few seconds into 2025-03-02 Beijing time.
    vi.setSystemTime(new Date('2025-03-01T16:00:04.000Z'))
    s.clock.set('2025-03-01T16:00:04.000Z')
    expect(paymentStatus(s.dataDir, sale.tradeNo)).not.toBe('succeeded')
    await waitForState(s, sale.orderId, (state) => state.order.status === 'paid')
    const recordedAt = (await callOk(s.core, s.owner, 'orders:get', { orderId: sale.orderId })).paidAt!
    expect(recordedAt > '2025-03-01T16:00:00.000Z').toBe(true)

    const before = await callOk(s.core, s.owner, 'reconciliation:run', {
      date: '2025-03-01',
      provider: 'alipay'
    })
    expect(before.rows).toMatchObject([
      {
        tradeNo: sale.tradeNo,
        result: 'matched',
        note: 'recorded_other_day',
        providerTime: expect.stringMatching(/^2025-03-01T23:59:5\d\+08:00$/)
      }
    ])
    expect(before).toMatchObject({ gross: 3990, localGross: 3990, differences: 0 })

    // The next provider day's bill does not have it, and that is no difference: the provider, asked, puts it on the 1st.
    const after = await callOk(s.core, s.owner, 'reconciliation:run', {
      date: '2025-03-02',
      provider: 'alipay'
    })
    expect(after).toMatchObject({ billRows: 0, differences: 0, localGross: 0, rows: [] })
    // Booked once, on the day of the bill it is on.
    expect(ledger(s.dataDir).balances.provider_fees).toBe(feeOf(3990, 60))
  })
})
