import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { defineConfig } from '@playwright/test'

/** Debian's Chromium: Playwright cannot download its own browser on our machines. */
const chromiumPath =
  process.env.KASSA_CHROMIUM ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync)

const E2E = join(__dirname, 'test', 'e2e')

/**
 * Specs that time keystrokes — a scanner's burst (keys 5 ms apart) against a person typing — tell the
 * two apart by the gaps between keys, which a second browser on a 2-core machine stretches. They are
 * the `web-keys` project, one at a time, which `npm test` runs after the others (a second
 * `playwright test`: a project dependency would run every other test first even for one spec); the
 * rest run two at a time (each test has its own server and data dir). Found by reading the spec, so
 * a new one that bursts is never forgotten here.
 */
const keyTimed = readdirSync(E2E)
  .filter((file) => file.endsWith('.spec.ts'))
  .filter((file) => /\b(burst|typeSlowly)\(|delay:/.test(readFileSync(join(E2E, file), 'utf8')))
const keyTimedPattern = new RegExp(`(^|/)(${keyTimed.map((f) => f.replace(/\./g, '\\.')).join('|')})$`)

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/artifacts',
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    viewport: { width: 1366, height: 860 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      ...(chromiumPath ? { executablePath: chromiumPath } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update']
    }
  },
  projects: [
    { name: 'web', testIgnore: [/electron\.spec\.ts/, keyTimedPattern] },
    { name: 'web-keys', testMatch: keyTimedPattern, workers: 1 },
    { name: 'electron', testMatch: /electron\.spec\.ts/, workers: 1 }
  ]
})
