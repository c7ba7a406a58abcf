import { mkdirSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { listBackups, newestBackupAt } from '../../../src/main/store/backup'
import { launchKassa, type KassaLaunch, type KassaProcess } from '../kassa-process'
import { mountPowerCut, type PowerCutMount } from '../powercut-fs/mount'
import { NoAnswer, TillClient, newLedger, type TillLedger } from './till-client'
import { checkTill } from './till-invariants'

/**
 * The crash loop shared by the crash-loop test (kill -9 of web mode) and the power-cut test
 * (kill -9 of web mode *and* of the filesystem under its data dir, losing what was not fsynced):
 * start the real app, sign in, resend what got no answer, sell/refund/close shifts, and at a
 * random moment crash; then check the file against everything the till acknowledged.
 */
export interface CrashRunOptions {
  kind: 'kill' | 'power'
  /** Crashes to run at most, and at least (the time budget ends a run only past `minCuts`). */
  cuts: number
  minCuts: number
  budgetMs: number
  seed: number
  /** Power only: every `backupEvery`-th cut is aimed into the middle of the daily backup. */
  backupEvery?: number
  /** Go on after a broken promise (to measure how much a wrong setting loses); else stop at the first. */
  keepGoing?: boolean
  log?: (line: string) => void
}

export interface CrashRunReport {
  cuts: number
  backupCuts: number
  ledger: TillLedger
  problems: string[]
  ms: number
}

/** A small seeded generator (mulberry32): a failing run can be replayed from its seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms))

export async function runCrashCycles(options: CrashRunOptions): Promise<CrashRunReport> {
  const rng = seeded(options.seed)
  const log = options.log ?? (() => {})
  const ledger = newLedger()
  const problems: string[] = []
  const base = mkdtempSync(join(tmpdir(), `kassa-${options.kind}-`))
  // The app's data dir, and where the same files are when the power is off (the "disk").
  const disk = join(base, 'disk')
  const mountpoint = join(base, 'mnt')
  const appDir = options.kind === 'power' ? join(mountpoint, 'kassa') : join(disk, 'kassa')
  const diskDir = join(disk, 'kassa')
  mkdirSync(diskDir, { recursive: true })
  const started = Date.now()
  let cuts = 0
  let backupCuts = 0
  let expectFreshBackup = false

  try {
    for (let i = 0; ; i++) {
      const last = i >= options.cuts || (i >= options.minCuts && Date.now() - started > options.budgetMs)
      const aimAtBackup =
        !last &&
        options.kind === 'power' &&
        options.backupEvery !== undefined &&
        i > 0 &&
        i % options.backupEvery === 0 &&
        listBackups(join(diskDir, 'backups')).length > 0
      const pagesToCopy = aimAtBackup ? olderBackupsByTwoDays(join(diskDir, 'backups')) : 0

      let fs: PowerCutMount | undefined
      let launch: KassaLaunch | undefined
      let client: TillClient | undefined
      let cutSummary = ''
      try {
        if (options.kind === 'power') {
          fs = await mountPowerCut(disk, mountpoint, {
            seed: options.seed + i,
            reorder: i % 2 === 1,
            tear: i % 2 === 1
          })
          // The power goes at a random page of the daily backup's copy.
          if (aimAtBackup) fs.armCut('.partial', 1 + Math.floor(rng() * pagesToCopy))
        }
        // Payments as shipped (the sandbox, its keys in the data dir) under power cuts; off for kills.
        launch = launchKassa(appDir, options.kind === 'power' ? {} : { KASSA_PAYMENTS: 'off' })
        const app = await (fs && aimAtBackup ? startOrCut(launch, fs) : launch.ready)
        if (typeof app === 'string') {
          // The cut came during start-up, in the backup: the kind of cut this cycle is for.
          cutSummary = app
          backupCuts++
          await launch.kill()
        } else {
          const kassa = app as KassaProcess
          client = new TillClient(kassa, ledger, rng, `${i}`)
          await client.signIn()
          if (expectFreshBackup) {
            const newest = newestBackupAt(join(appDir, 'backups'))
            if (!newest || Date.now() - newest.getTime() > 60 * 60 * 1000)
              problems.push(`cycle ${i}: after a backup cut short, the day's backup was not taken again`)
          }
          await client.resend()
          if (last) {
            await launch.kill()
            break
          }
          const working = client.work().then(
            () => null,
            (error: unknown) => error
          )
          await Promise.race([sleep(50 + rng() * 700), working])
          // Half the crashes are aimed: a few milliseconds into a checkout, refund or shift close.
          if (rng() < 0.5) {
            const aim = rng() * 4
            await Promise.race([
              new Promise<void>((fire) => (client!.onMoneyCall = () => setTimeout(fire, aim))),
              working,
              sleep(2000)
            ])
          }
          client.cutting = true
          if (fs) cutSummary = await fs.cut()
          await launch.kill()
          const stopped = await working
          if (!(stopped instanceof NoAnswer))
            problems.push(`cycle ${i}: the till stopped on ${String(stopped)}`)
        }
      } catch (error) {
        if (!(error instanceof NoAnswer) || !client?.cutting)
          problems.push(`cycle ${i}: ${error instanceof Error ? error.message : String(error)}`)
      } finally {
        await launch?.kill()
        await fs?.unmount()
      }
      expectFreshBackup = aimAtBackup
      cuts++
      const found = checkTill(diskDir, ledger).map(
        (p) => `after cut ${i}${cutSummary ? ` (${cutSummary})` : ''}: ${p}`
      )
      problems.push(...found, ...ledger.problems.splice(0).map((p) => `cycle ${i}: ${p}`))
      if (i % 10 === 0 || found.length > 0)
        log(
          `${options.kind} ${i}: ${ledger.orders.size} orders, ${ledger.refunds.size} refunds acknowledged ${cutSummary}`
        )
      if (problems.length > 0 && !options.keepGoing) break // the first broken promise is the one to read
    }
  } finally {
    rmSync(base, { recursive: true, force: true })
  }
  return { cuts, backupCuts, ledger, problems, ms: Date.now() - started }
}

/**
 * Resolves with the app once it is ready, or with the cut's summary when the power went during
 * start-up (the app may see its disk vanish, and exit, a moment before we see the cut).
 */
async function startOrCut(launch: KassaLaunch, fs: PowerCutMount): Promise<KassaProcess | string> {
  try {
    return await Promise.race([launch.ready, fs.cutDone])
  } catch (error) {
    const cut = await Promise.race([fs.cutDone, sleep(3000).then(() => '')])
    if (cut) return cut
    throw error
  }
}

/**
 * Makes the daily backup due at the next start, as if a day had passed: the backups' names
 * (which is where their time is read from) are moved two days back. Returns how many pages
 * the newest one has (the next copy has at least as many).
 */
function olderBackupsByTwoDays(dir: string): number {
  let pages = 1
  for (const name of listBackups(dir)) {
    const match = /^kassa-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z(.*)$/.exec(name)
    if (!match) continue
    const at = new Date(`${match[1]}T${match[2]}:${match[3]}:${match[4]}.${match[5]}Z`)
    const earlier = new Date(at.getTime() - 2 * 24 * 60 * 60 * 1000).toISOString().replace(/[:.]/g, '-')
    renameSync(join(dir, name), join(dir, `kassa-${earlier}${match[6]}`))
    pages = Math.max(pages, Math.floor(statSync(join(dir, `kassa-${earlier}${match[6]}`)).size / 4096))
  }
  return pages
}
