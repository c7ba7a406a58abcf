import type { ANOMALY_KINDS, ANOMALY_SEVERITIES } from '@shared/hq-api/anomalies'
import type { SqlTx, SqlValue } from '../db/types'

/** What the head office flags for a person to look at (see `detect.ts` for each rule). */
export type AnomalyKind = (typeof ANOMALY_KINDS)[number]
export type Severity = (typeof ANOMALY_SEVERITIES)[number]

/** An event behind an anomaly, with what it contributes (a receipt number, a late sale's date…). */
export interface AnomalyEventRef {
  tillId: string
  seq: number
  eventId: string | null
  info?: Record<string, unknown>
}

export interface AnomalyFact {
  /** The till it belongs to, or '' for a store-wide one (a coupon's global limit). */
  tillId: string
  storeId: string
  /** Deterministic per cause, so a re-push or a re-run records it once. */
  id: string
  kind: AnomalyKind
  severity: Severity
  /** Every till involved (the owning till is added). */
  tills?: readonly string[]
  detail: Record<string, unknown>
  events?: readonly AnomalyEventRef[]
  /** When it was seen (ISO, the head office's clock). */
  at: string
}

const RANK: Record<Severity, number> = { high: 3, medium: 2, low: 1 }

/**
 * Records an anomaly inside the caller's transaction, or — when its id is already held — marks it
 * seen again: `last_seen`, the newest detail, the higher severity, the union of tills, and its
 * events added. A resolved anomaly stays resolved (the list shows it was seen after resolution).
 */
export async function recordAnomaly(tx: SqlTx, fact: AnomalyFact): Promise<void> {
  const [held] = await tx.query<{ severity: Severity; tills: string | null }>(
    'SELECT severity, tills FROM anomalies WHERE till_id = ? AND id = ?',
    [fact.tillId, fact.id]
  )
  const tills = new Set<string>(fact.tillId ? [fact.tillId] : [])
  for (const till of fact.tills ?? []) tills.add(till)
  for (const event of fact.events ?? []) tills.add(event.tillId)
  if (!held) {
    await tx.run(
      `INSERT INTO anomalies (till_id, id, store_id, kind, detail, at, severity, tills, last_seen)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      [
        fact.tillId,
        fact.id,
        fact.storeId,
        fact.kind,
        JSON.stringify(fact.detail),
        fact.at,
        fact.severity,
        JSON.stringify([...tills].sort()),
        fact.at
      ]
    )
  } else {
    for (const till of held.tills ? (JSON.parse(held.tills) as string[]) : []) tills.add(till)
    const severity = RANK[held.severity] >= RANK[fact.severity] ? held.severity : fact.severity
    await tx.run(
      'UPDATE anomalies SET detail = ?, severity = ?, tills = ?, last_seen = ? WHERE till_id = ? AND id = ?',
      [
        JSON.stringify(fact.detail),
        severity,
        JSON.stringify([...tills].sort()),
        fact.at,
        fact.tillId,
        fact.id
      ]
    )
  }
  if (fact.events?.length) {
    await tx.insertMany(
      'anomaly_events',
      ['till_id', 'anomaly_id', 'event_till_id', 'seq', 'event_id', 'info'],
      fact.events.map((e): SqlValue[] => [
        fact.tillId,
        fact.id,
        e.tillId,
        e.seq,
        e.eventId,
        e.info ? JSON.stringify(e.info) : null
      ])
    )
  }
}

/** Closes an anomaly the facts themselves settled (a missing receipt number arrived after all). */
export async function settleAnomaly(
  tx: SqlTx,
  key: { tillId: string; id: string },
  note: string,
  at: string
): Promise<void> {
  await tx.run(
    `UPDATE anomalies SET status = 'resolved', resolved_at = ?, resolved_by = NULL, resolved_by_name = NULL,
     resolution_note = ? WHERE till_id = ? AND id = ? AND status = 'open'`,
    [at, note, key.tillId, key.id]
  )
}
