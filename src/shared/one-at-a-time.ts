/**
 * A queue per key: `run(key, attempt)` starts `attempt` once every earlier attempt under the same
 * key has settled (resolved or rejected), and answers with its result; attempts under different keys
 * run side by side. Each call of `oneAtATimePerKey()` has its own queues. An idle key holds nothing.
 *
 * For credential checks, where reading the lock, running the slow hash and counting the miss must
 * be one step per account (the till's `checkCredential`, the head office's `login`): checked side by
 * side, 64 guesses all see "not locked" and all get a hash (issue 11: 255 manager PINs in 21 s).
 */
export function oneAtATimePerKey(): <T>(key: string, attempt: () => Promise<T>) => Promise<T> {
  const inFlight = new Map<string, Promise<unknown>>()
  return <T>(key: string, attempt: () => Promise<T>): Promise<T> => {
    const next = (inFlight.get(key) ?? Promise.resolve()).then(attempt, attempt)
    const settled = next.then(
      () => undefined,
      () => undefined
    )
    inFlight.set(key, settled)
    void settled.then(() => {
      if (inFlight.get(key) === settled) inFlight.delete(key)
    })
    return next
  }
}
