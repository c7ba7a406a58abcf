import { businessDate } from '@shared/time/zone'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import type { ZReport } from '../../../src/shared/contract/channels/settlement'
import type { SyncStatus } from '../../../src/shared/contract/channels/sync'
import { createEnrolCode } from '../../../src/server/enrol/enrol-service'
import type { RunningHq } from '../../../src/server/hq'
import { consolidatedDay } from '../../../src/server/reports/consolidated-day'
import { launchKassa, type KassaLaunch, type KassaProcess } from '../kassa-process'
import { mountPowerCut, type PowerCutMount } from '../powercut-fs/mount'
import { seeded } from './crash-cycles'
import { NoAnswer, TillClient, newLedger, type TillLedger } from './till-client'
import { checkTill } from './till-invariants'

/**
 * Issue 16's last item, the till's side: web mode with its data dir on the power-cut filesystem,
 * enrolled with a real head office (in this process), sells, refunds and closes shifts while its
 * background sync pushes each change; at a random moment the filesystem and the app are cut
 * together; remount, restart. After every cut the till's own promises hold (`checkTill`) and the
 * head office holds no event the till does not (the till never lost an event it had pushed), each
 * once, seq contiguous from 1, no seq collision. At the end the till syncs to the last event and
 * the head office's per-till day equals the till's own Z-report.
 */
export interface SyncPowerOptions {
  hq: RunningHq
  cuts: number
  minCuts: number
  budgetMs: number
  seed: number
  log?: (line: string) => void
}

export interface SyncPowerReport {
  cuts: number
  ledger: TillLedger
  problems: string[]
  /** Events the head office held after each cut (the pushes reached it while the till sold). */
  heldAtCuts: number[]
  /** Events the head office held at the end, and the till's outbox. */
  events: number
  outbox: number
  /** The days compared, with the till's and the head office's Z-reports. */
  days: Array<{ date: string; till: ZReport; hq: ZReport | undefined }>
  ms: number
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms))

export async function runTillSyncPowerCuts(options: SyncPowerOptions): Promise<SyncPowerReport> {
  const { hq } = options
  const rng = seeded(options.seed)
  const log = options.log ?? (() => {})
  const ledger = newLedger()
  const problems: string[] = []
  const base = mkdtempSync(join(tmpdir(), 'kassa-sync-power-'))
  const disk = join(base, 'disk')
  const mountpoint = join(base, 'mnt')
  const appDir = join(mountpoint, 'kassa')
  const diskDir = join(disk, 'kassa')
  mkdirSync(diskDir, { recursive: true })
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
  const dates = new Set([businessDate(new Date().toISOString(), zone)])
  const started = Date.now()
  let tillId: string | null = null
  let cuts = 0
  const heldAtCuts: number[] = []
  let days: SyncPowerReport['days'] = []

  try {
    for (let i = 0; ; i++) {
      const last = i >= options.cuts || (i >= options.minCuts && Date.now() - started > options.budgetMs)
      let fs: PowerCutMount | undefined
      let launch: KassaLaunch | undefined
      let client: TillClient | undefined
      let cutSummary = ''
      try {
        fs = await mountPowerCut(disk, mountpoint, {
          seed: options.seed + i,
          reorder: i % 2 === 1,
          tear: i % 2 === 1
        })
        launch = launchKassa(appDir, { KASSA_PAYMENTS: 'off' })
        const app = await launch.ready
        client = new TillClient(app, ledger, rng, `${i}`)
        await client.signIn()
        if (i === 0) tillId = await enrol(app, hq)
        await client.resend()
        if (last) {
          days = await finish(app, hq, tillId!, [...dates, businessDate(new Date().toISOString(), zone)])
          break
        }
        const working = client.work().then(
          () => null,
          (error: unknown) => error
        )
        await Promise.race([sleep(200 + rng() * 1200), working])
        // Half the cuts are aimed a few milliseconds into a checkout, refund or shift close: the
        // moment its commit and the push right after it are in flight.
        if (rng() < 0.5) {
          const aim = rng() * 6
          await Promise.race([
            new Promise<void>((fire) => (client!.onMoneyCall = () => setTimeout(fire, aim))),
            working,
            sleep(2000)
          ])
        }
        client.cutting = true
        cutSummary = await fs.cut()
        await launch.kill()
        const stopped = await working
        if (!(stopped instanceof NoAnswer))
          problems.push(`cycle ${i}: the till stopped on ${String(stopped)}`)
      } catch (error) {
        if (!(error instanceof NoAnswer) || !client?.cutting)
          problems.push(`cycle ${i}: ${error instanceof Error ? error.message : String(error)}`)
      } finally {
        await launch?.kill()
        await fs?.unmount()
      }
      dates.add(businessDate(new Date().toISOString(), zone))
      if (last) break
      cuts++
      if (tillId) heldAtCuts.push(await heldBy(hq, tillId))
      const found = [
        ...checkTill(diskDir, ledger),
        ...(tillId ? await checkHqHoldsOnlyTillEvents(hq, tillId, diskDir, false) : [])
      ].map((p) => `after cut ${i}${cutSummary ? ` (${cutSummary})` : ''}: ${p}`)
      problems.push(...found, ...ledger.problems.splice(0).map((p) => `cycle ${i}: ${p}`))
      if (i % 5 === 0 || found.length > 0)
        log(`sync power ${i}: ${ledger.orders.size} orders, ${ledger.refunds.size} refunds ${cutSummary}`)
      if (problems.length > 0) break // the first broken promise is the one to read
    }
    if (tillId && problems.length === 0) {
      problems.push(...checkTill(diskDir, ledger), ...ledger.problems.splice(0))
      problems.push(...(await checkHqHoldsOnlyTillEvents(hq, tillId, diskDir, true)))
    }
    return {
      cuts,
      ledger,
      problems,
      heldAtCuts,
      events: tillId ? await heldBy(hq, tillId) : 0,
      outbox: outboxOf(diskDir).length,
      days,
      ms: Date.now() - started
    }
  } finally {
    rmSync(base, { recursive: true, force: true })
  }
}

