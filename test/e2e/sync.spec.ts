import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'
import { snap, startKassa } from './fixtures'
import { logIn } from './helpers/accounts'

const KASSA = join(resolve(__dirname, '..', '..'), 'out', 'node', 'kassa.cjs')
const OWNER = { username: 'owner', password: 'demo-owner-1' }

function kassa(args: string[]): string {
  const run = spawnSync(process.execPath, [KASSA, ...args], { encoding: 'utf8' })
  if (run.status !== 0) throw new Error(`kassa ${args.join(' ')}: ${run.stderr}`)
  return run.stdout
}

const freePort = (): Promise<number> =>
  new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => done(port))
    })
  })

async function startHq(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [KASSA, 'hq', '--data-dir', dataDir, '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  await new Promise<void>((ready, fail) => {
    let output = ''
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes(`:${port}`)) ready()
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.on('exit', (code) => fail(new Error(`hq exited ${code}: ${output}`)))
  })
  return child
}

const stop = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null
    ? Promise.resolve()
    : new Promise((done) => child.once('exit', () => done()) && child.kill())

/** A simulated till enrolled with a head office that has since gone away, with a day's sales waiting. */
const test = base.extend<{ till: { url: string; hqDir: string; hqPort: number; dataDir: string } }>({
  till: async ({}, use) => {
    const root = mkdtempSync(join(tmpdir(), 'kassa-e2e-sync-'))
    const dataDir = join(root, 'till')
    const hqDir = join(root, 'hq')
    const hqPort = await freePort()
    kassa(['--data-dir', dataDir, 'simulate', '--date', '2026-11-20', '--orders', '3', '--seed', '4'])
    const hq = await startHq(hqDir, hqPort)
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
    kassa(['hq', '--data-dir', hqDir, 'store', 'create', '--name', 'Harbour Street', '--time-zone', zone])
    const code = kassa(['hq', '--data-dir', hqDir, 'enrol-code', '--store', 'Harbour Street']).trim()
    kassa(['--data-dir', dataDir, 'sync', 'enrol', '--hq', `http://127.0.0.1:${hqPort}`, '--code', code])
    await stop(hq)
    kassa(['--data-dir', dataDir, 'simulate', '--date', '2026-11-21', '--orders', '4', '--seed', '5'])
    const web = await startKassa(dataDir)
    await use({ url: web.url, hqDir, hqPort, dataDir })
    await stop(web.process)
    rmSync(root, { recursive: true, force: true })
  }
})

// A Chinese shop's browser: a fresh till follows the browser's language until someone chooses.
test.use({ locale: 'zh-CN' })

async function walk(page: Page, size: string, language: 'en' | 'zh-CN') {
  const badge = page.getByRole('button', { name: language === 'en' ? /^Offline since/ : /起离线/ })
  await expect(badge).toBeVisible({ timeout: 20_000 })
  // Its name carries the whole text; at 1024 px only the icon and the count show.
  await expect(badge).toHaveAccessibleName(
    language === 'en' ? /6 waiting · oldest 8 d/ : /待发 6 条 · 最早 8 天前/
  )
  await snap(page, `sync-badge-offline-${size}-${language}`)
  await badge.click()
  const panel = page.getByRole('region', {
    name: language === 'en' ? 'Sync with the head office' : '与总部同步'
  })
  await expect(panel).toBeVisible()
  await expect(panel).toContainText('Harbour Street')
  await panel.scrollIntoViewIfNeeded()
  await snap(page, `sync-panel-offline-${size}-${language}`)
}

for (const [size, viewport] of [
  ['1024x768', { width: 1024, height: 768 }],
  ['1366x860', { width: 1366, height: 860 }]
] as const) {
  test(`the sync badge and panel, offline then synced (${size})`, async ({ page, till }) => {
    await page.setViewportSize(viewport)
    await page.goto(till.url)
    await logIn(page, OWNER.username, OWNER.password)
    await walk(page, size, 'zh-CN')
    // Un-enrolling asks first, naming what happens; it is refused while events wait (said in the
    // question), and their export is offered.
    await page.getByRole('button', { name: '解除接入' }).click()
    const ask = page.getByRole('dialog', { name: '确定与Harbour Street解除接入？' })
    await expect(ask).toContainText('不再向总部上传销售')
    await expect(ask).toContainText('继续作为 T01')
    await ask.getByRole('button', { name: '解除接入' }).click()
    await expect(ask.getByRole('alert').filter({ hasText: '未上传到总部' })).toBeVisible()
    if (size === '1024x768') await snap(page, `sync-unenrol-refused-${size}-zh-CN`)
    await ask.getByRole('button', { name: '取消' }).click()
    await expect(ask).toBeHidden()
    await expect(page.getByRole('button', { name: '导出未同步事件' })).toBeVisible()
    // Logging out is refused too while sales wait; the till says why and stays signed in.
    await page.getByRole('button', { name: '退出登录' }).click()
    await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible()
    await expect(page.getByText('未上传到总部').first()).toBeVisible()

    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('button', { name: 'Sell' }).click()
    await walk(page, size, 'en')

    const hq = await startHq(till.hqDir, till.hqPort)
    try {
      const panel = page.getByRole('region', { name: 'Sync with the head office' })
      await panel.getByRole('button', { name: 'Sync now' }).click()
      await expect(page.getByRole('button', { name: 'Synced', exact: true })).toBeVisible({ timeout: 20_000 })
      await expect(panel).toContainText('0 events')
      await snap(page, `sync-panel-synced-${size}-en`)
      await page.getByRole('button', { name: '中文' }).click()
      await expect(page.getByRole('button', { name: '已同步', exact: true })).toBeVisible()
      await snap(page, `sync-panel-synced-${size}-zh-CN`)
      if (size === '1366x860') {
        // All synced, no shift open: confirmed, the till leaves its head office.
        await page.getByRole('button', { name: 'English' }).click()
        await panel.getByRole('button', { name: 'Un-enrol' }).click()
        const ask = page.getByRole('dialog', { name: 'Un-enrol from Harbour Street?' })
        await expect(ask).toContainText('continues as T01 and nothing is sent twice')
        await snap(page, `sync-unenrol-ask-${size}-en`)
        await ask.getByRole('button', { name: 'Un-enrol this till' }).click()
        await expect(ask).toBeHidden()
        await expect(panel.getByRole('button', { name: 'Enrol this till' })).toBeVisible()
      }
    } finally {
      await stop(hq)
    }
  })
}
