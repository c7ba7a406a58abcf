import { create } from 'zustand'
import type { AppInfo, Permission } from '@shared/contract'
import { call } from '../api/client'
import { applyLanguage, firstLanguage, type Language } from '../i18n'
import { browserLanguages, keepTabLanguage, startLanguage, tabLanguage } from '../i18n/device-language'

export const SCREENS = [
  'sell',
  'orders',
  'settlement',
  'products',
  'coupons',
  'settings',
  'users',
  'profile'
] as const
export type Screen = (typeof SCREENS)[number]

/** What a screen needs before it shows in the navigation (My profile lives in the top bar instead). */
export const SCREEN_NAV: Partial<Record<Screen, Permission | 'hidden'>> = {
  coupons: 'coupons-manage',
  users: 'users-manage',
  profile: 'hidden'
}

interface AppState {
  info: AppInfo | null
  language: Language
  screen: Screen
  startupError: string | null
  start(): Promise<void>
  setLanguage(language: Language): Promise<void>
  go(screen: Screen): void
}

/** Shell view state: which screen is showing, the interface language, app info. */
export const useAppStore = create<AppState>((set) => ({
  info: null,
  language: firstLanguage,
  screen: 'sell',
  startupError: null,

  async start() {
    try {
      const info = await call('app:info', {})
      if (info.database.status === 'ok') {
        const device = await call('preferences:get', {})
        const language = startLanguage({ tab: tabLanguage(), device, browser: browserLanguages() })
        applyLanguage(language)
        set({ language })
      }
      set({ info })
    } catch (error) {
      set({ startupError: error instanceof Error ? error.message : String(error) })
    }
  },

  /** This tab switches now; the device keeps the choice for new tabs and restarts (never switching other open tabs). */
  async setLanguage(language) {
    applyLanguage(language)
    keepTabLanguage(language)
    set({ language })
    await call('preferences:update', { language })
  },

  go(screen) {
    set({ screen })
  }
}))
