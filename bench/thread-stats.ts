import { readdirSync, readFileSync, statSync } from 'node:fs'
import { monitorEventLoopDelay, performance, type IntervalHistogram } from 'node:perf_hooks'

// What the sync-checkout bench reads of this process's threads besides wall time (Linux's /proc;
// NaN, 0 or nothing elsewhere): figures other people's load on a shared machine moves less.

const LOOP_RESOLUTION_MS = 1

/** How late main's event loop ran (ms) and how busy it was, over one phase of the bench. */
export interface LoopPhase {
  p99: number
  max: number
  /** Event-loop utilisation: the share of the phase main spent running code, 0–1. */
  busy: number
  /** CPU time main's thread used per second of the phase (ms/s; Linux only, else NaN). */
  cpuPerSecond: number
  seconds: number
}

/**
 * CPU time used so far by main's thread alone, ms (Linux: /proc/self/task/<pid>/stat, in clock ticks
 * of 10 ms): unlike wall time, other people's load on the machine hardly moves it. NaN elsewhere.
 */
export function mainThreadCpuMs(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) * 10 // utime + stime
  } catch {
    return Number.NaN
  }
}

/**
 * How long main's thread has waited for a CPU so far (runnable, not running), ms — Linux's
 * /proc/self/task/<pid>/schedstat, in ns; 0 elsewhere. Around one checkout it is the share of its
 * latency that was other threads (the push process, the head office, anyone's) holding the CPUs.
 */
export function mainThreadRunQueueMs(): number {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[1]) / 1e6
  } catch {
    return 0
  }
}

/**
 * CPU time each thread of this process has used so far, ms, with its nice value (Linux:
 * /proc/self/task/<tid>/stat, clock ticks of 10 ms); empty elsewhere.
 */
export function threadsCpu(): Map<number, { ms: number; nice: number }> {
  const threads = new Map<number, { ms: number; nice: number }>()
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      threads.set(Number(tid), {
        ms: (Number(fields[11]) + Number(fields[12])) * 10,
        nice: Number(fields[16])
      })
    }
  } catch {
    // not Linux, or a thread ended while it was read
  }
  return threads
}

/** CPU ms per second each group of the till's threads other than main used between `before` and now. */
export function otherThreadsCpu(before: Map<number, { ms: number; nice: number }>, seconds: number) {
  const groups = { niced: 0, helpers: 0 }
  for (const [tid, now] of threadsCpu()) {
    if (tid === process.pid) continue
    const used = now.ms - (before.get(tid)?.ms ?? 0)
    if (now.nice > 0) groups.niced += used / seconds
    else groups.helpers += used / seconds
  }
  return groups
}

/**
 * The sync push process (a child of this process running the push worker, push-process.ts) and the
 * nice value of each of its threads now (Linux; null elsewhere or before the first push started it).
 */
export function pushProcess(): { pid: number; nice: number[] } | null {
  try {
    for (const tid of readdirSync('/proc/self/task'))
      for (const child of readFileSync(`/proc/self/task/${tid}/children`, 'utf8')
        .split(' ')
        .filter(Boolean)) {
        const cmdline = readFileSync(`/proc/${child}/cmdline`, 'utf8')
        if (!/push-worker/.test(cmdline)) continue
        const nice = readdirSync(`/proc/${child}/task`).map((thread) => {
          const stat = readFileSync(`/proc/${child}/task/${thread}/stat`, 'utf8')
          return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16])
        })
        return { pid: Number(child), nice }
      }
  } catch {
    // not Linux, or a process ended while it was read
  }
  return null
}

/** CPU time every thread of process `pid` has used so far, ms (schedstat, ns precision; 0 for a process gone). */
export function processCpuMs(pid: number | null): number {
  if (pid === null) return 0
  let ns = 0
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0])
      } catch {
        // the thread ended
      }
    }
  } catch {
    // the process ended
  }
  return ns / 1e6
}

/**
 * The size of `file`'s WAL now, bytes (0 when there is none). Beside the push it shows whether the
 * push process's reads keep SQLite from starting the WAL over: it then grows past the 1,000 pages
 * (about 4 MiB) after which main's commits checkpoint it.
 */
export function walBytes(file: string): number {
  try {
    return statSync(`${file}-wal`).size
  } catch {
    return 0
  }
}

/** Starts watching main's event loop; the answer's `stop()` returns what was seen since. */
export function watchLoop(): { stop(): LoopPhase } {
  const delay: IntervalHistogram = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS })
  const startedElu = performance.eventLoopUtilization()
  const startedCpu = mainThreadCpuMs()
  const startedAt = performance.now()
  delay.enable()
  return {
    stop() {
      delay.disable()
      // The histogram counts from when the timer was due: the sampling interval is not a delay.
      return {
        p99: delay.percentile(99) / 1e6 - LOOP_RESOLUTION_MS,
        max: delay.max / 1e6 - LOOP_RESOLUTION_MS,
        busy: performance.eventLoopUtilization(startedElu).utilization,
        cpuPerSecond: ((mainThreadCpuMs() - startedCpu) / (performance.now() - startedAt)) * 1000,
        seconds: (performance.now() - startedAt) / 1000
      }
    }
  }
}
