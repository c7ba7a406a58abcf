import { describe, expect, it } from 'vitest'
import { browserLanguage, startLanguage } from '../../../src/renderer/src/i18n/start-language'
import { createTestCore } from '../../support/core'

// The till's language is a per-device preference: a fresh till follows the browser (Electron: the
// OS) until someone chooses; then every new tab and restart starts in the choice; an open tab
// keeps what it shows across a reload, whatever another tab chose.

describe('the language a till screen starts in', () => {
  const fresh = { language: 'zh-CN', chosen: false } as const

  it('follows the browser on a fresh till: English, Chinese of any script, else the fallback', () => {
    expect(startLanguage({ tab: null, device: fresh, browser: ['en-GB', 'zh-CN'] })).toBe('en')
    expect(startLanguage({ tab: null, device: fresh, browser: ['zh-TW', 'en'] })).toBe('zh-CN')
    expect(startLanguage({ tab: null, device: fresh, browser: ['fr-FR', 'en-US'] })).toBe('en')
    expect(startLanguage({ tab: null, device: fresh, browser: ['fr-FR', 'de'] })).toBe('zh-CN')
    expect(startLanguage({ tab: null, device: null, browser: ['EN_us'] })).toBe('en')
    expect(browserLanguage([])).toBeNull()
  })

  it("takes the device's choice once made, and the tab's own over both", () => {
    const chosenZh = { language: 'zh-CN', chosen: true } as const
    expect(startLanguage({ tab: null, device: chosenZh, browser: ['en-US'] })).toBe('zh-CN')
    expect(startLanguage({ tab: 'en', device: chosenZh, browser: ['zh-CN'] })).toBe('en')
    // Something else in the tab's storage is not a language: ignored.
    expect(startLanguage({ tab: 'fr', device: chosenZh, browser: ['en-US'] })).toBe('zh-CN')
  })

  it('main says whether anyone has chosen, and keeps the choice', async () => {
    const { core, sessionId } = await createTestCore()
    const call = async (channel: string, input: unknown) => {
      const answer = await core.router.dispatch(channel as never, input, { sessionId })
      if (!answer.ok) throw new Error(JSON.stringify(answer.error))
      return answer.value
    }
    expect(await call('preferences:get', {})).toEqual({ language: 'zh-CN', chosen: false })
    await call('preferences:update', { language: 'en' })
    expect(await call('preferences:get', {})).toEqual({ language: 'en', chosen: true })
  })
})
