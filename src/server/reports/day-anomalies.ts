import type { HqDatabase } from '../db/types'
import type { Window } from './day-windows'

/**
 * The anomaly kinds that make a day's figures doubtful until a person has looked: a seq collision
 * means two histories of one till (a cloned data directory, or one restored from an old backup),
 * and both are counted (README, "Restored or cloned tills"), so the day may hold sales twice.
 */
export const DOUBTFUL_KINDS = ['seq-collision'] as const

/** An open anomaly behind a day's figures: its id and kind (`seq-collision`). */
export interface DayAnomaly {
  id: string
  kind: string
}

/**
 * The open anomalies of a DOUBTFUL_KINDS kind whose events — the copy held or the other copy of
 * a seq — happened within `window` (the till's day): that day reads as needing review, not
 * complete, until each is resolved in the anomalies inbox. Sorted by id.
 */
export async function doubtfulAnomalies(
  db: Pick<HqDatabase, 'query'>,
  tillId: string,
  window: Window
): Promise<DayAnomaly[]> {
  const kinds = DOUBTFUL_KINDS.map(() => '?').join(', ')
  const rows = await db.query<DayAnomaly>(
    `SELECT DISTINCT a.id, a.kind FROM anomalies a
       JOIN anomaly_events ae ON ae.till_id = a.till_id AND ae.anomaly_id = a.id
      WHERE a.till_id = ? AND a.status = 'open' AND a.kind IN (${kinds})
        AND (EXISTS (SELECT 1 FROM events e WHERE e.till_id = ae.event_till_id AND e.seq = ae.seq
                      AND e.at >= ? AND e.at < ?)
          OR EXISTS (SELECT 1 FROM event_collisions c WHERE c.till_id = ae.event_till_id AND c.seq = ae.seq
                      AND c.at >= ? AND c.at < ?))
      ORDER BY a.id`,
    [tillId, ...DOUBTFUL_KINDS, window.from, window.to, window.from, window.to]
  )
  return rows.map((row) => ({ id: row.id, kind: row.kind }))
}
