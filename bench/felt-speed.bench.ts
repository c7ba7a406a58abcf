import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Page } from '@playwright/test'
import type { Bench, BenchRow } from './bench'

// The cashier's felt speed (issue 10): from the scanner's Enter to the new line painted and
// the total updated, with a 200-line cart, in Chromium against web mode; next to a bare
// loopback request of the same size from the same browser in the same run. And F12 to the
// amount field focused, next to one 60 Hz frame.

/** KASSA_FELT_LINES / KASSA_FELT_SCANS: smaller runs for a quick look; the issue's figure is 200/200. */
const LINES = Number(process.env.KASSA_FELT_LINES ?? 200)
const SCANS = Number(process.env.KASSA_FELT_SCANS ?? 200)
const F12_RUNS = 30
const ROOT = resolve(__dirname, '..')
const CHROMIUM =
  process.env.KASSA_CHROMIUM ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync)

/**
 * The few browser globals the in-page measurements use, typed here: the bench compiles with
 * Node's types only (no DOM lib), and these functions run inside Chromium (serialized, so
 * each casts `globalThis` itself).
 */
interface InPage {
  document: {
    querySelector(selector: string): { content?: string; textContent: string | null } | null
    querySelectorAll(selector: string): { length: number }
    activeElement: { id: string } | null
  }
  addEventListener(type: 'keydown', listener: (event: KeyEvent) => void, options: { capture: boolean }): void
  removeEventListener(
    type: 'keydown',
    listener: (event: KeyEvent) => void,
    options: { capture: boolean }
  ): void
  requestAnimationFrame(callback: (now: number) => void): void
  performance: {
    now(): number
    clearResourceTimings(): void
    getEntriesByType(type: 'resource'): Array<{
      name: string
      startTime: number
      responseStart: number
      responseEnd: number
    }>
  }
  MessageChannel: new () => {
    port1: { onmessage: (() => void) | null }
    port2: { postMessage(message: unknown): void }
  }
  setTimeout(callback: () => void, ms: number): void
  __arm?: (kind: 'scan' | 'f12') => void
  __felt?: Promise<number>
  /** Where the last scan's time went, from its Enter (ms): see `Split`. */
  __split?: Split | null
}

/**
 * One scan's time, split at the cart:add-item request's resource timing (all from the Enter):
 * `sent` when the request left, `firstByte` when main's answer began, `answer` when it was all
 * in; the rest, to the paint, is the renderer's (parse, store, React, layout, paint).
 */
interface Split {
  sent: number
  firstByte: number
  answer: number
}
interface KeyEvent {
  key: string
  timeStamp: number
}

/** Progress on stderr, so a stalled phase shows where it stalled. */
const step = (what: string): void => void process.stderr.write(`felt: ${what}\n`)

/** The `q` quantile (0.5 median, 0.95) of `times`, nearest rank. */
const quantile = (times: number[], q: number): number => {
  const sorted = [...times].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * q) - 1))] as number
}
const p95 = (times: number[]): number => quantile(times, 0.95)

/** `body` (12 digits) with its EAN-13 check digit. */
function ean13(body: string): string {
  const sum = [...body].reduce((acc, digit, i) => acc + Number(digit) * (i % 2 === 0 ? 1 : 3), 0)
  return `${body}${(10 - (sum % 10)) % 10}`
}

async function startWebMode(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(ROOT, 'out', 'node', 'web.cjs')], {
    env: { ...process.env, KASSA_DATA_DIR: dataDir, KASSA_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const url = await new Promise<string>((done, fail) => {
    let output = ''
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      const match = /running at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)
      if (match) done(match[1]!)
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.on('exit', (code) => fail(new Error(`web mode exited with ${code}:\n${output}`)))
  })
  return { url, child }
}

