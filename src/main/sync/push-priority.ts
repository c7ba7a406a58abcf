import { readdirSync } from 'node:fs'
import { setPriority } from 'node:os'

// The push process steps back from selling: every thread of it at PUSH_NICE (push-worker.ts calls
// `stepBack` once its modules are loaded and before each push). Its loading runs at the till's
// priority, once per run of the app: lowered from the start, on a machine loaded by others (load
// 15–20 on 2 cores) its start — a second of compiling under tsx in tests — stretched past their
// 20 s timeouts.

/**
 * The push's nice value. Measured on 2 cores with the head office beside the till (bench
 * sync-checkout, quiet machine, the push then a thread): checkout p95 during a 100,000-event push
 * ×1.9–×2.0 of idle at nice 0, ×1.3–×1.5 at nice 10; the push took as long.
 */
export const PUSH_NICE = 10

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
