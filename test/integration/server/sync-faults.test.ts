import { setTimeout as sleep } from 'node:timers/promises'
import { beforeAll, describe, expect, it } from 'vitest'
import { SYNC_PATHS } from '../../../src/shared/sync/protocol'
import { signRequest } from '../../../src/shared/sync/signing'
import { openHqDatabase } from '../../../src/server/db/open'
import { createEnrolCode } from '../../../src/server/enrol/enrol-service'
import { systemHqClock } from '../../../src/server/clock'
import {
  HQ_STORES,
  hqLocation,
  sharedPostgres,
  startTestHq,
  TestTill,
  type HqStoreKind
} from '../../support/hq'
import { freePort } from '../../support/postgres'
import { sellDay, toPushed, type SoldDay } from '../../support/selling-till'
import { expectConverged, HqProcess, OutboxPusher, startFlakyProxy } from '../../support/sync-faults'

// Three real tills' days (real services, real SQLite outboxes, their own Z-reports), sold once
// and pushed to a fresh head office in every scenario.
let days: SoldDay[] = []
beforeAll(async () => {
  days = [await sellDay(90, 1), await sellDay(70, 2), await sellDay(50, 3)]
}, 120_000)

/** Enrols `n` tills at a head office that is not running yet (codes made in its store directly). */
async function enrolAll(
  where: { dataDir: string; databaseUrl?: string },
  url: string,
  n: number
): Promise<TestTill[]> {
  const db = await openHqDatabase(where)
  const codes: string[] = []
  try {
    for (let i = 0; i < n; i++) codes.push((await createEnrolCode(db, systemHqClock, 'Main street')).code)
  } finally {
    await db.close()
  }
  const tills: TestTill[] = []
  for (const code of codes) {
    const till = await TestTill.create(url)
    const answer = await till.enrol(code)
    expect(answer.status).toBe(200)
    tills.push(till)
  }
  return tills
}

