import { describe, expect, it, vi } from 'vitest'
import { desktopPlatform } from '../../../src/main/electron/platform'

vi.mock('electron', () => ({}))

function parts(options: { contents?: object | undefined; supported?: boolean } = {}) {
  const shown = vi.fn()
  const Notification = vi.fn(function (
    this: { show: () => void },
    _options: { title: string; body: string }
  ) {
    this.show = shown
  }) as unknown as { isSupported(): boolean; new (o: { title: string; body: string }): { show(): void } }
  ;(Notification as unknown as { isSupported: () => boolean }).isSupported = () => options.supported ?? true
  const fromId = vi.fn(() => options.contents)
  return { electron: { webContents: { fromId }, Notification } as never, fromId, shown, Notification }
}

describe('the desktop platform', () => {
  it('prints the calling window to PDF with the page’s own paper size', async () => {
    const printToPDF = vi.fn(async () => new Uint8Array([37, 80, 68, 70]))
    const { electron, fromId } = parts({ contents: { isDestroyed: () => false, printToPDF } })
    const pdf = await desktopPlatform(electron).printToPdf!('window-7')
    expect(fromId).toHaveBeenCalledWith(7)
    expect(printToPDF).toHaveBeenCalledWith({ preferCSSPageSize: true, printBackground: true })
    expect([...pdf]).toEqual([37, 80, 68, 70])
  })

  it('refuses when the window is gone', async () => {
    const { electron } = parts({ contents: undefined })
    await expect(desktopPlatform(electron).printToPdf!('window-3')).rejects.toThrow('gone')
  })

  it('shows a system notification only where the system supports them', () => {
    const supported = parts({ supported: true })
    desktopPlatform(supported.electron).notify!({ title: 'Day closed', body: '¥1,234.00' })
    expect(supported.Notification).toHaveBeenCalledWith({ title: 'Day closed', body: '¥1,234.00' })
    expect(supported.shown).toHaveBeenCalled()
    const unsupported = parts({ supported: false })
    desktopPlatform(unsupported.electron).notify!({ title: 'x', body: 'y' })
    expect(unsupported.Notification).not.toHaveBeenCalled()
  })
})
