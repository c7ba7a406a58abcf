import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { contract } from '@shared/contract'
import { tempDir } from '../../support/temp-dir'

/** A stand-in for the parts of Electron the desktop shell touches. */
const electron = vi.hoisted(() => {
  const handlers = new Map<string, unknown>()
  const windows: Array<{ options: unknown; loaded: string | null }> = []
  const state = { lock: true, quit: 0, userData: '' }
  class BrowserWindow {
    loaded: string | null = null
    webContents = {
      on: () => undefined,
      setWindowOpenHandler: () => undefined,
      session: {
        setPermissionRequestHandler: () => undefined,
        setPermissionCheckHandler: () => undefined,
        webRequest: { onHeadersReceived: () => undefined, onBeforeRequest: () => undefined }
      },
      isDestroyed: () => false,
      send: () => undefined
    }
    constructor(readonly options: unknown) {
      windows.push(this as never)
    }
    once() {}
    on() {}
    show() {}
    async loadURL(url: string) {
      this.loaded = url
    }
  }
  return {
    handlers,
    windows,
    state,
    module: {
      app: {
        requestSingleInstanceLock: () => state.lock,
        quit: () => void state.quit++,
        on: () => undefined,
        whenReady: async () => undefined,
        getPath: () => state.userData,
        getVersion: () => '0.0.0-test'
      },
      BrowserWindow,
      ipcMain: {
        handle: (channel: string, handler: unknown) => handlers.set(channel, handler),
        removeHandler: () => undefined
      },
      Notification: { isSupported: () => false },
      safeStorage: { isEncryptionAvailable: () => false },
      // The sync push process starts on the first push only; none happens here.
      utilityProcess: {
        fork: () => {
          throw new Error('no sync push in the desktop shell test')
        }
      },
      webContents: { fromId: () => undefined }
    }
  }
})

vi.mock('electron', () => electron.module)

describe('the desktop shell', () => {
  beforeEach(() => {
    vi.resetModules()
    electron.handlers.clear()
    electron.windows.length = 0
    electron.state.quit = 0
    electron.state.userData = tempDir()
    delete process.env.KASSA_DATA_DIR
  })
  afterEach(() => {
    electron.state.lock = true
  })

  it('quits at once when another Kassa is already running', async () => {
    electron.state.lock = false
    await import('../../../src/main/electron/main')
    await vi.waitFor(() => expect(electron.state.quit).toBe(1))
    expect(electron.windows).toHaveLength(0)
  })

  it('opens one hardened window over the core, with every contract channel bound', async () => {
    await import('../../../src/main/electron/main')
    await vi.waitFor(() => expect(electron.windows[0]?.loaded).toMatch(/^file:.*renderer\/index\.html$/), {
      timeout: 10_000
    })
    expect([...electron.handlers.keys()].sort()).toEqual(Object.keys(contract).sort())
    expect(electron.windows[0]!.options).toMatchObject({
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false }
    })
  })
})
