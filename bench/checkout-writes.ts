import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3, { type Database, type Statement } from 'better-sqlite3'
import { openConnection } from '../src/main/store/connection'
import { bareCheckout, checkoutInput, tillWithCarts } from './checkout.bench'

// `npx tsx --tsconfig tsconfig.node.json bench/checkout-writes.ts`: what one cash checkout writes,
// statement by statement, and which b-tree pages its commit puts in the WAL, beside one
// transaction of the bench's baseline. A diagnostic for issue 12, not a bench: it times nothing.

const CARTS = 200
const WARM = 150
const LOOKED = 25

interface Logged {
  sql: string
  changes: number
}

let log: Logged[] | null = null

/** Wraps every statement's run/get/all so each one executed is logged with the rows it changed. */
function traceStatements(): void {
  const probe = new BetterSqlite3(':memory:')
  const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, unknown>
  probe.close()
  for (const method of ['run', 'get', 'all', 'iterate']) {
    const original = proto[method] as (this: Statement, ...args: unknown[]) => unknown
    proto[method] = function (this: Statement, ...args: unknown[]) {
      if (log === null) return original.apply(this, args)
      const before = totalChanges(this.database)
      const result = original.apply(this, args)
      log.push({
        sql: this.source.replace(/\s+/g, ' ').trim(),
        changes: totalChanges(this.database) - before
      })
      return result
    }
  }
  const totals = new WeakMap<Database, Statement>()
  function totalChanges(db: Database): number {
    let stmt = totals.get(db)
    if (!stmt) {
      stmt = db.prepare('SELECT total_changes() AS n')
      totals.set(db, stmt)
    }
    const previous = log
    log = null
    const n = (stmt.get() as { n: number }).n
    log = previous
    return n
  }
}

/** The pages of the frames in a WAL file, in order (frame header: page number, then commit size). */
function walPages(file: string): number[] {
  let bytes: Buffer
  try {
    bytes = readFileSync(file)
  } catch {
    return []
  }
  if (bytes.length < 32) return []
  const pageSize = bytes.readUInt32BE(8)
  const pages: number[] = []
  for (let at = 32; at + 24 + pageSize <= bytes.length; at += 24 + pageSize)
    pages.push(bytes.readUInt32BE(at))
  return pages
}

/** Which table or index each page belongs to. */
function pageOwners(file: string): Map<number, string> {
  const db = new BetterSqlite3(file, { readonly: true })
  const rows = db.prepare('SELECT name, pageno FROM dbstat').all() as Array<{ name: string; pageno: number }>
  db.close()
  return new Map(rows.map((r) => [r.pageno, r.name]))
}

function checkpoint(file: string): void {
  const side = new BetterSqlite3(file)
  side.pragma('wal_checkpoint(TRUNCATE)')
  side.close()
}

function report(title: string, file: string, logged: Logged[], pages: number[]): void {
  console.log(`\n== ${title}`)
  for (const entry of logged)
    console.log(`${entry.changes > 0 ? `+${entry.changes}` : '  '}  ${entry.sql.slice(0, 150)}`)
  const owners = pageOwners(file)
  const byOwner = new Map<string, number>()
  for (const page of pages) {
    const owner = owners.get(page) ?? (page === 1 ? 'page 1 (header)' : `page ${page}`)
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + 1)
  }
  const written = logged.filter((l) => l.changes > 0)
  console.log(
    `-- ${logged.length} statements, ${written.length} writing (${written.reduce((s, l) => s + l.changes, 0)} row changes incl. triggers)`
  )
  console.log(
    `-- WAL frames over ${LOOKED} commits: ${pages.length} = ${(pages.length / LOOKED).toFixed(1)} per commit (distinct pages ${new Set(pages).size}, WAL ${statSync(`${file}-wal`).size} B)`
  )
  for (const [owner, n] of [...byOwner].sort((a, b) => b[1] - a[1]))
    console.log(`   ${(n / LOOKED).toFixed(2).padStart(6)}  ${owner}`)
}

async function main(): Promise<void> {
  traceStatements()
  const dir = mkdtempSync(join(tmpdir(), 'kassa-checkout-writes-'))
  try {
    const { core, carts } = await tillWithCarts(dir, CARTS)
    const file = join(dir, 'kassa.sqlite')
    const bareFile = join(dir, 'bare.sqlite')
    checkpoint(file)
    copyFileSync(file, bareFile)
    const bare = openConnection(bareFile)
    const till = openConnection(file, { readonly: true })
    const replay = bareCheckout(bare, till)
    const checkout = (i: number) =>
      core.router.dispatch('checkout:begin', checkoutInput(carts[i]!, i), { sessionId: 'bench' })
    // WARM checkouts first (tables as full as halfway through the bench), each replayed into the
    // baseline's copy; then LOOKED ones from an empty WAL: the first one's statements are logged,
    // the frames of all of them counted.
    for (let i = 0; i < WARM; i++) {
      await checkout(i)
      replay.write(replay.rowsOf(carts[i]!))
    }
    checkpoint(file)
    checkpoint(bareFile)
    let logged: Logged[] = []
    for (let i = WARM; i < WARM + LOOKED; i++) {
      if (i === WARM) log = []
      const result = await checkout(i)
      if (!result.ok) throw new Error(result.error.message)
      if (i === WARM) {
        logged = log ?? []
        log = null
      }
    }
    report('checkout:begin with cash', file, logged, walPages(`${file}-wal`))
    let bareLogged: Logged[] = []
    for (let i = WARM; i < WARM + LOOKED; i++) {
      const rows = replay.rowsOf(carts[i]!)
      if (i === WARM) log = []
      replay.write(rows)
      if (i === WARM) {
        bareLogged = log ?? []
        log = null
      }
    }
    report('baseline transaction', bareFile, bareLogged, walPages(`${bareFile}-wal`))
    till.close()
    bare.close()
    core.close()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
