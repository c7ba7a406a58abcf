import type { SqlTx } from '../db/types'
import { parsePayload, text, type DetectContext, type DetectedEvent } from './facts'
import { recordAnomaly } from './record'

/** The coupon codes an `order.paid` applied (upper-cased, as `hq_coupon_uses` keeps them). */
function codesOf(event: DetectedEvent): string[] {
  if (event.type !== 'order.paid' || event.status !== 'applied') return []
  const coupons = parsePayload(event)?.['coupons']
  if (!Array.isArray(coupons)) return []
  return [
    ...new Set(
      (coupons as Array<{ code?: unknown; applied?: unknown }>)
        .filter((c) => c.applied === true)
        .map((c) => text(c.code)?.toUpperCase())
        .filter((c): c is string => !!c)
    )
  ]
}

/**
 * A coupon used beyond its global limit across the store's tills (each till redeems offline from
 * its allotment, so this takes a till restored from a backup, or a stale allotment): counted from
 * the uses the head office holds (`hq_coupon_uses`, voided sales excluded) after the batch. One
 * `coupon-over-limit` anomaly per coupon and use count, store-wide (`till_id = ''`), naming every
 * till that used it and this batch's sales with the code. The sale itself is never refused.
 */
export async function detectCouponOverLimit(
  tx: SqlTx,
  ctx: DetectContext,
  events: readonly DetectedEvent[]
): Promise<void> {
  const byCode = new Map<string, DetectedEvent[]>()
  for (const event of events)
    for (const code of codesOf(event))
      byCode
        .set(code, byCode.get(code) ?? [])
        .get(code)!
        .push(event)
  if (byCode.size === 0) return
  const coupons = (
    await tx.query<{ id: string; data: string }>(
      "SELECT id, data FROM master_records WHERE store_id = ? AND scope = '' AND entity = 'coupon' AND deleted = 0",
      [ctx.storeId]
    )
  ).map((row) => ({ id: row.id, ...(JSON.parse(row.data) as { code: string; usageLimit: number | null }) }))
  for (const [code, used] of byCode) {
    const coupon = coupons.find((c) => c.code.toUpperCase() === code && c.usageLimit !== null)
    if (!coupon) continue
    const perTill = await tx.query<{ till_id: string; n: number }>(
      'SELECT till_id, COUNT(*) AS n FROM hq_coupon_uses WHERE store_id = ? AND code = ? AND voided = 0 GROUP BY till_id ORDER BY till_id',
      [ctx.storeId, code]
    )
    const uses = perTill.reduce((sum, row) => sum + Number(row.n), 0)
    if (uses <= coupon.usageLimit!) continue
    await recordAnomaly(tx, {
      tillId: '',
      storeId: ctx.storeId,
      id: `coupon-over-limit:${coupon.id}:${uses}`,
      kind: 'coupon-over-limit',
      severity: 'high',
      tills: perTill.map((row) => row.till_id),
      detail: {
        couponId: coupon.id,
        code: coupon.code,
        usageLimit: coupon.usageLimit,
        uses,
        usesByTill: Object.fromEntries(perTill.map((row) => [row.till_id, Number(row.n)]))
      },
      events: used.map((e) => ({ tillId: ctx.tillId, seq: e.seq, eventId: e.eventId, info: { code } })),
      at: ctx.at
    })
  }
}
