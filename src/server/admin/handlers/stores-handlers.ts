import type { HqStore, HqTill, storesApi } from '@shared/hq-api/stores'
import { createEnrolCode, ensureStore } from '../../enrol/enrol-service'
import { setStoreTimeZone } from '../../master/store-zone'
import { previewStoreZoneMove } from '../../master/store-zone-preview'
import type { AreaHandlers, HqContext } from '../context'
import { HqRefusal } from '../refusal'

interface TillRow {
  id: string
  store_id: string
  code: string
  label: string | null
  status: 'active' | 'revoked'
  app_version: string | null
  enrolled_at: string
  last_push_at: string | null
  backlog: number | null
  oldest_unsynced_at: string | null
  clock_offset_ms: number | null
  high_seq: number
}

const num = (value: number | string | null) => (value === null ? null : Number(value))

const tillView = (row: TillRow): HqTill => ({
  id: row.id,
  code: row.code,
  label: row.label,
  status: row.status,
  appVersion: row.app_version,
  enrolledAt: row.enrolled_at,
  lastSeenAt: row.last_push_at,
  backlog: num(row.backlog),
  oldestUnsyncedAt: row.oldest_unsynced_at,
  clockOffsetMs: num(row.clock_offset_ms),
  highSeq: Number(row.high_seq)
})

/**
 * The stores the signed-in user may see (a manager: theirs), each with its tills and what the
 * sync knows of each (last push, app version, backlog the till reported, clock offset).
 */
export async function visibleStores(ctx: Pick<HqContext, 'db' | 'canSeeStore'>): Promise<HqStore[]> {
  const stores = await ctx.db.query<{ id: string; name: string; time_zone: string; created_at: string }>(
    'SELECT id, name, time_zone, created_at FROM stores ORDER BY name'
  )
  const tills = await ctx.db.query<TillRow>(
    `SELECT id, store_id, code, label, status, app_version, enrolled_at, last_push_at, backlog,
            oldest_unsynced_at, clock_offset_ms, high_seq FROM tills ORDER BY code`
  )
  return stores
    .filter((store) => ctx.canSeeStore(store.id))
    .map((store) => ({
      id: store.id,
      name: store.name,
      timeZone: store.time_zone,
      createdAt: store.created_at,
      tills: tills.filter((till) => till.store_id === store.id).map(tillView)
    }))
}

/** Stores, their tills, enrolment codes. */
export const storesHandlers: AreaHandlers<typeof storesApi> = {
  async list(_input, ctx) {
    return {
      stores: await visibleStores(ctx),
      serverTime: ctx.clock.now().toISOString(),
      // Not UTC by default: a Chinese shop's business days would start at 08:00 Beijing time.
      hqTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
    }
  },

  /** CONFLICT on `name` when a store of that name exists. */
  async create(input, ctx) {
    return ctx.db.transaction(async (tx) => {
      const [taken] = await tx.query('SELECT id FROM stores WHERE name = ?', [input.name])
      if (taken)
        throw new HqRefusal(
          'CONFLICT',
          'name: a store of that name exists',
          'errors.hq.stores.nameTaken',
          'name'
        )
      const store = await ensureStore(tx, ctx.clock, input.name, { timeZone: input.timeZone })
      await ctx.audit(tx, {
        action: 'stores.create',
        subject: store.id,
        details: { name: store.name, timeZone: store.time_zone }
      })
      const [row] = await tx.query<{ created_at: string }>('SELECT created_at FROM stores WHERE id = ?', [
        store.id
      ])
      return {
        id: store.id,
        name: store.name,
        timeZone: store.time_zone,
        createdAt: row!.created_at,
        tills: []
      }
    })
  },

  /** See `setStoreTimeZone`: republished to the store's tills. NOT_FOUND on `storeId`. */
  setTimeZone(input, ctx) {
    return setStoreTimeZone(
      { db: ctx.db, clock: ctx.clock, wakeups: ctx.wakeups, audit: ctx.audit },
      input.storeId,
      input.timeZone
    )
  },

  /** See `previewStoreZoneMove`: the days a move would change, nothing published. NOT_FOUND on `storeId`. */
  zonePreview(input, ctx) {
    return previewStoreZoneMove(ctx.db, input.storeId, input.timeZone)
  },

  /** A one-time code (10 min) a till of this store enrols with. NOT_FOUND on `storeId`. */
  async enrolCode(input, ctx) {
    const [store] = await ctx.db.query<{ name: string }>('SELECT name FROM stores WHERE id = ?', [
      input.storeId
    ])
    if (!store)
      throw new HqRefusal('NOT_FOUND', 'storeId: no such store', 'errors.hq.stores.unknown', 'storeId')
    const { code, expiresAt } = await createEnrolCode(ctx.db, ctx.clock, store.name, (tx, issued) =>
      // The code itself is a secret: the audit says one was issued, and until when.
      ctx.audit(tx, {
        action: 'stores.enrolCode',
        subject: issued.storeId,
        details: { expiresAt: issued.expiresAt }
      })
    )
    return { code, expiresAt }
  }
}
