import { afterAll } from 'vitest'
import { startHq, type HqOptions, type RunningHq } from '../../src/server/hq'
import { startPostgres, type ThrowawayPostgres } from './postgres'
import { tempDir } from './temp-dir'

/** The two stores every head-office test runs against. */
export const HQ_STORES = ['sqlite', 'postgres'] as const
export type HqStoreKind = (typeof HQ_STORES)[number]

let postgres: Promise<ThrowawayPostgres> | undefined
/** One throwaway PostgreSQL per test file, started on first use and stopped after the file. */
export function sharedPostgres(): Promise<ThrowawayPostgres> {
  postgres ??= startPostgres()
  return postgres
}
afterAll(async () => {
  if (postgres) (await postgres).stop()
  postgres = undefined
})

/** Where a head office of `kind` keeps its data: a temp dir, and a fresh PostgreSQL database for `postgres`. */
export async function hqLocation(kind: HqStoreKind): Promise<{ dataDir: string; databaseUrl?: string }> {
  const dataDir = tempDir('kassa-hq-')
  if (kind === 'sqlite') return { dataDir }
  return { dataDir, databaseUrl: await (await sharedPostgres()).createDatabase() }
}

const running: RunningHq[] = []
afterAll(async () => {
  for (const hq of running.splice(0)) await hq.close().catch(() => undefined)
})

/** A head office on a free port over a fresh store of `kind`. */
export async function startTestHq(kind: HqStoreKind, options: Partial<HqOptions> = {}): Promise<RunningHq> {
  const hq = await startHq({ ...(await hqLocation(kind)), port: 0, logError: () => undefined, ...options })
  running.push(hq)
  return hq
}

export { paidOrder, TestTill, type HttpAnswer } from './test-till'
