import type { KassaBridge } from '../shared/contract'

declare global {
  interface Window {
    /** Present in the desktop app; web mode builds its own bridge. */
    kassa?: KassaBridge
  }
}
