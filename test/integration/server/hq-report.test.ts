import { describe, expect, it } from 'vitest'
import type { ZReport } from '../../../src/shared/contract/channels/settlement'
import { consolidatedDay } from '../../../src/server/reports/consolidated-day'
import { HQ_STORES, startTestHq, TestTill, type HqStoreKind } from '../../support/hq'
import { runTill, type TillRun } from '../../support/reporting-till'
import { toPushed } from '../../support/sync-pusher'

/** Pushes `rows` of a till's outbox in batches of 50 and expects each accepted. */
async function pushAll(till: TestTill, rows: TillRun['outbox']): Promise<void> {
  for (let i = 0; i < rows.length; i += 50) {
    const answer = await till.push(rows.slice(i, i + 50).map((row) => toPushed(row, till.tillId)))
    expect(answer.status, JSON.stringify(answer.body)).toBe(200)
  }
}

/** A report as the head office built it, with the moment it was generated taken from the till's. */
const sameMoment = (hq: ZReport, till: ZReport): ZReport => ({ ...hq, generatedAt: till.generatedAt })

describe.each(HQ_STORES)('consolidated daily settlement (%s)', (kind: HqStoreKind) => {
  it("gives every till's own Z-report, day after day, with late sales posted as adjustments, and the store's sums", async () => {
    const a = await runTill([
      { kind: 'sale', basket: 2, coupon: true },
      { kind: 'sale', basket: 4, coupon: false },
      { kind: 'refund-line' },
      { kind: 'sale', basket: 1, coupon: false },
      { kind: 'refund', amount: '1.00' },
      { kind: 'cash', direction: 'in', amount: '50.00' },
      { kind: 'sale', basket: 3, coupon: true },
      { kind: 'void' },
      { kind: 'close-shift', short: 120 },
      { kind: 'sale', basket: 4, coupon: true },
      { kind: 'settle' },
      // Sold after the day was settled: the till posts it to the next day, keeping its time.
      { kind: 'sale', basket: 2, coupon: false },
      { kind: 'next-day' },
      { kind: 'sale', basket: 0, coupon: false },
      { kind: 'cash', direction: 'out', amount: '2.00' }
    ])
    const b = await runTill([
      { kind: 'sale', basket: 3, coupon: false },
      { kind: 'wait', minutes: 90 },
      { kind: 'sale', basket: 4, coupon: true },
      { kind: 'refund', amount: '3.50' }
    ])
    const hq = await startTestHq(kind)
    const tills = [await TestTill.enrolled(hq), await TestTill.enrolled(hq)]
    const [day1, day2] = a.dates as [string, string]

    // Till A's second day arrives late: only its first day's events (up to its settlement) are in.
    const settledAt = a.outbox.findIndex((row) => row.type === 'settlement.day_closed')
    await pushAll(tills[0]!, a.outbox.slice(0, settledAt + 1))
    // Till B is behind: its first sale is in, the rest (its shift's close) is not.
    const firstSale = b.outbox.findIndex((row) => row.type === 'order.paid')
    await pushAll(tills[1]!, b.outbox.slice(0, firstSale + 1))
    let day = await consolidatedDay(hq.db, hq.clock, day1)
    let [store] = day.stores
    expect(store!.tills.map((t) => t.completeness.reason)).toEqual(['settled', 'shift-open'])
    expect(store!.complete).toBe(false)
    expect(day.complete).toBe(false)
    expect(store!.tills[0]!.report).toEqual(a.reports.get(day1))

    await pushAll(tills[0]!, a.outbox.slice(settledAt + 1))
    await pushAll(tills[1]!, b.outbox.slice(firstSale + 1))
    for (const [date, run, index] of [
      [day1, a, 0],
      [day2, a, 0],
      [day1, b, 1]
    ] as const) {
      day = await consolidatedDay(hq.db, hq.clock, date, 'Main street')
      const mine = day.stores[0]!.tills[index]!
      expect(mine.tillId).toBe(tills[index]!.tillId)
      expect(sameMoment(mine.report, run.reports.get(date)!)).toEqual(run.reports.get(date))
    }
    expect(a.reports.get(day2)!.adjustments.orderCount).toBe(1)
    // The late sale keeps its own date: it is listed on the next day with the day it was made.
    const next = (await consolidatedDay(hq.db, hq.clock, day2)).stores[0]!.tills[0]!
    expect(next.late).toEqual([
      expect.objectContaining({ kind: 'sale', originalDate: day1, at: expect.stringMatching(/^\d{4}-/) })
    ])
    expect(day.stores[0]!.tills[0]!.late).toEqual([])

    day = await consolidatedDay(hq.db, hq.clock, day1)
    store = day.stores[0]!
    expect(store.tills.map((t) => t.completeness.reason)).toEqual(['settled', 'shifts-closed'])
    expect(day.complete).toBe(true)
    const own = [a.reports.get(day1)!, b.reports.get(day1)!]
    const sum = (pick: (z: ZReport) => number) => own.reduce((s, z) => s + pick(z), 0)
    expect(store.report).toMatchObject({
      orderCount: sum((z) => z.orderCount),
      grossSales: sum((z) => z.grossSales),
      netSales: sum((z) => z.netSales),
      taxTotal: sum((z) => z.taxTotal),
      collected: sum((z) => z.collected),
      refunds: { amount: sum((z) => z.refunds.amount), tax: sum((z) => z.refunds.tax) }
    })
    expect(day.totals).toHaveLength(1)
    expect(day.totals[0]!.netSales).toBe(store.report.netSales)
  }, 120_000)
})
