import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'
import { webModeUrl } from '../support/web-mode-url'

export interface KassaServer {
  url: string
  dataDir: string
  /** Stops the server (keeping its data dir), e.g. to restart over the same file. */
  stop(): Promise<void>
  /** Starts another server over the same data dir; returns its URL. */
  restart(): Promise<string>
}

const ROOT = resolve(__dirname, '..', '..')
const SERVER = join(ROOT, 'out', 'node', 'web.cjs')

/** Starts web mode exactly as `npm run web` does, on a random port, over `dataDir`. */
export async function startKassa(dataDir: string): Promise<{ url: string; process: ChildProcess }> {
  const child = spawn(process.execPath, [SERVER], {
    env: { ...process.env, KASSA_DATA_DIR: dataDir, KASSA_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const url = await webModeUrl(child, 20_000)
  return { url, process: child }
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve()
  return new Promise((done) => {
    child.once('exit', () => done())
    child.kill('SIGTERM')
  })
}

/**
 * Screenshots we look at by hand land here, one per screen and language. CI throws them away, so
 * there (`CI` set) they are not taken unless `KASSA_SNAPSHOTS=1`: ~400 full-page shots cost about a
 * minute of CI's 20.
 */
export async function snap(page: Page, name: string): Promise<void> {
  if (process.env.CI && process.env.KASSA_SNAPSHOTS !== '1') return
  const dir = join(ROOT, 'test-results', 'screenshots')
  mkdirSync(dir, { recursive: true })
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true })
}

export const test = base.extend<{ kassa: KassaServer }>({
  kassa: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kassa-e2e-'))
    let running = await startKassa(dataDir)
    const server: KassaServer = {
      get url() {
        return running.url
      },
      dataDir,
      stop: () => stopProcess(running.process),
      async restart() {
        await stopProcess(running.process)
        running = await startKassa(dataDir)
        return running.url
      }
    }
    await use(server)
    await stopProcess(running.process)
    rmSync(dataDir, { recursive: true, force: true })
  }
})

export { expect }
