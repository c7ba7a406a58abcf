import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import type { Preferences } from '@shared/contract'
import { resources } from './resources'
import { browserLanguages, startLanguage, tabLanguage } from './device-language'

export type Language = Preferences['language']

export const i18n = i18next.createInstance()

/** Before main answers: this tab's language, else the browser's, so the first paint is not the other one. */
export const firstLanguage: Language = startLanguage({
  tab: tabLanguage(),
  device: null,
  browser: browserLanguages()
})

void i18n.use(initReactI18next).init({
  resources,
  lng: firstLanguage,
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false
})

document.documentElement.lang = firstLanguage

export function applyLanguage(language: Language): void {
  void i18n.changeLanguage(language)
  document.documentElement.lang = language
}
