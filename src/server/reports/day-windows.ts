import { businessDate, businessDayWindow } from '@shared/time/zone'
import { justAfter, previousDate } from '@shared/time/calendar'
import type { HqDatabase } from '../db/types'

// Which time windows make up a till's day at the head office, by the till's own day rule (see
// `tillDay`), and the late events posted to it.

/** A half-open range [from, to) of ISO instants. */
export interface Window {
  from: string
  to: string
}

/** A money event posted to this day although it happened on an earlier, already settled one. */
export interface LateEvent {
  kind: 'sale' | 'void' | 'refund'
  /** The order's id (sale, void) or the refund's. */
  id: string
  number: string | null
  /** When it happened (ISO), and the business day that was, kept as it was. */
  at: string
  originalDate: string
}

/** The till's `windowsOf`: the day (cut at its settlement) and the tails of settled days before it. */
export function windowsOf(
  date: string,
  asOf: string | null,
  timeZone: string,
  settledAt: (date: string) => string | null
): { main: Window; late: Window[] } {
  const cap = (w: Window): Window => (asOf && asOf < w.to ? { from: w.from, to: justAfter(asOf) } : w)
  const late: Window[] = []
  let cutoff = ''
  let day = previousDate(date)
  for (let i = 0; i < 400; i++) {
    const at = settledAt(day)
    if (!at) break
    if (at > cutoff) cutoff = at
    const end = businessDayWindow(day, timeZone).to
    if (cutoff >= end) break
    late.push(cap({ from: justAfter(cutoff), to: end }))
    day = previousDate(day)
  }
  return { main: cap(businessDayWindow(date, timeZone)), late: late.filter((w) => w.from < w.to) }
}

export async function lateEvents(
  db: HqDatabase,
  tillId: string,
  windows: Window[],
  timeZone: string
): Promise<LateEvent[]> {
  const out: LateEvent[] = []
  const event = (kind: LateEvent['kind'], id: string, number: string | null, at: string): LateEvent => ({
    kind,
    id,
    number,
    at,
    originalDate: businessDate(at, timeZone)
  })
  for (const w of windows) {
    const range = [tillId, w.from, w.to]
    for (const o of await db.query<{ order_id: string; number: string | null; paid_at: string }>(
      'SELECT order_id, number, paid_at FROM hq_orders WHERE till_id = ? AND paid_at >= ? AND paid_at < ?',
      range
    ))
      out.push(event('sale', o.order_id, o.number, o.paid_at))
    for (const o of await db.query<{ order_id: string; number: string | null; voided_at: string }>(
      'SELECT order_id, number, voided_at FROM hq_orders WHERE till_id = ? AND voided_at >= ? AND voided_at < ?',
      range
    ))
      out.push(event('void', o.order_id, o.number, o.voided_at))
    for (const r of await db.query<{ refund_id: string; number: string; at: string }>(
      `SELECT r.refund_id, r.number, MIN(t.completed_at) AS at FROM hq_refund_tenders t
       JOIN hq_refunds r ON r.till_id = t.till_id AND r.refund_id = t.refund_id
       WHERE t.till_id = ? AND t.status = 'succeeded' AND t.completed_at >= ? AND t.completed_at < ?
       GROUP BY r.refund_id, r.number`,
      range
    ))
      out.push(event('refund', r.refund_id, r.number, r.at))
  }
  return out.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id))
}
