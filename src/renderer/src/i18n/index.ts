import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import type { Preferences } from '@shared/contract'
import { resources } from './resources'

export type Language = Preferences['language']

export const i18n = i18next.createInstance()

void i18n.use(initReactI18next).init({
  resources,
  lng: 'zh-CN',
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false
})

export function applyLanguage(language: Language): void {
  void i18n.changeLanguage(language)
  document.documentElement.lang = language
}
