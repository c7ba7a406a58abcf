import { randomUUID } from 'node:crypto'
import { masterDataSchemas, MASTER_ENTITIES, type MasterEntity } from '@shared/sync/protocol'
import type { HqClock } from '../clock'
import type { HqDatabase, SqlTx } from '../db/types'
import { malformed, SyncRefusal } from '../errors'
import { rebalanceAllotments } from './allotments'
import type { Wakeups } from './wakeups'

/** Entities in the order a till must apply them: a referenced row always comes first. */
export const ENTITY_RANK: Record<MasterEntity, number> = {
  settings: 0,
  category: 1,
  product: 2,
  barcode: 3,
  coupon: 4,
  coupon_allotment: 5,
  staff: 6
}

export interface MasterWrite {
  entity: MasterEntity
  id: string
  /** '' (default): every till of the store pulls it; a till id: only that till does. */
  scope?: string
  op: 'put' | 'delete'
  data?: unknown
}

/**
 * Publishes master-data changes for one store under a new revision, inside the caller's
 * transaction. The store's revision row is bumped first — it is the lock that orders publishers,
 * so revisions commit in order and a cursor never skips one. The caller wakes the store's
 * long-polls after commit. `put` data is checked against the protocol's schema (`MALFORMED` with
 * the field otherwise). Returns the new revision.
 */
export async function publishInTx(
  tx: SqlTx,
  storeId: string,
  writes: readonly MasterWrite[]
): Promise<number> {
  for (const [i, write] of writes.entries()) {
    if (!MASTER_ENTITIES.includes(write.entity))
      throw malformed([{ path: [i, 'entity'], message: 'unknown entity' }])
    if (write.op === 'put') {
      const parsed = masterDataSchemas[write.entity].safeParse(write.data)
      if (!parsed.success) {
        throw malformed(parsed.error.issues.map((issue) => ({ ...issue, path: [i, 'data', ...issue.path] })))
      }
    }
  }
  const [row] = await tx.query<{ revision: number }>(
    'UPDATE store_revisions SET revision = revision + 1 WHERE store_id = ? RETURNING revision',
    [storeId]
  )
  if (!row) throw new Error(`store ${storeId} has no revision row`)
  const revision = Number(row.revision)
  for (const write of writes) {
    await tx.run(
      `INSERT INTO master_records (store_id, scope, entity, id, rank, revision, deleted, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (store_id, scope, entity, id) DO UPDATE SET revision = excluded.revision, deleted = excluded.deleted, data = excluded.data`,
      [
        storeId,
        write.scope ?? '',
        write.entity,
        write.id,
        ENTITY_RANK[write.entity],
        revision,
        write.op === 'delete' ? 1 : 0,
        write.op === 'put' ? JSON.stringify(write.data) : null
      ]
    )
  }
  return revision
}

/** The revision row of a new store (revision 0, a fresh epoch). */
export async function createRevisionRow(tx: SqlTx, storeId: string): Promise<void> {
  await tx.run(
    'INSERT INTO store_revisions (store_id, revision, epoch) VALUES (?, 0, ?) ON CONFLICT DO NOTHING',
    [storeId, randomUUID()]
  )
}

/** Makes every till of the store fetch its master data again from scratch on its next pull. */
export async function forceReset(tx: SqlTx, storeId: string): Promise<void> {
  await tx.run('UPDATE store_revisions SET epoch = ? WHERE store_id = ?', [randomUUID(), storeId])
}

/**
 * Publishes master data for a store in its own transaction (coupon allotments rebalanced when
 * coupons changed), then wakes the store's long-polls. For the head office's screens and
 * `kassa hq publish`. Returns the new revision.
 */
export async function publishMaster(
  deps: { db: HqDatabase; clock: HqClock; wakeups: Wakeups },
  storeId: string,
  writes: readonly MasterWrite[]
): Promise<number> {
  const revision = await deps.db.transaction(async (tx) => {
    const [store] = await tx.query<{ id: string }>('SELECT id FROM stores WHERE id = ?', [storeId])
    if (!store) throw new SyncRefusal('NOT_FOUND', `no store ${storeId}`)
    const revision = await publishInTx(tx, storeId, writes)
    if (writes.some((w) => w.entity === 'coupon')) await rebalanceAllotments(tx, storeId, deps.clock.now())
    return revision
  })
  deps.wakeups.wake(storeId)
  return revision
}
