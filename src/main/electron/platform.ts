import type { Notification as NotificationType, WebContents } from 'electron'
import type { Platform } from '../core/platform'

interface ElectronParts {
  webContents: { fromId(id: number): WebContents | undefined }
  Notification: { isSupported(): boolean; new (options: { title: string; body: string }): NotificationType }
}

/** What only the desktop can do for the core: print a window to PDF, show a system notification. */
export function desktopPlatform(electron: ElectronParts): Platform {
  return {
    // The page has already applied its print CSS (only the receipt shows); @page sets the roll width.
    printToPdf: async (sessionId) => {
      const contents = electron.webContents.fromId(Number(sessionId.replace('window-', '')))
      if (!contents || contents.isDestroyed()) throw new Error('the window is gone')
      return contents.printToPDF({ preferCSSPageSize: true, printBackground: true })
    },
    notify: ({ title, body }) => {
      if (electron.Notification.isSupported()) new electron.Notification({ title, body }).show()
    }
  }
}
