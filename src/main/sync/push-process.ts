import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { SyncError } from '@shared/sync/protocol'
import { SyncRequestError, type HqIdentity } from './hq-client'
import { forkPushChild, type PushChild, type PushScript, type StartPushChild } from './push-child'
import type { PushResult } from './push-outbox'
import { whenQuiet, YIELD_AT_MOST_MS, type SellingSignal } from './selling-signal'

// Why a process of its own: the till sells in main's event loop, and better-sqlite3 is synchronous.
// A push of days of backlog reads, serialises, hashes and signs about 0.7 MB per batch and talks
// HTTP; in main each of those steps held back any checkout that arrived meanwhile (a checkout's p95
// doubled while 100,000 events were pushed). In a worker thread with its own read-only connection it
// left main's event loop, but not main's process: V8's garbage-collector helpers and libuv's pool
// (hashing) are the process's, at main's priority, and took ~70 ms/s beside main during a push. In a
// process of its own every one of its threads steps back (push-worker.ts lowers them all), and the
// till's own helpers work for selling only. Main keeps what must be its own: marking events synced,
// a short write on the one write connection, from the head office's answer.

/** main → push process. */
export type ToPushProcess =
  | {
      type: 'push'
      /** The till's SQLite file, opened read-only for this push and closed after it. */
      file: string
      identity: HqIdentity
      appVersion: string
      maxEvents?: number
      /** Send again from this seq, synced or not (a head office that never held them: `pushOutbox`). */
      resendFrom?: number
      /** The till's clock minus the system clock, ms (the process's `now` follows the till's clock). */
      tillMinusSystemMs: number
      /** What the head office's CLOCK_SKEW answers taught the till, ms (signatures only). */
      clockOffsetMs: number
      /** Present when the push yields to selling: whether main is handling a request now (then `selling` messages). */
      sellingBusy?: boolean
    }
  | { type: 'selling'; busy: boolean }
  | { type: 'marked'; count: number }
  | { type: 'markFailed'; message: string }

/** push process → main. */
export type FromPushProcess =
  | { type: 'mark'; upTo: number }
  | { type: 'clockOffset'; offsetMs: number }
  | { type: 'done'; result: PushResult }
  | { type: 'failed'; error: PushProcessError }

/** An error as it crosses the process boundary (a SyncRequestError keeps its status and refusal). */
export type PushProcessError =
  | {
      kind: 'sync'
      status: number
      error: Omit<SyncError, 'code'> & { code: SyncError['code'] | 'NETWORK' | 'BAD_ANSWER' }
    }
  | { kind: 'other'; message: string }

/** What main does for the push process while it pushes. */
export interface PushProcessHandlers {
  /** Marks the events up to `upTo` synced in main's store (committed before it returns); how many. */
  markSynced(upTo: number): number
  /** A CLOCK_SKEW answer taught the push the head office's clock: remember the offset. */
  onClockOffset(offsetMs: number): void
}

/**
 * The push process's script. Built: `sync-push-worker.js` beside electron-vite's out/main/index.js,
 * or `sync-push-worker.cjs` beside out/node's bundles (scripts/build-node.mjs). From the TypeScript
 * sources (vitest, the bench under tsx): `push-worker.ts`, compiled on load by tsx with the project's
 * path aliases. Nothing of main's own flags (an inspector, tsx's loader) is passed on to a build.
 */
function pushScript(): PushScript {
  for (const name of ['sync-push-worker.js', 'sync-push-worker.cjs']) {
    const file = join(__dirname, name)
    if (existsSync(file)) return { file, execArgv: [] }
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
 * The process that pushes the outbox (`push-worker.ts`), started on the first push and kept, holding
 * main's event loop open only while a push runs. Pushes run one at a time, in the order asked.
 * `selling`: main's requests in progress, which the push yields to (forwarded as they start and
 * end, only while a push runs); `start`: how to start the process (Electron: `utilityPushChild`).
 */
export function createPushProcess(options: { selling?: SellingSignal; start?: StartPushChild } = {}) {
  const start = options.start ?? forkPushChild
  let child: PushChild | null = null
  let queue: Promise<unknown> = Promise.resolve()

  function started(): PushChild {
    const next = start(pushScript())
    next.hold(false)
    // A process that ended is replaced on the next push.
    next.onExit(() => {
      if (child === next) child = null
    })
    return next
  }

  function run(
    request: Omit<Extract<ToPushProcess, { type: 'push' }>, 'type' | 'sellingBusy'>,
    handlers: PushProcessHandlers
  ): Promise<PushResult> {
    const pusher = (child ??= started())
    const selling = options.selling
    pusher.hold(true)
    return new Promise<PushResult>((resolve, reject) => {
      const unsubscribe: Array<() => void> = []
      const settle = (): void => {
        for (const off of unsubscribe) off()
        pusher.hold(false)
      }
      const onExit = (code: number | null): void => {
        settle()
        reject(new Error(`the sync push process stopped (exit code ${code ?? 'none'})`))
      }
      const onMessage = (raw: unknown): void => {
        const message = raw as FromPushProcess
        switch (message.type) {
          case 'mark': {
            // The push looked before asking; a request may have started since: its commit goes first.
            const quiet = selling ? whenQuiet(selling.buffer, YIELD_AT_MOST_MS) : Promise.resolve()
            void quiet.then(() => {
              let reply: ToPushProcess
              try {
                reply = { type: 'marked', count: handlers.markSynced(message.upTo) }
              } catch (error) {
                reply = {
                  type: 'markFailed',
                  message: error instanceof Error ? error.message : String(error)
                }
              }
              pusher.send(reply)
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
      unsubscribe.push(pusher.onMessage(onMessage), pusher.onExit(onExit))
      if (selling)
        unsubscribe.push(
          selling.onChange((busy) => pusher.send({ type: 'selling', busy } satisfies ToPushProcess))
        )
      pusher.send({
        type: 'push',
        ...request,
        ...(selling ? { sellingBusy: selling.inProgress() > 0 } : {})
      } satisfies ToPushProcess)
    })
  }

  return {
    /**
     * Pushes the outbox in the push process (`pushOutbox` there, reading `request.file` read-only),
     * marking events synced in main through `handlers`. Waits for a push already running first.
     * @throws SyncRequestError as `pushOutbox` does; Error when the process cannot start or dies
     */
    push(
      request: Omit<Extract<ToPushProcess, { type: 'push' }>, 'type' | 'sellingBusy'>,
      handlers: PushProcessHandlers
    ): Promise<PushResult> {
      const next = queue.then(() => run(request, handlers))
      queue = next.catch(() => undefined)
      return next
    },
    /** The push process's id while it runs (for benches reading its threads), else undefined. */
    pid: (): number | undefined => child?.pid,
    /** Ends the process (a push running in it fails) and waits until it has; the next push starts another. */
    async close(): Promise<void> {
      const ending = child
      child = null
      if (!ending || ending.pid === undefined) return
      await new Promise<void>((resolve) => {
        // Bounded: a process that does not report its end is not waited for longer.
        const timer = setTimeout(resolve, 5_000)
        ending.onExit(() => {
          clearTimeout(timer)
          resolve()
        })
        ending.kill()
      })
    }
  }
}

export type PushProcess = ReturnType<typeof createPushProcess>
