import { openConnection } from '../store/connection'
import { createOutboxRepo } from '../store/repos/outbox-repo'
import { createHqClient, SyncRequestError } from './hq-client'
import { pushOutbox } from './push-outbox'
import { stepBack } from './push-priority'
import { remoteSelling, YIELD_AT_MOST_MS } from './selling-signal'
import type { FromPushProcess, PushProcessError, ToPushProcess } from './push-process'

// The sync push process's entry (why a process: push-process.ts), started by child_process.fork or
// Electron's utilityProcess.fork (push-child.ts). It reads the outbox through its own read-only
// connection, opened for each push and closed after it (a restore may have put another file in its
// place since), and writes nothing: main marks events synced when asked.

/** Main's channel: Electron's `process.parentPort` in a utility process, else Node's IPC. */
interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown
  postMessage(message: unknown): void
}
const electronPort = (process as unknown as { parentPort?: ParentPortLike }).parentPort
if (!electronPort && !process.send)
  throw new Error('push-worker.ts runs as a child process (push-process.ts starts it)')
const send = (message: FromPushProcess): void => {
  if (electronPort) electronPort.postMessage(message)
  else process.send?.(message)
}
const onMain = (listener: (message: ToPushProcess) => void): void => {
  if (electronPort) electronPort.on('message', (event) => listener(event.data as ToPushProcess))
  else process.on('message', (message) => listener(message as ToPushProcess))
}
// Main gone (killed, crashed): nothing is left to mark what this would push, so stop.
process.on('disconnect', () => process.exit(0))

stepBack()

const selling = remoteSelling()
let marking: { resolve: (count: number) => void; reject: (error: Error) => void } | null = null

function crossing(error: unknown): PushProcessError {
  if (error instanceof SyncRequestError) return { kind: 'sync', status: error.status, error: error.error }
  return { kind: 'other', message: error instanceof Error ? error.message : String(error) }
}

async function push(request: Extract<ToPushProcess, { type: 'push' }>): Promise<void> {
  let db: ReturnType<typeof openConnection> | null = null
  try {
    stepBack()
    db = openConnection(request.file, { readonly: true })
    const now = (): Date => new Date(Date.now() + request.tillMinusSystemMs)
    let offsetMs = request.clockOffsetMs
    const yieldToSelling =
      request.sellingBusy === undefined ? undefined : () => selling.whenQuiet(YIELD_AT_MOST_MS)
    if (request.sellingBusy !== undefined) selling.set(request.sellingBusy)
    const client = createHqClient({
      now: () => new Date(now().getTime() + offsetMs),
      onClockOffset: (learnt) => {
        offsetMs = learnt
        send({ type: 'clockOffset', offsetMs: learnt })
      },
      ...(yieldToSelling ? { beforeAnswer: yieldToSelling } : {})
    })
    const result = await pushOutbox(createOutboxRepo(db), client, request.identity, {
      now,
      appVersion: request.appVersion,
      ...(request.maxEvents ? { maxEvents: request.maxEvents } : {}),
      ...(request.resendFrom ? { resendFrom: request.resendFrom } : {}),
      ...(yieldToSelling ? { yieldToSelling } : {}),
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

onMain((message) => {
  switch (message.type) {
    case 'push':
      void push(message)
      return
    case 'selling':
      selling.set(message.busy)
      return
    case 'marked':
    case 'markFailed': {
      const waiting = marking
      marking = null
      if (message.type === 'marked') waiting?.resolve(message.count)
      else waiting?.reject(new Error(`marking events synced failed: ${message.message}`))
    }
  }
})
