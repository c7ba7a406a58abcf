import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { v7 as uuidv7 } from 'uuid'
import { systemHqClock } from '../../../src/server/clock'
import { HQ_DATABASE_FILE, openHqDatabase } from '../../../src/server/db/open'
import { createEnrolCode } from '../../../src/server/enrol/enrol-service'
import { freePort } from '../postgres'
import { mountPowerCut, type PowerCutMount } from '../powercut-fs/mount'
import { HqProcess, toPushed, type OutboxRow } from '../sync-pusher'
import { paidOrder, TestTill } from '../test-till'
import { seeded } from './crash-cycles'

/**
 * Issue 16's last item, the head office's side: its embedded SQLite store on the power-cut
 * filesystem while tills push. At a random moment the filesystem and the head office are cut
 * together; the file on the "disk" must then hold every batch the head office acknowledged (each
 * till's acknowledged `highestContiguousSeq`, event for event), pass `integrity_check`, and hold
 * each event once; restarted, the head office never answers below what it acknowledged, and the
 * tills push again what it did not acknowledge until it holds exactly their outboxes.
 */
export interface HqPowerOptions {
  tills: number
  eventsPerTill: number
  cuts: number
  minCuts: number
  budgetMs: number
  seed: number
  log?: (line: string) => void
}

export interface HqPowerReport {
  cuts: number
  /** Cuts that came while some till still had events to push (the ones that test anything). */
  cutsMidPush: number
  /** Batches the head office acknowledged, and the events it held at the end. */
  acknowledged: number
  events: number
  problems: string[]
  ms: number
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms))

/** One till's outbox of sales (about 700-byte order.paid events, as the till writes them). */
function outboxOf(n: number, t: number): OutboxRow[] {
  const start = Date.parse('2026-11-20T01:00:00.000Z')
  return Array.from({ length: n }, (_, i) => {
    const at = new Date(start + i * 20_000 + t).toISOString()
    const order = paidOrder({ paidAt: at })
    return {
      seq: i + 1,
      id: uuidv7(),
      at,
      type: 'order.paid',
      aggregateId: order.id,
      payload: JSON.stringify(order)
    }
  })
}

/** A till pushing its outbox through cuts: where it resumes, and what the head office promised. */
class Pusher {
  /** The highest `highestContiguousSeq` the head office ever answered 200 with. */
  promised = 0
  private next = 1
  batches = 0
  stopped = false

  constructor(
    readonly till: TestTill,
    readonly outbox: OutboxRow[],
    private readonly rng: () => number,
    private readonly problems: string[]
  ) {}

  get done(): boolean {
    return this.promised >= this.outbox.length
  }

  async run(): Promise<void> {
    while (!this.stopped && !this.done) {
      // A till pushes as it sells: small batches, a moment apart, so the cuts land mid-push.
      const size = 10 + Math.floor(this.rng() * 50)
      const events = this.outbox
        .slice(this.next - 1, this.next - 1 + size)
        .map((row) => toPushed(row, this.till.tillId))
      let answer
      try {
        answer = await this.till.push(events)
      } catch {
        // The head office is down (cut, restarting): a till retries on its timer.
        await sleep(30 + this.rng() * 70)
        continue
      }
      if (answer.status === 200) {
        const high = answer.body.highestContiguousSeq
        if (high < this.promised)
          this.problems.push(`${this.till.tillCode}: answered ${high} after acknowledging ${this.promised}`)
        this.promised = Math.max(this.promised, high)
        this.batches++
        this.next = high + 1
        await sleep(40 + this.rng() * 80)
      } else if (answer.body.error?.code === 'SEQ_GAP') {
        // The head office holds less than this till sent, never less than it acknowledged.
        const resume = answer.body.error.resumeFrom!
        if (resume - 1 < this.promised)
          this.problems.push(
            `${this.till.tillCode}: resume from ${resume} after acknowledging ${this.promised}`
          )
        this.next = resume
      } else if (answer.status >= 500 || answer.body.error?.code === 'REPLAYED') {
        await sleep(30 + this.rng() * 70)
      } else {
        this.problems.push(`${this.till.tillCode}: refused ${JSON.stringify(answer.body.error)}`)
        this.stopped = true
      }
    }
  }
}

