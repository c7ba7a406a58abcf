import { describe, expect, it } from 'vitest'
import { v7 as uuidv7 } from 'uuid'
import type { MasterChange } from '../../../src/shared/sync/protocol'
import { forceReset, type MasterWrite } from '../../../src/server/pull/master-data'
import { HQ_STORES, paidOrder, startTestHq, TestTill } from '../../support/hq'

const category = (id: string, code: string): MasterWrite => ({
  entity: 'category',
  id,
  op: 'put',
  data: { id, code, nameZh: '饮料', nameEn: 'Drinks', sortOrder: 0, active: true }
})
const product = (id: string, categoryId: string | null, priceMinor: number): MasterWrite => ({
  entity: 'product',
  id,
  op: 'put',
  data: {
    id,
    sku: `SKU-${id.slice(-4)}`,
    nameZh: '水',
    nameEn: 'Water',
    categoryId,
    priceMinor,
    taxRate: '0.13',
    unit: 'piece',
    active: true
  }
})
const barcode = (code: string, productId: string): MasterWrite => ({
  entity: 'barcode',
  id: code,
  op: 'put',
  data: { barcode: code, productId, position: 0 }
})
const coupon = (id: string, code: string, usageLimit: number | null): MasterWrite => ({
  entity: 'coupon',
  id,
  op: 'put',
  data: {
    id,
    code,
    type: 'amount',
    rate: null,
    amountMinor: 500,
    minSpendMinor: null,
    validFrom: null,
    validTo: null,
    usageLimit,
    active: true
  }
})

/** Pulls every page from `cursor` on; returns the changes in order and the last answer. */
async function pullAll(till: TestTill, cursor?: string, limit?: number) {
  const changes: MasterChange[] = []
  let resets = 0
  for (;;) {
    const page = await till.pull({ cursor, limit })
    expect(page.status).toBe(200)
    if (page.body.reset) resets++
    changes.push(...page.body.changes)
    cursor = page.body.cursor
    if (!page.body.more) return { changes, cursor, resets, last: page.body }
  }
}

