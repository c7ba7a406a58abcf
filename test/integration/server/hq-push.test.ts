import { businessDate } from '@shared/time/zone'
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { v7 as uuidv7 } from 'uuid'
import { MAX_BATCH_EVENTS } from '../../../src/shared/sync/protocol'
import { tillDay, type TillRow } from '../../../src/server/reports/till-day'
import type { HqDatabase } from '../../../src/server/db/types'
import { createUpgraderRegistry, defaultUpgraders } from '../../../src/server/push/upgraders'
import { reapplyQuarantined } from '../../../src/server/push/reapply'
import { tillDayFigures } from '../../../src/server/reports/day-figures'
import { HQ_STORES, hqLocation, paidOrder, startTestHq, TestTill } from '../../support/hq'

const rows = <T>(db: HqDatabase, sql: string, params: (string | number)[] = []) => db.query<T>(sql, params)
const count = async (db: HqDatabase, table: string) =>
  Number((await db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))[0]!.n)

describe.each(HQ_STORES)('head office push (%s)', (kind) => {
  it('stores a batch, ignores duplicates, refuses a gap with the seq to resume from', async () => {
    const hq = await startTestHq(kind)
    const till = await TestTill.enrolled(hq)
    const batch = [1, 2, 3].map(() => till.event('order.paid', paidOrder()))
    const first = await till.push(batch)
    expect(first.status).toBe(200)
    expect(first.body.highestContiguousSeq).toBe(3)
    expect(first.body.outcomes.map((o) => o.outcome)).toEqual(['stored', 'stored', 'stored'])

    // The answer was lost: the same batch again, plus one more.
    const next = till.event('order.paid', paidOrder())
    const again = await till.push([...batch, next])
    expect(again.body.highestContiguousSeq).toBe(4)
    expect(again.body.outcomes.map((o) => o.outcome)).toEqual([
      'duplicate',
      'duplicate',
      'duplicate',
      'stored'
    ])

    const gap = await till.push([till.event('order.paid', paidOrder(), { seq: 7 })])
    expect(gap.status).toBe(409)
    expect(gap.body.error).toMatchObject({ code: 'SEQ_GAP', resumeFrom: 5, highestContiguousSeq: 4 })
    expect(await count(hq.db, 'events')).toBe(4)
    expect(await count(hq.db, 'hq_orders')).toBe(4)
    expect((await till.status()).body.highestContiguousSeq).toBe(4)
  })

  it('keeps both copies of a seq that arrives with another hash, and records the collision', async () => {
    const hq = await startTestHq(kind)
    const till = await TestTill.enrolled(hq)
    await till.push([1, 2].map(() => till.event('order.paid', paidOrder())))
    // Restored from a backup taken after seq 1: its next events reuse seq 2 and 3.
    const restored = [
      till.event('order.paid', paidOrder(), { seq: 2 }),
      till.event('order.paid', paidOrder(), { seq: 3 })
    ]
    const answer = await till.push(restored)
    expect(answer.status).toBe(200)
    expect(answer.body.outcomes.map((o) => o.outcome)).toEqual(['collision', 'stored'])
    expect(answer.body.highestContiguousSeq).toBe(3)
    const collisions = await rows<{ seq: number; event_id: string }>(
      hq.db,
      'SELECT seq, event_id FROM event_collisions'
    )
    expect(collisions).toEqual([{ seq: 2, event_id: restored[0]!.id }])
    const anomalies = await rows<{ kind: string }>(hq.db, 'SELECT kind FROM anomalies')
    expect(anomalies).toEqual([{ kind: 'seq-collision' }])
    // The sales rung up after the restore (other orders, other event ids) are counted: 4 orders.
    expect(await count(hq.db, 'hq_orders')).toBe(4)
    // Pushed again: recorded once, counted once.
    await till.push(restored)
    expect(await count(hq.db, 'anomalies')).toBe(1)
    expect(await count(hq.db, 'event_collisions')).toBe(1)
    expect(await count(hq.db, 'hq_orders')).toBe(4)
  })

  it('applies a collided event once, and never one whose event id it already holds', async () => {
    const hq = await startTestHq(kind)
    const till = await TestTill.enrolled(hq)
    const water = paidOrder({ total: 200 })
    const first = till.event('order.paid', water)
    await till.push([first])
    // The same event (same id) with other bytes under the same seq: the head office holds it already.
    const rebytes = { ...first, payload: JSON.stringify({ ...water, cashierName: 'x' }) }
    rebytes.payloadSha256 = createHash('sha256').update(rebytes.payload).digest('hex')
    // A different sale under a seq it holds, and the same collided sale again under another seq
    // (a second restore of the same copy): each applied at most once.
    const popcorn = till.event(
      'order.paid',
      { ...paidOrder({ total: 850 }), number: water.number },
      { seq: 1 }
    )
    await till.push([rebytes])
    await till.push([popcorn])
    await till.push([till.event('order.paid', paidOrder({ total: 100 }), { seq: 2 })])
    await till.push([{ ...popcorn, seq: 2 }])
    const orders = await rows<{ number: string; total: number }>(
      hq.db,
      'SELECT number, total FROM hq_orders ORDER BY total'
    )
    expect(orders.map((o) => Number(o.total))).toEqual([100, 200, 850])
    // The head office's Z-report for the till reads the collided sale too (its kept copy).
    const [tillRow] = await rows<TillRow>(hq.db, 'SELECT * FROM tills WHERE id = ?', [till.tillId])
    const [store] = await rows<{ time_zone: string }>(hq.db, 'SELECT time_zone FROM stores')
    const now = new Date()
    const day = businessDate(now.toISOString(), store!.time_zone)
    const z = (await tillDay(hq.db, tillRow!, day, store!.time_zone, now)).report
    expect({ orderCount: z.orderCount, netSales: z.netSales }).toEqual({ orderCount: 3, netSales: 1150 })
    const [anomaly] = await rows<{ detail: string }>(
      hq.db,
      "SELECT detail FROM anomalies WHERE kind = 'seq-collision'"
    )
    expect(JSON.parse(anomaly!.detail).reusedNumbers).toContain(water.number)
  })

  it("counts a restored till's new profile, keeps the first close of a day, and retries a collided void it could not apply", async () => {
    const hq = await startTestHq(kind)
    const till = await TestTill.enrolled(hq)
    const [store] = await rows<{ time_zone: string }>(hq.db, 'SELECT time_zone FROM stores')
    const zone = store!.time_zone
    const now = new Date()
    const today = businessDate(now.toISOString(), zone)
    const yesterday = businessDate(new Date(now.getTime() - 86_400_000).toISOString(), zone)
    const closed = (settledAt: string) => ({ date: yesterday, settledAt, settledBy: 'Li', currency: 'CNY' })
    const firstClose = new Date(now.getTime() - 20 * 3_600_000).toISOString()
    await till.push([
      till.event('settings.updated', { timeZone: zone, cashRoundingMode: 'half-up' }),
      till.event('order.paid', paidOrder()),
      till.event('settlement.day_closed', closed(firstClose)),
      till.event('order.paid', paidOrder())
    ])
    const [tillRow] = await rows<TillRow>(hq.db, 'SELECT * FROM tills WHERE id = ?', [till.tillId])
    const day = async (date: string) => (await tillDay(hq.db, tillRow!, date, zone, now)).report
    expect((await day(today)).cashRoundingMode).toBeUndefined()

    // Restored from a copy taken after seq 1: it switches to 抹零, closes yesterday again (it lost
    // the first close) and voids a sale the head office has not heard of yet, under seqs 2–4.
    const unknown = paidOrder({ total: 300 })
    const answer = await till.push([
      till.event('settings.updated', { timeZone: zone, cashRoundingMode: 'down' }, { seq: 2 }),
      till.event('settlement.day_closed', closed(new Date(now.getTime() - 3_600_000).toISOString()), {
        seq: 3
      }),
      till.event('order.voided', { id: unknown.id, voidedAt: now.toISOString() }, { seq: 4 })
    ])
    expect(answer.body.outcomes.map((o) => o.outcome)).toEqual(['collision', 'collision', 'collision'])
    expect(
      await rows<{ seq: number; status: string }>(
        hq.db,
        'SELECT seq, status FROM event_collisions ORDER BY seq'
      )
    ).toEqual([
      { seq: 2, status: 'recorded' },
      { seq: 3, status: 'recorded' },
      { seq: 4, status: 'quarantined' }
    ])
    // The restored till's profile is its profile now; the first close of yesterday stands.
    expect((await day(today)).cashRoundingMode).toBe('down')
    expect((await day(yesterday)).settledAt).toBe(firstClose)
    // The void it could not apply keeps the day from being complete until it is.
    expect((await tillDay(hq.db, tillRow!, today, zone, now)).completeness).toMatchObject({
      complete: false,
      quarantined: 1
    })

    // The voided sale arrives; at the next start the collided void is applied.
    await till.push([till.event('order.paid', unknown, { seq: 5 })])
    expect(await reapplyQuarantined(hq.db, defaultUpgraders)).toBe(1)
    expect(
      await rows<{ status: string }>(hq.db, 'SELECT status FROM event_collisions WHERE seq = 4')
    ).toEqual([{ status: 'applied' }])
    const [voided] = await rows<{ voided_at: string | null }>(
      hq.db,
      'SELECT voided_at FROM hq_orders WHERE order_id = ?',
      [unknown.id]
    )
    expect(voided!.voided_at).toBe(now.toISOString())
    expect((await tillDay(hq.db, tillRow!, today, zone, now)).completeness.quarantined).toBe(0)
  })

  it('stores, acknowledges and quarantines what it cannot apply, and never blocks the queue', async () => {
    const hq = await startTestHq(kind)
    const till = await TestTill.enrolled(hq)
    const events = [
      till.event('order.paid', { id: 'x', total: 'a lot' }),
      till.event('teleport.started', { id: 'y' }),
      { ...till.event('order.paid', paidOrder()), version: 9 },
      till.event('order.voided', {
        id: uuidv7(),
        number: 'T01-9',
        reason: 'test',
        voidedAt: new Date().toISOString()
      }),
      till.event('user.created', { id: 'u' }),
      till.event('order.paid', paidOrder())
    ]
    const raw = 'not json {'
    const { createHash } = await import('node:crypto')
    events.push({
      ...till.event('order.paid', {}),
      payload: raw,
      payloadSha256: createHash('sha256').update(raw).digest('hex')
    })
    const answer = await till.push(events)
    expect(answer.status).toBe(200)
    expect(answer.body.highestContiguousSeq).toBe(7)
    expect(answer.body.outcomes.map((o) => o.outcome)).toEqual([
      'quarantined',
      'quarantined',
      'quarantined',
      'quarantined',
      'stored',
      'stored',
      'quarantined'
    ])
    expect(answer.body.outcomes[0]!.reason).toMatch(/payload/)
    expect(answer.body.outcomes[1]!.reason).toBe('unknown event type teleport.started')
    expect(answer.body.outcomes[2]!.reason).toMatch(/version 9 is newer/)
    expect(answer.body.outcomes[3]!.reason).toMatch(/not known at the head office/)
    expect(answer.body.outcomes[6]!.reason).toBe('payload is not JSON')
    const statuses = await rows<{ status: string }>(hq.db, 'SELECT status FROM events ORDER BY seq')
    expect(statuses.map((s) => s.status)).toEqual([
      'quarantined',
      'quarantined',
      'quarantined',
      'quarantined',
      'recorded',
      'applied',
      'quarantined'
    ])
    expect(await count(hq.db, 'hq_orders')).toBe(1)
  })

  it('upgrades every older version of an event type before projecting it', async () => {
    // As if order.paid had moved to version 2 (total renamed), and this till still wrote version 1.
    const upgraders = createUpgraderRegistry(
      { 'order.paid': 3 },
      {
        'order.paid': {
          1: (p) => ({ ...(p as object), grandTotal: (p as { total: number }).total }),
          2: (p) => {
            const { grandTotal, ...rest } = p as { grandTotal: number }
            return { ...rest, total: grandTotal * 1 }
          }
        }
      }
    )
    const hq = await startTestHq(kind, { upgraders })
    const till = await TestTill.enrolled(hq)
    const v1 = till.event('order.paid', paidOrder({ total: 4200 }))
    const answer = await till.push([v1, { ...till.event('order.paid', paidOrder()), version: 4 }])
    expect(answer.body.outcomes.map((o) => o.outcome)).toEqual(['stored', 'quarantined'])
    expect(await rows(hq.db, 'SELECT total FROM hq_orders')).toEqual([{ total: 4200 }])
  })

  it('refuses malformed, oversized and tampered batches with a reason, writing nothing', async () => {
    const hq = await startTestHq(kind)
    const till = await TestTill.enrolled(hq)
    const malformed = await till.request(
      'POST',
      '/sync/v1/push',
      JSON.stringify({ tillId: till.tillId, events: 'no' })
    )
    expect(malformed.status).toBe(400)
    expect(malformed.body.error).toMatchObject({ code: 'MALFORMED' })
    expect(malformed.body.error?.reason).toMatch(/sentAt|events/)

    const notJson = await till.request('POST', '/sync/v1/push', '{')
    expect(notJson.body.error?.code).toBe('MALFORMED')

    const wrongHash = { ...till.event('order.paid', paidOrder(), { seq: 1 }), payloadSha256: 'a'.repeat(64) }
    const mismatch = await till.push([wrongHash])
    expect(mismatch.status).toBe(400)
    expect(mismatch.body.error).toMatchObject({ code: 'HASH_MISMATCH', field: 'events[0].payloadSha256' })

    const tooMany = Array.from({ length: MAX_BATCH_EVENTS + 1 }, (_, i) =>
      till.event('user.created', { id: 'u' }, { seq: i + 1 })
    )
    const many = await till.push(tooMany)
    expect(many.status).toBe(413)
    expect(many.body.error).toMatchObject({ code: 'BATCH_TOO_LARGE', maxEvents: 1000 })

    const big = till.event('user.created', { id: 'u', blob: 'x'.repeat(600_000) }, { seq: 1 })
    const big2 = till.event('user.created', { id: 'u', blob: 'y'.repeat(600_000) }, { seq: 2 })
    const large = await till.push([big, big2])
    expect(large.status).toBe(413)
    expect(large.body.error).toMatchObject({ code: 'BATCH_TOO_LARGE', maxBytes: 1024 * 1024 })

    for (const table of ['events', 'event_collisions', 'anomalies', 'hq_orders'])
      expect(await count(hq.db, table)).toBe(0)
    expect((await till.push([till.event('order.paid', paidOrder(), { seq: 1 })])).status).toBe(200)
  })

  it('accepts and flags a till whose clock is 3 days off', async () => {
    const hq = await startTestHq(kind)
    const till = await TestTill.enrolled(hq)
    till.clockErrorMs = 3 * 24 * 3600 * 1000
    const refused = await till.push([till.event('order.paid', paidOrder())])
    expect(refused.body.error?.code).toBe('CLOCK_SKEW')
    till.offsetMs = Date.parse(refused.body.error!.serverTime!) - (Date.now() + till.clockErrorMs)
    const answer = await till.push([till.event('order.paid', paidOrder(), { seq: 1 })])
    expect(answer.status).toBe(200)
    expect(answer.body.outcomes[0]!.outcome).toBe('stored')
    expect(answer.body.clockSkewMs).toBeGreaterThan(3 * 24 * 3600 * 1000 - 60_000)
    const anomalies = await rows<{ kind: string; detail: string }>(
      hq.db,
      'SELECT kind, detail FROM anomalies'
    )
    expect(anomalies.map((a) => a.kind)).toEqual(['clock-skew'])
    expect(await rows(hq.db, 'SELECT clock_skew_ms IS NOT NULL AS flagged FROM tills')).toEqual([
      { flagged: kind === 'sqlite' ? 1 : true }
    ])
  })

  it("projects orders, voids and refunds per till and day, as the till's Z-report counts them", async () => {
    const hq = await startTestHq(kind)
    const a = await TestTill.enrolled(hq)
    const b = await TestTill.enrolled(hq)
    const paidAt = '2026-11-25T04:00:00.000Z'
    const day = businessDate(paidAt, Intl.DateTimeFormat().resolvedOptions().timeZone)
    const o1 = paidOrder({ total: 1000, paidAt })
    const o2 = paidOrder({ total: 2050, rounding: -5, paidAt })
    const o3 = paidOrder({ total: 700, paidAt })
    await a.push([
      a.event('shift.opened', { id: 's1', number: 1, terminal: 'T01', float: 50000, at: paidAt }),
      a.event('order.paid', o1),
      a.event('order.paid', o2),
      a.event('order.paid', o3),
      // A till of version 1 (no voidedAt, no per-tender cashRounding): upgraded, nothing made up.
      a.event('order.voided', { id: o3.id, number: o3.number, reason: 'wrong' }, { at: paidAt, version: 1 }),
      a.event(
        'refund.created',
        {
          id: uuidv7(),
          number: 'T01-R000001',
          orderId: o1.id,
          status: 'succeeded',
          amount: 300,
          tax: 0,
          createdAt: paidAt,
          reason: 'x',
          currency: 'CNY',
          lines: [],
          tenders: [{ method: 'cash', amount: 300, status: 'succeeded', outRequestNo: 'rt1' }]
        },
        { version: 1 }
      ),
      a.event('shift.closed', {
        id: 's1',
        number: 1,
        expected: 52745,
        counted: 52745,
        overShort: 0,
        at: paidAt
      })
    ])
    await b.push([b.event('order.paid', paidOrder({ total: 999, paidAt }))])
    // Re-pushing changes nothing.
    expect((await a.push([a.event('order.paid', o1, { seq: 2 })])).body.outcomes[0]!.outcome).toBe(
      'duplicate'
    )
    const figures = await tillDayFigures(hq.db, a.storeId, day)
    expect(figures).toEqual([
      {
        tillId: a.tillId,
        tillCode: a.tillCode,
        orderCount: 2,
        salesTotal: 3050,
        refunds: 300,
        netSales: 2750,
        collected: 2745
      },
      {
        tillId: b.tillId,
        tillCode: b.tillCode,
        orderCount: 1,
        salesTotal: 999,
        refunds: 0,
        netSales: 999,
        collected: 999
      }
    ])
    expect(await rows(hq.db, 'SELECT counted, over_short FROM hq_shifts')).toEqual([
      { counted: 52745, over_short: 0 }
    ])
  })
})

describe.each(HQ_STORES)('head office after an update (%s)', (kind) => {
  it('applies on start what an older head office quarantined, and leaves the rest', async () => {
    const where = await hqLocation(kind)
    const first = await startTestHq(kind, where)
    const till = await TestTill.enrolled(first)
    const newer = { ...till.event('order.paid', paidOrder({ total: 777 })), version: 2 }
    const unknown = till.event('teleport.started', { id: 'x' })
    const answer = await till.push([newer, unknown])
    expect(answer.body.outcomes.map((o) => o.outcome)).toEqual(['quarantined', 'quarantined'])
    await first.close()

    // The updated head office reads order.paid version 2 (here: the same shape as version 1).
    const upgraders = createUpgraderRegistry({ 'order.paid': 2 }, { 'order.paid': { 1: (p) => p } })
    const second = await startTestHq(kind, { ...where, upgraders })
    expect(await rows(second.db, 'SELECT total FROM hq_orders')).toEqual([{ total: 777 }])
    expect(await rows(second.db, 'SELECT seq, status FROM events ORDER BY seq')).toEqual([
      { seq: 1, status: 'applied' },
      { seq: 2, status: 'quarantined' }
    ])
  })
})
