import { UI_LANGUAGES } from '@shared/contract/channels/settings'

export type Language = (typeof UI_LANGUAGES)[number]

/**
 * The interface language a till's screen starts in. The language is a per-device preference, kept
 * by main (`preferences:update`), which every new tab and every restart starts in. Until someone
 * has chosen one (`chosen: false`) the screen follows the browser's (in Electron, the OS's)
 * languages, so a fresh till in an English browser greets in English. A tab keeps the language it
 * shows across a reload (`tabLanguage`), as it keeps its sign-in: another tab's choice is saved
 * for the device but never switches a tab someone is using.
 *
 * @example startLanguage({ tab: null, device: { language: 'zh-CN', chosen: false }, browser: ['en-GB', 'zh-CN'] }) // 'en'
 */
export function startLanguage(input: {
  tab: string | null
  device: { language: Language; chosen: boolean } | null
  browser: readonly string[]
}): Language {
  const tab = UI_LANGUAGES.find((code) => code === input.tab)
  if (tab) return tab
  if (input.device?.chosen) return input.device.language
  return browserLanguage(input.browser) ?? input.device?.language ?? 'zh-CN'
}

/**
 * The first of the browser's languages Kassa speaks: any Chinese (zh, zh-TW, zh-Hans-CN) reads
 * zh-CN, any English reads en; `null` when none is either.
 */
export function browserLanguage(languages: readonly string[]): Language | null {
  for (const tag of languages) {
    const base = tag.toLowerCase().split(/[-_]/)[0]
    if (base === 'zh') return 'zh-CN'
    if (base === 'en') return 'en'
  }
  return null
}