describe.each(HQ_STORES)('head office pull (%s)', (kind) => {
  it('pages a full copy in dependency order with a reset, then only what changed', async () => {
    const hq = await startTestHq(kind)
    const till = await TestTill.enrolled(hq)
    const cat = uuidv7()
    const products = Array.from({ length: 7 }, () => uuidv7())
    // Barcodes and products published in one revision, the category re-published later.
    await hq.publish(till.storeId, [category(cat, 'DRINK')])
    await hq.publish(till.storeId, [
      ...products.map((p) => barcode(`690${p.slice(-6)}`, p)),
      ...products.map((p) => product(p, cat, 300))
    ])
    await hq.publish(till.storeId, [{ ...category(cat, 'DRINKS') }])

    const full = await pullAll(till, undefined, 4)
    expect(full.resets).toBe(1)
    const order = full.changes.map((c) => c.entity)
    // settings, category, products, barcodes: a referenced row always comes first.
    expect(order).toEqual([
      'settings',
      'category',
      ...products.map(() => 'product'),
      ...products.map(() => 'barcode')
    ])
    expect(full.changes[1]).toMatchObject({ op: 'put', data: { code: 'DRINKS' } })

    // Nothing new: an empty page, same position.
    const idle = await till.pull({ cursor: full.cursor })
    expect(idle.body).toMatchObject({ reset: false, changes: [], more: false })

    // A price change and a delete.
    await hq.publish(till.storeId, [
      product(products[0]!, cat, 350),
      { entity: 'barcode', id: `690${products[1]!.slice(-6)}`, op: 'delete' }
    ])
    const delta = await pullAll(till, full.cursor)
    expect(delta.resets).toBe(0)
    expect(delta.changes).toMatchObject([
      { entity: 'product', id: products[0], op: 'put', data: { priceMinor: 350 } },
      { entity: 'barcode', op: 'delete' }
    ])
    expect(delta.last.revision).toBe((await till.status()).body.revision)
  })

  it('answers reset to a cursor it does not know, or after the store was reset', async () => {
    const hq = await startTestHq(kind)
    const till = await TestTill.enrolled(hq)
    const { cursor } = await pullAll(till)
    expect((await till.pull({ cursor: 'garbage' })).body.reset).toBe(true)
    await hq.db.transaction((tx) => forceReset(tx, till.storeId))
    const again = await till.pull({ cursor })
    expect(again.body.reset).toBe(true)
    expect(again.body.changes.map((c) => c.entity)).toEqual(['settings'])
    const bad = await till.pull({ limit: 0 } as never)
    expect(bad.status).toBe(400)
    expect(bad.body.error).toMatchObject({ code: 'MALFORMED', field: 'limit' })
  })

  it('holds a long-poll until a change is published, and wakes it in process', async () => {
    const hq = await startTestHq(kind)
    const till = await TestTill.enrolled(hq)
    const { cursor } = await pullAll(till)
    const started = Date.now()
    const waiting = till.pull({ cursor, wait: 25 })
    while (hq.wakeups.waitingCount() === 0) await new Promise((r) => setTimeout(r, 10))
    const id = uuidv7()
    await hq.publish(till.storeId, [product(id, null, 990)])
    const answer = await waiting
    expect(answer.body.changes).toMatchObject([{ entity: 'product', id, data: { priceMinor: 990 } }])
    // Woken, not timed out (25 s): generous bound on a loaded machine.
    expect(Date.now() - started).toBeLessThan(15_000)
  })

  it('answers a held long-poll when the head office closes, instead of making close wait it out', async () => {
    const hq = await startTestHq(kind)
    const till = await TestTill.enrolled(hq)
    const { cursor } = await pullAll(till)
    const waiting = till.pull({ cursor, wait: 25 })
    while (hq.wakeups.waitingCount() === 0) await new Promise((r) => setTimeout(r, 10))
    await hq.close()
    // Answered with what there was (nothing new), as a wait that ran out would be. Without the
    // preClose hook, close() and this answer take the whole 25 s wait, past the test's timeout.
    const answer = await waiting
    expect(answer.status).toBe(200)
    expect(answer.body.changes).toEqual([])
  }, 15_000)

  it('gives each till its own coupon allotment, tops it up as it syncs, and records over-use', async () => {
    const hq = await startTestHq(kind)
    const a = await TestTill.enrolled(hq)
    const b = await TestTill.enrolled(hq)
    const id = uuidv7()
    await hq.publish(a.storeId, [coupon(id, 'SAVE5', 8)])
    const allotmentOf = async (till: TestTill) =>
      (await pullAll(till)).changes
        .filter((c) => c.entity === 'coupon_allotment')
        .map((c) => (c as { data: { uses: number; tillId: string } }).data)
    // ⌊8 / (2 × 2)⌋ = 2 each; the rest stays unallotted for whoever needs it.
    expect(await allotmentOf(a)).toEqual([{ couponId: id, tillId: a.tillId, uses: 2 }])
    expect(await allotmentOf(b)).toEqual([{ couponId: id, tillId: b.tillId, uses: 2 }])

    // a uses both of its uses: topped up to keep 2 in hand.
    await a.push([
      a.event('order.paid', paidOrder({ coupons: ['save5'] })),
      a.event('order.paid', paidOrder({ coupons: ['SAVE5'] }))
    ])
    expect(await allotmentOf(a)).toEqual([{ couponId: id, tillId: a.tillId, uses: 4 }])

    // b, restored from a backup, used 5 offline: accepted, and recorded as over-use.
    const answer = await b.push(
      Array.from({ length: 5 }, () => b.event('order.paid', paidOrder({ coupons: ['SAVE5'] })))
    )
    expect(answer.body.outcomes.every((o) => o.outcome === 'stored')).toBe(true)
    const anomalies = await hq.db.query<{ till_id: string; kind: string }>(
      "SELECT till_id, kind FROM anomalies WHERE kind = 'coupon-overuse'"
    )
    expect(anomalies).toEqual([{ till_id: b.tillId, kind: 'coupon-overuse' }])
    // Allotments never exceed the limit in all.
    const total = (await allotmentOf(a))[0]!.uses + (await allotmentOf(b))[0]!.uses
    expect(total).toBeLessThanOrEqual(8)
  })
})
