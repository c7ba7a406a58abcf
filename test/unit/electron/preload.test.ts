import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { KassaBridge } from '@shared/contract'

const exposed: Record<string, unknown> = {}
const ipcRenderer = { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() }
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
  ipcRenderer
}))

describe('the preload bridge', () => {
  beforeEach(async () => {
    vi.resetModules()
    await import('../../../src/preload/index')
  })

  it('exposes exactly invoke, on and mode as window.kassa', () => {
    const bridge = exposed.kassa as KassaBridge
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'mode', 'on'])
    expect(bridge.mode).toBe('electron')
  })

  it('only invokes contract channels', async () => {
    const bridge = exposed.kassa as KassaBridge
    ipcRenderer.invoke.mockResolvedValue({ ok: true, value: 1 })
    await bridge.invoke('settings:get', {})
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('settings:get', {})
    const refused = await bridge.invoke('shell:exec' as never, {} as never)
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(ipcRenderer.invoke).toHaveBeenCalledTimes(1)
  })
})
