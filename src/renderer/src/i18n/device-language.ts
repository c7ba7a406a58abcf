import type { Language } from './start-language'

// The browser's side of the till's language: what this tab shows, and what the browser prefers.
// The rule choosing between them and the device's choice is start-language.ts (no DOM, unit-tested).
export { browserLanguage, startLanguage } from './start-language'

const TAB_KEY = 'kassa.language'

/** The language this tab shows (kept across its reloads in `sessionStorage`), or null. */
export function tabLanguage(): string | null {
  try {
    return sessionStorage.getItem(TAB_KEY)
  } catch {
    return null
  }
}

/** Remembers the language this tab shows, for its next reload. */
export function keepTabLanguage(language: Language): void {
  try {
    sessionStorage.setItem(TAB_KEY, language)
  } catch {
    // Storage refused (a locked-down profile): the tab starts in the device's language instead.
  }
}

/** The browser's (or, in Electron, the OS's) languages, most preferred first. */
export function browserLanguages(): readonly string[] {
  return navigator.languages?.length ? navigator.languages : [navigator.language]
}
