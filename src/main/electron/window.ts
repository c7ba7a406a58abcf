import { join } from 'node:path'
import type {
  BrowserWindow as BrowserWindowType,
  BrowserWindowConstructorOptions,
  IpcMainInvokeEvent
} from 'electron'
import { CONTENT_SECURITY_POLICY } from '../web/security'

export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'Kassa',
    backgroundColor: '#f4f5f7',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false
    }
  }
}

/** Where the renderer comes from: the dev server in `electron-vite dev`, the built files otherwise. */
export function rendererUrl(devServerUrl: string | undefined, outDir: string): string {
  if (devServerUrl) return devServerUrl
  return new URL(`file://${join(outDir, 'renderer', 'index.html')}`).toString()
}

/**
 * Locks a window down: no navigation away from the app, no new windows, no permission
 * prompts (camera, geolocation, …), and a CSP on every response.
 */
export function hardenWindow(win: BrowserWindowType, appUrl: string): void {
  const contents = win.webContents
  const appOrigin = originOf(appUrl)
  contents.on('will-navigate', (event, url) => {
    if (originOf(url) !== appOrigin) event.preventDefault()
  })
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  contents.session.setPermissionCheckHandler(() => false)
  contents.session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] }
    })
  })
}

/** An IPC call is trusted only from the top frame of our window, showing our page. */
export function trustedSenderCheck(getWindow: () => BrowserWindowType | null, appUrl: string) {
  const appOrigin = originOf(appUrl)
  return (event: IpcMainInvokeEvent): boolean => {
    const win = getWindow()
    const frame = event.senderFrame
    if (!win || !frame || event.sender !== win.webContents) return false
    if (frame !== win.webContents.mainFrame) return false
    return originOf(frame.url) === appOrigin
  }
}

function originOf(url: string): string {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'file:' ? `file://${parsed.pathname}` : parsed.origin
  } catch {
    return 'invalid:'
  }
}
