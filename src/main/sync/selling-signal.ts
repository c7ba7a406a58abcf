// Why: the push process and main share the till's cores (on a 2-core till with the head office
// elsewhere, a push busy on the CPU still delays a checkout that arrives meanwhile: the scheduler
// lets it finish its slice, and main's own marks and commits queue behind each other). So main
// counts the requests it is handling, and the push looks before each of its CPU-heavy steps: while
// a request is in progress it waits — never longer than the bound it is given, so a till that is
// always busy still syncs. In main (its marks) the count is read from shared memory; the push
// process (push-process.ts: why a process) learns it from main's "busy"/"quiet" messages, sent only
// when the count leaves or reaches 0 (`onChange`; `remoteSelling` below).

/** Atomics.waitAsync (Node ≥ 16, Electron's main and workers); ES2024's lib, past the project's ES2023. */
type WaitAsync = (
  cells: Int32Array,
  index: number,
  value: number,
  timeoutMs: number
) => { async: false; value: 'not-equal' | 'timed-out' } | { async: true; value: Promise<'ok' | 'timed-out'> }
const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync

/**
 * The longest the push waits for main at each step, ms: a checkout takes a few ms, so this covers
 * one, and a till that is never quiet still pushes (a batch has about six steps).
 */
export const YIELD_AT_MOST_MS = 50

/** Requests main is handling right now (index 0 of the shared cells). */
const IN_PROGRESS = 0

/**
 * Main's side: `begin()` when a request starts, call what it returns when it ends (once; later
 * calls do nothing). Main waits on `buffer` (`whenQuiet`) before each mark; the push process hears
 * of changes through `onChange` (push-process.ts forwards them).
 */
export function createSellingSignal() {
  const buffer = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)
  const cells = new Int32Array(buffer)
  const listeners = new Set<(busy: boolean) => void>()
  const tell = (busy: boolean): void => {
    for (const listener of listeners) listener(busy)
  }
  return {
    buffer,
    begin(): () => void {
      if (Atomics.add(cells, IN_PROGRESS, 1) === 0) tell(true)
      let ended = false
      return () => {
        if (ended) return
        ended = true
        if (Atomics.sub(cells, IN_PROGRESS, 1) === 1) {
          Atomics.notify(cells, IN_PROGRESS)
          tell(false)
        }
      }
    },
    /** Requests in progress now. */
    inProgress: (): number => Atomics.load(cells, IN_PROGRESS),
    /**
     * Calls `listener(true)` when the first request starts and `listener(false)` when the last one
     * ends (synchronously, inside `begin` and its end: keep it short). Answers the unsubscribe.
     */
    onChange(listener: (busy: boolean) => void): () => void {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  }
}

export type SellingSignal = ReturnType<typeof createSellingSignal>

/**
 * Resolves once no request is in progress in `buffer` (a `createSellingSignal` buffer), or after
 * `maxWaitMs` whatever main is doing; at once when nothing is in progress. Never rejects. Answers
 * how long it waited, ms. Usable from any thread (it does not block the caller's event loop).
 */
export async function whenQuiet(buffer: SharedArrayBuffer, maxWaitMs: number): Promise<number> {
  const cells = new Int32Array(buffer)
  const started = performance.now()
  for (;;) {
    const busy = Atomics.load(cells, IN_PROGRESS)
    const left = maxWaitMs - (performance.now() - started)
    if (busy <= 0 || left <= 0) return performance.now() - started
    const wait = waitAsync(cells, IN_PROGRESS, busy, left)
    if (wait.async) await wait.value
  }
}

/**
 * The push process's side of the signal: `set(busy)` with each of main's messages (the first with
 * the state when the push was asked for); `whenQuiet(maxWaitMs)` as above. Before it looks, it lets
 * the event loop read what main has sent meanwhile (two turns, so one poll for I/O lies between):
 * a "busy" that arrived during a CPU-heavy step is seen before the next one.
 */
export function remoteSelling() {
  let busy = false
  const waiting = new Set<() => void>()
  const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))
  return {
    set(now: boolean): void {
      busy = now
      if (!busy) for (const wake of waiting) wake()
    },
    /** Resolves once main is quiet, or after `maxWaitMs` whatever it does; never rejects. Answers the ms waited. */
    async whenQuiet(maxWaitMs: number): Promise<number> {
      const started = performance.now()
      await turn()
      await turn()
      if (busy) {
        const left = Math.max(0, maxWaitMs - (performance.now() - started))
        await new Promise<void>((resolve) => {
          const wake = (): void => {
            clearTimeout(timer)
            waiting.delete(wake)
            resolve()
          }
          const timer = setTimeout(wake, left)
          waiting.add(wake)
        })
      }
      return performance.now() - started
    }
  }
}

export type RemoteSelling = ReturnType<typeof remoteSelling>
