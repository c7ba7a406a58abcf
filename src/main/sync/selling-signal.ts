// Why: the push thread and main share the till's cores (on a 2-core till with the head office
// elsewhere, a push thread busy on the CPU still delays a checkout that arrives meanwhile: the
// scheduler lets it finish its slice, and main's own marks and commits queue behind each other).
// So main counts the requests it is handling in memory both threads see, and the push thread looks
// before each of its CPU-heavy steps: while a request is in progress it waits — never longer than
// the bound it is given, so a till that is always busy still syncs.

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
 * calls do nothing). The `buffer` goes to the push thread (`whenQuiet` there).
 */
export function createSellingSignal() {
  const buffer = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)
  const cells = new Int32Array(buffer)
  return {
    buffer,
    begin(): () => void {
      Atomics.add(cells, IN_PROGRESS, 1)
      let ended = false
      return () => {
        if (ended) return
        ended = true
        if (Atomics.sub(cells, IN_PROGRESS, 1) === 1) Atomics.notify(cells, IN_PROGRESS)
      }
    },
    /** Requests in progress now. */
    inProgress: (): number => Atomics.load(cells, IN_PROGRESS)
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
