import { NONCE_MEMORY_MS } from '@shared/sync/protocol'
import { catchUpAnomalies, settleReleasedQuarantines } from './anomalies/catch-up'
import { systemHqClock, type HqClock } from './clock'
import { openHqDatabase } from './db/open'
import type { HqDatabase } from './db/types'
import { createHqApp } from './http/app'
import { DEFAULT_IDLE_MS } from './admin/auth/sessions'
import { allowedHosts } from './admin/security'
import { defaultWebDir, registerWebApp } from './admin/web-app'
import type { HashParams } from '../main/services/secret-hash'
import { publishMaster, type MasterWrite } from './pull/master-data'
import { createWakeups, type Wakeups } from './pull/wakeups'
import { reapplyQuarantined } from './push/reapply'
import { defaultUpgraders, type UpgraderRegistry } from './push/upgraders'

export interface HqOptions {
  /** Where the embedded SQLite file lives (also used with PostgreSQL for nothing else yet). */
  dataDir: string
  /** PostgreSQL instead of the embedded file (`--database-url`, `KASSA_HQ_DATABASE_URL`). */
  databaseUrl?: string | undefined
  /** Default 5200; 0 picks a free port. */
  port?: number
  /** Default 127.0.0.1. */
  host?: string
  clock?: HqClock
  upgraders?: UpgraderRegistry
  logError?: (entry: Record<string, unknown>) => void
  /** The built hq-web (default: `defaultWebDir()`). */
  webDir?: string
  /** A web-app session unused this long ends (default 30 min). */
  idleMs?: number
  /** scrypt cost of new head-office passwords (tests lower it). */
  hashParams?: HashParams
  /** More `host:port` names the web app answers to (default: KASSA_HQ_ALLOWED_HOSTS, comma-separated). */
  allowedHosts?: readonly string[]
}

export interface RunningHq {
  url: string
  port: number
  db: HqDatabase
  wakeups: Wakeups
  clock: HqClock
  /** Publishes master data for a store and wakes its tills' long-polls (see `publishMaster`). */
  publish(storeId: string, writes: readonly MasterWrite[]): Promise<number>
  /**
   * Looks for anomalies in events not yet examined, and settles quarantines whose events were all
   * applied since (run at start, then every 30 s, one run at a time): resolves to the number of
   * events it looked at.
   */
  catchUpAnomalies(): Promise<number>
  close(): Promise<void>
}

/** Opens (and migrates) the store and serves the sync API. */
export async function startHq(options: HqOptions): Promise<RunningHq> {
  const clock = options.clock ?? systemHqClock
  const db = await openHqDatabase(options)
  const upgraders = options.upgraders ?? defaultUpgraders
  try {
    // An updated head office applies what an older one had to quarantine.
    await reapplyQuarantined(db, upgraders)
  } catch (error) {
    await db.close()
    throw error
  }
  const wakeups = createWakeups()
  const app = createHqApp({
    db,
    clock,
    wakeups,
    upgraders,
    logError: options.logError ?? ((entry) => process.stderr.write(`${JSON.stringify(entry)}\n`))
  })
  const host = options.host ?? '127.0.0.1'
  // Filled once the port is known (it may be 0 until then).
  const hosts = new Set<string>()
  try {
    await registerWebApp(app, {
      db,
      clock,
      wakeups,
      hosts,
      idleMs: options.idleMs ?? DEFAULT_IDLE_MS,
      hashParams: options.hashParams,
      webDir: options.webDir ?? defaultWebDir(),
      logError: options.logError ?? ((entry) => process.stderr.write(`${JSON.stringify(entry)}\n`))
    })
    await app.listen({ port: options.port ?? 5200, host })
  } catch (error) {
    await db.close()
    throw error
  }
  const port = (app.server.address() as { port: number }).port
  const extraHosts =
    options.allowedHosts ??
    (process.env.KASSA_HQ_ALLOWED_HOSTS ?? '').split(',').filter((h) => h.trim() !== '')
  for (const name of allowedHosts(host, port, extraHosts)) hosts.add(name)
  // Nonces older than twice the freshness window can never be replayed (the time check refuses first).
  const purge = setInterval(() => {
    const before = new Date(clock.now().getTime() - NONCE_MEMORY_MS).toISOString()
    db.run('DELETE FROM request_nonces WHERE seen_at < ?', [before]).catch(() => undefined)
    // Web-app sessions idle past the limit are over anyway (refused when used): forget them.
    const idle = new Date(clock.now().getTime() - (options.idleMs ?? DEFAULT_IDLE_MS)).toISOString()
    db.run('DELETE FROM hq_sessions WHERE last_seen_at < ?', [idle]).catch(() => undefined)
  }, 60_000)
  purge.unref()
  const logError = options.logError ?? ((entry) => process.stderr.write(`${JSON.stringify(entry)}\n`))
  let catching: Promise<number> | null = null
  const catchUp = () =>
    (catching ??= catchUpAnomalies(db, () => clock.now())
      .then(async (looked) => {
        await settleReleasedQuarantines(db, () => clock.now())
        return looked
      })
      .finally(() => {
        catching = null
      }))
  const sweepAnomalies = () =>
    void catchUp().catch((error: unknown) =>
      logError({ event: 'anomalies.catch_up_failed', error: String(error) })
    )
  // After listening, so a head office with millions of unexamined events still starts at once.
  sweepAnomalies()
  const sweep = setInterval(sweepAnomalies, 30_000)
  sweep.unref()
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    db,
    wakeups,
    clock,
    publish: (storeId, writes) => publishMaster({ db, clock, wakeups }, storeId, writes),
    catchUpAnomalies: async () => {
      await catching?.catch(() => 0)
      return catchUp()
    },
    async close() {
      clearInterval(purge)
      clearInterval(sweep)
      await app.close()
      await catching?.catch(() => undefined)
      await db.close()
    }
  }
}
