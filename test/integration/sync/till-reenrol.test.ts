import { existsSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import type { ZReport } from '@shared/contract/channels/settlement'
import type { SyncStatus } from '@shared/contract/channels/sync'
import { createEnrolCode, revokeTill } from '../../../src/server/enrol/enrol-service'
import { tillDayFigures } from '../../../src/server/reports/day-figures'
import type { HqDatabase } from '../../../src/server/db/types'
import { keyFilePath } from '../../../src/main/sync/key-store'
import { createCore } from '../../../src/main/app/create-core'
import { silentLogger } from '../../../src/main/core/logger'
import { SIM_STAFF } from '../../../src/main/simulate/sim-staff'
import { HQ_STORES, startTestHq } from '../../support/hq'
import { kassaInProcess } from '../../support/kassa-cli'
import { tempDir } from '../../support/temp-dir'

// Issue 14, found by a fresh owner: un-enrolling with a shift open stranded its events, and enrolling
// again made a second till (T03) that re-sent the whole history — the store's day counted twice.

async function ok(args: string[]) {
  const run = await kassaInProcess(args)
  if (run.status !== 0) throw new Error(`kassa ${args.join(' ')} → ${run.status}: ${run.stderr}${run.stdout}`)
  return run.stdout
}

const statusOf = async (dataDir: string) =>
  JSON.parse(await ok(['--data-dir', dataDir, 'sync', 'status', '--json'])) as SyncStatus

function outboxOf(dataDir: string): { n: number; mark: number } {
  const db = new BetterSqlite3(join(dataDir, 'kassa.sqlite'), { readonly: true })
  try {
    return db.prepare('SELECT count(*) AS n, (SELECT seq FROM outbox_synced) AS mark FROM outbox').get() as {
      n: number
      mark: number
    }
  } finally {
    db.close()
  }
}

const count = async (db: HqDatabase, sql: string, params: string[] = []) =>
  Number((await db.query<{ n: number }>(sql, params))[0]!.n)

type Call = (channel: string, input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>

/** Runs `steps` on the till in `dataDir` through its own router, signed in as the owner. */
async function atTill(dataDir: string, steps: (call: Call) => Promise<void>): Promise<void> {
  const core = await createCore({ dataDir, mode: 'web', version: 'test', logger: silentLogger })
  try {
    core.sessions.open('reenrol', new Date())
    const call: Call = (channel, input) =>
      core.router.dispatch(channel, input, { sessionId: 'reenrol' }) as ReturnType<Call>
    await call('auth:login', { username: SIM_STAFF.owner.username, password: SIM_STAFF.owner.password })
    await steps(call)
  } finally {
    core.close()
  }
}

/** The head office holds each of the till's events once, seqs 1…n with no gap, no collision. */
async function expectHeldOnce(db: HqDatabase, tillId: string, dataDir: string): Promise<void> {
  const outbox = outboxOf(dataDir)
  expect(outbox.mark).toBe(outbox.n)
  const held = await db.query<{ n: number; ids: number; max: number; min: number }>(
    'SELECT count(*) AS n, count(DISTINCT event_id) AS ids, max(seq) AS max, min(seq) AS min FROM events WHERE till_id = ?',
    [tillId]
  )
  expect(held[0]).toBeDefined()
  expect({
    n: Number(held[0]!.n),
    ids: Number(held[0]!.ids),
    min: Number(held[0]!.min),
    max: Number(held[0]!.max)
  }).toEqual({ n: outbox.n, ids: outbox.n, min: 1, max: outbox.n })
  expect(await count(db, 'SELECT count(*) AS n FROM event_collisions')).toBe(0)
}

describe.each(HQ_STORES)('un-enrolling and enrolling again (%s)', (kind) => {
  it('is refused while a shift is open or events wait; enrolling again continues as T01, nothing sent twice', async () => {
    const hq = await startTestHq(kind)
    const till = tempDir('kassa-till-')
    await ok(['--data-dir', till, 'simulate', '--date', '2026-11-20', '--orders', '12', '--seed', '1'])
    const first = await createEnrolCode(hq.db, hq.clock, 'Main')
    expect(await ok(['--data-dir', till, 'sync', 'enrol', '--hq', hq.url, '--code', first.code])).toContain(
      'enrolled as till T01 of Main'
    )
    const { tillId } = await statusOf(till)

    // Events written after the last push (a day sold by the `kassa` command, which never pushes).
    await ok(['--data-dir', till, 'simulate', '--date', '2026-11-21', '--orders', '8', '--seed', '2'])
    const unconfirmed = await kassaInProcess(['--data-dir', till, 'sync', 'unenrol'])
    expect(unconfirmed.status).toBe(2)
    expect(unconfirmed.stderr).toContain('--yes')
    const waiting = await kassaInProcess(['--data-dir', till, 'sync', 'unenrol', '--yes'])
    expect(waiting.status).toBe(2)
    expect(waiting.stderr).toMatch(/\d+ events have not reached the head office yet/)

    await atTill(till, async (call) => {
      expect(await call('sync:unenrol', {})).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', key: 'errors.sync.unsyncedEvents' }
      })
      expect((await call('sync:now', {})).ok).toBe(true)
      // All synced, but a shift is open: its close would never reach the head office.
      const opened = (await call('shifts:open', { counts: {} })) as { ok: true; value: { id: string } }
      expect(opened.ok).toBe(true)
      expect((await call('sync:now', {})).ok).toBe(true)
      expect(await call('sync:unenrol', {})).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', key: 'errors.sync.unenrolShiftOpen' }
      })
      const closed = await call('shifts:close', { shiftId: opened.value.id, counts: {}, other: '0' })
      expect(closed, JSON.stringify(closed)).toMatchObject({ ok: true })
      // The close is an event after the last push: refused until it is at the head office.
      expect(await call('sync:unenrol', {})).toMatchObject({
        ok: false,
        error: { key: 'errors.sync.unsyncedEvents' }
      })
      expect((await call('sync:now', {})).ok).toBe(true)
      expect(await call('sync:unenrol', {})).toMatchObject({ ok: true, value: { enrolled: false } })
    })
    // The key pair stays: it is who this till is at its head office.
    expect(existsSync(keyFilePath(till))).toBe(true)
    await expectHeldOnce(hq.db, tillId!, till)

    // Sold while not enrolled, then enrolled again with a new code from the same head office.
    await ok(['--data-dir', till, 'simulate', '--date', '2026-11-22', '--orders', '6', '--seed', '3'])
    const again = await createEnrolCode(hq.db, hq.clock, 'Main')
    expect(await ok(['--data-dir', till, 'sync', 'enrol', '--hq', hq.url, '--code', again.code])).toContain(
      'enrolled as till T01 of Main'
    )
    const status = await statusOf(till)
    expect(status).toMatchObject({ tillId, tillCode: 'T01', backlog: 0, state: 'synced' })
    expect(await count(hq.db, 'SELECT count(*) AS n FROM tills')).toBe(1)
    await expectHeldOnce(hq.db, tillId!, till)

    // Each day at the head office is the till's own Z-report: counted once.
    for (const date of ['2026-11-20', '2026-11-21', '2026-11-22']) {
      const z = JSON.parse(await ok(['--data-dir', till, 'report', 'day', date, '--json'])) as ZReport
      const figures = await tillDayFigures(hq.db, first.storeId, date)
      expect(figures).toHaveLength(1)
      expect(figures[0]).toMatchObject({ tillId, orderCount: z.orderCount, netSales: z.netSales })
    }
  }, 180_000)

  it('refuses a code for another store and a revoked till; a new head office gets the whole history once', async () => {
    const hq = await startTestHq(kind)
    const till = tempDir('kassa-till-')
    await ok(['--data-dir', till, 'simulate', '--date', '2026-11-20', '--orders', '5', '--seed', '4'])
    const main = await createEnrolCode(hq.db, hq.clock, 'Main')
    await ok(['--data-dir', till, 'sync', 'enrol', '--hq', hq.url, '--code', main.code])
    const { tillId } = await statusOf(till)
    await ok(['--data-dir', till, 'sync', 'unenrol', '--yes'])

    const harbour = await createEnrolCode(hq.db, hq.clock, 'Harbour')
    const elsewhere = await kassaInProcess([
      '--data-dir',
      till,
      'sync',
      'enrol',
      '--hq',
      hq.url,
      '--code',
      harbour.code
    ])
    expect(elsewhere.status).toBe(2)
    expect(elsewhere.stderr).toContain('this till is T01 of Main; this code is for Harbour')
    expect(await count(hq.db, 'SELECT count(*) AS n FROM tills')).toBe(1)
    // Refused, the code stays unspent.
    expect(
      await count(hq.db, 'SELECT count(*) AS n FROM enrol_codes WHERE store_id = ? AND used_at IS NULL', [
        harbour.storeId
      ])
    ).toBe(1)

    await revokeTill(hq.db, hq.clock, tillId!)
    const revoked = await kassaInProcess([
      '--data-dir',
      till,
      'sync',
      'enrol',
      '--hq',
      hq.url,
      '--code',
      (await createEnrolCode(hq.db, hq.clock, 'Main')).code
    ])
    expect(revoked.status).toBe(2)
    expect(revoked.stderr).toContain('was T01 here and was revoked')
    expect(await count(hq.db, 'SELECT count(*) AS n FROM tills')).toBe(1)
    expect((await statusOf(till)).enrolled).toBe(false)
    expect(existsSync(keyFilePath(till))).toBe(true)

    // Another head office has never seen this till: it is a new till there and receives its whole
    // history once, seqs from 1 — each head office counts each sale once.
    const other = await startTestHq(kind)
    await createEnrolCode(other.db, other.clock, 'Warm-up') // another till code first
    const code = await createEnrolCode(other.db, other.clock, 'Riverside')
    expect(await ok(['--data-dir', till, 'sync', 'enrol', '--hq', other.url, '--code', code.code])).toContain(
      'enrolled as till T01 of Riverside'
    )
    const moved = await statusOf(till)
    expect(moved.tillId).not.toBe(tillId)
    await expectHeldOnce(other.db, moved.tillId!, till)
  }, 180_000)
})
