import { masterDataSchemas, type MasterData, type MasterEntity } from '@shared/sync/protocol'
import type { SqlTx } from '../db/types'
import { rebalanceAllotments } from '../pull/allotments'
import { publishInTx, type MasterWrite } from '../pull/master-data'
import { HqRefusal } from '../admin/refusal'
import { refuse } from './errors'
import type { MasterDeps, Reader } from './types'

/**
 * The head office's master data of record is `master_records` itself: the latest published version
 * of each row, per store (a product's price is per store, so a product is one record in each store
 * that sells it, under the same id). Reading it back is reading exactly what the tills pull — there
 * is no second copy to drift from what was published.
 */
export interface StoredRecord<E extends MasterEntity> {
  id: string
  scope: string
  revision: number
  data: MasterData<E>
}

/** The live (not deleted) rows of `entity` in a store, store-wide ones unless `scope` is given. */
export async function readRecords<E extends MasterEntity>(
  q: Reader,
  storeId: string,
  entity: E,
  scope: string | null = ''
): Promise<Array<StoredRecord<E>>> {
  const rows = await q.query<{ id: string; scope: string; revision: number; data: string }>(
    `SELECT id, scope, revision, data FROM master_records
     WHERE store_id = ? AND entity = ? AND deleted = 0${scope === null ? '' : ' AND scope = ?'} ORDER BY id`,
    scope === null ? [storeId, entity] : [storeId, entity, scope]
  )
  return rows.map((row) => ({
    id: row.id,
    scope: row.scope,
    revision: Number(row.revision),
    data: masterDataSchemas[entity].parse(JSON.parse(row.data)) as MasterData<E>
  }))
}

/** One live store-wide row, or null. */
export async function readRecord<E extends MasterEntity>(
  q: Reader,
  storeId: string,
  entity: E,
  id: string
): Promise<MasterData<E> | null> {
  const [row] = await q.query<{ data: string }>(
    "SELECT data FROM master_records WHERE store_id = ? AND scope = '' AND entity = ? AND id = ? AND deleted = 0",
    [storeId, entity, id]
  )
  return row ? (masterDataSchemas[entity].parse(JSON.parse(row.data)) as MasterData<E>) : null
}

export interface StoreInfo {
  id: string
  name: string
  currency: string
  revision: number
}

/** The stores named, with their currency (from their published settings) — NOT_FOUND on `field` otherwise. */
export async function requireStores(
  q: Reader,
  storeIds: readonly string[],
  field: string
): Promise<StoreInfo[]> {
  const stores: StoreInfo[] = []
  for (const [i, id] of storeIds.entries()) {
    const [row] = await q.query<{ id: string; name: string; revision: number | null }>(
      'SELECT s.id, s.name, r.revision FROM stores s LEFT JOIN store_revisions r ON r.store_id = s.id WHERE s.id = ?',
      [id]
    )
    if (!row)
      throw refuse('NOT_FOUND', `${field}[${i}]`, 'errors.hq.master.unknownStore', `no store ${id}`, { id })
    const settings = await readRecord(q, id, 'settings', 'store')
    stores.push({
      id: row.id,
      name: row.name,
      currency: settings?.currency ?? 'CNY',
      revision: Number(row.revision ?? 0)
    })
  }
  return stores
}

/** One store, as `requireStores`, refused naming `field` itself. */
export async function requireStore(q: Reader, storeId: string, field: string): Promise<StoreInfo> {
  try {
    return (await requireStores(q, [storeId], field))[0]!
  } catch (error) {
    if (error instanceof HqRefusal)
      throw new HqRefusal(error.code, error.message, error.key, field, error.params)
    throw error
  }
}

/** Every store of the chain, by name. */
export async function allStoreIds(q: Reader): Promise<string[]> {
  return (await q.query<{ id: string }>('SELECT id FROM stores ORDER BY name')).map((row) => row.id)
}

/** Publishes writes for one store inside the change's transaction; answers the new revision. */
export type Publish = (storeId: string, writes: readonly MasterWrite[]) => Promise<number>

/**
 * Runs one person's change as ONE transaction: `work` publishes to any number of stores (each a
 * new revision of that store, `publishInTx`) and writes its audit row through `deps.audit`; coupon
 * allotments are rebalanced where coupons changed. After commit the stores' long-polls are woken,
 * so online tills have the change within the long-poll's round trip. A refusal rolls everything
 * back. Returns what `work` returns.
 */
export async function publishChange<T>(
  deps: MasterDeps,
  work: (tx: SqlTx, publish: Publish) => Promise<T>
): Promise<T> {
  let touched = new Set<string>()
  const result = await deps.db.transaction(async (tx) => {
    // A retried transaction (serialization failure) starts over, so does the list of stores.
    touched = new Set()
    const coupons = new Set<string>()
    const value = await work(tx, async (storeId, writes) => {
      touched.add(storeId)
      if (writes.some((w) => w.entity === 'coupon')) coupons.add(storeId)
      return publishInTx(tx, storeId, writes)
    })
    for (const storeId of coupons) await rebalanceAllotments(tx, storeId, deps.clock.now())
    return value
  })
  for (const storeId of touched) deps.wakeups.wake(storeId)
  return result
}