async function heldBy(hq: RunningHq, tillId: string): Promise<number> {
  const [row] = await hq.db.query<{ n: number }>('SELECT count(*) AS n FROM events WHERE till_id = ?', [
    tillId
  ])
  return Number(row?.n ?? 0)
}

/** Enrols the till (no shift is open yet) with a fresh one-time code; its id at the head office. */
async function enrol(app: KassaProcess, hq: RunningHq): Promise<string> {
  const { code } = await createEnrolCode(hq.db, hq.clock, 'Power street')
  const answer = await app.call('sync:enrol', { hqUrl: hq.url, code })
  if (!answer.ok) throw new Error(`enrolment refused: ${JSON.stringify(answer.error)}`)
  return (answer.value as SyncStatus).tillId!
}

/**
 * The last start, with no cut: "sync now" until nothing is waiting, then each day's Z-report of
 * the till beside the head office's report of that till for the day.
 */
async function finish(
  app: KassaProcess,
  hq: RunningHq,
  tillId: string,
  dates: string[]
): Promise<SyncPowerReport['days']> {
  const deadline = Date.now() + 60_000
  for (;;) {
    const answer = await app.call('sync:now', {})
    const status = answer.value as SyncStatus | undefined
    if (answer.ok && status!.backlog === 0) break
    if (Date.now() > deadline) throw new Error(`the till never synced: ${JSON.stringify(answer)}`)
    await sleep(200)
  }
  const out: SyncPowerReport['days'] = []
  for (const date of [...new Set(dates)]) {
    const own = await app.call('settlement:report', { date })
    if (!own.ok) throw new Error(`settlement:report ${date}: ${JSON.stringify(own.error)}`)
    const day = await consolidatedDay(hq.db, hq.clock, date)
    const mine = day.stores.flatMap((s) => s.tills).find((t) => t.tillId === tillId)
    out.push({ date, till: own.value as ZReport, hq: mine?.report })
  }
  return out
}

interface OutboxEntry {
  seq: number
  id: string
  sha: string
}

/** The till's outbox as its file on the "disk" holds it (read-only: the app recovers the WAL). */
function outboxOf(dataDir: string): OutboxEntry[] {
  let db: BetterSqlite3.Database
  try {
    db = new BetterSqlite3(join(dataDir, 'kassa.sqlite'), { readonly: true, fileMustExist: true })
  } catch {
    return []
  }
  try {
    return db.prepare<[], OutboxEntry>('SELECT seq, id, payload_sha256 AS sha FROM outbox ORDER BY seq').all()
  } finally {
    db.close()
  }
}

/**
 * What the head office holds for the till is a prefix of the till's outbox, event for event (same
 * seq, id and hash: the till never lost or rewrote an event it had pushed), each once, with no seq
 * collision and every order projected once. With `complete`, it is the whole outbox.
 */
async function checkHqHoldsOnlyTillEvents(
  hq: RunningHq,
  tillId: string,
  diskDir: string,
  complete: boolean
): Promise<string[]> {
  const problems: string[] = []
  const outbox = new Map(outboxOf(diskDir).map((e) => [e.seq, e]))
  const held = await hq.db.query<{ seq: number; id: string; sha: string; type: string; status: string }>(
    'SELECT seq, event_id AS id, payload_sha256 AS sha, type, status FROM events WHERE till_id = ? ORDER BY seq',
    [tillId]
  )
  held.forEach((event, i) => {
    const seq = Number(event.seq)
    if (seq !== i + 1) problems.push(`head office: seq ${seq} where ${i + 1} was due`)
    const mine = outbox.get(seq)
    if (!mine) problems.push(`head office holds seq ${seq} (${event.type}), the till's file does not`)
    else if (mine.id !== event.id || mine.sha !== event.sha)
      problems.push(`head office's seq ${seq} is another event than the till's`)
    if (event.status === 'quarantined') problems.push(`head office quarantined seq ${seq} (${event.type})`)
  })
  if (new Set(held.map((e) => e.id)).size !== held.length) problems.push('head office holds an event twice')
  if (complete && held.length !== outbox.size)
    problems.push(`head office holds ${held.length} events, the till's outbox ${outbox.size}`)
  const [collisions] = await hq.db.query<{ n: number }>(
    'SELECT (SELECT count(*) FROM event_collisions WHERE till_id = ?) + (SELECT count(*) FROM anomalies WHERE till_id = ? AND kind = ?) AS n',
    [tillId, tillId, 'seq-collision']
  )
  if (Number(collisions!.n) > 0) problems.push(`head office recorded ${collisions!.n} seq collisions`)
  const [orders] = await hq.db.query<{ projected: number; events: number }>(
    `SELECT (SELECT count(*) FROM hq_orders WHERE till_id = ?) AS projected,
       (SELECT count(*) FROM events WHERE till_id = ? AND type = 'order.paid') AS events`,
    [tillId, tillId]
  )
  if (Number(orders!.projected) !== Number(orders!.events))
    problems.push(
      `head office projected ${orders!.projected} orders from ${orders!.events} order.paid events`
    )
  return problems
}
