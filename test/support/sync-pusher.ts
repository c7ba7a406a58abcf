import { createHash } from 'node:crypto'
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer, request as httpRequest, type Server } from 'node:http'
import { connect } from 'node:net'
import { resolve } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { build } from 'esbuild'
import { eventVersion, type PushedEvent } from '../../src/shared/sync/protocol'
import type { TestTill } from './test-till'

// The sync fault tests' and the bench's machinery, free of vitest so the bench can use it too.

const root = resolve(__dirname, '../..')

/** A row of a real till's outbox, as the sync client will push it. */
export interface OutboxRow {
  seq: number
  id: string
  at: string
  type: string
  aggregateId: string
  payload: string
  /** The payload version the till stamped; the type's current one when left out. */
  version?: number
}

/** An outbox row as a pushed event of `tillId` (hashed as the sync client hashes it). */
export function toPushed(row: OutboxRow, tillId: string): PushedEvent {
  return {
    tillId,
    seq: row.seq,
    id: row.id,
    type: row.type,
    version: row.version ?? eventVersion(row.type),
    at: row.at,
    aggregateId: row.aggregateId,
    payload: row.payload,
    payloadSha256: createHash('sha256').update(row.payload).digest('hex')
  }
}

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
        if (answer.body.highestContiguousSeq < this.acked) {
          throw new Error(`acknowledged ${answer.body.highestContiguousSeq} after ${this.acked}`)
        }
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

  /** The running head office's process id (undefined before `start`). */
  get pid(): number | undefined {
    return this.child?.pid
  }

  async start(): Promise<void> {
    const bundle = await hqChildBundle()
    const child = spawn(
      process.execPath,
      [
        // e.g. HQ_CHILD_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' to profile the head office in a bench.
        ...(process.env.HQ_CHILD_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
        bundle,
        this.dataDir,
        String(this.port),
        this.databaseUrl ?? ''
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe']
      }
    )
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
    // Gone already (exited, or killed by a signal: then exitCode stays null and 'exit' never fires again).
    if (!child || child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((done) => child.once('exit', done))
    child.kill('SIGKILL')
    await exited
    this.kills++
  }

  /** SIGTERM (the head office closes its store; a `--cpu-prof` child writes its profile), SIGKILL after 5 s. */
  async stop(): Promise<void> {
    const child = this.child
    if (!child || child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((done) => child.once('exit', done))
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
    await exited
    clearTimeout(timer)
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
