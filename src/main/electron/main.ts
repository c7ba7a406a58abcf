import { join } from 'node:path'
import { app, BrowserWindow, ipcMain, Notification, safeStorage, utilityProcess, webContents } from 'electron'
import { createCore, type Core } from '../app/create-core'
import { utilityPushChild } from '../sync/push-child'
import { bindIpc, forwardEvents } from './ipc'
import { desktopPlatform } from './platform'
import { safeStorageProtector } from './safe-storage'
import { hardenWindow, rendererUrl, trustedSenderCheck, windowOptions } from './window'

/**
 * The desktop shell: one window over the same core web mode uses. Everything that
 * matters lives in the core; this file only wires Electron to it.
 */
let window: BrowserWindow | null = null

/** The sync key sealed by the OS keychain where Electron can reach one. */
function protectorOption(): { protector?: NonNullable<ReturnType<typeof safeStorageProtector>> } {
  const protector = safeStorageProtector(safeStorage)
  return protector ? { protector } : {}
}

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore()
    window?.focus()
  })

  await app.whenReady()
  const dataDir = process.env.KASSA_DATA_DIR ?? app.getPath('userData')
  const core: Core = await createCore({
    dataDir,
    mode: 'electron',
    version: app.getVersion(),
    platform: desktopPlatform({ webContents, Notification }),
    // The sync push runs in a utility process: Electron's own binary is not a Node to fork.
    sync: { background: true, startPushChild: utilityPushChild(utilityProcess), ...protectorOption() }
  })
  const url = rendererUrl(process.env.ELECTRON_RENDERER_URL, join(__dirname, '..'))
  bindIpc(
    ipcMain,
    core,
    trustedSenderCheck(() => window, url)
  )

  window = new BrowserWindow(windowOptions(join(__dirname, '../preload/index.js')))
  hardenWindow(window, url)
  const stopEvents = forwardEvents(core, window.webContents)
  window.once('ready-to-show', () => window?.show())
  window.on('closed', () => {
    stopEvents()
    window = null
  })
  await window.loadURL(url)

  app.on('window-all-closed', () => {
    core.close()
    app.quit()
  })
}

void start()
