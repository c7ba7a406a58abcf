import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { hqResources, type Language } from './resources'

export type { Language }
export const LANGUAGES: readonly Language[] = ['zh-CN', 'en']
const STORAGE_KEY = 'kassa-hq.language'

/**
 * The language a person picked in this browser, else the browser's own first preference we speak
 * (`navigator.languages`: `en-US` → en, `zh-*` → zh-CN), else zh-CN. The owner set-up screen is
 * the first one anyone sees, before any choice could have been saved.
 */
export function initialLanguage(): Language {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY)
  if (saved === 'en' || saved === 'zh-CN') return saved
  const preferred = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language])
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0]
    if (primary === 'zh') return 'zh-CN'
    if (primary === 'en') return 'en'
  }
  return 'zh-CN'
}

export const i18n = i18next.createInstance()

void i18n.use(initReactI18next).init({
  resources: hqResources,
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false
})
if (typeof document !== 'undefined') document.documentElement.lang = i18n.language

/** Switches the interface language and remembers it in this browser. */
export function applyLanguage(language: Language): void {
  void i18n.changeLanguage(language)
  document.documentElement.lang = language
  localStorage.setItem(STORAGE_KEY, language)
}
