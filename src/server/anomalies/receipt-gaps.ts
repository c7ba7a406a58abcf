import type { SqlTx } from '../db/types'
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

interface Gap {
  series: string
  from: number
  to: number
  /** Numbers inside the gap that arrived after it was found (an order paid after the next one). */
  arrived?: string[]
  arrivedN?: number[]
}

/**
 * Receipt-number gaps per till (KassenSichV: a missing number must be detectable). The highest
 * number of each series is kept (`hq_receipt_series`); each run of numbers missing between it and
 * the batch's numbers, or between the batch's own, is a `receipt-gap` anomaly naming the events on
 * either side. Numbers before a series' first one are not gaps (a till's history may start before
 * it synced). A missing number that arrives later (an order paid after the next one; a cancelled
 * order counts) shrinks its gap — the numbers that arrived are kept in the anomaly — and settles it
 * when none is missing any more. A number at or below the highest that falls in no open gap is one
 * the head office already holds (a restored till re-using it shows as a seq collision).
 */
export async function detectReceiptGaps(
  tx: SqlTx,
  ctx: DetectContext,
  events: readonly DetectedEvent[]
): Promise<void> {
  const bySeries = new Map<string, Numbered[]>()
  for (const event of events) {
    const numbered = numberOf(event)
    if (numbered)
      bySeries
        .set(numbered.series, bySeries.get(numbered.series) ?? [])
        .get(numbered.series)!
        .push(numbered)
  }
  for (const [series, numbers] of bySeries) {
    const [held] = await tx.query<{ high: number; number: string; seq: number; event_id: string }>(
      'SELECT high, number, seq, event_id FROM hq_receipt_series WHERE till_id = ? AND series = ?',
      [ctx.tillId, series]
    )
    const high = held ? Number(held.high) : null
    let prev: Numbered | null = held
      ? { series, n: high!, digits: 0, number: held.number, seq: Number(held.seq), eventId: held.event_id }
      : null
    const below: Numbered[] = []
    for (const x of [...numbers].sort((a, b) => a.n - b.n || a.seq - b.seq)) {
      if (prev && x.n <= prev.n) {
        if (high !== null && x.n < high) below.push(x)
        continue
      }
      if (prev && x.n > prev.n + 1)
        await recordGap(tx, ctx, { series, from: prev.n + 1, to: x.n - 1 }, prev, x)
      prev = x
    }
    if (prev && (high === null || prev.n > high)) {
      await tx.run(
        `INSERT INTO hq_receipt_series (till_id, series, high, number, seq, event_id, store_id) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (till_id, series) DO UPDATE SET high = excluded.high, number = excluded.number,
         seq = excluded.seq, event_id = excluded.event_id`,
        [ctx.tillId, series, prev.n, prev.number, prev.seq, prev.eventId, ctx.storeId]
      )
    }
    if (below.length > 0) await shrinkGaps(tx, ctx, series, below)
  }
}

async function recordGap(tx: SqlTx, ctx: DetectContext, gap: Gap, before: Numbered, after: Numbered) {
  const digits = Math.max(before.digits, after.digits)
  await recordAnomaly(tx, {
    tillId: ctx.tillId,
    storeId: ctx.storeId,
    id: `receipt-gap:${gap.series}:${gap.from}`,
    kind: 'receipt-gap',
    severity: 'high',
    detail: {
      series: gap.series,
      from: gap.from,
      to: gap.to,
      missing: gap.to - gap.from + 1,
      firstMissing: format(gap.series, gap.from, digits),
      lastMissing: format(gap.series, gap.to, digits),
      before: before.number,
      after: after.number,
      arrived: [],
      arrivedN: []
    },
    events: [before, after].map((x) => ({
      tillId: ctx.tillId,
      seq: x.seq,
      eventId: x.eventId,
      info: { number: x.number }
    })),
    at: ctx.at
  })
}

/** Numbers that arrived below the highest held: the open gaps they fall in shrink, or settle. */
async function shrinkGaps(tx: SqlTx, ctx: DetectContext, series: string, numbers: Numbered[]) {
  const open = await tx.query<{ id: string; detail: string }>(
    "SELECT id, detail FROM anomalies WHERE till_id = ? AND kind = 'receipt-gap' AND status = 'open'",
    [ctx.tillId]
  )
  for (const gap of open) {
    const detail = JSON.parse(gap.detail) as Gap & Record<string, unknown>
    if (detail.series !== series) continue
    const seen = new Set(detail.arrivedN ?? [])
    const arrived = numbers.filter((x) => x.n >= detail.from && x.n <= detail.to && !seen.has(x.n))
    if (arrived.length === 0) continue
    arrived.forEach((x) => seen.add(x.n))
    const missing = detail.to - detail.from + 1 - seen.size
    await recordAnomaly(tx, {
      tillId: ctx.tillId,
      storeId: ctx.storeId,
      id: gap.id,
      kind: 'receipt-gap',
      severity: 'high',
      detail: {
        ...detail,
        missing,
        arrived: [...(detail.arrived ?? []), ...arrived.map((x) => x.number)],
        arrivedN: [...seen].sort((a, b) => a - b)
      },
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
