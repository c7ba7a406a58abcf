import { create } from 'zustand'
import type { AppInfo, Permission } from '@shared/contract'
import { call } from '../api/client'
import { applyLanguage, type Language } from '../i18n'

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
  language: 'zh-CN',
  screen: 'sell',
  startupError: null,

  async start() {
    try {
      const info = await call('app:info', {})
      if (info.database.status === 'ok') {
        const preferences = await call('preferences:get', {})
        applyLanguage(preferences.language)
        set({ language: preferences.language })
      }
      set({ info })
    } catch (error) {
      set({ startupError: error instanceof Error ? error.message : String(error) })
    }
  },

  async setLanguage(language) {
    applyLanguage(language)
    set({ language })
    await call('preferences:update', { language })
  },

  go(screen) {
    set({ screen })
  }
}))
