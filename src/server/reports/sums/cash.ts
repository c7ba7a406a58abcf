import type { ZReport } from '@shared/contract/channels/settlement'
import type { HqDatabase } from '../../db/types'
import { HELD_EVENTS } from '../../push/held-events'
import type { Acc, AccOf, Query, TillWindows } from './acc'

// The drawer family: floats, counts, differences and drops of shifts, and cash paid in and out.

/** Floats of shifts opened in each window; counts, differences and drops of those closed in it. */
export async function shiftSums(q: Query, acc: AccOf): Promise<void> {
  for (const row of await q<{ till_id: string; k: string; amount: number }>(
    `SELECT w.till_id, w.k, SUM(s.float_amount) AS amount FROM w JOIN hq_shifts s
       ON s.till_id = w.till_id AND s.opened_at >= w.f AND s.opened_at < w.t
       AND s.store_id = ? AND s.opened_at >= ? AND s.opened_at < ?
     GROUP BY w.till_id, w.k`
  )) {
    const moves = acc(row).moves
    moves.set('float', (moves.get('float') ?? 0) + Number(row.amount))
  }
  for (const s of await q<{
    till_id: string
    k: string
    shift_id: string
    number: string | null
    kind: string
    closed_at: string
    expected: number
    counted: number
    over_short: number
  }>(
    `SELECT w.till_id, w.k, s.shift_id, s.number, s.kind, s.closed_at, s.expected, s.counted, s.over_short
     FROM w JOIN hq_shifts s ON s.till_id = w.till_id AND s.closed_at >= w.f AND s.closed_at < w.t
       AND s.store_id = ? AND s.closed_at >= ? AND s.closed_at < ?
     ORDER BY s.closed_at`
  )) {
    const a = acc(s)
    const counted = Number(s.counted ?? 0)
    const overShort = Number(s.over_short ?? 0)
    // The till posts the count's difference and drops the counted cash at the close.
    if (overShort !== 0) a.moves.set('over_short', (a.moves.get('over_short') ?? 0) + overShort)
    if (counted > 0) a.moves.set('drop', (a.moves.get('drop') ?? 0) - counted)
    a.shifts.push({
      window: Number(s.k),
      id: s.shift_id,
      number: s.number ?? s.shift_id,
      kind: s.kind,
      closedAt: s.closed_at,
      expected: Number(s.expected ?? 0),
      counted,
      overShort
    } as ZReport['cash']['shifts'][number] & { window: number })
  }
}

/**
 * Cash paid in and taken out in each window, into its accumulator's moves. Cash in / out are kept
 * as events only (a restored till's as applied collisions); their own time decides the window.
 */
export async function cashMoveSums(
  db: HqDatabase,
  storeId: string,
  tills: TillWindows[],
  accs: Map<string, Acc[]>
): Promise<void> {
  const ids = tills.map((t) => t.till.id)
  for (const m of await db.query<{ till_id: string; type: string; payload: string }>(
    `SELECT h.till_id, h.type, h.payload FROM ${HELD_EVENTS} h WHERE h.store_id = ?
     AND h.type IN ('shift.cash_in', 'shift.cash_out') AND h.till_id IN (${ids.map(() => '?').join(', ')})`,
    [storeId, ...ids]
  )) {
    const p = JSON.parse(m.payload) as { amount: number; at: string }
    const t = tills.find((x) => x.till.id === m.till_id)!
    ;[t.main, ...t.late].forEach((win, k) => {
      if (p.at >= win.from && p.at < win.to) {
        const moves = accs.get(m.till_id)![k]!.moves
        const [kind, amount] = m.type === 'shift.cash_in' ? ['in', p.amount] : ['out', -p.amount]
        moves.set(kind, (moves.get(kind) ?? 0) + amount)
      }
    })
  }
}
