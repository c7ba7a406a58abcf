import { businessDate } from '@shared/time/zone'
import { describe, expect, it } from 'vitest'
import { hqApi } from '../../../src/shared/hq-api/index'
import { SYNC_PATHS } from '../../../src/shared/sync/protocol'
import { consolidatedDay } from '../../../src/server/reports/consolidated-day'
import { HQ_STORES, paidOrder, startTestHq, TestTill } from '../../support/hq'
import { HqWebClient } from '../../support/hq-web'

const FAST = { hashParams: { N: 2 ** 10, r: 8, p: 1 } }
const PASSWORD = 'a-long-password-1'
const ZONE = 'Asia/Shanghai'

describe.each(HQ_STORES)('head-office web app: stores, dashboard and settlement (%s)', (kind) => {
  it('shows each till as the sync saw it, and the day as consolidatedDay computes it, a manager only their store', async () => {
    const hq = await startTestHq(kind, FAST)
    const owner = new HqWebClient(hq.url)
    await owner.call(hqApi.auth.setup, { name: 'Olga', password: PASSWORD })
    const north = await owner.call(hqApi.stores.create, { name: 'North', timeZone: ZONE })
    const south = await owner.call(hqApi.stores.create, { name: 'South', timeZone: ZONE })
    await owner.call(hqApi.auth.createUser, {
      name: 'Mia',
      password: PASSWORD,
      role: 'manager',
      storeIds: [north.id]
    })

    // A till per store, enrolled with codes issued through the web API; North's reports a backlog.
    const tills: TestTill[] = []
    for (const store of [north, south]) {
      const { code } = await owner.call(hqApi.stores.enrolCode, { storeId: store.id })
      const till = await TestTill.create(hq.url)
      expect((await till.enrol(code)).status).toBe(200)
      tills.push(till)
    }
    const [northTill, southTill] = tills as [TestTill, TestTill]
    const order = paidOrder({ total: 2350 })
    const oldest = new Date(Date.now() - 3_600_000).toISOString()
    const body = JSON.parse(northTill.pushBody([northTill.event('order.paid', order)])) as Record<
      string,
      unknown
    >
    const pushed = await northTill.request(
      'POST',
      SYNC_PATHS.push,
      JSON.stringify({ ...body, appVersion: '1.2.3', backlog: { count: 5, oldestAt: oldest } })
    )
    expect(pushed.status).toBe(200)
    expect((await southTill.push([southTill.event('order.paid', paidOrder({ total: 990 }))])).status).toBe(
      200
    )

    const listed = await owner.call(hqApi.stores.list, {})
    const t01 = listed.stores.find((s) => s.id === north.id)!.tills[0]!
    expect(t01).toMatchObject({
      code: northTill.tillCode,
      appVersion: '1.2.3',
      backlog: 4,
      oldestUnsyncedAt: oldest,
      highSeq: 1
    })
    expect(t01.lastSeenAt).not.toBeNull()
    expect(Math.abs(t01.clockOffsetMs!)).toBeLessThan(60_000)

    // The settlement is consolidatedDay's, to the minor unit.
    const date = businessDate(new Date().toISOString(), ZONE)
    const day = await owner.call(hqApi.settlement.day, { date })
    const expected = await consolidatedDay(hq.db, hq.clock, date)
    expect(day.stores.map((s) => s.report.netSales)).toEqual(expected.stores.map((s) => s.report.netSales))
    expect(day.totals[0]!.netSales).toBe(2350 + 990)
    expect(day.stores.find((s) => s.storeId === north.id)!.tills[0]!.report.orderCount).toBe(1)

    // Drill-down: the order, its tender.
    const orders = await owner.call(hqApi.settlement.orders, { date, storeId: north.id })
    expect(orders.orders).toEqual([
      expect.objectContaining({ orderId: order.id, total: 2350, tillCode: northTill.tillCode })
    ])
    const detail = await owner.call(hqApi.settlement.order, {
      storeId: north.id,
      tillId: northTill.tillId,
      orderId: order.id
    })
    expect(detail.tenders).toEqual([{ method: 'cash', amount: 2350, status: 'succeeded' }])
    const missing = await owner.send(hqApi.settlement.order, {
      storeId: north.id,
      tillId: northTill.tillId,
      orderId: 'nope'
    })
    expect(missing.body.error).toMatchObject({
      code: 'NOT_FOUND',
      field: 'orderId',
      key: 'errors.hq.settlement.noOrder'
    })

    // The dashboard: today's figures per store.
    const today = await owner.call(hqApi.dashboard.today, {})
    expect(today.stores.map((s) => [s.name, s.netSales, s.orderCount])).toEqual([
      ['North', 2350, 1],
      ['South', 990, 1]
    ])
    expect(today.stores[0]!.byTender).toEqual([{ method: 'cash', net: 2350 }])

    // A manager sees North alone — in the lists, the day, its totals and the dashboard.
    const mia = new HqWebClient(hq.url)
    await mia.call(hqApi.auth.login, { name: 'Mia', password: PASSWORD })
    const hers = await mia.call(hqApi.settlement.day, { date })
    expect(hers.stores.map((s) => s.name)).toEqual(['North'])
    expect(hers.totals[0]!.netSales).toBe(2350)
    expect((await mia.call(hqApi.dashboard.today, {})).stores.map((s) => s.name)).toEqual(['North'])
    const foreign = await mia.send(hqApi.settlement.orders, { date, storeId: south.id })
    expect(foreign.status).toBe(403)
    expect((await mia.send(hqApi.settlement.day, { date, storeId: south.id })).status).toBe(403)
    const badDate = await mia.send(hqApi.settlement.day, { date: '2026-02-30' })
    expect(badDate.body.error).toMatchObject({ code: 'VALIDATION', field: 'date' })
  })

  it("shows a restored till's collided sale in the drill-down with its lines and cashier", async () => {
    const hq = await startTestHq(kind, FAST)
    const owner = new HqWebClient(hq.url)
    await owner.call(hqApi.auth.setup, { name: 'Olga', password: PASSWORD })
    const store = await owner.call(hqApi.stores.create, { name: 'North', timeZone: ZONE })
    const { code } = await owner.call(hqApi.stores.enrolCode, { storeId: store.id })
    const till = await TestTill.create(hq.url)
    expect((await till.enrol(code)).status).toBe(200)
    const lost = paidOrder({ total: 200 })
    await till.push([till.event('order.paid', lost)])
    // Restored from a copy without that sale: the next sale reuses seq 1 (a collision, counted).
    const line = {
      id: 'l1',
      sku: 'TEA-1',
      name: '绿茶',
      nameEn: 'Green tea',
      taxRate: '0.13',
      quantity: '2',
      total: 850,
      tax: 98
    }
    const after = { ...paidOrder({ total: 850 }), cashierName: 'Ma', lines: [line] }
    await till.push([till.event('order.paid', after, { seq: 1 })])
    const detail = await owner.call(hqApi.settlement.order, {
      storeId: store.id,
      tillId: till.tillId,
      orderId: after.id
    })
    expect(detail).toMatchObject({
      cashierName: 'Ma',
      lines: [{ sku: 'TEA-1', name: '绿茶', nameEn: 'Green tea', quantity: '2', total: 850, tax: 98 }],
      tenders: [{ method: 'cash', amount: 850, status: 'succeeded' }],
      beforeRestore: false
    })

    // The head office counts both histories: the day says which part the till no longer holds
    // (the sale it lost in the restore), and the drill-down marks that order, not the new one.
    const date = businessDate(new Date().toISOString(), ZONE)
    const day = await owner.call(hqApi.settlement.day, { date, storeId: store.id })
    const row = day.stores[0]!.tills[0]!
    expect(row.report.orderCount).toBe(2)
    expect(row.report.netSales).toBe(1050)
    expect(row.restored).toEqual({ orders: 1, total: 200 })
    const { orders } = await owner.call(hqApi.settlement.orders, { date, storeId: store.id })
    expect(orders.map((o) => [o.orderId, o.beforeRestore])).toEqual([
      [lost.id, true],
      [after.id, false]
    ])
    const lostDetail = await owner.call(hqApi.settlement.order, {
      storeId: store.id,
      tillId: till.tillId,
      orderId: lost.id
    })
    expect(lostDetail.beforeRestore).toBe(true)
  })

  it('says no restored part for a till that was never restored', async () => {
    const hq = await startTestHq(kind, FAST)
    const owner = new HqWebClient(hq.url)
    await owner.call(hqApi.auth.setup, { name: 'Olga', password: PASSWORD })
    const store = await owner.call(hqApi.stores.create, { name: 'North', timeZone: ZONE })
    const { code } = await owner.call(hqApi.stores.enrolCode, { storeId: store.id })
    const till = await TestTill.create(hq.url)
    expect((await till.enrol(code)).status).toBe(200)
    const sale = paidOrder({ total: 300 })
    await till.push([till.event('order.paid', sale)])
    const date = businessDate(new Date().toISOString(), ZONE)
    const day = await owner.call(hqApi.settlement.day, { date, storeId: store.id })
    expect(day.stores[0]!.tills[0]!.restored).toBeNull()
    const { orders } = await owner.call(hqApi.settlement.orders, { date, storeId: store.id })
    expect(orders).toMatchObject([{ orderId: sale.id, beforeRestore: false }])
  })
})
