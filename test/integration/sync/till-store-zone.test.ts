import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { createEnrolCode } from '../../../src/server/enrol/enrol-service'
import { lastProfile } from '../../../src/server/push/held-events'
import { tillZoneDiffering } from '../../../src/server/reports/till-zone'
import { consolidatedDay, consolidatedDayReference } from '../../../src/server/reports/consolidated-day'
import { HQ_STORES, startTestHq } from '../../support/hq'
import { makeStore, revisionOf } from '../../support/hq-master'
import { HqWebClient } from '../../support/hq-web'
import { hqApi } from '../../../src/shared/hq-api/index'
import { kassaInProcess } from '../../support/kassa-cli'
import { tempDir } from '../../support/temp-dir'

async function ok(args: string[]) {
  const run = await kassaInProcess(args)
  if (run.status !== 0) throw new Error(`kassa ${args.join(' ')} → ${run.status}: ${run.stderr}${run.stdout}`)
  return run.stdout
}

function tillZone(dataDir: string): string {
  const db = new BetterSqlite3(join(dataDir, 'kassa.sqlite'), { readonly: true })
  try {
    return (db.prepare('SELECT time_zone FROM store_profile WHERE id = 1').get() as { time_zone: string })
      .time_zone
  } finally {
    db.close()
  }
}

