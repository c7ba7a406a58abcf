import type { SqlTx } from '../db/types'
import { publishInTx, type MasterWrite } from './master-data'

interface CouponRow {
  id: string
  data: string
}

/**
 * Shares each limited coupon of a store among its tills, so an offline till never needs to ask
 * before redeeming. Allotments only grow (never taken back from a till that may have used them
 * offline), so their sum never exceeds the coupon's limit: a till whose headroom (allotment − its
 * synced uses) fell below its target share, `max(1, ⌊limit / (2 × tills)⌋)`, is topped up from what is
 * not yet allotted. A till over its allotment (a restored till) is recorded as a `coupon-overuse`
 * anomaly — the sale itself was accepted. Publishes the new allotments in the caller's transaction.
 * Returns whether anything was published (the caller wakes the store's long-polls after commit).
 */
export async function rebalanceAllotments(tx: SqlTx, storeId: string, now: Date): Promise<boolean> {
  const coupons = await tx.query<CouponRow>(
    "SELECT id, data FROM master_records WHERE store_id = ? AND scope = '' AND entity = 'coupon' AND deleted = 0",
    [storeId]
  )
  const limited = coupons
    .map((row) => ({
      id: row.id,
      ...(JSON.parse(row.data) as { code: string; usageLimit: number | null; active: boolean })
    }))
    .filter((c) => c.usageLimit !== null && c.active)
  if (limited.length === 0) return false
  const tills = await tx.query<{ id: string }>(
    "SELECT id FROM tills WHERE store_id = ? AND status = 'active' ORDER BY code",
    [storeId]
  )
  if (tills.length === 0) return false
  const writes: MasterWrite[] = []
  for (const coupon of limited) {
    const limit = coupon.usageLimit!
    const uses = new Map(
      (
        await tx.query<{ till_id: string; n: number }>(
          'SELECT till_id, COUNT(*) AS n FROM hq_coupon_uses WHERE store_id = ? AND code = ? AND voided = 0 GROUP BY till_id',
          [storeId, coupon.code.toUpperCase()]
        )
      ).map((row) => [row.till_id, Number(row.n)])
    )
    const allotted = new Map(
      (
        await tx.query<{ scope: string; data: string }>(
          "SELECT scope, data FROM master_records WHERE store_id = ? AND entity = 'coupon_allotment' AND id = ? AND deleted = 0",
          [storeId, coupon.id]
        )
      ).map((row) => [row.scope, (JSON.parse(row.data) as { uses: number }).uses])
    )
    let pool = limit - [...allotted.values()].reduce((a, b) => a + b, 0)
    const target = Math.max(1, Math.floor(limit / (2 * tills.length)))
    for (const till of tills) {
      const allot = allotted.get(till.id) ?? 0
      const used = uses.get(till.id) ?? 0
      if (used > allot) {
        await tx.run(
          'INSERT INTO anomalies (till_id, id, store_id, kind, detail, at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
          [
            till.id,
            `coupon-overuse:${coupon.id}:${used}`,
            storeId,
            'coupon-overuse',
            JSON.stringify({
              couponId: coupon.id,
              code: coupon.code,
              uses: used,
              allotment: allot,
              usageLimit: limit
            }),
            now.toISOString()
          ]
        )
      }
      const headroom = allot - used
      if (headroom >= target || pool <= 0) {
        if (!allotted.has(till.id)) writes.push(allotment(coupon.id, till.id, allot))
        continue
      }
      const add = Math.min(pool, target - headroom)
      pool -= add
      writes.push(allotment(coupon.id, till.id, allot + add))
    }
  }
  if (writes.length === 0) return false
  await publishInTx(tx, storeId, writes)
  return true
}

const allotment = (couponId: string, tillId: string, uses: number): MasterWrite => ({
  entity: 'coupon_allotment',
  id: couponId,
  scope: tillId,
  op: 'put',
  data: { couponId, tillId, uses }
})
