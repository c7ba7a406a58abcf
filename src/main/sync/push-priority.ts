import { readdirSync } from 'node:fs'
import { setPriority } from 'node:os'
import { PUSH_NICE } from './push-nice'

// The push process steps back from selling: every thread of it at PUSH_NICE. Imported first by
// push-worker.ts, so the rest of its loading (requiring and, from the sources, compiling its
// modules: about a second on a loaded 2-core till) already runs at that priority. (Main also lowers
// the process's first thread as soon as it has started it, push-child.ts, so the threads Node starts
// while it boots inherit the value; this catches any that started before.)

/**
 * Lowers every thread of this process to PUSH_NICE. On Linux a nice value is a thread's own
 * (setpriority(2): PRIO_PROCESS names one thread), and V8's helpers start before this script runs,
 * so each thread in /proc/self/task is lowered; threads started later (libuv's pool, on first use)
 * inherit it from the thread that starts them. Elsewhere the call lowers the whole process. Run at
 * start and before each push; a thread that ended meanwhile, or a refusal, leaves the rest as they are.
 */
export function stepBack(): void {
  if (process.platform !== 'linux') {
    try {
      setPriority(PUSH_NICE)
    } catch {
      // not allowed here: the push runs at the till's priority
    }
    return
  }
  let threads: string[] = []
  try {
    threads = readdirSync('/proc/self/task')
  } catch {
    threads = ['0']
  }
  for (const tid of threads) {
    try {
      setPriority(Number(tid), PUSH_NICE)
    } catch {
      // the thread ended since it was listed
    }
  }
}

stepBack()
