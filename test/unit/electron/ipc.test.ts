import { describe, expect, it, vi } from 'vitest'
import { contract } from '@shared/contract'
import { bindIpc, forwardEvents, sessionIdOf, EVENT_CHANNEL } from '../../../src/main/electron/ipc'
import { signInOwner } from '../../support/accounts'
import { createTestCore } from '../../support/core'

vi.mock('electron', () => ({}))

type Handler = (event: unknown, input: unknown) => Promise<unknown>

function fakeIpcMain() {
  const handlers = new Map<string, Handler>()
  return {
    handlers,
    handle: vi.fn((channel: string, handler: Handler) => handlers.set(channel, handler)),
    removeHandler: vi.fn((channel: string) => handlers.delete(channel))
  }
}

describe('Electron IPC binding', () => {
  it('registers exactly the contract channels and removes them again', async () => {
    const { core } = await createTestCore()
    const ipcMain = fakeIpcMain()
    const unbind = bindIpc(ipcMain as never, core, () => true)
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.keys(contract).sort())
    unbind()
    expect(ipcMain.handlers.size).toBe(0)
  })

  it('forwards a trusted call to the router under the window’s own session', async () => {
    const { core } = await createTestCore()
    const ipcMain = fakeIpcMain()
    bindIpc(ipcMain as never, core, () => true)
    await signInOwner(core, sessionIdOf({ id: 7 }))
    const result = await ipcMain.handlers.get('settings:get')!({ sender: { id: 7 } }, {})
    expect(result).toMatchObject({ ok: true, value: { currency: 'CNY' } })
    expect(core.sessions.get(sessionIdOf({ id: 7 }))).toBeDefined()
  })

  it('refuses an untrusted sender before anything runs', async () => {
    const { core } = await createTestCore()
    const ipcMain = fakeIpcMain()
    const dispatch = vi.spyOn(core.router, 'dispatch')
    bindIpc(ipcMain as never, core, () => false)
    const result = await ipcMain.handlers.get('settings:update')!({ sender: { id: 1 } }, {})
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('forwards main’s events to a live, signed-in window only', async () => {
    const { core } = await createTestCore()
    const send = vi.fn()
    let destroyed = false
    forwardEvents(core, { id: 9, send, isDestroyed: () => destroyed } as never)
    const payload = { id: 'n1', level: 'info' as const, title: 't', body: 'b', at: '2026-11-25T00:00:00Z' }
    core.sessions.open(sessionIdOf({ id: 9 }), core.clock.now())
    core.events.emit('notification:raised', payload)
    expect(send).not.toHaveBeenCalled()
    await signInOwner(core, sessionIdOf({ id: 9 }))
    core.events.emit('notification:raised', payload)
    destroyed = true
    core.events.emit('notification:raised', payload)
    expect(send).toHaveBeenCalledTimes(1)
    expect(send).toHaveBeenCalledWith(EVENT_CHANNEL, 'notification:raised', payload)
  })
})
