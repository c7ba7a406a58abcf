import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import { channelNames, type InvokeOptions } from '@shared/contract'
import type { Core } from '../app/create-core'

export const EVENT_CHANNEL = 'kassa:event'

/**
 * Binds every contract channel to `ipcMain.handle`, forwarding to the core's router.
 * Only our own window's top frame, showing our own page, may call.
 */
export function bindIpc(
  ipcMain: IpcMain,
  core: Core,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean
): () => void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, async (event, input: unknown, options?: unknown) => {
      if (!isTrustedSender(event)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'Untrusted sender' } }
      }
      const sessionId = sessionIdOf(event.sender)
      if (!core.sessions.get(sessionId)) core.sessions.open(sessionId, core.clock.now())
      core.sessions.touch(sessionId, core.clock.now())
      return core.router.dispatch(channel, input, { sessionId }, toInvokeOptions(options))
    })
  }
  return () => {
    for (const channel of channelNames) ipcMain.removeHandler(channel)
  }
}

/** The router validates what is inside; only a plain object is passed on. */
function toInvokeOptions(options: unknown): InvokeOptions | undefined {
  return options !== null && typeof options === 'object' && !Array.isArray(options)
    ? (options as InvokeOptions)
    : undefined
}

/** Each window is its own session, so each can have its own logged-in user. */
export function sessionIdOf(contents: Pick<WebContents, 'id'>): string {
  return `window-${contents.id}`
}

/**
 * Forwards main's events to a window for as long as it lives, and only those its session
 * may see (someone signed in whose role holds the event's permission).
 */
export function forwardEvents(core: Core, contents: WebContents): () => void {
  return core.events.subscribe((event, payload) => {
    if (contents.isDestroyed() || !core.mayReceive(sessionIdOf(contents), event, payload)) return
    contents.send(EVENT_CHANNEL, event, payload)
  })
}
