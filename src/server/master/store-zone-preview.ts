import { businessDate } from '@shared/time/zone'
import type { HqDatabase } from '../db/types'
import { HqRefusal } from '../admin/refusal'

/** One business day whose figures a zone move changes: orders (paid, not voided) and their total. */
export interface ZoneMoveDay {
  date: string
  before: { orders: number; total: number }
  after: { orders: number; total: number }
}

/**
 * What moving a store to `toZone` would do to its past days at the head office, before the owner
 * publishes it: every day (YYYY-MM-DD, newest first) whose order count or total (integer minor
 * units, paid and not voided, as `hq_orders` holds them) differs when cut in the new zone. The
 * tills re-cut their own days the same way after their next sync (they recompute past days in the
 * zone they take), so these are the moves their day reports show too. `currency` of the totals,
 * null when the store sold nothing. NOT_FOUND on `storeId`.
 */
export async function previewStoreZoneMove(
  db: HqDatabase,
  storeId: string,
  toZone: string
): Promise<{ days: ZoneMoveDay[]; currency: string | null }> {
  const [store] = await db.query<{ time_zone: string }>('SELECT time_zone FROM stores WHERE id = ?', [
    storeId
  ])
  if (!store)
    throw new HqRefusal('NOT_FOUND', 'storeId: no such store', 'errors.hq.stores.unknown', 'storeId')
  const orders = await db.query<{ paid_at: string; total: number | string; currency: string }>(
    'SELECT paid_at, total, currency FROM hq_orders WHERE store_id = ? AND voided_at IS NULL',
    [storeId]
  )
  const days = new Map<string, ZoneMoveDay>()
  const dayOf = (date: string) =>
    days.get(date) ??
    days.set(date, { date, before: { orders: 0, total: 0 }, after: { orders: 0, total: 0 } }).get(date)!
  for (const order of orders) {
    const total = Number(order.total)
    const before = dayOf(businessDate(order.paid_at, store.time_zone)).before
    before.orders += 1
    before.total += total
    const after = dayOf(businessDate(order.paid_at, toZone)).after
    after.orders += 1
    after.total += total
  }
  return {
    // The store's tills sell in one currency (the chain's); null when it sold nothing yet.
    currency: orders[0]?.currency ?? null,
    days: [...days.values()]
      .filter((d) => d.before.orders !== d.after.orders || d.before.total !== d.after.total)
      .sort((a, b) => b.date.localeCompare(a.date))
  }
}
