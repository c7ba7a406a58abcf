import { expect } from 'vitest'
import type { HqDatabase } from '../../src/server/db/types'
import { tillDayFigures } from '../../src/server/reports/day-figures'
import type { TestTill } from './hq'
import type { SoldDay } from './selling-till'

/**
 * What every sync fault test ends with: head-office events = Σ the tills' outbox events, distinct
 * event ids = that count, each till's seqs contiguous from 1, and the head office's figures for the
 * day per till equal the till's own Z-report.
 */
export async function expectConverged(
  db: HqDatabase,
  tills: ReadonlyArray<{ till: TestTill; day: SoldDay }>
): Promise<void> {
  const expected = tills.reduce((n, t) => n + t.day.outbox.length, 0)
  const [totals] = await db.query<{ n: number; ids: number }>(
    'SELECT COUNT(*) AS n, COUNT(DISTINCT event_id) AS ids FROM events'
  )
  expect(Number(totals!.n)).toBe(expected)
  expect(Number(totals!.ids)).toBe(expected)
  for (const { till, day } of tills) {
    const [seqs] = await db.query<{ n: number; lo: number; hi: number }>(
      'SELECT COUNT(*) AS n, MIN(seq) AS lo, MAX(seq) AS hi FROM events WHERE till_id = ?',
      [till.tillId]
    )
    expect({ n: Number(seqs!.n), lo: Number(seqs!.lo), hi: Number(seqs!.hi) }).toEqual({
      n: day.outbox.length,
      lo: 1,
      hi: day.outbox.length
    })
    const [held] = await db.query<{ high_seq: number; anomaly_seq: number }>(
      'SELECT high_seq, anomaly_seq FROM tills WHERE id = ?',
      [till.tillId]
    )
    expect(Number(held!.high_seq)).toBe(day.outbox.length)
    // Every event was examined for anomalies in the transaction that stored it, whatever was killed.
    expect(Number(held!.anomaly_seq)).toBe(day.outbox.length)
    const ids = new Set(
      (
        await db.query<{ event_id: string }>('SELECT event_id FROM events WHERE till_id = ?', [till.tillId])
      ).map((r) => r.event_id)
    )
    expect(day.outbox.every((row) => ids.has(row.id))).toBe(true)
  }
  const quarantined = await db.query<{ type: string; reason: string }>(
    "SELECT type, reason FROM events WHERE status = 'quarantined'"
  )
  expect(quarantined).toEqual([])
  const storeId = tills[0]!.till.storeId
  const figures = await tillDayFigures(db, storeId, tills[0]!.day.date)
  for (const { till, day } of tills) {
    const mine = figures.find((f) => f.tillId === till.tillId)!
    expect({ orderCount: mine.orderCount, netSales: mine.netSales, collected: mine.collected }).toEqual(
      day.report
    )
  }
}

export {
  HqProcess,
  hqChildBundle,
  OutboxPusher,
  startFlakyProxy,
  toPushed,
  type OutboxRow
} from './sync-pusher'
