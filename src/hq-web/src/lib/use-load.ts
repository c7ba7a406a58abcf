import { useEffect, useEffectEvent, useState } from 'react'

export interface Loaded<T> {
  data: T | null
  error: unknown
  /** Asks again now. */
  reload: () => void
}

/**
 * Runs `load` when `key` changes (and on `reload`, and every `refreshMs` if given), keeping the
 * key's last answer (through a failed refresh) and its last refusal. An answer that arrives after
 * the key moved on is dropped; until the new key's arrives, `data` is null.
 */
export function useLoad<T>(load: () => Promise<T>, key: string, refreshMs?: number): Loaded<T> {
  // Each answer remembers the key it was for: after the key moves on, the old one is not shown.
  const [state, setState] = useState<{ key: string; data: T | null; error: unknown }>({
    key,
    data: null,
    error: null
  })
  const [version, setVersion] = useState(0)
  const run = useEffectEvent(load)
  useEffect(() => {
    let live = true
    run().then(
      (data) => live && setState({ key, data, error: null }),
      (error: unknown) =>
        live && setState((previous) => ({ key, data: previous.key === key ? previous.data : null, error }))
    )
    return () => {
      live = false
    }
  }, [key, version])
  useEffect(() => {
    if (!refreshMs) return
    const timer = setInterval(() => setVersion((v) => v + 1), refreshMs)
    return () => clearInterval(timer)
  }, [refreshMs])
  const current = state.key === key
  return {
    data: current ? state.data : null,
    error: current ? state.error : null,
    reload: () => setVersion((v) => v + 1)
  }
}
