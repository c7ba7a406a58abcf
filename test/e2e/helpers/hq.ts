import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'
import { startKassa } from '../fixtures'

const KASSA = join(resolve(__dirname, '..', '..', '..'), 'out', 'node', 'kassa.cjs')

/** `kassa …` from the built CLI (`npm run build:web` builds it); throws with stderr unless it exits 0. */
export function kassa(args: string[], input?: string): string {
  const run = spawnSync(process.execPath, [KASSA, ...args], { encoding: 'utf8', ...(input ? { input } : {}) })
  if (run.status !== 0) throw new Error(`kassa ${args.join(' ')}: ${run.stderr}`)
  return run.stdout
}

export const freePort = (): Promise<number> =>
  new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => done(port))
    })
  })

const stop = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null
    ? Promise.resolve()
    : new Promise((done) => {
        child.once('exit', () => done())
        child.kill('SIGTERM')
      })

/** A head office run as `kassa hq` (sync API and web app on one port) over a temp data dir. */
export interface HeadOffice {
  url: string
  port: number
  dataDir: string
  stop(): Promise<void>
}

export async function startHeadOffice(dataDir: string): Promise<HeadOffice> {
  const port = await freePort()
  const child = spawn(process.execPath, [KASSA, 'hq', '--data-dir', dataDir, '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  await new Promise<void>((ready, fail) => {
    let output = ''
    const timer = setTimeout(() => fail(new Error(`kassa hq did not start: ${output}`)), 20_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes(`:${port}`)) {
        clearTimeout(timer)
        ready()
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.on('exit', (code) => fail(new Error(`kassa hq exited ${code}: ${output}`)))
  })
  return { url: `http://127.0.0.1:${port}/`, port, dataDir, stop: () => stop(child) }
}

/**
 * A till in its own data dir: `kassa simulate` sells on it (setting it up with the demo shop on
 * first use), `enrol` joins it to the head office with a code, `syncNow` pushes, `report` is its
 * own Z-report (`kassa report day --json`), `openWeb` starts web mode over it (stopped after the test).
 */
export interface TestTillDir {
  dataDir: string
  simulate(date: string, orders: number, seed?: number): void
  enrol(hqUrl: string, code: string): void
  syncNow(): void
  report(
    date: string
  ): { orderCount: number; netSales: number; collected: number; currency: string } & Record<string, unknown>
  openWeb(): Promise<string>
}

export interface HqFixtures {
  hq: HeadOffice
  till: TestTillDir
}

/**
 * Playwright fixtures: `hq`, a fresh head office on a free port; `till`, a fresh till data dir
 * next to it. Both are removed after the test.
 */
export const test = base.extend<HqFixtures>({
  hq: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'kassa-e2e-hq-'))
    const hq = await startHeadOffice(dir)
    await use(hq)
    await hq.stop()
    rmSync(dir, { recursive: true, force: true })
  },
  till: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kassa-e2e-hq-till-'))
    const web: ChildProcess[] = []
    await use({
      dataDir,
      simulate: (date, orders, seed = 1) =>
        void kassa([
          '--data-dir',
          dataDir,
          'simulate',
          '--date',
          date,
          '--orders',
          String(orders),
          '--seed',
          String(seed)
        ]),
      enrol: (hqUrl, code) =>
        void kassa([
          '--data-dir',
          dataDir,
          'sync',
          'enrol',
          '--hq',
          hqUrl.replace(/\/$/, ''),
          '--code',
          code
        ]),
      syncNow: () => void kassa(['--data-dir', dataDir, 'sync', 'now']),
      report: (date) => JSON.parse(kassa(['--data-dir', dataDir, 'report', 'day', date, '--json'])),
      async openWeb() {
        const started = await startKassa(dataDir)
        web.push(started.process)
        return started.url
      }
    })
    for (const child of web) await stop(child)
    rmSync(dataDir, { recursive: true, force: true })
  }
})

