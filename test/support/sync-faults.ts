import { spawn, type ChildProcess } from 'node:child_process'
import { createServer, request as httpRequest, type Server } from 'node:http'
import { connect } from 'node:net'
import { resolve } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { build } from 'esbuild'
import { expect } from 'vitest'
import type { HqDatabase } from '../../src/server/db/types'
import { tillDayFigures } from '../../src/server/reports/day-figures'
import type { TestTill } from './hq'
import { toPushed, type OutboxRow, type SoldDay } from './selling-till'

const root = resolve(__dirname, '../..')

/**
 * Pushes a till's outbox as the sync client does: from what the head office acknowledged, in
 * batches, halving on 413, resuming from `resumeFrom` on a gap, re-signing with the head office's
 * time on CLOCK_SKEW, retrying anything else (network errors, 5xx, lost answers) after a short pause.
 */
export class OutboxPusher {
  acked = 0
  attempts = 0
  failures = 0

  constructor(
    readonly till: TestTill,
    readonly outbox: readonly OutboxRow[],
    private batchSize = 100,
    private paceMs = 0
  ) {}

  async run(deadline = Date.now() + 120_000): Promise<void> {
    while (this.acked < this.outbox.length) {
      if (Date.now() > deadline)
        throw new Error(`pusher for ${this.till.tillCode} gave up at ${this.acked}/${this.outbox.length}`)
      const events = this.outbox
        .slice(this.acked, this.acked + this.batchSize)
        .map((row) => toPushed(row, this.till.tillId))
      this.attempts++
      let answer
      try {
        answer = await this.till.push(events)
      } catch {
        this.failures++
        await sleep(20 + Math.random() * 50)
        continue
      }
      if (answer.status === 200) {
        // The head office never goes back on what it acknowledged.
        expect(answer.body.highestContiguousSeq).toBeGreaterThanOrEqual(this.acked)
        this.acked = Math.min(answer.body.highestContiguousSeq, this.outbox.length)
        if (this.paceMs) await sleep(this.paceMs)
        continue
      }
      this.failures++
      const error = answer.body.error
      if (error?.code === 'SEQ_GAP') this.acked = error.resumeFrom! - 1
      else if (error?.code === 'BATCH_TOO_LARGE') this.batchSize = Math.max(1, Math.floor(this.batchSize / 2))
      else if (error?.code === 'CLOCK_SKEW')
        this.till.offsetMs = Date.parse(error.serverTime!) - (Date.now() + this.till.clockErrorMs)
      else if (answer.status < 500 && error?.code !== 'REPLAYED')
        throw new Error(`refused: ${JSON.stringify(error)}`)
      else await sleep(20 + Math.random() * 50)
    }
  }
}

/**
 * What every sync fault test ends with: head-office events = Σ the tills' outbox events, distinct
 * event ids = that count, each till's seqs contiguous from 1, and the head office's figures for the
 * day per till equal the till's own Z-report.
 */
export async function expectConverged(
  db: HqDatabase,
  tills: ReadonlyArray<{ till: TestTill; day: SoldDay }>
): Promise<void> {
  const expected = tills.reduce((n, t) => n + t.day.outbox.length, 0)
  const [totals] = await db.query<{ n: number; ids: number }>(
    'SELECT COUNT(*) AS n, COUNT(DISTINCT event_id) AS ids FROM events'
  )
  expect(Number(totals!.n)).toBe(expected)
  expect(Number(totals!.ids)).toBe(expected)
  for (const { till, day } of tills) {
    const [seqs] = await db.query<{ n: number; lo: number; hi: number }>(
      'SELECT COUNT(*) AS n, MIN(seq) AS lo, MAX(seq) AS hi FROM events WHERE till_id = ?',
      [till.tillId]
    )
    expect({ n: Number(seqs!.n), lo: Number(seqs!.lo), hi: Number(seqs!.hi) }).toEqual({
      n: day.outbox.length,
      lo: 1,
      hi: day.outbox.length
    })
    const [held] = await db.query<{ high_seq: number }>('SELECT high_seq FROM tills WHERE id = ?', [
      till.tillId
    ])
    expect(Number(held!.high_seq)).toBe(day.outbox.length)
    const ids = new Set(
      (
        await db.query<{ event_id: string }>('SELECT event_id FROM events WHERE till_id = ?', [till.tillId])
      ).map((r) => r.event_id)
    )
    expect(day.outbox.every((row) => ids.has(row.id))).toBe(true)
  }
  const quarantined = await db.query<{ type: string; reason: string }>(
    "SELECT type, reason FROM events WHERE status = 'quarantined'"
  )
  expect(quarantined).toEqual([])
  const storeId = tills[0]!.till.storeId
  const figures = await tillDayFigures(db, storeId, tills[0]!.day.date)
  for (const { till, day } of tills) {
    const mine = figures.find((f) => f.tillId === till.tillId)!
    expect({ orderCount: mine.orderCount, netSales: mine.netSales, collected: mine.collected }).toEqual(
      day.report
    )
  }
}

