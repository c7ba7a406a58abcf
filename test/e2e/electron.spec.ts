import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'

const ROOT = resolve(__dirname, '..', '..')
const hasElectronBinary = existsSync(join(ROOT, 'node_modules', 'electron', 'dist'))
const hasBuild = existsSync(join(ROOT, 'out', 'main', 'index.js'))

test.skip(
  !hasElectronBinary || !hasBuild,
  'SKIPPED: no Electron binary here (node_modules/electron/dist) or no `electron-vite build` output; the desktop end-to-end test runs where both exist'
)

test.beforeAll(() => {
  if (!hasElectronBinary)
    console.log('[electron e2e] skipped: node_modules/electron/dist does not exist on this machine')
})

test('the desktop app opens its window over a fresh data dir and saves a setting', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kassa-electron-'))
  const app = await electron.launch({
    args: [join(ROOT, 'out', 'main', 'index.js')],
    env: { ...process.env, KASSA_DATA_DIR: dataDir }
  })
  try {
    const window = await app.firstWindow()
    await expect(window.getByRole('navigation')).toBeVisible()
    const isolated = await window.evaluate(
      () => typeof (window as unknown as { require?: unknown }).require === 'undefined'
    )
    expect(isolated).toBe(true)
  } finally {
    await app.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
})
