import { DEFAULT_PULL_LIMIT, type MasterChange, type PullAnswer, type PullQuery } from '@shared/sync/protocol'
import type { HqClock } from '../clock'
import type { HqDatabase } from '../db/types'
import type { Wakeups } from './wakeups'

/** Position in the store's master data: the last row a till applied, and in which phase. */
interface Cursor {
  epoch: string
  /** `full`: copying everything at or below `revision` (after a reset); `changes`: what changed after it. */
  phase: 'full' | 'changes'
  revision: number
  rank: number
  scope: string
  entity: string
  id: string
}

const START = { rank: -1, scope: '', entity: '', id: '' }
/** Past every row of a revision: where the changes after a full copy at that revision begin. */
const AFTER_REVISION = { rank: 2_147_483_647, scope: '', entity: '', id: '' }

export function encodeCursor(cursor: Cursor): string {
  const fields = [
    cursor.epoch,
    cursor.phase,
    cursor.revision,
    cursor.rank,
    cursor.scope,
    cursor.entity,
    cursor.id
  ]
  return Buffer.from(JSON.stringify(fields)).toString('base64url')
}

export function decodeCursor(text: string | undefined): Cursor | null {
  if (!text) return null
  try {
    const f = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[]
    if (!Array.isArray(f) || f.length !== 7) return null
    const [epoch, phase, revision, rank, scope, entity, id] = f
    if (typeof epoch !== 'string' || (phase !== 'full' && phase !== 'changes')) return null
    if (!Number.isSafeInteger(revision) || !Number.isSafeInteger(rank)) return null
    if (typeof scope !== 'string' || typeof entity !== 'string' || typeof id !== 'string') return null
    return { epoch, phase, revision: revision as number, rank: rank as number, scope, entity, id }
  } catch {
    return null
  }
}

interface RecordRow {
  scope: string
  entity: string
  id: string
  rank: number
  revision: number
  deleted: number
  data: string | null
}

/** Between long-poll checks when no wake-up comes (another head-office process may have published). */
const FALLBACK_CHECK_MS = 5000

/**
 * One page of a till's master data after `query.cursor` (see the protocol's `PullAnswer`):
 * a cursor that is missing, foreign, from another epoch or ahead of the store starts a full copy
 * (`reset: true`, in entity order), followed by the changes since the copy's revision. With
 * `wait`, an empty page is held until the store publishes (woken in process) or the wait ends.
 */
export async function pullPage(
  deps: { db: HqDatabase; clock: HqClock; wakeups: Wakeups },
  till: { id: string; store_id: string },
  query: PullQuery,
  signal?: AbortSignal
): Promise<PullAnswer> {
  const deadline = Date.now() + (query.wait ?? 0) * 1000
  for (;;) {
    const answer = await readPage(deps, till, query)
    const remaining = deadline - Date.now()
    if (answer.changes.length > 0 || answer.reset || remaining <= 0 || signal?.aborted) return answer
    await deps.wakeups.wait(till.store_id, Math.min(remaining, FALLBACK_CHECK_MS), signal)
  }
}

async function readPage(
  { db, clock }: { db: HqDatabase; clock: HqClock },
  till: { id: string; store_id: string },
  query: PullQuery
): Promise<PullAnswer> {
  const limit = query.limit ?? DEFAULT_PULL_LIMIT
  // The revision first, then the rows: every row at or below it is committed by then.
  const [state] = await db.query<{ revision: number; epoch: string }>(
    'SELECT revision, epoch FROM store_revisions WHERE store_id = ?',
    [till.store_id]
  )
  const storeRevision = Number(state!.revision)
  let cursor = decodeCursor(query.cursor)
  let reset = false
  if (!cursor || cursor.epoch !== state!.epoch || cursor.revision > storeRevision) {
    cursor = { epoch: state!.epoch, phase: 'full', revision: storeRevision, ...START }
    reset = true
  }

  const key = [cursor.rank, cursor.scope, cursor.entity, cursor.id]
  const rows =
    cursor.phase === 'full'
      ? await db.query<RecordRow>(
          `SELECT scope, entity, id, rank, revision, deleted, data FROM master_records
           WHERE store_id = ? AND scope IN ('', ?) AND revision <= ? AND deleted = 0 AND (rank, scope, entity, id) > (?, ?, ?, ?)
           ORDER BY rank, scope, entity, id LIMIT ?`,
          [till.store_id, till.id, cursor.revision, ...key, limit + 1]
        )
      : await db.query<RecordRow>(
          `SELECT scope, entity, id, rank, revision, deleted, data FROM master_records
           WHERE store_id = ? AND scope IN ('', ?) AND (revision, rank, scope, entity, id) > (?, ?, ?, ?, ?)
           ORDER BY revision, rank, scope, entity, id LIMIT ?`,
          [till.store_id, till.id, cursor.revision, ...key, limit + 1]
        )
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  let next: Cursor
  let more: boolean
  if (cursor.phase === 'full') {
    if (rows.length > limit) {
      next = { ...cursor, rank: last!.rank, scope: last!.scope, entity: last!.entity, id: last!.id }
      more = true
    } else {
      // The copy is complete as of its revision; changes published since follow.
      next = { epoch: cursor.epoch, phase: 'changes', revision: cursor.revision, ...AFTER_REVISION }
      more = storeRevision > cursor.revision
    }
  } else {
    next = last
      ? {
          ...cursor,
          revision: Number(last.revision),
          rank: last.rank,
          scope: last.scope,
          entity: last.entity,
          id: last.id
        }
      : cursor
    more = rows.length > limit
  }
  // The store's time zone is the head office's (its `stores` row): every till of the store keeps
  // its business days in it, whatever its settings said before enrolling.
  const zone = page.some((row) => row.entity === 'settings' && !row.deleted)
    ? (await db.query<{ time_zone: string }>('SELECT time_zone FROM stores WHERE id = ?', [till.store_id]))[0]
        ?.time_zone
    : undefined
  const changes = page.map(
    (row): MasterChange =>
      (row.deleted
        ? { entity: row.entity, id: row.id, op: 'delete', revision: Number(row.revision) }
        : {
            entity: row.entity,
            id: row.id,
            op: 'put',
            revision: Number(row.revision),
            data:
              row.entity === 'settings' && zone
                ? { ...(JSON.parse(row.data!) as object), timeZone: zone }
                : JSON.parse(row.data!)
          }) as MasterChange
  )
  return {
    reset,
    changes,
    cursor: encodeCursor(next),
    more,
    revision: more ? (next.phase === 'changes' ? next.revision : cursor.revision) : storeRevision,
    serverTime: clock.now().toISOString()
  }
}
