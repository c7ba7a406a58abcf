import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3, { type Statement } from 'better-sqlite3'
import { openConnection } from '../src/main/store/connection'
import { bareCheckout, checkoutInput, tillWithCarts } from './checkout.bench'

// `npx tsx --tsconfig tsconfig.node.json bench/checkout-profile.ts [cpu|statements|profile [out.cpuprofile]]`:
// where a cash checkout's time goes, for issue 12. A diagnostic, not a bench.
// - `cpu` (the default): the bench's alternating rounds, reporting per checkout the wall time and
//   the CPU time (user + system) of both sides. CPU time moves far less than wall time when other
//   processes load the machine, so a change's effect shows even when fsync times are noisy.
// - `statements`: the same rounds with every statement timed, per checkout, on both sides: what the
//   checkout runs beyond the baseline's writes, and what lies outside statements (JavaScript).
// - `profile`: V8's sampling profiler over the checkouts only; self time by function and by file.

const CARTS = 2000
const ROUNDS = 20

interface Node {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  hitCount: number
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number
const cpuNow = (): number => {
  const { user, system } = process.cpuUsage()
  return user + system
}

type Timings = Map<string, { n: number; us: number }>
let timing: Timings | null = null

/** Times every statement's run/get/all into `timing` while it is set (the COMMIT included). */
function timeStatements(): void {
  const probe = new BetterSqlite3(':memory:')
  const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, unknown>
  probe.close()
  for (const method of ['run', 'get', 'all']) {
    const original = proto[method] as (this: Statement, ...args: unknown[]) => unknown
    proto[method] = function (this: Statement, ...args: unknown[]) {
      if (!timing) return original.apply(this, args)
      const start = performance.now()
      const result = original.apply(this, args)
      const sql = this.source.replace(/\s+/g, ' ').trim().slice(0, 80)
      const entry = timing.get(sql) ?? { n: 0, us: 0 }
      entry.n++
      entry.us += (performance.now() - start) * 1000
      timing.set(sql, entry)
      return result
    }
  }
}

function printStatements(title: string, timings: Timings, totalUs: number, count: number): void {
  let inStatements = 0
  console.log(`\n${title}: ${(totalUs / count).toFixed(0)} µs per checkout`)
  for (const [sql, { n, us }] of [...timings].sort((a, b) => b[1].us - a[1].us)) {
    inStatements += us
    console.log(`${(us / count).toFixed(1).padStart(7)} µs ${(n / count).toFixed(0).padStart(2)}×  ${sql}`)
  }
  const commit = timings.get('COMMIT')?.us ?? 0
  console.log(
    `${(inStatements / count).toFixed(0)} µs in statements, ${((totalUs - inStatements) / count).toFixed(0)} µs outside them; ` +
      `all but the COMMIT: ${((totalUs - commit) / count).toFixed(0)} µs`
  )
}

async function cpu(dir: string, statements: boolean): Promise<void> {
  if (statements) timeStatements()
  const timed = { real: new Map() as Timings, bare: new Map() as Timings }
  const totals = { real: 0, bare: 0 }
  const { core, carts } = await tillWithCarts(dir, CARTS)
  const file = join(dir, 'kassa.sqlite')
  const bareFile = join(dir, 'bare.sqlite')
  const side = openConnection(file)
  side.pragma('wal_checkpoint(TRUNCATE)')
  side.close()
  copyFileSync(file, bareFile)
  const bare = openConnection(bareFile)
  const till = openConnection(file, { readonly: true })
  const replay = bareCheckout(bare, till)
  const wall = { real: [] as number[], bare: [] as number[] }
  const used = { real: [] as number[], bare: [] as number[] }
  const perRound = CARTS / ROUNDS
  for (let round = 0; round < ROUNDS; round++) {
    const ids = carts.slice(round * perRound, (round + 1) * perRound)
    let start = performance.now()
    let cpu0 = cpuNow()
    if (statements) timing = timed.real
    for (const [k, cartId] of ids.entries()) {
      const result = await core.router.dispatch(
        'checkout:begin',
        checkoutInput(cartId, round * perRound + k),
        {
          sessionId: 'bench'
        }
      )
      if (!result.ok) throw new Error(result.error.message)
    }
    timing = null
    totals.real += (performance.now() - start) * 1000
    wall.real.push((performance.now() - start) / perRound)
    used.real.push((cpuNow() - cpu0) / perRound)
    const rows = ids.map(replay.rowsOf)
    start = performance.now()
    cpu0 = cpuNow()
    if (statements) timing = timed.bare
    for (const r of rows) replay.write(r)
    timing = null
    totals.bare += (performance.now() - start) * 1000
    wall.bare.push((performance.now() - start) / perRound)
    used.bare.push((cpuNow() - cpu0) / perRound)
  }
  till.close()
  bare.close()
  core.close()
  const ratios = wall.real.map((r, i) => (wall.bare[i] as number) / r)
  console.log(
    `wall: checkout ${median(wall.real).toFixed(3)} ms, bare ${median(wall.bare).toFixed(3)} ms, ` +
      `ratio ${((median(wall.bare) / median(wall.real)) * 100).toFixed(0)} % (rounds ${(Math.min(...ratios) * 100).toFixed(0)}–${(Math.max(...ratios) * 100).toFixed(0)} %)`
  )
  console.log(
    `cpu:  checkout ${median(used.real).toFixed(0)} µs, bare ${median(used.bare).toFixed(0)} µs, ` +
      `extra ${(median(used.real) - median(used.bare)).toFixed(0)} µs`
  )
  if (statements) {
    printStatements('checkout:begin with cash', timed.real, totals.real, CARTS)
    printStatements('baseline', timed.bare, totals.bare, CARTS)
  }
}

async function profile(dir: string, out: string | undefined): Promise<void> {
  const { core, carts } = await tillWithCarts(dir, CARTS)
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.setSamplingInterval', { interval: 50 })
  await session.post('Profiler.start')
  const start = performance.now()
  for (const [i, cartId] of carts.entries()) {
    const result = await core.router.dispatch('checkout:begin', checkoutInput(cartId, i), {
      sessionId: 'bench'
    })
    if (!result.ok) throw new Error(result.error.message)
  }
  const ms = (performance.now() - start) / carts.length
  const { profile } = await session.post('Profiler.stop')
  core.close()
  if (out) writeFileSync(out, JSON.stringify(profile))
  const nodes = profile.nodes as Node[]
  const total = nodes.reduce((s, n) => s + n.hitCount, 0)
  const byFn = new Map<string, number>()
  const byFile = new Map<string, number>()
  for (const n of nodes) {
    const file = n.callFrame.url.replace(/^.*\/(src|node_modules)\//, '$1/') || '(native)'
    const fn = `${n.callFrame.functionName || '(anon)'} ${file}:${n.callFrame.lineNumber + 1}`
    byFn.set(fn, (byFn.get(fn) ?? 0) + n.hitCount)
    byFile.set(file, (byFile.get(file) ?? 0) + n.hitCount)
  }
  const show = (title: string, m: Map<string, number>, k: number) => {
    console.log(`\n${title}`)
    for (const [name, hits] of [...m].sort((a, b) => b[1] - a[1]).slice(0, k))
      console.log(`${((hits / total) * 100).toFixed(1).padStart(5)} %  ${name}`)
  }
  console.log(`${carts.length} checkouts, ${ms.toFixed(3)} ms each (profiled)`)
  show('self time by function', byFn, 40)
  show('self time by file', byFile, 30)
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kassa-checkout-profile-'))
  try {
    if (process.argv[2] === 'profile') await profile(dir, process.argv[3])
    else await cpu(dir, process.argv[2] === 'statements')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
