import type { ApiError, ChannelName, EventName, InvokeOptions, KassaBridge, Result } from '@shared/contract'

/**
 * Web mode's stand-in for the Electron preload: the same `KassaBridge`, over HTTP to the
 * local core, with events over server-sent events. The session token comes from the page
 * the server sent us; no other page has it.
 */
export function createWebBridge(token: string, origin = ''): KassaBridge {
  let source: EventSource | null = null

  const connect = (): void => {
    if (source) return
    source = new EventSource(`${origin}/api/events?session=${encodeURIComponent(token)}`)
  }

  return {
    mode: 'web',
    async invoke(channel: ChannelName, input: unknown, options?: InvokeOptions) {
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
      connect()
      const handler = (message: MessageEvent<string>): void =>
        (listener as (payload: unknown) => void)(JSON.parse(message.data))
      source!.addEventListener(event, handler)
      return () => source?.removeEventListener(event, handler)
    }
  } as KassaBridge
}
