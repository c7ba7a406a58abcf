import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { SyncError } from '@shared/sync/protocol'
import { SyncRequestError, type HqIdentity } from './hq-client'
import type { PushResult } from './push-outbox'
import { whenQuiet, YIELD_AT_MOST_MS } from './selling-signal'

// Why a thread: the till sells in main's event loop, and better-sqlite3 is synchronous. A push of
// days of backlog reads, serialises, hashes and signs about 0.7 MB per batch and talks HTTP; in main
// each of those steps held back any checkout that arrived meanwhile (a checkout's p95 doubled while
// 100,000 events were pushed). In a worker thread with its own read-only connection (WAL lets it read
// beside main's writes) all of that runs on the other core; main keeps only what must be its own:
// marking events synced, a short write on the one write connection, from the head office's answer.

/** main → push thread. */
export type ToPushThread =
  | {
      type: 'push'
      /** The till's SQLite file, opened read-only for this push and closed after it. */
      file: string
      identity: HqIdentity
      appVersion: string
      maxEvents?: number
      /** Send again from this seq, synced or not (a head office that never held them: `pushOutbox`). */
      resendFrom?: number
      /** The till's clock minus the system clock, ms (the thread's `now` follows the till's clock). */
      tillMinusSystemMs: number
      /** What the head office's CLOCK_SKEW answers taught the till, ms (signatures only). */
      clockOffsetMs: number
      /** Main's selling signal (selling-signal.ts): the push yields to requests in progress. */
      selling?: SharedArrayBuffer
    }
  | { type: 'marked'; count: number }
  | { type: 'markFailed'; message: string }

/** push thread → main. */
export type FromPushThread =
  | { type: 'mark'; upTo: number }
  | { type: 'clockOffset'; offsetMs: number }
  | { type: 'done'; result: PushResult }
  | { type: 'failed'; error: PushThreadError }

/** An error as it crosses the thread boundary (a SyncRequestError keeps its status and refusal). */
export type PushThreadError =
  | {
      kind: 'sync'
      status: number
      error: Omit<SyncError, 'code'> & { code: SyncError['code'] | 'NETWORK' | 'BAD_ANSWER' }
    }
  | { kind: 'other'; message: string }

/** What main does for the thread while it pushes. */
export interface PushThreadHandlers {
  /** Marks the events up to `upTo` synced in main's store (committed before it returns); how many. */
  markSynced(upTo: number): number
  /** A CLOCK_SKEW answer taught the thread the head office's clock: remember the offset. */
  onClockOffset(offsetMs: number): void
}

/**
 * The worker's script. Built: `sync-push-worker.js` beside electron-vite's out/main/index.js, or
 * `sync-push-worker.cjs` beside out/node's bundles (scripts/build-node.mjs). From the TypeScript
 * sources (vitest, the bench under tsx): `push-worker.ts`, compiled on load by tsx with the project's
 * path aliases.
 */
function workerScript(): { file: string; execArgv?: string[]; env?: NodeJS.ProcessEnv } {
  for (const name of ['sync-push-worker.js', 'sync-push-worker.cjs']) {
    const file = join(__dirname, name)
    if (existsSync(file)) return { file }
  }
  const source = join(__dirname, 'push-worker.ts')
  if (!existsSync(source)) throw new Error(`the sync push worker is missing beside ${__filename}`)
  return {
    file: source,
    execArgv: ['--require', createRequire(__filename).resolve('tsx/cjs')],
    env: { ...process.env, TSX_TSCONFIG_PATH: join(__dirname, '..', '..', '..', 'tsconfig.node.json') }
  }
}

/**
 * The thread that pushes the outbox (`push-worker.ts`), started on the first push and kept, holding
 * the process open only while a push runs. Pushes run one at a time, in the order asked.
 */
export function createPushThread() {
  let worker: Worker | null = null
  let queue: Promise<unknown> = Promise.resolve()

  function start(): Worker {
    const script = workerScript()
    const started = new Worker(script.file, {
      ...(script.execArgv ? { execArgv: script.execArgv } : {}),
      ...(script.env ? { env: script.env } : {})
    })
    started.unref()
    // A thread that died is replaced on the next push.
    started.on('exit', () => {
      if (worker === started) worker = null
    })
    return started
  }

  function run(
    request: Extract<ToPushThread, { type: 'push' }>,
    handlers: PushThreadHandlers
  ): Promise<PushResult> {
    const thread = (worker ??= start())
    thread.ref()
    return new Promise<PushResult>((resolve, reject) => {
      const settle = (): void => {
        thread.off('message', onMessage)
        thread.off('error', onError)
        thread.off('exit', onExit)
        thread.unref()
      }
      const onError = (error: Error): void => {
        settle()
        reject(error)
      }
      const onExit = (code: number): void => {
        settle()
        reject(new Error(`the sync push thread stopped (exit code ${code})`))
      }
      const onMessage = (message: FromPushThread): void => {
        switch (message.type) {
          case 'mark': {
            // The thread looked before asking; a request may have started since: its commit goes first.
            const quiet = request.selling ? whenQuiet(request.selling, YIELD_AT_MOST_MS) : Promise.resolve()
            void quiet.then(() => {
              let reply: ToPushThread
              try {
                reply = { type: 'marked', count: handlers.markSynced(message.upTo) }
              } catch (error) {
                reply = {
                  type: 'markFailed',
                  message: error instanceof Error ? error.message : String(error)
                }
              }
              thread.postMessage(reply)
            })
            return
          }
          case 'clockOffset':
            handlers.onClockOffset(message.offsetMs)
            return
          case 'done':
            settle()
            resolve(message.result)
            return
          case 'failed':
            settle()
            reject(
              message.error.kind === 'sync'
                ? new SyncRequestError(message.error.status, message.error.error)
                : new Error(message.error.message)
            )
        }
      }
      thread.on('message', onMessage)
      thread.on('error', onError)
      thread.on('exit', onExit)
      thread.postMessage(request satisfies ToPushThread)
    })
  }

  return {
    /**
     * Pushes the outbox in the thread (`pushOutbox` there, reading `request.file` read-only), marking
     * events synced in main through `handlers`. Waits for a push already running first.
     * @throws SyncRequestError as `pushOutbox` does; Error when the thread cannot start or dies
     */
    push(
      request: Omit<Extract<ToPushThread, { type: 'push' }>, 'type'>,
      handlers: PushThreadHandlers
    ): Promise<PushResult> {
      const next = queue.then(() => run({ type: 'push', ...request }, handlers))
      queue = next.catch(() => undefined)
      return next
    },
    /** Stops the thread (a push running in it fails); the next push starts another. */
    async close(): Promise<void> {
      const thread = worker
      worker = null
      await thread?.terminate()
    }
  }
}

export type PushThread = ReturnType<typeof createPushThread>