let bundled: Promise<string> | undefined
/** `test/support/hq-child.ts` bundled once (inside the repo, so node_modules resolve). */
export function hqChildBundle(): Promise<string> {
  bundled ??= (async () => {
    const outfile = resolve(root, 'out/test/hq-child.cjs')
    await build({
      absWorkingDir: root,
      entryPoints: [resolve(root, 'test/support/hq-child.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      packages: 'external',
      alias: { '@shared': './src/shared' },
      logLevel: 'warning'
    })
    return outfile
  })()
  return bundled
}

/** A head office in a child process that can be killed with SIGKILL and started again on the same port. */
export class HqProcess {
  private child: ChildProcess | undefined
  kills = 0

  constructor(
    readonly dataDir: string,
    readonly port: number,
    readonly databaseUrl?: string
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`
  }

  async start(): Promise<void> {
    const bundle = await hqChildBundle()
    const child = spawn(process.execPath, [bundle, this.dataDir, String(this.port), this.databaseUrl ?? ''], {
      stdio: ['ignore', 'pipe', 'pipe']
    })
    this.child = child
    await new Promise<void>((ready, fail) => {
      let out = ''
      let err = ''
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        if (out.includes('ready ')) ready()
      })
      child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()))
      child.once('exit', (code) =>
        fail(new Error(`head office exited (${code}) before it was ready: ${err}`))
      )
    })
  }

  /** kill -9: no shutdown, no flush beyond what each commit already did. */
  async kill(): Promise<void> {
    const child = this.child
    if (!child || child.exitCode !== null) return
    const exited = new Promise((done) => child.once('exit', done))
    child.kill('SIGKILL')
    await exited
    this.kills++
  }

  async stop(): Promise<void> {
    await this.kill()
  }
}

/**
 * A proxy between tills and the head office that drops `dropRate` of the answers after the head
 * office has answered (so after it committed), cuts `cutRate` of the requests after a random
 * number of body bytes reached the head office, and cuts `cutRate` of the answers part-way.
 */
export async function startFlakyProxy(
  target: { port: number },
  options: { dropRate: number; cutRate: number }
): Promise<{
  url: string
  stats: { dropped: number; cutRequests: number; cutAnswers: number; passed: number }
  close(): Promise<void>
}> {
  const stats = { dropped: 0, cutRequests: 0, cutAnswers: 0, passed: 0 }
  const server: Server = createServer((req, res) => {
    req.on('error', () => undefined)
    res.on('error', () => undefined)
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      const roll = Math.random()
      if (roll < options.cutRate && body.length > 1) {
        // The head office receives the head and part of the body, then the connection dies.
        stats.cutRequests++
        const upstream = connect(target.port, '127.0.0.1', () => {
          const head = [
            `${req.method} ${req.url} HTTP/1.1`,
            ...Object.entries(req.headers).map(([k, v]) => `${k}: ${String(v)}`),
            '',
            ''
          ].join('\r\n')
          upstream.write(head)
          upstream.write(body.subarray(0, Math.floor(Math.random() * body.length)))
          setTimeout(() => upstream.destroy(), 5)
        })
        upstream.on('error', () => undefined)
        req.socket.destroy()
        return
      }
      const forward = httpRequest(
        { host: '127.0.0.1', port: target.port, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          const parts: Buffer[] = []
          answer.on('data', (c: Buffer) => parts.push(c))
          answer.on('end', () => {
            const payload = Buffer.concat(parts)
            const fate = Math.random()
            if (fate < options.dropRate) {
              stats.dropped++
              req.socket.destroy()
            } else if (fate < options.dropRate + options.cutRate) {
              stats.cutAnswers++
              res.writeHead(answer.statusCode ?? 502, answer.headers)
              res.write(payload.subarray(0, Math.floor(Math.random() * payload.length)))
              setTimeout(() => req.socket.destroy(), 5)
            } else {
              stats.passed++
              res.writeHead(answer.statusCode ?? 502, answer.headers)
              res.end(payload)
            }
          })
        }
      )
      forward.on('error', () => req.socket.destroy())
      forward.on('socket', (socket) => socket.on('error', () => undefined))
      forward.end(body)
    })
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections()
        server.close(() => done())
      })
  }
}
