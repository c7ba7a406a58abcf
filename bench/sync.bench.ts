import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import pg from 'pg'
import { v7 as uuidv7 } from 'uuid'
import { from as copyFrom } from 'pg-copy-streams'
import { openHqDatabase } from '../src/server/db/open'
import { createEnrolCode } from '../src/server/enrol/enrol-service'
import { systemHqClock } from '../src/server/clock'
import { paidOrder, TestTill } from '../test/support/test-till'
import { freePort, startPostgres } from '../test/support/postgres'
import { HqProcess, OutboxPusher, toPushed, type OutboxRow } from '../test/support/sync-pusher'
import type { Bench, BenchRow } from './bench'

const TILLS = 10
const PER_TILL = 10_000
const BATCH = 1000

/** Each till's outbox: order.paid events shaped like the till's (about 700 bytes each). */
function outboxes(): OutboxRow[][] {
  const start = Date.parse('2026-11-20T01:00:00.000Z')
  return Array.from({ length: TILLS }, (_, t) =>
    Array.from({ length: PER_TILL }, (_, i) => {
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
  )
}

/** Pushes every outbox over HTTP to a head office in its own process; ms from first request to last answer. */
async function pushAll(
  where: { dataDir: string; databaseUrl?: string },
  boxes: OutboxRow[][]
): Promise<number> {
  const hq = new HqProcess(where.dataDir, await freePort(), where.databaseUrl)
  await hq.start()
  try {
    const db = await openHqDatabase(where)
    const codes: string[] = []
    for (let i = 0; i < TILLS; i++) codes.push((await createEnrolCode(db, systemHqClock, 'Bench')).code)
    await db.close()
    const tills = await Promise.all(
      codes.map(async (code) => {
        const till = await TestTill.create(hq.url)
        await till.enrol(code)
        return till
      })
    )
    const started = performance.now()
    await Promise.all(
      tills.map((till, i) => new OutboxPusher(till, boxes[i]!, BATCH).run(Date.now() + 600_000))
    )
    return performance.now() - started
  } finally {
    await hq.stop()
  }
}

const rowsOf = (boxes: OutboxRow[][]) =>
  boxes.flatMap((box, t) =>
    box.map((row) => {
      const e = toPushed(row, `till-${t}`)
      return [
        e.tillId,
        e.seq,
        e.id,
        'store',
        e.type,
        e.version,
        e.at,
        e.aggregateId,
        e.payload,
        e.payloadSha256,
        e.at,
        'applied'
      ]
    })
  )

const BARE = `(till_id TEXT, seq BIGINT, event_id TEXT, store_id TEXT, type TEXT, version INTEGER, at TEXT,
  aggregate_id TEXT, payload TEXT, payload_sha256 TEXT, received_at TEXT, status TEXT)`

/** COPY of the same rows into a bare table (no key, no index): PostgreSQL's floor for this data. */
async function copyBare(url: string, boxes: OutboxRow[][]): Promise<number> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(`CREATE TABLE bare_events ${BARE}`)
    const lines = rowsOf(boxes).map((r) =>
      r.map((v) => String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n')).join('\t')
    )
    const started = performance.now()
    const stream = client.query(copyFrom('COPY bare_events FROM STDIN'))
    await new Promise<void>((done, fail) => {
      stream.on('finish', done)
      stream.on('error', fail)
      stream.end(lines.join('\n') + '\n')
    })
    return performance.now() - started
  } finally {
    await client.end()
  }
}

/** The same rows into a bare SQLite table, 1,000 a transaction, WAL and synchronous=FULL as the head office's file. */
function insertBareSqlite(dir: string, boxes: OutboxRow[][]): number {
  const db = new BetterSqlite3(join(dir, 'bare.sqlite'))
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    db.exec(`CREATE TABLE bare_events ${BARE}`)
    const insert = db.prepare('INSERT INTO bare_events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
    const rows = rowsOf(boxes)
    const batch = db.transaction((slice: unknown[][]) => {
      for (const row of slice) insert.run(...row)
    })
    const started = performance.now()
    for (let i = 0; i < rows.length; i += BATCH) batch(rows.slice(i, i + BATCH))
    return performance.now() - started
  } finally {
    db.close()
  }
}

export const bench: Bench = {
  title: `Head office: ${(TILLS * PER_TILL).toLocaleString('en')} events pushed over HTTP from ${TILLS} tills (batches of ${BATCH}, signed, one transaction each, projected)`,
  async run(): Promise<BenchRow[]> {
    const boxes = outboxes()
    const rows: BenchRow[] = []
    const postgres = await startPostgres()
    const dir = mkdtempSync(join(tmpdir(), 'kassa-sync-bench-'))
    try {
      const pushed = await pushAll({ dataDir: dir, databaseUrl: await postgres.createDatabase() }, boxes)
      const copied = await copyBare(await postgres.createDatabase(), boxes)
      rows.push({
        name: 'push into PostgreSQL 15',
        figure: { label: `${TILLS * PER_TILL} events end to end (aim ≤ 10 s, stretch 5 s)`, ms: pushed },
        baseline: { label: 'COPY into a bare table', ms: copied },
        note: pushed <= 10_000 ? 'aim met' : 'aim missed'
      })
      const sqliteDir = join(dir, 'sqlite')
      const pushedSqlite = await pushAll({ dataDir: sqliteDir }, boxes)
      rows.push({
        name: 'push into the embedded SQLite store',
        figure: { label: `${TILLS * PER_TILL} events end to end`, ms: pushedSqlite },
        baseline: { label: 'bare inserts, 1,000 a transaction', ms: insertBareSqlite(dir, boxes) }
      })
    } finally {
      postgres.stop()
      rmSync(dir, { recursive: true, force: true })
    }
    return rows
  }
}
