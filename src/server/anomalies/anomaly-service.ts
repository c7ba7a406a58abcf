import type { HqDatabase, SqlTx, SqlValue } from '../db/types'
import type { AnomalyKind, Severity } from './record'

/** An anomaly as the inbox shows it. Times are ISO (UTC); the screen shows them in the store's zone. */
export interface AnomalyView {
  /** `<till id>~<id>` (till id '' for a store-wide anomaly): how the API names one. */
  key: string
  kind: AnomalyKind
  severity: Severity
  storeId: string
  storeName: string
  /** Every till involved, by code (`T03`) and label. */
  tills: Array<{ id: string; code: string; label: string | null }>
  /** The events behind it (at most `EVENT_LIMIT` listed; `eventCount` counts them all). */
  events: Array<{
    tillId: string
    tillCode: string
    seq: number
    eventId: string | null
    info: Record<string, unknown>
  }>
  eventCount: number
  detail: Record<string, unknown>
  firstSeen: string
  lastSeen: string
  status: 'open' | 'resolved'
  resolution: { at: string; userId: string | null; userName: string | null; note: string } | null
  /** Seen again after it was resolved (a resolved anomaly is not reopened: look at `lastSeen`). */
  seenAfterResolution: boolean
}

export interface AnomalyFilter {
  /** The stores the reader may see (a manager's); undefined = every store. */
  visibleStoreIds?: readonly string[]
  storeId?: string
  kind?: AnomalyKind
  severity?: Severity
  status?: 'open' | 'resolved'
  tillId?: string
  limit?: number
}

const EVENT_LIMIT = 50

interface Row {
  till_id: string
  id: string
  store_id: string
  store_name: string
  kind: AnomalyKind
  severity: Severity
  tills: string | null
  detail: string
  at: string
  last_seen: string | null
  status: 'open' | 'resolved'
  resolved_at: string | null
  resolved_by: string | null
  resolved_by_name: string | null
  resolution_note: string | null
}

export const anomalyKey = (tillId: string, id: string) => `${tillId}~${id}`

/** `<till id>~<id>` back into its parts, or null when it is not one. */
export function parseAnomalyKey(key: string): { tillId: string; id: string } | null {
  const at = key.indexOf('~')
  if (at < 0 || at === key.length - 1) return null
  return { tillId: key.slice(0, at), id: key.slice(at + 1) }
}

const SELECT = `SELECT a.till_id, a.id, a.store_id, s.name AS store_name, a.kind, a.severity, a.tills, a.detail, a.at,
  a.last_seen, a.status, a.resolved_at, a.resolved_by, a.resolved_by_name, a.resolution_note
  FROM anomalies a JOIN stores s ON s.id = a.store_id`

/**
 * The inbox, newest first (by when last seen), filtered by store, kind, severity, status and till;
 * a manager's list is limited to `visibleStoreIds`. At most `limit` (default 200, max 1000).
 */
export async function listAnomalies(db: HqDatabase, filter: AnomalyFilter = {}): Promise<AnomalyView[]> {
  const where: string[] = []
  const params: SqlValue[] = []
  if (filter.visibleStoreIds) {
    if (filter.visibleStoreIds.length === 0) return []
    where.push(`a.store_id IN (${filter.visibleStoreIds.map(() => '?').join(', ')})`)
    params.push(...filter.visibleStoreIds)
  }
  for (const [column, value] of [
    ['a.store_id', filter.storeId],
    ['a.kind', filter.kind],
    ['a.severity', filter.severity],
    ['a.status', filter.status]
  ] as const) {
    if (value === undefined) continue
    where.push(`${column} = ?`)
    params.push(value)
  }
  if (filter.tillId) {
    // The tills column is a JSON array of ids: a till's id in quotes is in it exactly when it is involved.
    where.push('(a.till_id = ? OR a.tills LIKE ?)')
    params.push(filter.tillId, `%"${filter.tillId.replace(/[%_"\\]/g, '')}"%`)
  }
  const limit = Math.min(Math.max(1, filter.limit ?? 200), 1000)
  const rows = await db.query<Row>(
    `${SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}
     ORDER BY COALESCE(a.last_seen, a.at) DESC, a.till_id, a.id LIMIT ${limit}`,
    params
  )
  return views(db, rows)
}

/** One anomaly by its key, or null. */
export async function getAnomaly(
  db: HqDatabase,
  key: { tillId: string; id: string }
): Promise<AnomalyView | null> {
  const rows = await db.query<Row>(`${SELECT} WHERE a.till_id = ? AND a.id = ?`, [key.tillId, key.id])
  return rows.length ? (await views(db, rows))[0]! : null
}

/** Open anomalies per severity, for the dashboard (a manager's stores only when `visibleStoreIds`). */
export async function countOpenAnomalies(
  db: HqDatabase,
  visibleStoreIds?: readonly string[]
): Promise<Record<Severity, number>> {
  const counts: Record<Severity, number> = { high: 0, medium: 0, low: 0 }
  if (visibleStoreIds?.length === 0) return counts
  const scope = visibleStoreIds ? ` AND store_id IN (${visibleStoreIds.map(() => '?').join(', ')})` : ''
  for (const row of await db.query<{ severity: Severity; n: number }>(
    `SELECT severity, COUNT(*) AS n FROM anomalies WHERE status = 'open'${scope} GROUP BY severity`,
    visibleStoreIds ?? []
  ))
    counts[row.severity] = Number(row.n)
  return counts
}

