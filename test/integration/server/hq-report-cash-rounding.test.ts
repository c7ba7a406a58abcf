import { describe, expect, it } from 'vitest'
import type { ZReport } from '../../../src/shared/contract/channels/settlement'
import { consolidatedDay } from '../../../src/server/reports/consolidated-day'
import { HQ_STORES, startTestHq, TestTill, type HqStoreKind } from '../../support/hq'
import { runTill, type TillOp, type TillRun } from '../../support/reporting-till'
import { toPushed } from '../../support/sync-pusher'

// Issue 14: the head office's per-till day is the till's own Z-report — also when the drawer gave
// back coins of the cash increment for a refund (specs/settlement.md, "Refunds of a cash-rounded
// sale"): the refund's share counts in refunds, the coins beyond it in cash rounding.

async function pushAll(till: TestTill, rows: TillRun['outbox']): Promise<void> {
  for (let i = 0; i < rows.length; i += 50) {
    const answer = await till.push(rows.slice(i, i + 50).map((row) => toPushed(row, till.tillId)))
    expect(answer.status, JSON.stringify(answer.body)).toBe(200)
    expect(answer.body.outcomes.filter((o) => o.outcome !== 'stored')).toEqual([])
  }
}

const day = (mode: 'half-up' | 'down', increment: string): TillOp[] => [
  { kind: 'cash-rounding', increment, mode },
  { kind: 'sale', basket: 2, coupon: true },
  // By amount: ¥1.03 is not a multiple of the increment, so the drawer gives back a rounded amount.
  { kind: 'refund', amount: '1.03' },
  { kind: 'sale', basket: 4, coupon: true },
  // By lines: one cola of a couponed sale, a share of odd fen.
  { kind: 'refund-line' },
  { kind: 'sale', basket: 3, coupon: true },
  { kind: 'sale', basket: 1, coupon: false },
  { kind: 'void' },
  { kind: 'close-shift', short: 0 },
  { kind: 'sale', basket: 2, coupon: true },
  { kind: 'refund', amount: '2.24' }
]

describe.each(HQ_STORES)('per-till day with cash-rounded refunds (%s)', (kind: HqStoreKind) => {
  it("equals the till's own Z-report, refunds' cash rounding included, in both cash rounding modes", async () => {
    const runs = [await runTill(day('half-up', '0.05')), await runTill(day('down', '0.10'))]
    const hq = await startTestHq(kind)
    for (const run of runs) {
      const till = await TestTill.enrolled(hq)
      await pushAll(till, run.outbox)
    }
    const date = runs[0]!.dates[0]!
    const tills = (await consolidatedDay(hq.db, hq.clock, date)).stores[0]!.tills
    for (const [i, run] of runs.entries()) {
      const own = run.reports.get(date)!
      // The day really has refunds paid out in rounded coins: the cash given back is not the share.
      const cash = own.tenders.find((t) => t.method === 'cash')!
      expect(cash.refunds).not.toBe(own.refunds.amount)
      expect(own.cashRounding).not.toBe(0)
      const hqReport: ZReport = { ...tills[i]!.report, generatedAt: own.generatedAt }
      expect(hqReport).toEqual(own)
    }
    expect(runs[1]!.reports.get(date)!.cashRoundingMode).toBe('down')
  }, 120_000)
})
