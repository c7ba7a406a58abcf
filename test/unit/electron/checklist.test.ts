import { describe, expect, it, vi } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../../src/main/web/security'
import { hardenWindow, windowOptions } from '../../../src/main/electron/window'

vi.mock('electron', () => ({}))

// Issue 11, "keep the attacks": Electron's security checklist, item by item, over the window
// and session settings the shell applies (electron mocked, as the other shell tests do).

type Listener = (...args: unknown[]) => void

function hardened(appUrl: string) {
  const listeners = new Map<string, Listener>()
  const session = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    webRequest: { onHeadersReceived: vi.fn(), onBeforeRequest: vi.fn() }
  }
  const webContents = {
    on: vi.fn((name: string, listener: Listener) => listeners.set(name, listener)),
    setWindowOpenHandler: vi.fn(),
    session
  }
  hardenWindow({ webContents } as never, appUrl)
  const blocked = (url: string): boolean => {
    const [filter, handler] = session.webRequest.onBeforeRequest.mock.calls[0]! as [
      { urls: string[] },
      (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void
    ]
    expect(filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*']))
    let cancel: boolean | undefined
    handler({ url }, (r) => (cancel = r.cancel))
    return cancel!
  }
  const prevented = (event: string, ...args: unknown[]): boolean => {
    const e = { preventDefault: vi.fn() }
    listeners.get(event)!(e, ...args)
    return e.preventDefault.mock.calls.length > 0
  }
  return { session, webContents, blocked, prevented }
}

const APP = 'file:///app/out/renderer/index.html'

describe('Electron security checklist', () => {
  const prefs = windowOptions('/app/out/preload/index.js').webPreferences!

  it('1–3. context isolation, the sandbox, and no Node in the page or its workers', () => {
    expect(prefs.contextIsolation).toBe(true)
    expect(prefs.sandbox).toBe(true)
    expect(prefs.nodeIntegration).toBe(false)
    expect(prefs.nodeIntegrationInWorker).toBe(false)
    expect(prefs).not.toHaveProperty('nodeIntegrationInSubFrames', true)
  })

  it('4–6. web security on, no insecure content, no <webview>, no experimental features', () => {
    expect(prefs.webSecurity).toBe(true)
    expect(prefs.allowRunningInsecureContent).toBe(false)
    expect(prefs.webviewTag).toBe(false)
    expect(prefs).not.toHaveProperty('experimentalFeatures', true)
    expect(prefs).not.toHaveProperty('enableBlinkFeatures')
    const { prevented } = hardened(APP)
    expect(prevented('will-attach-webview', {}, {})).toBe(true)
  })

  it('7. a Content Security Policy on every response, allowing only the app itself', () => {
    const { session } = hardened(APP)
    const onHeaders = session.webRequest.onHeadersReceived.mock.calls[0]![0] as (
      d: { responseHeaders: Record<string, string[]> },
      cb: (r: { responseHeaders: Record<string, string[]> }) => void
    ) => void
    let headers: Record<string, string[]> = {}
    onHeaders({ responseHeaders: { 'X-Other': ['1'] } }, (r) => (headers = r.responseHeaders))
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY])
    for (const rule of [
      "default-src 'self'",
      "script-src 'self'",
      "object-src 'none'",
      "frame-ancestors 'none'"
    ])
      expect(CONTENT_SECURITY_POLICY).toContain(rule)
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/)
  })

  it('8–9. navigation and redirects away are stopped, new windows denied', () => {
    const { webContents, prevented } = hardened(APP)
    expect(prevented('will-navigate', 'https://evil.example/')).toBe(true)
    expect(prevented('will-navigate', 'file:///etc/passwd')).toBe(true)
    expect(prevented('will-redirect', 'https://evil.example/')).toBe(true)
    expect(prevented('will-navigate', APP)).toBe(false)
    const open = webContents.setWindowOpenHandler.mock.calls[0]![0] as (d: { url: string }) => {
      action: string
    }
    expect(open({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
    expect(open({ url: APP })).toEqual({ action: 'deny' })
  })

  it('10. every permission request and check is denied', () => {
    const { session } = hardened(APP)
    const request = session.setPermissionRequestHandler.mock.calls[0]![0] as (
      c: unknown,
      p: string,
      cb: (ok: boolean) => void
    ) => void
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      const decide = vi.fn()
      request(null, permission, decide)
      expect(decide).toHaveBeenCalledWith(false)
    }
    const check = session.setPermissionCheckHandler.mock.calls[0]![0] as () => boolean
    expect(check()).toBe(false)
  })

  it('11. no remote content: the built app reaches no network host; the dev server only itself', () => {
    const built = hardened(APP)
    expect(built.blocked('https://cdn.example/lib.js')).toBe(true)
    expect(built.blocked('http://127.0.0.1:5190/api/call/settings:get')).toBe(true)
    const dev = hardened('http://localhost:5173')
    expect(dev.blocked('http://localhost:5173/src/main.tsx')).toBe(false)
    expect(dev.blocked('ws://localhost:5173/')).toBe(false)
    expect(dev.blocked('https://fonts.example/font.woff2')).toBe(true)
    expect(dev.blocked('http://localhost:9999/')).toBe(true)
  })
})
