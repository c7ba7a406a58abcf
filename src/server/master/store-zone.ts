import type { SqlTx } from '../db/types'
import { HqRefusal } from '../admin/refusal'
import { publishChange, readRecord } from './records'
import type { MasterDeps } from './types'

/**
 * Moves a store to another IANA time zone (already validated, `timeZoneSchema`) as ONE change:
 * the `stores` row, the store's `settings` record republished with the zone (a new master
 * revision, so every till of the store pulls it; the long-polls are woken after commit) and the
 * audit entry. Before, only the row changed, so tills never learned the new zone (issue 15).
 * Setting the zone it already has publishes nothing. NOT_FOUND `errors.hq.stores.unknown` on `storeId`.
 * Answers the zone and the store's revision after the change.
 */
export async function setStoreTimeZone(
  deps: MasterDeps,
  storeId: string,
  timeZone: string
): Promise<{ timeZone: string; revision: number }> {
  return publishChange(deps, async (tx, publish) => {
    const [store] = await tx.query<{ time_zone: string }>('SELECT time_zone FROM stores WHERE id = ?', [
      storeId
    ])
    if (!store)
      throw new HqRefusal('NOT_FOUND', 'storeId: no such store', 'errors.hq.stores.unknown', 'storeId')
    if (store.time_zone === timeZone) return { timeZone, revision: await revision(tx, storeId) }
    const settings = await readRecord(tx, storeId, 'settings', 'store')
    if (!settings)
      throw new HqRefusal(
        'NOT_FOUND',
        'storeId: the store has no settings',
        'errors.hq.stores.unknown',
        'storeId'
      )
    await tx.run('UPDATE stores SET time_zone = ? WHERE id = ?', [timeZone, storeId])
    const published = await publish(storeId, [
      { entity: 'settings', id: 'store', op: 'put', data: { ...settings, timeZone } }
    ])
    await deps.audit(tx, {
      action: 'stores.timeZone',
      subject: storeId,
      details: { from: store.time_zone, to: timeZone, revision: published }
    })
    return { timeZone, revision: published }
  })
}

async function revision(tx: SqlTx, storeId: string): Promise<number> {
  const [row] = await tx.query<{ revision: number }>(
    'SELECT revision FROM store_revisions WHERE store_id = ?',
    [storeId]
  )
  return Number(row?.revision ?? 0)
}