describe.each(HQ_STORES)('sync under faults (%s)', (kind: HqStoreKind) => {
  it('loses and doubles nothing when the head office is killed -9 twenty times while three tills push', async () => {
    const where = await hqLocation(kind)
    const hq = new HqProcess(where.dataDir, await freePort(), where.databaseUrl)
    await hq.start()
    const tills = await enrolAll(where, hq.url, 3)
    // One event a batch, paced, so the pushes span every kill (about 5 s of pushing in all).
    const pushers = tills.map((till, i) => new OutboxPusher(till, days[i]!.outbox, 1, 40))
    let pushing = true
    const runs = Promise.all(pushers.map((p) => p.run(Date.now() + 150_000))).finally(() => (pushing = false))
    let killsWhilePushing = 0
    while (hq.kills < 20) {
      await sleep(50 + Math.random() * 150)
      if (pushing) killsWhilePushing++
      await hq.kill()
      await hq.start()
    }
    await runs
    expect(killsWhilePushing).toBeGreaterThanOrEqual(20)
    const db = await openHqDatabase(where)
    try {
      await expectConverged(
        db,
        tills.map((till, i) => ({ till, day: days[i]! }))
      )
    } finally {
      await db.close()
      await hq.stop()
    }
  }, 180_000)

  it('loses and doubles nothing behind a proxy that drops 10 % of answers after commit and cuts connections mid-body', async () => {
    const hq = await startTestHq(kind)
    const proxy = await startFlakyProxy(hq, { dropRate: 0.1, cutRate: 0.05 })
    try {
      const tills = [await TestTill.enrolled(hq), await TestTill.enrolled(hq), await TestTill.enrolled(hq)]
      for (const till of tills) till.hqUrl = proxy.url
      await Promise.all(tills.map((till, i) => new OutboxPusher(till, days[i]!.outbox, 7).run()))
      expect(proxy.stats.dropped).toBeGreaterThan(0)
      expect(proxy.stats.cutRequests + proxy.stats.cutAnswers).toBeGreaterThan(0)
      await expectConverged(
        hq.db,
        tills.map((till, i) => ({ till, day: days[i]! }))
      )
    } finally {
      await proxy.close()
    }
  }, 120_000)

  it('takes turns when two processes push for one till at once, and ignores replayed old batches', async () => {
    const hq = await startTestHq(kind)
    const till = await TestTill.enrolled(hq)
    // The same till's identity in two pushers with different batch sizes, racing.
    await Promise.all([
      new OutboxPusher(till, days[0]!.outbox, 5).run(),
      new OutboxPusher(till, days[0]!.outbox, 8).run()
    ])
    await expectConverged(hq.db, [{ till, day: days[0]! }])

    // Old batches, re-signed and sent again: all duplicates, nothing changes.
    for (const start of [0, 17, 40]) {
      const answer = await till.push(
        days[0]!.outbox.slice(start, start + 12).map((row) => toPushed(row, till.tillId))
      )
      expect(answer.status).toBe(200)
      expect(new Set(answer.body.outcomes.map((o) => o.outcome))).toEqual(new Set(['duplicate']))
      expect(answer.body.highestContiguousSeq).toBe(days[0]!.outbox.length)
    }
    // An old request replayed byte for byte: refused by its nonce.
    const body = till.pushBody(days[0]!.outbox.slice(0, 3).map((row) => toPushed(row, till.tillId)))
    const headers = await signRequest({
      method: 'POST',
      path: SYNC_PATHS.push,
      body,
      tillId: till.tillId,
      privateKey: till.keys.privateKey,
      now: new Date()
    })
    const send = () =>
      fetch(hq.url + SYNC_PATHS.push, {
        method: 'POST',
        body,
        headers: { ...headers, 'content-type': 'application/json' }
      })
    expect((await send()).status).toBe(200)
    expect((await send()).status).toBe(401)
    await expectConverged(hq.db, [{ till, day: days[0]! }])
  }, 120_000)

  it('keeps every event of a till restored from an old backup, counts each sale once, and records the seq collisions', async () => {
    const hq = await startTestHq(kind)
    const till = await TestTill.enrolled(hq)
    const before = days[0]!.outbox
    await new OutboxPusher(till, before, 50).run()
    // Restored from a backup holding seqs up to 40, the till sold a different day from there on.
    const restored = [
      ...before.slice(0, 40),
      ...days[1]!.outbox.slice(40).map((row, i) => ({ ...row, seq: 41 + i }))
    ]
    const pusher = new OutboxPusher(till, restored, 50)
    pusher.acked = 40
    await pusher.run()
    const collisions = await hq.db.query<{ seq: number }>('SELECT seq FROM event_collisions ORDER BY seq')
    const overlap = Math.min(before.length, restored.length) - 40
    expect(collisions.length).toBe(overlap)
    // One incident (per day received) in the anomalies inbox, naming every colliding seq.
    const anomalies = await hq.db.query<{ n: number }>(
      `SELECT COUNT(DISTINCT r.seq) AS n FROM anomaly_events r
       JOIN anomalies a ON a.till_id = r.till_id AND a.id = r.anomaly_id WHERE a.kind = 'seq-collision'`
    )
    expect(Number(anomalies[0]!.n)).toBe(overlap)
    // Nothing silently lost: every event of both histories is held, as an event or as a collision.
    const held = new Set([
      ...(await hq.db.query<{ event_id: string }>('SELECT event_id FROM events')).map((r) => r.event_id),
      ...(await hq.db.query<{ event_id: string }>('SELECT event_id FROM event_collisions')).map(
        (r) => r.event_id
      )
    ])
    const payloadsDiffer = restored
      .slice(40, before.length)
      .every((row, i) => row.payload !== before[40 + i]!.payload)
    expect(payloadsDiffer).toBe(true)
    expect([...before, ...restored].every((row) => held.has(row.id))).toBe(true)
    expect((await till.status()).body.highestContiguousSeq).toBe(Math.max(before.length, restored.length))

    // Every sale of both histories reached the figures — the collided ones under their own ids.
    const orderIds = (rows: typeof before) =>
      rows.filter((r) => r.type === 'order.paid').map((r) => (JSON.parse(r.payload) as { id: string }).id)
    const sold = new Set([...orderIds(before), ...orderIds(restored)])
    const collidedSales = orderIds(restored.slice(40, before.length))
    expect(collidedSales.length).toBeGreaterThan(0)
    const projected = async () => {
      const [orders] = await hq.db.query<{ n: number; ids: number; total: number }>(
        'SELECT COUNT(*) AS n, COUNT(DISTINCT order_id) AS ids, SUM(total) AS total FROM hq_orders WHERE till_id = ?',
        [till.tillId]
      )
      const [payments] = await hq.db.query<{ n: number; amount: number }>(
        'SELECT COUNT(*) AS n, SUM(amount) AS amount FROM hq_payments WHERE till_id = ?',
        [till.tillId]
      )
      const [kept] = await hq.db.query<{ n: number }>('SELECT COUNT(*) AS n FROM event_collisions')
      return {
        orders: Number(orders!.n),
        ids: Number(orders!.ids),
        total: Number(orders!.total),
        payments: Number(payments!.n),
        paid: Number(payments!.amount),
        collisions: Number(kept!.n)
      }
    }
    const once = await projected()
    expect(once).toMatchObject({ orders: sold.size, ids: sold.size, collisions: overlap })
    const ids = new Set(
      (
        await hq.db.query<{ order_id: string }>('SELECT order_id FROM hq_orders WHERE till_id = ?', [
          till.tillId
        ])
      ).map((r) => r.order_id)
    )
    expect(collidedSales.every((id) => ids.has(id))).toBe(true)
    // The same batches sent again (a lost answer, a second restore of the same copy): nothing doubles.
    const again = new OutboxPusher(till, restored, 50)
    again.acked = 40
    await again.run()
    expect(await projected()).toEqual(once)
  }, 120_000)

  it.runIf(kind === 'postgres')(
    'loses and doubles nothing when PostgreSQL restarts (-m immediate) mid-batch',
    async () => {
      const pg = await sharedPostgres()
      const hq = await startTestHq('postgres', { databaseUrl: await pg.createDatabase() })
      const tills = [await TestTill.enrolled(hq), await TestTill.enrolled(hq), await TestTill.enrolled(hq)]
      let pushing = true
      const runs = Promise.all(
        tills.map((till, i) => new OutboxPusher(till, days[i]!.outbox, 4, 5).run())
      ).finally(() => (pushing = false))
      let restarts = 0
      while (restarts < 3 && pushing) {
        await sleep(100 + Math.random() * 200)
        pg.restartImmediate()
        restarts++
      }
      await runs
      expect(restarts).toBeGreaterThanOrEqual(2)
      await expectConverged(
        hq.db,
        tills.map((till, i) => ({ till, day: days[i]! }))
      )
    },
    180_000
  )
})
