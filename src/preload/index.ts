import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { channelNames, type KassaBridge } from '@shared/contract'

const EVENT_CHANNEL = 'kassa:event'

/**
 * Exactly the contract, as `window.kassa`: one `invoke` that only knows contract channels,
 * and `on` for contract events. No raw ipcRenderer ever reaches the page.
 */
const bridge: KassaBridge = {
  mode: 'electron',
  invoke(channel, input, options) {
    if (!channelNames.has(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'NOT_FOUND', message: `Unknown channel: ${channel}` }
      })
    }
    return options ? ipcRenderer.invoke(channel, input, options) : ipcRenderer.invoke(channel, input)
  },
  on(event, listener) {
    const wrapped = (_event: IpcRendererEvent, name: string, payload: unknown): void => {
      if (name === event) (listener as (payload: unknown) => void)(payload)
    }
    ipcRenderer.on(EVENT_CHANNEL, wrapped)
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, wrapped)
  }
}

contextBridge.exposeInMainWorld('kassa', bridge)
