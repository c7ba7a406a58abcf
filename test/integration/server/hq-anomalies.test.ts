import { businessDate } from '@shared/time/zone'
import { describe, expect, it } from 'vitest'
import { v7 as uuidv7 } from 'uuid'
import {
  getAnomaly,
  listAnomalies,
  countOpenAnomalies,
  parseAnomalyKey,
  resolveAnomaly,
  type AnomalyView
} from '../../../src/server/anomalies/anomaly-service'
import type { RunningHq } from '../../../src/server/hq'
import type { MasterWrite } from '../../../src/server/pull/master-data'
import { consolidatedDay, consolidatedDayReference } from '../../../src/server/reports/consolidated-day'
import { reapplyQuarantined } from '../../../src/server/push/reapply'
import { defaultUpgraders } from '../../../src/server/push/upgraders'
import { HQ_STORES, paidOrder, startTestHq, TestTill } from '../../support/hq'
import { runTill } from '../../support/reporting-till'
import { toPushed } from '../../support/sync-pusher'

/** A sale with receipt number `T01-<n>` (six digits, as the till prints it). */
const sale = (n: number, options: Parameters<typeof paidOrder>[0] = {}) => ({
  ...paidOrder(options),
  number: `T01-${String(n).padStart(6, '0')}`
})

