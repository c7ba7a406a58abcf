/**
 * Wakes the long-polls waiting on a store when its master data changes, in process. (PostgreSQL's
 * NOTIFY takes a global lock at commit and CockroachDB has none; a second head-office process is
 * caught by the pull's fallback timer instead.)
 */
export function createWakeups() {
  const waiting = new Map<string, Set<() => void>>()
  return {
    /** Resolves on the next `wake(storeId)` or after `ms`, whichever is first; `signal` ends it early. */
    wait(storeId: string, ms: number, signal?: AbortSignal): Promise<void> {
      return new Promise((resolve) => {
        const set = waiting.get(storeId) ?? new Set()
        waiting.set(storeId, set)
        const done = () => {
          clearTimeout(timer)
          set.delete(done)
          if (set.size === 0) waiting.delete(storeId)
          signal?.removeEventListener('abort', done)
          resolve()
        }
        const timer = setTimeout(done, ms)
        set.add(done)
        signal?.addEventListener('abort', done)
      })
    },
    /** Call after the publishing transaction committed. */
    wake(storeId: string): void {
      for (const done of [...(waiting.get(storeId) ?? [])]) done()
    },
    /** How many pulls are held open (for tests and status). */
    waitingCount(): number {
      let n = 0
      for (const set of waiting.values()) n += set.size
      return n
    }
  }
}

export type Wakeups = ReturnType<typeof createWakeups>
