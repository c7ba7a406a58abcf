import type { ApiError, ChannelName, EventName, InvokeOptions, KassaBridge, Result } from '@shared/contract'

/**
 * Web mode's stand-in for the Electron preload: the same `KassaBridge`, over HTTP to the
 * local core, with events over server-sent events. The session token comes from the page
 * the server sent us; no other page has it.
 */
export function createWebBridge(
  token: string,
  origin = '',
  storage: Storage | null = globalThis.sessionStorage ?? null
): KassaBridge {
  let source: EventSource | null = null
  const ready = resumeAfterReload(token, origin, storage)

  const connect = (): void => {
    if (source) return
    source = new EventSource(`${origin}/api/events?session=${encodeURIComponent(token)}`)
  }

  return {
    mode: 'web',
    async invoke(channel: ChannelName, input: unknown, options?: InvokeOptions) {
      await ready
      try {
        const response = await fetch(`${origin}/api/call/${channel}`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'X-Kassa-Session': token,
            ...(options ? { 'X-Kassa-Options': JSON.stringify(options) } : {})
          },
          body: JSON.stringify(input ?? {})
        })
        return (await response.json()) as Result<never>
      } catch {
        const error: ApiError = {
          code: 'UNAVAILABLE',
          message: 'Kassa is not reachable; is it still running?'
        }
        return { ok: false, error }
      }
    },
    on(event: EventName, listener: (payload: never) => void) {
      void ready.then(connect)
      const handler = (message: MessageEvent<string>): void =>
        (listener as (payload: unknown) => void)(JSON.parse(message.data))
      let stopped = false
      void ready.then(() => {
        if (!stopped) source!.addEventListener(event, handler)
      })
      return () => {
        stopped = true
        source?.removeEventListener(event, handler)
      }
    }
  } as KassaBridge
}

const STORAGE_KEY = 'kassa-session'

/**
 * Reloading the page must not sign the cashier out (issue 10). The token of this tab's last
 * page load is kept in sessionStorage (this tab only, gone when it closes); after a reload
 * the server hands that session's sign-in over to the fresh token and kills the old one.
 * Nothing is kept beyond the tab, and a stolen old token is dead once resumed.
 */
async function resumeAfterReload(token: string, origin: string, storage: Storage | null): Promise<void> {
  if (!storage) return
  const previous = storage.getItem(STORAGE_KEY)
  storage.setItem(STORAGE_KEY, token)
  if (!previous || previous === token) return
  try {
    await fetch(`${origin}/api/session/resume`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Kassa-Session': token },
      body: JSON.stringify({ previous })
    })
  } catch {
    // Not resumed: the login screen shows, as before.
  }
}
