import { businessDate, businessDayWindow } from '@shared/time/zone'
import { randomUUID } from 'node:crypto'
import type { CouponSave, HqCoupon, Published } from '@shared/hq-api/master-data-schemas'
import type { MasterData } from '@shared/sync/protocol'
import { rebalanceAllotments } from '../pull/allotments'
import { toMinor } from './catalog-service'
import { refuse } from './errors'
import { publishChange, readRecord, readRecords, requireStore } from './records'
import type { MasterDeps, Reader } from './types'

type CouponData = MasterData<'coupon'>

async function storeZone(q: Reader, storeId: string): Promise<string> {
  const [row] = await q.query<{ time_zone: string }>('SELECT time_zone FROM stores WHERE id = ?', [storeId])
  return row?.time_zone ?? 'UTC'
}

/**
 * Creates or changes a store's coupon. Amounts are yuan text converted exactly to fen (VALIDATION on
 * `coupon.amount` / `coupon.minSpend`); validity dates are the store's calendar dates, sent to the
 * tills as the start of that day in the store's zone (the till reads the business date back). A
 * `usageLimit` is the coupon's total across the store's tills: `publishChange` rebalances the
 * per-till allotments in the same transaction (`rebalanceAllotments`: allotments only grow, their
 * sum never passes the limit). CONFLICT on `coupon.code` when another coupon of the store has it;
 * CONFLICT on `coupon.usageLimit` when lowered below what is already allotted.
 */
export async function saveCoupon(deps: MasterDeps, input: CouponSave): Promise<Published & { id: string }> {
  return publishChange(deps, async (tx, publish) => {
    const store = await requireStore(tx, input.storeId, 'storeId')
    const id = input.id ?? randomUUID()
    const before = input.id ? await readRecord(tx, store.id, 'coupon', input.id) : null
    if (input.id && !before)
      throw refuse('NOT_FOUND', 'id', 'errors.hq.master.unknownCoupon', `no coupon ${input.id}`)
    const c = input.coupon
    const code = c.code.toUpperCase()
    const clash = (await readRecords(tx, store.id, 'coupon')).find(
      (r) => r.id !== id && r.data.code.toUpperCase() === code
    )
    if (clash)
      throw refuse(
        'CONFLICT',
        'coupon.code',
        'errors.hq.master.couponCodeTaken',
        `code ${code} is taken in ${store.name}`,
        {
          code
        }
      )
    const limit = c.usageLimit ?? null
    if (limit !== null) {
      const allotted = (await readRecords(tx, store.id, 'coupon_allotment', null))
        .filter((r) => r.id === id)
        .reduce((sum, r) => sum + r.data.uses, 0)
      if (allotted > limit) {
        // Said as the coupon list says it: handed to the tills (allotted) and, of those, used.
        const [row] = await tx.query<{ n: number }>(
          'SELECT COUNT(*) AS n FROM hq_coupon_uses WHERE store_id = ? AND voided = 0 AND UPPER(code) = ?',
          [store.id, code]
        )
        const used = Number(row?.n ?? 0)
        throw refuse(
          'CONFLICT',
          'coupon.usageLimit',
          'errors.hq.master.limitBelowAllotted',
          `${allotted} uses are already handed to the tills (${used} used so far); the limit cannot be lower than ${allotted}`,
          { allotted, used }
        )
      }
    }
    const zone = await storeZone(tx, store.id)
    const data: CouponData = {
      id,
      code,
      type: c.type,
      rate: c.type === 'rate' ? c.rate! : null,
      amountMinor: c.type === 'amount' ? toMinor(c.amount!, store, 'coupon.amount') : null,
      minSpendMinor: c.minSpend === undefined ? null : toMinor(c.minSpend, store, 'coupon.minSpend'),
      validFrom: c.validFrom ? businessDayWindow(c.validFrom, zone).from : null,
      validTo: c.validTo ? businessDayWindow(c.validTo, zone).from : null,
      usageLimit: limit,
      active: c.active ?? true
    }
    const revision = await publish(store.id, [{ entity: 'coupon', id, op: 'put', data }])
    await deps.audit(tx, {
      action: input.id ? 'master.coupon.update' : 'master.coupon.create',
      subject: id,
      details: { storeId: store.id, code, usageLimit: limit }
    })
    return { id, revisions: [{ storeId: store.id, revision }] }
  })
}

/** Tops up the store's allotments now (as tills' pushes do); wakes the tills when anything moved. */
export async function rebalanceStore(deps: MasterDeps, storeId: string): Promise<boolean> {
  const moved = await deps.db.transaction((tx) => rebalanceAllotments(tx, storeId, deps.clock.now()))
  if (moved) deps.wakeups.wake(storeId)
  return moved
}

/**
 * A store's coupons with each till's allotment and synced uses (active tills; a revoked till's
 * allotment stays counted in the limit, since it may have used it offline).
 */
export async function listCoupons(q: Reader, storeId: string): Promise<HqCoupon[]> {
  await requireStore(q, storeId, 'storeId')
  const zone = await storeZone(q, storeId)
  const tills = new Map(
    (
      await q.query<{ id: string; code: string }>('SELECT id, code FROM tills WHERE store_id = ?', [storeId])
    ).map((t) => [t.id, t.code])
  )
  const allotments = await readRecords(q, storeId, 'coupon_allotment', null)
  const uses = await q.query<{ till_id: string; code: string; n: number }>(
    'SELECT till_id, code, COUNT(*) AS n FROM hq_coupon_uses WHERE store_id = ? AND voided = 0 GROUP BY till_id, code',
    [storeId]
  )
  const usedBy = (code: string, tillId: string) =>
    Number(uses.find((u) => u.code === code && u.till_id === tillId)?.n ?? 0)
  return (await readRecords(q, storeId, 'coupon'))
    .map(({ data }) => {
      const code = data.code.toUpperCase()
      return {
        id: data.id,
        storeId,
        code: data.code,
        type: data.type,
        rate: data.rate,
        amountMinor: data.amountMinor,
        minSpendMinor: data.minSpendMinor,
        validFrom: data.validFrom ? businessDate(data.validFrom, zone) : null,
        validTo: data.validTo ? businessDate(data.validTo, zone) : null,
        usageLimit: data.usageLimit,
        active: data.active,
        allotments: allotments
          .filter((a) => a.id === data.id)
          .map((a) => ({
            tillId: a.scope,
            tillCode: tills.get(a.scope) ?? a.scope,
            uses: a.data.uses,
            used: usedBy(code, a.scope)
          }))
          .sort((a, b) => a.tillCode.localeCompare(b.tillCode)),
        used: uses.filter((u) => u.code === code).reduce((sum, u) => sum + Number(u.n), 0)
      }
    })
    .sort((a, b) => a.code.localeCompare(b.code))
}
