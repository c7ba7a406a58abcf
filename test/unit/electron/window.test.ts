import { describe, expect, it, vi } from 'vitest'
import {
  hardenWindow,
  rendererUrl,
  trustedSenderCheck,
  windowOptions
} from '../../../src/main/electron/window'

vi.mock('electron', () => ({}))

function fakeWindow() {
  const listeners = new Map<string, (...args: unknown[]) => void>()
  const mainFrame = { url: 'file:///app/out/renderer/index.html' }
  const session = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    webRequest: { onHeadersReceived: vi.fn(), onBeforeRequest: vi.fn() }
  }
  const webContents = {
    on: vi.fn((name: string, listener: (...args: unknown[]) => void) => listeners.set(name, listener)),
    setWindowOpenHandler: vi.fn(),
    session,
    mainFrame
  }
  return { win: { webContents }, listeners, session, webContents, mainFrame }
}

const APP_URL = 'file:///app/out/renderer/index.html'

describe('the desktop window', () => {
  it('is isolated and sandboxed, with no Node in the page', () => {
    const prefs = windowOptions('/app/out/preload/index.js').webPreferences!
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true
    })
  })

  it('loads the dev server in development and the built file otherwise', () => {
    expect(rendererUrl('http://localhost:5173', '/app/out')).toBe('http://localhost:5173')
    expect(rendererUrl(undefined, '/app/out')).toBe(APP_URL)
  })

  it('denies navigation away, new windows and permission requests, and sets a CSP', () => {
    const { win, listeners, session, webContents } = fakeWindow()
    hardenWindow(win as never, APP_URL)

    const away = { preventDefault: vi.fn() }
    listeners.get('will-navigate')!(away, 'https://evil.example/')
    expect(away.preventDefault).toHaveBeenCalled()
    const inside = { preventDefault: vi.fn() }
    listeners.get('will-navigate')!(inside, APP_URL)
    expect(inside.preventDefault).not.toHaveBeenCalled()

    const openHandler = webContents.setWindowOpenHandler.mock.calls[0]![0] as () => { action: string }
    expect(openHandler()).toEqual({ action: 'deny' })

    const permissionHandler = session.setPermissionRequestHandler.mock.calls[0]![0] as (
      c: unknown,
      p: string,
      cb: (ok: boolean) => void
    ) => void
    const decide = vi.fn()
    permissionHandler(null, 'media', decide)
    expect(decide).toHaveBeenCalledWith(false)

    const headers = session.webRequest.onHeadersReceived.mock.calls[0]![0] as (
      d: { responseHeaders: Record<string, string[]> },
      cb: (r: { responseHeaders: Record<string, string[]> }) => void
    ) => void
    const respond = vi.fn()
    headers({ responseHeaders: {} }, respond)
    expect(respond.mock.calls[0]![0].responseHeaders['Content-Security-Policy'][0]).toContain(
      "script-src 'self'"
    )
  })

  it('trusts IPC only from the top frame of our own window showing our page', () => {
    const { win, webContents, mainFrame } = fakeWindow()
    const check = trustedSenderCheck(() => win as never, APP_URL)
    expect(check({ sender: webContents, senderFrame: mainFrame } as never)).toBe(true)
    expect(check({ sender: webContents, senderFrame: { url: APP_URL } } as never)).toBe(false)
    expect(check({ sender: {}, senderFrame: mainFrame } as never)).toBe(false)
    mainFrame.url = 'https://evil.example/'
    expect(check({ sender: webContents, senderFrame: mainFrame } as never)).toBe(false)
    expect(
      trustedSenderCheck(() => null, APP_URL)({ sender: webContents, senderFrame: mainFrame } as never)
    ).toBe(false)
  })
})