export async function runHqPowerCuts(options: HqPowerOptions): Promise<HqPowerReport> {
  const rng = seeded(options.seed)
  const log = options.log ?? (() => {})
  const problems: string[] = []
  const base = mkdtempSync(join(tmpdir(), 'kassa-hq-power-'))
  const disk = join(base, 'disk')
  const mountpoint = join(base, 'mnt')
  const hqDir = join(mountpoint, 'hq')
  const diskDir = join(disk, 'hq')
  mkdirSync(diskDir, { recursive: true })
  const port = await freePort()
  const hq = new HqProcess(hqDir, port)
  const started = Date.now()
  const pushers: Pusher[] = []
  let running: Promise<void>[] = []
  let cuts = 0
  let cutsMidPush = 0

  try {
    for (let i = 0; ; i++) {
      const last = i >= options.cuts || (i >= options.minCuts && Date.now() - started > options.budgetMs)
      let fs: PowerCutMount | undefined
      let cutSummary = ''
      try {
        fs = await mountPowerCut(disk, mountpoint, {
          seed: options.seed + i,
          reorder: i % 2 === 1,
          tear: i % 2 === 1
        })
        if (i === 0) {
          // Codes made before the head office runs (one process at a time on the file).
          const db = await openHqDatabase({ dataDir: hqDir })
          const codes: string[] = []
          for (let t = 0; t < options.tills; t++)
            codes.push((await createEnrolCode(db, systemHqClock, 'Cut street')).code)
          await db.close()
          await hq.start()
          for (const [t, code] of codes.entries()) {
            const till = await TestTill.create(hq.url)
            const answer = await till.enrol(code)
            if (answer.status !== 200) throw new Error(`enrolment refused: ${JSON.stringify(answer.body)}`)
            pushers.push(new Pusher(till, outboxOf(options.eventsPerTill, t), rng, problems))
          }
          running = pushers.map((p) => p.run())
        } else await hq.start()
        if (last) {
          const deadline = Date.now() + 60_000
          while (!pushers.every((p) => p.done || p.stopped) && Date.now() < deadline) await sleep(100)
          if (!pushers.every((p) => p.done)) problems.push('the tills never finished pushing')
          break
        }
        await sleep(300 + rng() * 1500)
        if (pushers.some((p) => !p.done)) cutsMidPush++
        cutSummary = await fs.cut()
        await hq.kill()
      } catch (error) {
        problems.push(`cycle ${i}: ${error instanceof Error ? error.message : String(error)}`)
      } finally {
        await hq.kill()
        await fs?.unmount()
      }
      cuts++
      const found = checkHqFile(diskDir, pushers, false).map(
        (p) => `after cut ${i}${cutSummary ? ` (${cutSummary})` : ''}: ${p}`
      )
      problems.push(...found)
      if (i % 5 === 0 || found.length > 0)
        log(`hq power ${i}: ${pushers.map((p) => p.promised).join('/')} acknowledged ${cutSummary}`)
      if (problems.length > 0) break
    }
    for (const p of pushers) p.stopped = true
    await Promise.all(running)
    if (problems.length === 0) problems.push(...checkHqFile(diskDir, pushers, true))
    return {
      cuts,
      cutsMidPush,
      acknowledged: pushers.reduce((sum, p) => sum + p.batches, 0),
      events: pushers.reduce((sum, p) => sum + p.promised, 0),
      problems,
      ms: Date.now() - started
    }
  } finally {
    await hq.kill()
    rmSync(base, { recursive: true, force: true })
  }
}

/**
 * The head office's file as the disk holds it after a cut, opened on a copy as the restarted head
 * office would (SQLite replays the WAL): whole, every acknowledged seq of every till there with its
 * hash, each event once, contiguous from 1, the till's high-water mark at least what it promised,
 * one projected order per order.paid event. With `complete`, it is exactly every outbox.
 */
function checkHqFile(diskDir: string, pushers: readonly Pusher[], complete: boolean): string[] {
  const file = join(diskDir, HQ_DATABASE_FILE)
  if (!existsSync(file)) return pushers.length > 0 ? ['the head office file is gone'] : []
  const copy = mkdtempSync(join(tmpdir(), 'kassa-hq-check-'))
  try {
    for (const suffix of ['', '-wal'])
      if (existsSync(file + suffix)) copyFileSync(file + suffix, join(copy, HQ_DATABASE_FILE + suffix))
    const db = new BetterSqlite3(join(copy, HQ_DATABASE_FILE))
    try {
      const integrity = db.pragma('integrity_check', { simple: true })
      if (integrity !== 'ok') return [`integrity_check: ${String(integrity)}`]
      const problems: string[] = []
      for (const p of pushers) {
        const till = db
          .prepare<[string], { high_seq: number }>('SELECT high_seq FROM tills WHERE id = ?')
          .get(p.till.tillId)
        if (!till) {
          problems.push(`the enrolled till ${p.till.tillCode} is gone`)
          continue
        }
        const rows = db
          .prepare<[string], { seq: number; sha: string; id: string }>(
            'SELECT seq, payload_sha256 AS sha, event_id AS id FROM events WHERE till_id = ? ORDER BY seq'
          )
          .all(p.till.tillId)
        if (till.high_seq < p.promised)
          problems.push(`${p.till.tillCode}: holds up to ${till.high_seq}, acknowledged ${p.promised}`)
        if (rows.length !== till.high_seq)
          problems.push(
            `${p.till.tillCode}: ${rows.length} events under a high-water mark of ${till.high_seq}`
          )
        rows.forEach((row, i) => {
          const sent = p.outbox[i]
          if (row.seq !== i + 1) problems.push(`${p.till.tillCode}: seq ${row.seq} where ${i + 1} was due`)
          else if (!sent || sent.id !== row.id || toPushed(sent, p.till.tillId).payloadSha256 !== row.sha)
            problems.push(`${p.till.tillCode}: seq ${row.seq} is not the event the till sent`)
        })
        if (complete && rows.length !== p.outbox.length)
          problems.push(`${p.till.tillCode}: holds ${rows.length} of ${p.outbox.length} events`)
        const orders = db
          .prepare<[string], { n: number }>('SELECT count(*) AS n FROM hq_orders WHERE till_id = ?')
          .get(p.till.tillId)!.n
        if (orders !== rows.length)
          problems.push(`${p.till.tillCode}: ${orders} orders from ${rows.length} events`)
      }
      const collisions = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM event_collisions').get()!.n
      if (collisions > 0) problems.push(`${collisions} seq collisions recorded`)
      return problems
    } finally {
      db.close()
    }
  } finally {
    rmSync(copy, { recursive: true, force: true })
  }
}
