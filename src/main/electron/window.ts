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
      webviewTag: false,
      navigateOnDragDrop: false,
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
 * Locks a window down: no navigation or redirect away from the app, no new windows, no
 * webviews, no permission prompts (camera, geolocation, …), no request to any other host,
 * and a CSP on every response.
 */
export function hardenWindow(win: BrowserWindowType, appUrl: string): void {
  const contents = win.webContents
  const appOrigin = originOf(appUrl)
  const stayHome = (event: { preventDefault(): void }, url: string): void => {
    if (originOf(url) !== appOrigin) event.preventDefault()
  }
  contents.on('will-navigate', stayHome)
  contents.on('will-redirect', stayHome)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  contents.session.setPermissionCheckHandler(() => false)
  // No remote content: the page loads only from where the app itself comes from (the built
  // files, or the dev server and its hot-reload socket). Payments talk to providers from main.
  contents.session.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] },
    (details, callback) => callback({ cancel: !isAppHost(details.url, appUrl) })
  )
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

/** Whether a network URL is the app's own server (only ever the dev server; built files are `file:`). */
function isAppHost(url: string, appUrl: string): boolean {
  try {
    const app = new URL(appUrl)
    return app.protocol.startsWith('http') && new URL(url).host === app.host
  } catch {
    return false
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
