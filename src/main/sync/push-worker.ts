import { setPriority } from 'node:os'
import { parentPort } from 'node:worker_threads'
import { openConnection } from '../store/connection'
import { createOutboxRepo } from '../store/repos/outbox-repo'
import { createHqClient, SyncRequestError } from './hq-client'
import { pushOutbox } from './push-outbox'
import { whenQuiet, YIELD_AT_MOST_MS } from './selling-signal'
import type { FromPushThread, PushThreadError, ToPushThread } from './push-thread'

// The sync push thread's entry (why a thread: push-thread.ts). It reads the outbox through its own
// read-only connection, opened for each push and closed after it (a restore may have put another
// file in its place since), and writes nothing: main marks events synced when asked.

// A push must never take the CPU from selling. On Linux a nice value is a thread's own (setpriority(2):
// PRIO_PROCESS with 0 is the calling thread), so this thread alone steps back; elsewhere the call would
// lower the whole till, so it is not made there. Measured on 2 cores with the head office beside the
// till (bench sync-checkout, quiet machine): checkout p95 during a 100,000-event push ×1.9–×2.0 of
// idle at nice 0, ×1.3–×1.5 at nice 10; the push took as long.
if (process.platform === 'linux') setPriority(0, 10)

const port = parentPort
if (!port) throw new Error('push-worker.ts runs as a worker thread (push-thread.ts starts it)')

let marking: { resolve: (count: number) => void; reject: (error: Error) => void } | null = null

const send = (message: FromPushThread): void => port.postMessage(message)

function crossing(error: unknown): PushThreadError {
  if (error instanceof SyncRequestError) return { kind: 'sync', status: error.status, error: error.error }
  return { kind: 'other', message: error instanceof Error ? error.message : String(error) }
}

async function push(request: Extract<ToPushThread, { type: 'push' }>): Promise<void> {
  let db: ReturnType<typeof openConnection> | null = null
  try {
    db = openConnection(request.file, { readonly: true })
    const now = (): Date => new Date(Date.now() + request.tillMinusSystemMs)
    let offsetMs = request.clockOffsetMs
    const client = createHqClient({
      now: () => new Date(now().getTime() + offsetMs),
      onClockOffset: (learnt) => {
        offsetMs = learnt
        send({ type: 'clockOffset', offsetMs: learnt })
      }
    })
    const result = await pushOutbox(createOutboxRepo(db), client, request.identity, {
      now,
      appVersion: request.appVersion,
      ...(request.maxEvents ? { maxEvents: request.maxEvents } : {}),
      ...(request.resendFrom ? { resendFrom: request.resendFrom } : {}),
      ...(request.selling ? { yieldToSelling: () => whenQuiet(request.selling!, YIELD_AT_MOST_MS) } : {}),
      markSynced: (upTo) =>
        new Promise<number>((resolve, reject) => {
          marking = { resolve, reject }
          send({ type: 'mark', upTo })
        })
    })
    send({ type: 'done', result })
  } catch (error) {
    send({ type: 'failed', error: crossing(error) })
  } finally {
    db?.close()
  }
}

port.on('message', (message: ToPushThread) => {
  if (message.type === 'push') {
    void push(message)
    return
  }
  const waiting = marking
  marking = null
  if (message.type === 'marked') waiting?.resolve(message.count)
  else waiting?.reject(new Error(`marking events synced failed: ${message.message}`))
})