/** The calendar date of `at` in this process's zone (the till's, the store's and the browser's), YYYY-MM-DD. */
export const localDate = (at: Date): string => new Intl.DateTimeFormat('en-CA').format(at)

/** Yesterday in this process's zone: a day over, which simulate can sell whole at any hour. */
export function yesterday(): string {
  const now = new Date()
  return localDate(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1, 12))
}

/**
 * Today, for a test that sells `orders` on it with `kassa simulate` and then looks at "today" for
 * `staysMs`: at any hour. Right after midnight simulate squeezes today into what has passed (a
 * second an order, and a fifth kept for the closing count), so it waits until that much has;
 * within `staysMs` of midnight it waits into the next day, so "today" does not change under the
 * test. Either wait lengthens the test's timeout by as much.
 */
export async function todayToSell(orders: number, staysMs = 3 * 60_000): Promise<string> {
  const now = new Date()
  const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime()
  const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1).getTime()
  // sellingWindow: a tenth of what has passed for set-up, a fifth for the count, MIN_ORDER_MS each.
  const needs = (orders * 1_000) / 0.7 + 2_000
  let until = now.getTime()
  if (next - until < staysMs) until = next + needs
  else if (until - midnight < needs) until = midnight + needs
  const waitMs = until - now.getTime()
  if (waitMs > 0) {
    base.info().setTimeout(base.info().timeout + waitMs)
    await new Promise((done) => setTimeout(done, waitMs))
  }
  return localDate(new Date())
}

export const OWNER = { name: 'Olga', password: 'owner-pass-4711' }

/** First run on a fresh head office: the owner is created through the set-up screen, in `language`. */
export async function setUpOwner(page: Page, hq: HeadOffice, language: 'en' | 'zh-CN' = 'en'): Promise<void> {
  await page.goto(hq.url)
  // The first screen follows the browser's language; pick the one this test speaks.
  await page.getByRole('button', { name: language === 'en' ? 'English' : '中文' }).click()
  const en = language === 'en'
  await page.getByLabel(en ? 'Name' : '用户名').fill(OWNER.name)
  await page.getByLabel(en ? 'Password' : '密码', { exact: true }).fill(OWNER.password)
  await page.getByLabel(en ? 'Repeat the password' : '再次输入密码').fill(OWNER.password)
  await page.getByRole('button', { name: en ? 'Create the owner and sign in' : '创建店主并登录' }).click()
  await expect(page.getByRole('navigation', { name: en ? 'Head office' : '总部' })).toBeVisible()
}

/** This machine's zone: the one `enrol-code` used to give a store it made on the way. */
export const MACHINE_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'

/**
 * A real till that synced, was restored from a backup taken before its second day, sold again and
 * synced: the head office holds two histories under the same seqs (a seq collision).
 */
export function restoredTill(hq: HeadOffice, till: TestTillDir): void {
  const backup = mkdtempSync(join(tmpdir(), 'kassa-e2e-anomalies-backup-'))
  try {
    till.simulate('2026-11-20', 3, 4)
    kassa([
      'hq',
      '--data-dir',
      hq.dataDir,
      'store',
      'create',
      '--name',
      'Harbour Street',
      '--time-zone',
      MACHINE_ZONE
    ])
    till.enrol(
      hq.url,
      kassa(['hq', '--data-dir', hq.dataDir, 'enrol-code', '--store', 'Harbour Street']).trim()
    )
    till.syncNow()
    cpSync(till.dataDir, backup, { recursive: true })
    till.simulate('2026-11-21', 3, 5)
    till.syncNow()
    // Restored from the backup: the till numbers its next events as it did before day two.
    rmSync(till.dataDir, { recursive: true, force: true })
    cpSync(backup, till.dataDir, { recursive: true })
    till.simulate('2026-11-22', 2, 6)
    till.syncNow()
  } finally {
    rmSync(backup, { recursive: true, force: true })
  }
}

export { expect }
