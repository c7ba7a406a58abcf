import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { join, resolve } from 'node:path'
import { webModeUrl } from './web-mode-url'

const ROOT = resolve(__dirname, '..', '..')
const WEB = join(ROOT, 'out', 'node', 'web.cjs')

/**
 * Builds out/node (the `kassa` command and web mode) when it is missing or older than src, as
 * `npm test` has done before vitest runs (so there it builds nothing).
 */
export function ensureNodeBuild(): void {
  if (existsSync(WEB) && statSync(WEB).mtimeMs >= newestMtime(join(ROOT, 'src'))) return
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-node.mjs')], { cwd: ROOT, stdio: 'ignore' })
}

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs)
  }
  return newest
}

let prepared: { bundle: string; renderer: string } | undefined

/** A bundle of out/node's, once it is written to the end (a build may be writing it now). */
function readWhole(name: string): string {
  let text = ''
  for (let attempt = 0; attempt < 100; attempt++) {
    text = readFileSync(join(ROOT, 'out', 'node', name), 'utf8')
    if (text.trimEnd().endsWith(`//# sourceMappingURL=${name}.map`)) break
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100)
  }
  return text
}

/**
 * What this test process runs: a private copy of out/node/web.cjs with the sync push process's
 * script beside it, where web.cjs looks for it (another test file, the CLI's, rebuilds out/node
 * while tests run; a half-written bundle must not look like a crash), and a page the server can
 * hand out — it only needs `<head>` for the session token; the crash tests talk to the API, so
 * they need not wait for the renderer to be built.
 */
function prepare(): { bundle: string; renderer: string } {
  if (prepared) return prepared
  ensureNodeBuild()
  const web = readWhole('web.cjs')
  const worker = readWhole('sync-push-worker.cjs')
  // Beside the original, so `require` finds node_modules the same way; named by their content, so
  // test files share one copy per build (a folder renamed into place: never seen half-written).
  const tests = join(ROOT, 'out', 'node', '.tests')
  const dir = join(tests, createHash('sha256').update(web).update(worker).digest('hex').slice(0, 16))
  const bundle = join(dir, 'web.cjs')
  if (!existsSync(bundle)) {
    const temp = `${dir}.${process.pid}.tmp`
    mkdirSync(temp, { recursive: true })
    writeFileSync(join(temp, 'web.cjs'), web)
    writeFileSync(join(temp, 'sync-push-worker.cjs'), worker)
    try {
      renameSync(temp, dir)
    } catch (error) {
      // Another test process put the same copy in place first.
      if (!existsSync(bundle)) throw error
      rmSync(temp, { recursive: true, force: true })
    }
  }
  const renderer = join(tests, 'renderer')
  if (!existsSync(join(renderer, 'index.html'))) {
    mkdirSync(renderer, { recursive: true })
    const temp = join(renderer, `index.${process.pid}.tmp`)
    writeFileSync(temp, '<!doctype html><html><head><title>Kassa</title></head><body></body></html>')
    renameSync(temp, join(renderer, 'index.html'))
  }
  prepared = { bundle, renderer }
  return prepared
}

export interface ApiAnswer {
  ok: boolean
  value?: unknown
  error?: { code: string; message: string; field?: string }
}

export interface KassaProcess {
  url: string
  child: ChildProcess
  /** POSTs one API call with this page's session; rejects when the app does not answer. */
  call(channel: string, input: unknown): Promise<ApiAnswer>
  /** kill -9, resolved once the process is gone. */
  kill(): Promise<void>
}

export interface KassaLaunch {
  /** Resolves once the server listens and has handed out a session. */
  ready: Promise<KassaProcess>
  /** kill -9, resolved once the process is gone (whether or not it got ready). */
  kill(): Promise<void>
}

/** Starts web mode exactly as `npm run web` does (out/node/web.cjs) over `dataDir`, on a free port. */
export async function startKassaProcess(
  dataDir: string,
  env: Record<string, string> = {}
): Promise<KassaProcess> {
  return launchKassa(dataDir, env).ready
}

/** Like startKassaProcess, but the process can be killed before it is ready (a cut during start). */
export function launchKassa(dataDir: string, env: Record<string, string> = {}): KassaLaunch {
  const { bundle, renderer } = prepare()
  const child = spawn(process.execPath, [bundle], {
    env: { ...process.env, ...env, KASSA_DATA_DIR: dataDir, KASSA_PORT: '0', KASSA_RENDERER_DIR: renderer },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  const kill = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    await exited
  }
  const ready = (async (): Promise<KassaProcess> => {
    const url = await webModeUrl(child, 30_000)
    const page = await (await fetch(url)).text()
    const token = /name="kassa-session" content="([^"]+)"/.exec(page)?.[1]
    if (!token) throw new Error('web mode served no session token')
    return {
      url,
      child,
      async call(channel, input) {
        const response = await fetch(`${url}api/call/${channel}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Kassa-Session': token },
          body: JSON.stringify(input)
        })
        return (await response.json()) as ApiAnswer
      },
      kill
    }
  })()
  ready.catch(() => {}) // the caller may be racing a cut; it sees the rejection where it awaits
  return { ready, kill }
}
