import { businessDate } from '@shared/time/zone'
import { nextDate } from '@shared/time/calendar'
import type { SqlTx } from '../db/types'
import { parsePayload, text, type DetectContext, type DetectedEvent } from './facts'
import { recordAnomaly, type AnomalyEventRef } from './record'

type MoneyKind = 'sale' | 'void' | 'refund'

/** When a money event happened on the till, as the Z-report books it (`reports/till-day.ts`). */
function moneyTime(event: DetectedEvent): { kind: MoneyKind; at: string; number: string | null } | null {
  const payload = parsePayload(event)
  if (!payload) return null
  switch (event.type) {
    case 'order.paid': {
      const at = text(payload['paidAt'])
      return at ? { kind: 'sale', at, number: text(payload['number']) } : null
    }
    case 'order.voided':
      // Version 2 carries the void's own time; version 1 had only the event's.
      return { kind: 'void', at: text(payload['voidedAt']) ?? event.at, number: text(payload['number']) }
    case 'refund.created': {
      const tenders = Array.isArray(payload['tenders'])
        ? (payload['tenders'] as Array<{ status?: unknown }>)
        : []
      const at = text(payload['createdAt'])
      return at && tenders.some((t) => t.status === 'succeeded')
        ? { kind: 'refund', at, number: text(payload['number']) }
        : null
    }
    case 'refund.tender_succeeded':
      return { kind: 'refund', at: text(payload['at']) ?? event.at, number: null }
    default:
      return null
  }
}

/**
 * Money events for a day the till had already closed when they happened (a sale rung up after the
 * Z-report, a refund paid out after it): the consolidated report posts them to the next day the
 * till had not closed, keeping their own date (`reports/till-day.ts`). Each such event is listed
 * under one `late-event` anomaly per till and original day, with the day it was posted to. The
 * days a till closed are kept from its `settlement.day_closed` events (`hq_day_closes`).
 */
export async function detectLateEvents(
  tx: SqlTx,
  ctx: DetectContext,
  events: readonly DetectedEvent[]
): Promise<void> {
  const stored = events.filter((e) => e.status !== 'quarantined' && e.status !== 'collision')
  const timed = stored.map((e) => ({ event: e, money: moneyTime(e) }))
  const money = timed.filter((t) => t.money)
  const closes = stored.filter((e) => e.type === 'settlement.day_closed')
  if (money.length === 0 && closes.length === 0) return
  const first = money.reduce<string | null>(
    (min, t) => (min === null || t.money!.at < min ? t.money!.at : min),
    null
  )
  // The days closed from the earliest money event's on (its zone's date: one Intl look-up per batch).
  const closed = new Map(
    (
      await tx.query<{ day: string; settled_at: string }>(
        'SELECT day, settled_at FROM hq_day_closes WHERE till_id = ? AND day >= ?',
        [ctx.tillId, first ? businessDate(first, ctx.timeZone) : '9999-12-31']
      )
    ).map((row) => [row.day, row.settled_at])
  )
  // Nothing closed on or after those days, and no close in the batch: nothing can be late.
  if (closed.size === 0 && closes.length === 0) return
  const late = new Map<string, { settledAt: string; refs: AnomalyEventRef[] }>()
  for (const { event, money: m } of timed) {
    if (event.type === 'settlement.day_closed') {
      const payload = parsePayload(event)
      const day = text(payload?.['date'])
      const settledAt = text(payload?.['settledAt'])
      if (!day || !settledAt) continue
      await tx.run(
        'INSERT INTO hq_day_closes (till_id, day, settled_at, seq) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
        [ctx.tillId, day, settledAt, event.seq]
      )
      if (!closed.has(day)) closed.set(day, settledAt)
      continue
    }
    if (!m) continue
    const day = businessDate(m.at, ctx.timeZone)
    const settledAt = closed.get(day)
    if (!settledAt || settledAt >= m.at) continue
    let postedTo = nextDate(day)
    for (let i = 0; i < 400 && (closed.get(postedTo) ?? '\uffff') < m.at; i++) postedTo = nextDate(postedTo)
    const group = late.get(day) ?? { settledAt, refs: [] }
    group.refs.push({
      tillId: ctx.tillId,
      seq: event.seq,
      eventId: event.eventId,
      info: { kind: m.kind, number: m.number, at: m.at, originalDate: day, postedTo }
    })
    late.set(day, group)
  }
  for (const [day, group] of late) {
    await recordAnomaly(tx, {
      tillId: ctx.tillId,
      storeId: ctx.storeId,
      id: `late-event:${day}`,
      kind: 'late-event',
      severity: 'low',
      detail: {
        originalDate: day,
        settledAt: group.settledAt,
        postedTo: group.refs.at(-1)!.info!['postedTo']
      },
      events: group.refs,
      at: ctx.at
    })
  }
}