/**
 * Resolves an open anomaly with a person's note, in the caller's transaction (which also writes
 * the audit entry). The row is kept: it moves to the resolved list with who, when and the note.
 * Returns the store it belongs to, `not-found`, or `already-resolved` (nothing written).
 */
export async function resolveAnomaly(
  tx: SqlTx,
  key: { tillId: string; id: string },
  by: { userId: string; userName: string; note: string; at: string }
): Promise<{ storeId: string; kind: AnomalyKind } | 'not-found' | 'already-resolved'> {
  const [row] = await tx.query<{ store_id: string; kind: AnomalyKind; status: string }>(
    'SELECT store_id, kind, status FROM anomalies WHERE till_id = ? AND id = ? FOR UPDATE',
    [key.tillId, key.id]
  )
  if (!row) return 'not-found'
  if (row.status !== 'open') return 'already-resolved'
  await tx.run(
    `UPDATE anomalies SET status = 'resolved', resolved_at = ?, resolved_by = ?, resolved_by_name = ?,
     resolution_note = ? WHERE till_id = ? AND id = ?`,
    [by.at, by.userId, by.userName, by.note, key.tillId, key.id]
  )
  return { storeId: row.store_id, kind: row.kind }
}

/** The store an anomaly belongs to (for the role check before resolving), or null. */
export async function anomalyStore(
  db: HqDatabase,
  key: { tillId: string; id: string }
): Promise<string | null> {
  const [row] = await db.query<{ store_id: string }>(
    'SELECT store_id FROM anomalies WHERE till_id = ? AND id = ?',
    [key.tillId, key.id]
  )
  return row?.store_id ?? null
}

async function views(db: HqDatabase, rows: Row[]): Promise<AnomalyView[]> {
  if (rows.length === 0) return []
  const tillIds = new Set<string>()
  const involved = rows.map((row) => {
    const ids: string[] = row.tills ? (JSON.parse(row.tills) as string[]) : [row.till_id]
    ids.forEach((id) => id && tillIds.add(id))
    return ids.filter(Boolean)
  })
  const refs = new Map<string, AnomalyView['events']>()
  const counts = new Map<string, number>()
  // One query per anomaly keeps the SQL portable (no row-value IN lists); the page is bounded.
  for (const row of rows) {
    const key = anomalyKey(row.till_id, row.id)
    const events = await db.query<{
      event_till_id: string
      seq: number
      event_id: string | null
      info: string | null
    }>(
      `SELECT event_till_id, seq, event_id, info FROM anomaly_events WHERE till_id = ? AND anomaly_id = ?
       ORDER BY event_till_id, seq LIMIT ${EVENT_LIMIT}`,
      [row.till_id, row.id]
    )
    const [n] = await db.query<{ n: number }>(
      'SELECT COUNT(*) AS n FROM anomaly_events WHERE till_id = ? AND anomaly_id = ?',
      [row.till_id, row.id]
    )
    counts.set(key, Number(n?.n ?? 0))
    events.forEach((e) => tillIds.add(e.event_till_id))
    refs.set(
      key,
      events.map((e) => ({
        tillId: e.event_till_id,
        tillCode: '',
        seq: Number(e.seq),
        eventId: e.event_id,
        info: e.info ? (JSON.parse(e.info) as Record<string, unknown>) : {}
      }))
    )
  }
  const ids = [...tillIds]
  const tills = new Map(
    (ids.length
      ? await db.query<{ id: string; code: string; label: string | null }>(
          `SELECT id, code, label FROM tills WHERE id IN (${ids.map(() => '?').join(', ')})`,
          ids
        )
      : []
    ).map((t) => [t.id, t])
  )
  return rows.map((row, i) => {
    const key = anomalyKey(row.till_id, row.id)
    const lastSeen = row.last_seen ?? row.at
    return {
      key,
      kind: row.kind,
      severity: row.severity,
      storeId: row.store_id,
      storeName: row.store_name,
      tills: involved[i]!.map((id) => tills.get(id) ?? { id, code: '?', label: null }),
      events: refs.get(key)!.map((e) => ({ ...e, tillCode: tills.get(e.tillId)?.code ?? '?' })),
      eventCount: counts.get(key)!,
      detail: JSON.parse(row.detail) as Record<string, unknown>,
      firstSeen: row.at,
      lastSeen,
      status: row.status,
      resolution:
        row.status === 'resolved' && row.resolved_at
          ? {
              at: row.resolved_at,
              userId: row.resolved_by,
              userName: row.resolved_by_name,
              note: row.resolution_note ?? ''
            }
          : null,
      seenAfterResolution: row.status === 'resolved' && !!row.resolved_at && lastSeen > row.resolved_at
    }
  })
}
