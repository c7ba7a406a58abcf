import type { KassaBridge } from '@shared/contract'
import { createWebBridge } from './web-bridge'

/** The only module that knows whether we run in Electron or in a browser. */
function resolveBridge(): KassaBridge {
  if (window.kassa) return window.kassa
  const token = document.querySelector<HTMLMetaElement>('meta[name="kassa-session"]')?.content
  if (!token) throw new Error('No Kassa session: open the address that `npm run web` printed')
  return createWebBridge(token)
}

export const bridge: KassaBridge = resolveBridge()
