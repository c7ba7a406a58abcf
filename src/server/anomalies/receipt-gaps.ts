import type { SqlTx, SqlValue } from '../db/types'
import { parsePayload, text, type DetectContext, type DetectedEvent } from './facts'
import { recordAnomaly, settleAnomaly } from './record'

/** `T03-000123` (an order) or `T03-R000007` (a refund): the till's gap-free counters. */
const NUMBER = /^(.+)-(R?)(\d{1,15})$/

interface Numbered {
  series: string
  n: number
  digits: number
  number: string
  seq: number
  eventId: string
}

/** The receipt numbers an event uses: sales and cancelled orders (order numbers), refunds. */
function numberOf(event: DetectedEvent): Numbered | null {
  if (event.type !== 'order.paid' && event.type !== 'order.cancelled' && event.type !== 'refund.created')
    return null
  const number = text(parsePayload(event)?.['number'])
  const match = number ? NUMBER.exec(number) : null
  if (!number || !match) return null
  return {
    series: match[2] ? `${match[1]}-R` : match[1]!,
    n: Number(match[3]),
    digits: match[3]!.length,
    number,
    seq: event.seq,
    eventId: event.eventId
  }
}

const format = (series: string, n: number, digits: number) =>
  `${series.endsWith('-R') ? series : `${series}-`}${String(n).padStart(digits, '0')}`

/**
 * Receipt-number gaps per till (KassenSichV: a missing number must be detectable). Every number a
 * till used is kept (`hq_receipt_numbers`); after the batch, each run of numbers missing between
 * the highest number held before it and the highest now is a `receipt-gap` anomaly naming the
 * events on either side. Numbers before a series' first one are not gaps (a till's history may
 * start before it synced). A missing number that arrives later (an order paid after the next
 * one) shrinks its gap, and settles it when none is missing any more.
 */
export async function detectReceiptGaps(
  tx: SqlTx,
  ctx: DetectContext,
  events: readonly DetectedEvent[]
): Promise<void> {
  const bySeries = new Map<string, Numbered[]>()
  for (const event of events) {
    const numbered = numberOf(event)
    if (numbered) bySeries.set(numbered.series, [...(bySeries.get(numbered.series) ?? []), numbered])
  }
  for (const [series, numbers] of bySeries) {
    const [top] = await tx.query<{ n: number | null }>(
      'SELECT MAX(n) AS n FROM hq_receipt_numbers WHERE till_id = ? AND series = ?',
      [ctx.tillId, series]
    )
    const before = top?.n === null || top?.n === undefined ? null : Number(top.n)
    await tx.insertMany(
      'hq_receipt_numbers',
      ['till_id', 'series', 'n', 'number', 'seq', 'event_id', 'store_id'],
      numbers.map((x): SqlValue[] => [ctx.tillId, series, x.n, x.number, x.seq, x.eventId, ctx.storeId])
    )
    const digits = numbers[0]!.digits
    const lower = before ?? Math.min(...numbers.map((x) => x.n))
    const held = await tx.query<{ n: number; number: string; seq: number; event_id: string }>(
      'SELECT n, number, seq, event_id FROM hq_receipt_numbers WHERE till_id = ? AND series = ? AND n >= ? ORDER BY n',
      [ctx.tillId, series, lower]
    )
    for (let i = 1; i < held.length; i++) {
      const prev = held[i - 1]!
      const next = held[i]!
      const from = Number(prev.n) + 1
      const to = Number(next.n) - 1
      if (from > to) continue
      await recordAnomaly(tx, {
        tillId: ctx.tillId,
        storeId: ctx.storeId,
        id: `receipt-gap:${series}:${from}`,
        kind: 'receipt-gap',
        severity: 'high',
        detail: {
          series,
          from,
          to,
          missing: to - from + 1,
          firstMissing: format(series, from, digits),
          lastMissing: format(series, to, digits),
          before: prev.number,
          after: next.number
        },
        events: [prev, next].map((row) => ({
          tillId: ctx.tillId,
          seq: Number(row.seq),
          eventId: row.event_id,
          info: { number: row.number }
        })),
        at: ctx.at
      })
    }
    if (before !== null && numbers.some((x) => x.n < before)) await shrinkGaps(tx, ctx, series, numbers)
  }
}

/** Numbers that arrived below the highest held: the open gaps they fall in shrink or settle. */
async function shrinkGaps(tx: SqlTx, ctx: DetectContext, series: string, numbers: Numbered[]) {
  const open = await tx.query<{ id: string; detail: string }>(
    "SELECT id, detail FROM anomalies WHERE till_id = ? AND kind = 'receipt-gap' AND status = 'open'",
    [ctx.tillId]
  )
  for (const gap of open) {
    const detail = JSON.parse(gap.detail) as { series: string; from: number; to: number }
    if (detail.series !== series) continue
    const arrived = numbers.filter((x) => x.n >= detail.from && x.n <= detail.to)
    if (arrived.length === 0) continue
    const [held] = await tx.query<{ n: number }>(
      'SELECT COUNT(*) AS n FROM hq_receipt_numbers WHERE till_id = ? AND series = ? AND n >= ? AND n <= ?',
      [ctx.tillId, series, detail.from, detail.to]
    )
    const missing = detail.to - detail.from + 1 - Number(held?.n ?? 0)
    await recordAnomaly(tx, {
      tillId: ctx.tillId,
      storeId: ctx.storeId,
      id: gap.id,
      kind: 'receipt-gap',
      severity: 'high',
      detail: { ...detail, missing, arrivedLater: arrived.map((x) => x.number) },
      events: arrived.map((x) => ({
        tillId: ctx.tillId,
        seq: x.seq,
        eventId: x.eventId,
        info: { number: x.number, arrivedLater: true }
      })),
      at: ctx.at
    })
    if (missing === 0)
      await settleAnomaly(
        tx,
        { tillId: ctx.tillId, id: gap.id },
        'every missing number arrived later',
        ctx.at
      )
  }
}