const coupon = (id: string, code: string, usageLimit: number): MasterWrite => ({
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

async function ok(answer: Promise<{ status: number; body: unknown }>) {
  const got = await answer
  expect(got.status, JSON.stringify(got.body)).toBe(200)
  return got
}

const ofKind = async (hq: RunningHq, kind: AnomalyView['kind']) => listAnomalies(hq.db, { kind })

describe.each(HQ_STORES)('anomalies inbox (%s)', (kind) => {
  it('finds a receipt-number gap from pushed sales, and settles it when the numbers arrive late', async () => {
    const hq = await startTestHq(kind)
    const till = await TestTill.enrolled(hq)
    const first = [1, 2].map((n) => till.event('order.paid', sale(n)))
    const fifth = till.event('order.paid', sale(5))
    await ok(till.push([...first, fifth]))

    const [gap, ...rest] = await ofKind(hq, 'receipt-gap')
    expect(rest).toEqual([])
    expect(gap).toMatchObject({
      severity: 'high',
      status: 'open',
      storeId: till.storeId,
      tills: [{ id: till.tillId, code: till.tillCode }],
      detail: {
        series: 'T01',
        from: 3,
        to: 4,
        missing: 2,
        firstMissing: 'T01-000003',
        lastMissing: 'T01-000004'
      }
    })
    // The events on either side of the gap.
    expect(gap!.events.map((e) => [e.seq, e.eventId, e.info['number']])).toEqual([
      [2, first[1]!.id, 'T01-000002'],
      [3, fifth.id, 'T01-000005']
    ])

    // Number 3 was a cancelled order (it counts), number 4 is paid later than 5: the gap closes.
    await ok(till.push([till.event('order.cancelled', { id: uuidv7(), number: 'T01-000003' })]))
    expect((await getAnomaly(hq.db, parseAnomalyKey(gap!.key)!))!.detail['missing']).toBe(1)
    await ok(till.push([till.event('order.paid', sale(4))]))
    const settled = (await getAnomaly(hq.db, parseAnomalyKey(gap!.key)!))!
    expect(settled.status).toBe('resolved')
    expect(settled.resolution).toMatchObject({ userId: null, note: 'every missing number arrived later' })
    // Refund numbers are their own series; a jump there is a gap of its own.
    await ok(
      till.push(
        [1, 3].map((n) =>
          till.event('refund.created', {
            id: uuidv7(),
            number: `T01-R${String(n).padStart(6, '0')}`,
            orderId: uuidv7(),
            status: 'completed',
            amount: 100,
            tax: 0,
            createdAt: new Date().toISOString(),
            tenders: []
          })
        )
      )
    )
    expect(
      (await listAnomalies(hq.db, { kind: 'receipt-gap', status: 'open' })).map((a) => a.detail)
    ).toEqual([expect.objectContaining({ series: 'T01-R', from: 2, to: 2, firstMissing: 'T01-R000002' })])
  })

  it('records a seq collision with the events involved, once however often it is pushed, one per restore and day', async () => {
    const hq = await startTestHq(kind)
    const till = await TestTill.enrolled(hq)
    await ok(till.push([1, 2].map((n) => till.event('order.paid', sale(n)))))
    const restored = till.event('order.paid', sale(2), { seq: 2 })
    await ok(till.push([restored]))
    await ok(till.push([restored]))
    let collisions = await ofKind(hq, 'seq-collision')
    expect(collisions).toHaveLength(1)
    expect(collisions[0]!.eventCount).toBe(1)
    expect(collisions[0]).toMatchObject({
      severity: 'high',
      detail: { firstSeq: 2, lastSeq: 2 },
      events: [
        {
          tillId: till.tillId,
          seq: 2,
          eventId: restored.id,
          info: { copy: 'received', type: 'order.paid', receivedSha256: restored.payloadSha256 }
        }
      ]
    })
    // The restored copy reused number 2: no gap, nothing else flagged.
    expect((await listAnomalies(hq.db)).map((a) => a.kind)).toEqual(['seq-collision'])
    // The same restore colliding again later: the same incident, one more event.
    await ok(till.push([till.event('order.paid', sale(1), { seq: 1 })]))
    collisions = await ofKind(hq, 'seq-collision')
    expect(collisions.map((c) => [c.eventCount, c.events.map((e) => e.seq)])).toEqual([[2, [1, 2]]])
  })

  it('shows a day touched by an open seq collision as needing review, naming it, until it is resolved', async () => {
    const hq = await startTestHq(kind)
    const till = await TestTill.enrolled(hq)
    await ok(till.push([1, 2].map((n) => till.event('order.paid', sale(n)))))
    const [store] = await hq.db.query<{ time_zone: string }>('SELECT time_zone FROM stores')
    const date = businessDate(new Date().toISOString(), store!.time_zone)
    const badge = async () =>
      Promise.all(
        [consolidatedDay, consolidatedDayReference].map(async (report) => {
          const day = await report(hq.db, hq.clock, date)
          const { reason, complete, anomalies } = day.stores[0]!.tills[0]!.completeness
          return { reason, complete, kinds: anomalies.map((a) => a.kind), store: day.stores[0]!.complete }
        })
      )
    for (const seen of await badge()) expect(seen.reason).not.toBe('anomaly')
    // A clone of the till's data directory sells under the same seqs: two histories, both counted.
    await ok(till.push([till.event('order.paid', sale(3), { seq: 2 })]))
    const review = { reason: 'anomaly', complete: false, kinds: ['seq-collision'], store: false }
    expect(await badge()).toEqual([review, review])
    const [collision] = await ofKind(hq, 'seq-collision')
    const by = {
      userId: 'user-1',
      userName: 'Wang Fang',
      note: 'Clone switched off',
      at: new Date().toISOString()
    }
    await hq.db.transaction((tx) => resolveAnomaly(tx, parseAnomalyKey(collision!.key)!, by))
    for (const seen of await badge()) expect(seen).toMatchObject({ kinds: [] })
    for (const seen of await badge()) expect(seen.reason).not.toBe('anomaly')
  })

  it('flags a coupon used beyond its global limit across tills, naming every till, and accepts the sales', async () => {
    const hq = await startTestHq(kind)
    const a = await TestTill.enrolled(hq)
    const b = await TestTill.enrolled(hq)
    const id = uuidv7()
    await hq.publish(a.storeId, [coupon(id, 'SAVE5', 3)])
    await ok(a.push([1, 2].map((n) => a.event('order.paid', sale(n, { coupons: ['SAVE5'] })))))
    expect(await ofKind(hq, 'coupon-over-limit')).toEqual([])
    // b (restored, or offline on a stale allotment) used it twice more: 4 uses of 3.
    const bSales = [1, 2].map((n) => b.event('order.paid', sale(n, { coupons: ['save5'] })))
    const answer = await ok(b.push(bSales))
    expect((answer.body as { outcomes: Array<{ outcome: string }> }).outcomes.map((o) => o.outcome)).toEqual([
      'stored',
      'stored'
    ])
    const [over, ...more] = await ofKind(hq, 'coupon-over-limit')
    expect(more).toEqual([])
    expect(over).toMatchObject({
      key: `~coupon-over-limit:${id}:4`,
      severity: 'high',
      detail: { code: 'SAVE5', usageLimit: 3, uses: 4, usesByTill: { [a.tillId]: 2, [b.tillId]: 2 } },
      events: expect.arrayContaining([expect.objectContaining({ tillId: b.tillId, eventId: bSales[1]!.id })])
    })
    expect(over!.tills.map((t) => t.id).sort()).toEqual([a.tillId, b.tillId].sort())
    // Filtered by till: both tills see it.
    expect((await listAnomalies(hq.db, { tillId: a.tillId, kind: 'coupon-over-limit' })).length).toBe(1)
  })

  it('lists money events made after their day was closed, with the day they were posted to', async () => {
    const hq = await startTestHq(kind)
    const till = await TestTill.enrolled(hq)
    const [store] = await hq.db.query<{ time_zone: string }>('SELECT time_zone FROM stores WHERE id = ?', [
      till.storeId
    ])
    const now = Date.now()
    const iso = (ms: number) => new Date(ms).toISOString()
    // A day the till closed an hour ago (local day of the sale before it), and a sale after the close.
    const before = iso(now - 2 * 3600_000)
    const settledAt = iso(now - 3600_000)
    const day = businessDate(before, store!.time_zone)
    const lateAt = iso(Math.min(now - 1800_000, Date.parse(settledAt) + 1000))
    if (businessDate(lateAt, store!.time_zone) !== day) return // the machine's clock is at the day's edge
    const events = [
      till.event('order.paid', sale(1, { paidAt: before })),
      till.event('settlement.day_closed', { date: day, settledAt, settledBy: 'u', currency: 'CNY' }),
      till.event('order.paid', sale(2, { paidAt: lateAt }))
    ]
    const late = events[2]!
    await ok(till.push(events))
    const [found, ...rest] = await ofKind(hq, 'late-event')
    expect(rest).toEqual([])
    const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
    expect(found).toMatchObject({
      key: `${till.tillId}~late-event:${day}`,
      severity: 'low',
      detail: { originalDate: day, settledAt, postedTo: next },
      events: [
        {
          seq: 3,
          eventId: late.id,
          info: { kind: 'sale', number: 'T01-000002', at: lateAt, originalDate: day, postedTo: next }
        }
      ]
    })
  })

  it('groups quarantined events by type with their reasons, money types high', async () => {
    const hq = await startTestHq(kind)
    const till = await TestTill.enrolled(hq)
    const unknown = [1, 2].map(() => till.event('teleport.started', { id: 'y' }))
    const later = sale(1)
    const orphanVoid = till.event('order.voided', { id: later.id, voidedAt: new Date().toISOString() })
    await ok(till.push([...unknown, orphanVoid]))
    const found = await ofKind(hq, 'quarantined')
    expect(found.map((a) => [a.detail['type'], a.severity, a.eventCount]).sort()).toEqual([
      ['order.voided', 'high', 1],
      ['teleport.started', 'medium', 2]
    ])
    const teleport = found.find((a) => a.detail['type'] === 'teleport.started')!
    expect(teleport.events.map((e) => [e.seq, e.info['reason']])).toEqual([
      [1, 'unknown event type teleport.started'],
      [2, 'unknown event type teleport.started']
    ])
    // The voided sale arrives after all; an updated head office applies the void at start (reapply),
    // and the next sweep settles that anomaly. The unknown type stays quarantined, and open.
    await ok(till.push([till.event('order.paid', later)]))
    expect(await reapplyQuarantined(hq.db, defaultUpgraders)).toBe(1)
    await hq.catchUpAnomalies()
    const after = await ofKind(hq, 'quarantined')
    expect(after.map((a) => [a.detail['type'], a.status, a.resolution?.note ?? null]).sort()).toEqual([
      ['order.voided', 'resolved', expect.stringMatching(/^every event was applied after all/)],
      ['teleport.started', 'open', null]
    ])
  })

  it('flags clock skew, and a resolved anomaly stays resolved with who, when and the note', async () => {
    const hq = await startTestHq(kind)
    const till = await TestTill.enrolled(hq)
    till.clockErrorMs = 2 * 3600_000
    const refused = await till.push([till.event('order.paid', sale(1))])
    if (refused.status !== 200) {
      till.offsetMs = Date.parse(refused.body.error!.serverTime!) - (Date.now() + till.clockErrorMs)
      await ok(till.push([till.event('order.paid', sale(1), { seq: 1 })]))
    }
    const [skew] = await ofKind(hq, 'clock-skew')
    expect(skew).toMatchObject({ severity: 'medium', status: 'open', tills: [{ id: till.tillId }] })
    expect(Number(skew!.detail['skewMs'])).toBeGreaterThan(2 * 3600_000 - 60_000)
    expect(await countOpenAnomalies(hq.db)).toEqual({ high: 0, medium: 1, low: 0 })
    expect(await countOpenAnomalies(hq.db, [])).toEqual({ high: 0, medium: 0, low: 0 })

    const key = parseAnomalyKey(skew!.key)!
    const at = new Date().toISOString()
    const by = { userId: 'user-1', userName: 'Wang Fang', note: 'Till clock fixed by hand', at }
    expect(await hq.db.transaction((tx) => resolveAnomaly(tx, key, by))).toEqual({
      storeId: till.storeId,
      kind: 'clock-skew'
    })
    expect(await hq.db.transaction((tx) => resolveAnomaly(tx, key, by))).toBe('already-resolved')
    expect(await hq.db.transaction((tx) => resolveAnomaly(tx, { tillId: till.tillId, id: 'nope' }, by))).toBe(
      'not-found'
    )
    expect(await listAnomalies(hq.db, { status: 'open' })).toEqual([])
    const [resolved] = await listAnomalies(hq.db, { status: 'resolved' })
    expect(resolved).toMatchObject({
      key: skew!.key,
      resolution: { at, userId: 'user-1', userName: 'Wang Fang', note: 'Till clock fixed by hand' },
      seenAfterResolution: false
    })
    // Off again the same day: still resolved, but marked as seen since.
    await new Promise((r) => setTimeout(r, 5))
    await ok(till.push([till.event('order.paid', sale(2))]))
    expect((await getAnomaly(hq.db, key))!).toMatchObject({ status: 'resolved', seenAfterResolution: true })
    // A manager of another store sees none of it.
    expect(await listAnomalies(hq.db, { visibleStoreIds: ['elsewhere'] })).toEqual([])
  })

  it('finds the same anomalies again when re-run from scratch, and catches up on what a push skipped', async () => {
    const hq = await startTestHq(kind)
    const till = await TestTill.enrolled(hq)
    await ok(
      till.push([
        ...[1, 2, 4].map((n) => till.event('order.paid', sale(n))),
        till.event('teleport.started', { id: 'y' })
      ])
    )
    await ok(till.push([till.event('order.paid', sale(2), { seq: 2 })]))
    const keys = async () => (await listAnomalies(hq.db)).map((a) => [a.key, a.kind, a.eventCount]).sort()
    const found = await keys()
    expect(found.map((k) => k[1]).sort()).toEqual(['quarantined', 'receipt-gap', 'seq-collision'])

    // As after migration 0011 (or a lost read model): nothing examined yet.
    for (const table of ['anomalies', 'anomaly_events', 'hq_receipt_series', 'hq_day_closes'])
      await hq.db.run(`DELETE FROM ${table}`)
    await hq.db.run('UPDATE tills SET anomaly_seq = 0')
    // A push while the cursor lags leaves its events to the catch-up.
    await ok(till.push([till.event('order.paid', sale(7))]))
    expect(await listAnomalies(hq.db)).toEqual([])
    expect(await hq.catchUpAnomalies()).toBe(5)
    const again = await keys()
    expect(again).toEqual([...found, [`${till.tillId}~receipt-gap:T01:5`, 'receipt-gap', 2]].sort())
    expect(await hq.catchUpAnomalies()).toBe(0)
    expect(await keys()).toEqual(again)
  })

  it("finds a real till's late sale and nothing else in its outbox (its numbers have no gap)", async () => {
    const run = await runTill([
      { kind: 'sale', basket: 2, coupon: true },
      { kind: 'sale', basket: 1, coupon: false },
      { kind: 'refund', amount: '1.00' },
      { kind: 'void' },
      { kind: 'settle' },
      // Sold after the day was settled: posted to the next day, keeping its time.
      { kind: 'sale', basket: 2, coupon: false },
      { kind: 'next-day' },
      { kind: 'sale', basket: 1, coupon: false },
      { kind: 'refund', amount: '0.50' }
    ])
    const [day1, day2] = run.dates as [string, string]
    const hq = await startTestHq(kind)
    const till = await TestTill.enrolled(hq)
    for (let i = 0; i < run.outbox.length; i += 50)
      await ok(till.push(run.outbox.slice(i, i + 50).map((row) => toPushed(row, till.tillId))))
    const found = await listAnomalies(hq.db)
    expect(found.map((a) => a.kind)).toEqual(['late-event'])
    const lateSale = run.outbox.filter((row) => row.type === 'order.paid')[2]!
    expect(found[0]).toMatchObject({
      key: `${till.tillId}~late-event:${day1}`,
      detail: { originalDate: day1, postedTo: day2 },
      events: [
        {
          seq: lateSale.seq,
          eventId: lateSale.id,
          info: { kind: 'sale', originalDate: day1, postedTo: day2 }
        }
      ]
    })
  }, 120_000)
})