describe.each(HQ_STORES)('an enrolled till and its store’s time zone (%s)', (kind) => {
  it('takes the time zone the head office keeps for its store, whatever it had before', async () => {
    const hq = await startTestHq(kind)
    // A zone no test machine runs in, so the till's own (the machine's) always differs.
    await makeStore(hq, '西城店', 'Pacific/Chatham')
    const till = tempDir('kassa-till-')
    await ok(['--data-dir', till, 'simulate', '--date', '2026-11-20', '--orders', '3', '--seed', '1'])
    expect(tillZone(till)).not.toBe('Pacific/Chatham')

    const { code } = await createEnrolCode(hq.db, hq.clock, '西城店')
    await ok(['--data-dir', till, 'sync', 'enrol', '--hq', hq.url, '--code', code])
    await ok(['--data-dir', till, 'sync', 'now'])
    expect(tillZone(till)).toBe('Pacific/Chatham')
  })

  it('a later zone change at the head office reaches an enrolled till: a new revision it pulls', async () => {
    const hq = await startTestHq(kind, { hashParams: { N: 2 ** 10, r: 8, p: 1 } })
    const owner = new HqWebClient(hq.url)
    await owner.call(hqApi.auth.setup, { name: 'Olga', password: 'owner-secret-4711' })
    const storeId = await makeStore(hq, '西城店', 'Pacific/Chatham')
    const till = tempDir('kassa-till-')
    await ok(['--data-dir', till, 'simulate', '--date', '2026-11-20', '--orders', '2', '--seed', '3'])
    const { code } = await createEnrolCode(hq.db, hq.clock, '西城店')
    await ok(['--data-dir', till, 'sync', 'enrol', '--hq', hq.url, '--code', code])
    await ok(['--data-dir', till, 'sync', 'now'])
    expect(tillZone(till)).toBe('Pacific/Chatham')

    const before = await revisionOf(hq, storeId)
    const moved = await owner.call(hqApi.stores.setTimeZone, { storeId, timeZone: 'Asia/Kathmandu' })
    expect(moved).toEqual({ timeZone: 'Asia/Kathmandu', revision: before + 1 })
    expect(await revisionOf(hq, storeId)).toBe(before + 1)
    // Taking the zone writes an event of the till's: the same `sync now` pushes it and ends clean.
    await ok(['--data-dir', till, 'sync', 'now'])
    expect(tillZone(till)).toBe('Asia/Kathmandu')
    const after = JSON.parse(await ok(['--data-dir', till, 'sync', 'status', '--json'])) as {
      backlog: number
    }
    expect(after.backlog).toBe(0)

    // The same zone again publishes nothing; a zone the runtime does not know is refused, with an example.
    expect(await owner.call(hqApi.stores.setTimeZone, { storeId, timeZone: 'Asia/Kathmandu' })).toEqual(moved)
    const bad = await owner.send(hqApi.stores.setTimeZone, { storeId, timeZone: 'Mars/Olympus' })
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION', field: 'timeZone' })
    expect(await revisionOf(hq, storeId)).toBe(before + 1)
    const audit = await hq.db.query<{ details: string }>(
      "SELECT details FROM hq_audit WHERE action = 'stores.timeZone' AND subject = ?",
      [storeId]
    )
    expect(audit.map((a) => JSON.parse(a.details))).toEqual([
      { from: 'Pacific/Chatham', to: 'Asia/Kathmandu', revision: before + 1 }
    ])
  })

  it('a day sold in the till’s own zone, before it took its store’s, is its Z-report as it reports it now: complete, a low note', async () => {
    // Was: such a day was never complete (`zone-differs`, a high anomaly). Not true: the till
    // recomputes past days in the zone it took, so its `report day` equals the head office's day.
    const hq = await startTestHq(kind)
    await makeStore(hq, '西城店', 'Pacific/Chatham')
    const till = tempDir('kassa-till-')
    await ok(['--data-dir', till, 'simulate', '--date', '2026-11-20', '--orders', '6', '--seed', '2'])
    const own = tillZone(till)
    const { code } = await createEnrolCode(hq.db, hq.clock, '西城店')
    await ok(['--data-dir', till, 'sync', 'enrol', '--hq', hq.url, '--code', code])
    await ok(['--data-dir', till, 'sync', 'now'])
    expect(tillZone(till)).toBe('Pacific/Chatham')

    // The head office learned the till's new zone in the same `sync now`.
    const [row] = await hq.db.query<{ id: string }>('SELECT id FROM tills')
    const profile = await lastProfile(hq.db, row!.id)
    expect((JSON.parse(profile!) as { timeZone: string }).timeZone).toBe('Pacific/Chatham')
    expect(await tillZoneDiffering(hq.db, row!.id, 'Pacific/Chatham')).toBeNull()

    const tillReport = JSON.parse(
      await ok(['--data-dir', till, 'report', 'day', '2026-11-20', '--json'])
    ) as {
      generatedAt: string
    }
    for (const report of [consolidatedDay, consolidatedDayReference]) {
      const day = await report(hq.db, hq.clock, '2026-11-20', '西城店')
      const tillDay = day.stores[0]!.tills[0]!
      expect(tillDay.completeness.reason).not.toBe('zone-differs')
      expect(tillDay.completeness.tillTimeZone).toBeNull()
      expect(tillDay.completeness.complete).toBe(true)
      expect(day.stores[0]!.complete).toBe(true)
      expect({ ...tillDay.report, generatedAt: '' }).toMatchObject({ ...tillReport, generatedAt: '' })
    }
    // The anomaly inbox keeps a low note: a Z-report printed back then, in the till's zone, differs.
    const anomalies = await hq.db.query<{ kind: string; detail: string; severity: string }>(
      "SELECT kind, detail, severity FROM anomalies WHERE till_id = ? AND kind = 'zone-differs'",
      [row!.id]
    )
    expect(anomalies).toHaveLength(1)
    expect(anomalies[0]!.severity).toBe('low')
    expect(JSON.parse(anomalies[0]!.detail)).toMatchObject({
      tillTimeZone: own,
      storeTimeZone: 'Pacific/Chatham',
      caughtUpAt: expect.any(String)
    })
  })

  it('while the till’s latest zone differs from its store’s, its days are not its Z-reports; once it takes the zone they are', async () => {
    const hq = await startTestHq(kind, { hashParams: { N: 2 ** 10, r: 8, p: 1 } })
    const owner = new HqWebClient(hq.url)
    await owner.call(hqApi.auth.setup, { name: 'Olga', password: 'owner-secret-4711' })
    const storeId = await makeStore(hq, '西城店', 'Pacific/Chatham')
    const till = tempDir('kassa-till-')
    await ok(['--data-dir', till, 'simulate', '--date', '2026-11-20', '--orders', '4', '--seed', '5'])
    const { code } = await createEnrolCode(hq.db, hq.clock, '西城店')
    await ok(['--data-dir', till, 'sync', 'enrol', '--hq', hq.url, '--code', code])
    await ok(['--data-dir', till, 'sync', 'now'])
    const [row] = await hq.db.query<{ id: string }>('SELECT id FROM tills')

    // Before the owner confirms, the head office says which days move and how (nothing published).
    const revision = await revisionOf(hq, storeId)
    expect(await owner.call(hqApi.stores.zonePreview, { storeId, timeZone: 'Pacific/Chatham' })).toEqual({
      currency: expect.any(String),
      days: []
    })
    const preview = await owner.call(hqApi.stores.zonePreview, { storeId, timeZone: 'Asia/Kathmandu' })
    expect(preview.days.length).toBeGreaterThan(0)
    expect(await revisionOf(hq, storeId)).toBe(revision)
    const sum = (pick: 'before' | 'after') => preview.days.reduce((n, d) => n + d[pick].orders, 0)
    expect(sum('before')).toBe(sum('after'))
    const ordersOn = async (date: string) =>
      (await consolidatedDay(hq.db, hq.clock, date, '西城店')).stores[0]?.tills[0]?.report.orderCount ?? 0
    for (const d of preview.days) expect(await ordersOn(d.date)).toBe(d.before.orders)

    // The store moves; the till has not pulled it yet: it still reports in Chatham.
    await owner.call(hqApi.stores.setTimeZone, { storeId, timeZone: 'Asia/Kathmandu' })
    for (const d of preview.days) expect(await ordersOn(d.date)).toBe(d.after.orders)
    expect(await tillZoneDiffering(hq.db, row!.id, 'Asia/Kathmandu')).toBe('Pacific/Chatham')
    for (const report of [consolidatedDay, consolidatedDayReference]) {
      const tillDay = (await report(hq.db, hq.clock, '2026-11-20', '西城店')).stores[0]!.tills[0]!
      expect(tillDay.completeness).toMatchObject({
        complete: false,
        reason: 'zone-differs',
        tillTimeZone: 'Pacific/Chatham'
      })
    }

    await ok(['--data-dir', till, 'sync', 'now'])
    expect(tillZone(till)).toBe('Asia/Kathmandu')
    expect(await tillZoneDiffering(hq.db, row!.id, 'Asia/Kathmandu')).toBeNull()
    for (const report of [consolidatedDay, consolidatedDayReference]) {
      const tillDay = (await report(hq.db, hq.clock, '2026-11-20', '西城店')).stores[0]!.tills[0]!
      expect(tillDay.completeness.reason).not.toBe('zone-differs')
      expect(tillDay.completeness.tillTimeZone).toBeNull()
    }
    const high = await hq.db.query<{ id: string }>(
      "SELECT id FROM anomalies WHERE till_id = ? AND kind = 'zone-differs' AND severity <> 'low'",
      [row!.id]
    )
    expect(high).toEqual([])
  })
})