/** Calls the app's API from inside the page, with the page's own session token. */
function api<T>(page: Page, channel: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ({ channel, input }) => {
      const token = (globalThis as unknown as InPage).document.querySelector(
        'meta[name="kassa-session"]'
      )!.content!
      const response = await fetch(`/api/call/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Kassa-Session': token },
        body: JSON.stringify(input)
      })
      const result = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } }
      if (!result.ok) throw new Error(`${channel}: ${result.error?.message}`)
      return result.value
    },
    { channel, input }
  ) as Promise<T>
}

interface Product {
  id: string
  unit: string
  barcodes: string[]
}

/** Serves `size` bytes on POST /payload, and a blank page to fetch it from (same origin). */
async function bareServer(size: number): Promise<{ url: string; server: Server }> {
  const body = Buffer.alloc(size, 0x61)
  const server = createServer((req, res) => {
    if (req.url === '/payload') {
      req.resume()
      req.on('end', () => {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length })
        res.end(body)
      })
      return
    }
    res.writeHead(200, { 'Content-Type': 'text/html' })
    res.end('<!doctype html><title>bare</title>')
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server }
}

export const bench: Bench = {
  title: `counter: felt speed in Chromium against web mode (${LINES}-line cart, p95 over ${SCANS} scans)`,
  async run(): Promise<BenchRow[]> {
    if (!existsSync(join(ROOT, 'out', 'renderer', 'index.html')))
      throw new Error('run npm run build:web first')
    const dataDir = mkdtempSync(join(tmpdir(), 'kassa-bench-felt-'))
    const { url, child } = await startWebMode(dataDir)
    step(`web mode at ${url}`)
    const browser = await chromium.launch({
      ...(CHROMIUM ? { executablePath: CHROMIUM } : {}),
      args: ['--no-sandbox', '--disable-gpu']
    })
    try {
      const page = await browser.newPage({ viewport: { width: 1366, height: 860 } })
      await page.goto(url)
      const status = await api<{ setupProfile: unknown }>(page, 'auth:status', {})
      await api(page, 'auth:setup', {
        profile: status.setupProfile,
        owner: { displayName: 'Bench', username: 'bench', password: 'bench-pass-1', pin: '1234' }
      })
      await api(page, 'shifts:open', { counts: {} })
      const { products } = await api<{ products: Product[] }>(page, 'catalog:search', {
        query: '',
        limit: 200
      })
      step(`${products.length} products in the demo shop`)
      // One product per scan, not yet in the cart and sold by the piece at a price, so each
      // scan adds a line and changes the total (a repeat scan would only bump a quantity; a
      // weighed item waits for its weight with no total).
      const fresh: string[] = []
      for (let i = 0; i < SCANS; i++) {
        const code = ean13(`29900${String(i).padStart(7, '0')}`)
        await api(page, 'catalog:create-product', {
          sku: `BENCH-${i}`,
          barcodes: [code],
          nameZh: `测速商品 ${i}`,
          nameEn: `Bench item ${i}`,
          price: `${1 + (i % 50)}.50`,
          taxRate: '0.13'
        })
        fresh.push(code)
      }
      const cart = await api<{ id: string }>(page, 'cart:open', {})
      // 200 lines: every demo product once (kg goods weighed), so each is its own line.
      for (const product of products.slice(0, LINES))
        await api(page, 'cart:add-item', {
          cartId: cart.id,
          productId: product.id,
          quantity: product.unit === 'kg' ? '0.5' : '1'
        })
      step('cart filled; reloading the Sell screen')
      await page.reload()
      await page
        .locator('.cart-lines tbody tr')
        .nth(LINES - 1)
        .waitFor()
      const responseBytes = (
        await api<unknown>(page, 'cart:get', { cartId: cart.id }).then((v) => JSON.stringify(v))
      ).length

      // Armed before each key: from the key's timeStamp (Enter for a scan, F12) to the first
      // animation frame that shows its effect — for a scan, the new row and the new total; for
      // F12, the amount field focused. Anything not shown in 5 s counts as a miss, never a hang.
      // tsx names the functions below with an `__name` helper the page does not have.
      await page.evaluate('globalThis.__name = (fn) => fn')
      await page.evaluate(() => {
        const w = globalThis as unknown as InPage
        w.__arm = (kind) => {
          w.performance.clearResourceTimings()
          w.__split = null
          const total = w.document.querySelector('[data-testid="payable"]')?.textContent
          const rows = w.document.querySelectorAll('.cart-lines tbody tr').length + 1
          const shown = (): boolean =>
            kind === 'f12'
              ? w.document.activeElement?.id === 'pay-tendered'
              : w.document.querySelectorAll('.cart-lines tbody tr').length >= rows &&
                w.document.querySelector('[data-testid="payable"]')?.textContent !== total
          w.__felt = new Promise((done) => {
            let settled = false
            const finish = (ms: number): void => {
              if (settled) return
              settled = true
              w.removeEventListener('keydown', onKey, { capture: true })
              done(ms)
            }
            w.setTimeout(() => finish(-1), 5000)
            // Not `once`: a scan's digits come before its Enter.
            const onKey = (event: KeyEvent): void => {
              if (event.key !== (kind === 'f12' ? 'F12' : 'Enter')) return
              const start = event.timeStamp
              // The frame whose callback first sees the effect paints it; a message posted from
              // that callback is handled just after the paint (a frame's own timestamp is when
              // it began, which can be before the key).
              const frame = (): void => {
                if (shown()) {
                  const request = w.performance
                    .getEntriesByType('resource')
                    .filter((entry) => entry.name.includes('cart:add-item') && entry.startTime >= start)
                    .at(-1)
                  w.__split = request
                    ? {
                        sent: request.startTime - start,
                        firstByte: request.responseStart - start,
                        answer: request.responseEnd - start
                      }
                    : null
                  const after = new w.MessageChannel()
                  after.port1.onmessage = () => finish(w.performance.now() - start)
                  after.port2.postMessage(0)
                } else if (!settled) w.requestAnimationFrame(frame)
              }
              w.requestAnimationFrame(frame)
            }
            w.addEventListener('keydown', onKey, { capture: true })
          })
        }
      })
      const measured = (): Promise<number> => page.evaluate(() => (globalThis as unknown as InPage).__felt!)

      step(`cart shown; ${SCANS} scans`)
      const scans: number[] = []
      const splits: Array<Split & { felt: number }> = []
      for (let i = 0; i < SCANS; i++) {
        await page.evaluate(() => (globalThis as unknown as InPage).__arm!('scan'))
        await page.keyboard.type(fresh[i]!, { delay: 5 })
        await page.keyboard.press('Enter')
        scans.push(await measured())
        const split = await page.evaluate(() => (globalThis as unknown as InPage).__split ?? null)
        if (split && scans.at(-1)! >= 0) splits.push({ ...split, felt: scans.at(-1)! })
        if (scans.at(-1)! < 0 || (i + 1) % 20 === 0)
          step(`scan ${i + 1}: ${scans.at(-1)! < 0 ? 'not shown in 5 s' : `${scans.at(-1)!.toFixed(1)} ms`}`)
      }
      const misses = scans.filter((ms) => ms < 0).length
      const felt = scans.filter((ms) => ms >= 0)

      step(`scans done (${misses} misses); F12 runs`)
      // F12 to the amount field focused (and painted), then Escape back to the cart.
      const f12: number[] = []
      for (let i = 0; i < F12_RUNS; i++) {
        await page.locator('#scan-input').focus()
        await page.evaluate(() => (globalThis as unknown as InPage).__arm!('f12'))
        await page.keyboard.press('F12')
        f12.push(await measured())
        await page.keyboard.press('Escape')
        await page.locator('dialog[open]').waitFor({ state: 'detached', timeout: 10_000 })
      }
      const f12Misses = f12.filter((ms) => ms < 0).length
      const f12Felt = f12.filter((ms) => ms >= 0)

      step('F12 done; the bare loopback baseline')
      // The baseline: the same browser POSTs to a bare loopback server answering as many bytes.
      const bare = await bareServer(responseBytes)
      const plain = await browser.newPage()
      await plain.goto(bare.url)
      const loopback = await plain.evaluate(
        async ({ runs, size }) => {
          const body = JSON.stringify({ cartId: 'x'.repeat(36), code: '2000000000015' })
          const times: number[] = []
          for (let i = 0; i < runs; i++) {
            const start = performance.now()
            const response = await fetch('/payload', { method: 'POST', body })
            const text = await response.text()
            if (text.length !== size) throw new Error('short read')
            times.push(performance.now() - start)
          }
          return times
        },
        { runs: SCANS, size: responseBytes }
      )
      bare.server.close()

      // Where the time went, each part's p95 on its own (they do not add up to the total's p95).
      const part = (f: (s: Split & { felt: number }) => number): string =>
        `p95 ${p95(splits.map(f)).toFixed(1)} / median ${quantile(splits.map(f), 0.5).toFixed(1)} ms`
      step(
        `split over ${splits.length} scans — Enter → request sent ${part((s) => s.sent)}; ` +
          `main's work (sent → first byte) ${part((s) => s.firstByte - s.sent)}; ` +
          `answer download ${part((s) => s.answer - s.firstByte)}; ` +
          `render (answer → painted) ${part((s) => s.felt - s.answer)}`
      )
      const scanP95 = p95(felt)
      const loopbackP95 = p95(loopback)
      return [
        {
          name: `scanner Enter → new line painted + total updated (p95 of ${SCANS}, ${LINES}+ lines)`,
          figure: {
            label: `p95 ${scanP95.toFixed(1)} ms, median ${quantile(felt, 0.5).toFixed(1)} ms${misses ? `, ${misses} scans not shown in 5 s` : ''}`,
            ms: scanP95
          },
          baseline: {
            label: `bare loopback POST, ${(responseBytes / 1024).toFixed(0)} KB answer (p95)`,
            ms: loopbackP95
          },
          note: `aim: one 60 Hz frame (16.7 ms) + the round trip = ${(16.7 + loopbackP95).toFixed(1)} ms; ${scanP95 <= 16.7 + loopbackP95 ? 'met' : 'missed'}`
        },
        {
          name: `F12 → amount field focused (p95 of ${F12_RUNS})`,
          figure: {
            label: `p95 ${p95(f12Felt).toFixed(1)} ms, median ${quantile(f12Felt, 0.5).toFixed(1)} ms${f12Misses ? `, ${f12Misses} not focused in 5 s` : ''}`,
            ms: p95(f12Felt)
          },
          baseline: { label: 'one 60 Hz frame', ms: 16.7 }
        }
      ]
    } finally {
      await browser.close()
      child.kill('SIGTERM')
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
}
