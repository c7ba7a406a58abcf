import type { Page } from '@playwright/test'
import { expect, snap, test } from './fixtures'
import { openShopAsOwner, OWNER } from './helpers/api'
import { burst, typeSlowly, useLanguage, type Language, DIAGONAL } from './helpers/counter'

// The lock screen at a counter's sizes: the whole of it — PIN box, keypad, Unlock, Switch user —
// shows without scrolling, in both languages, with an error showing and while switching user.

const words = (language: Language, en: string, zh: string): string => (language === 'en' ? en : zh)

async function expectWholeInView(page: Page, submit: RegExp | string): Promise<void> {
  const fits = await page.evaluate(() => {
    const scroller = document.scrollingElement!
    return { scrollHeight: scroller.scrollHeight, innerHeight: window.innerHeight }
  })
  expect(fits.scrollHeight, JSON.stringify(fits)).toBeLessThanOrEqual(fits.innerHeight)
  const button = page.getByRole('button', { name: submit, exact: true })
  await expect(button).toBeInViewport({ ratio: 1 })
  const box = (await button.boundingBox())!
  expect(box.y + box.height).toBeLessThanOrEqual(fits.innerHeight)
}

for (const { size, language } of DIAGONAL) {
  const tag = `${size.width}x${size.height}-${language}`

  test(`the lock screen fits ${tag} without scrolling; a scanner burst in the PIN is kept`, async ({
    page,
    kassa
  }) => {
    await page.setViewportSize(size)
    await openShopAsOwner(page, kassa.url)
    await useLanguage(page, language)
    await page.keyboard.press('Alt+l')
    const title = words(language, 'Till locked', '收银台已锁定')
    await expect(page.getByRole('heading', { name: title })).toBeVisible()
    const unlock = words(language, 'Unlock', '解锁')
    await expectWholeInView(page, unlock)
    await snap(page, `lock-fit-${tag}`)

    // A scanner's burst into the PIN box is no PIN: swallowed whole (no unlock tried), the box
    // keeps what it had, and the notice says why — the screen still fits.
    const pin = page.getByLabel(words(language, 'Enter your PIN to unlock', '输入 PIN 码解锁'))
    await expect(pin).toBeFocused()
    const unlocks: string[] = []
    page.on('request', (request) => {
      if (request.url().includes('/api/call/auth:unlock')) unlocks.push(request.url())
    })
    await burst(page, '69012345')
    await expect(page.getByTestId('scan-refused')).toContainText('69012345')
    await expect(pin).toHaveValue('')
    await expect(page.getByRole('heading', { name: title })).toBeVisible()
    expect(unlocks).toEqual([])
    await expectWholeInView(page, unlock)

    // A wrong PIN typed by a person: its error shows under the box and Unlock stays in view.
    await typeSlowly(page, '0000')
    await page.keyboard.press('Enter')
    await expect(pin).toHaveAttribute('aria-invalid', 'true')
    await expect(pin).toHaveValue('')
    expect(unlocks).toHaveLength(1)
    await expectWholeInView(page, unlock)
    await snap(page, `lock-fit-error-${tag}`)

    // Switching user, with the name left blank and pressed: the name's error, the PIN, the
    // keypad and Switch all show.
    await page.getByRole('button', { name: words(language, 'Switch user', '切换用户') }).click()
    const switchLabel = words(language, 'Switch', '切换')
    await page.getByRole('button', { name: switchLabel, exact: true }).click()
    const username = page.getByLabel(words(language, 'Username', '用户名'))
    await expect(username).toHaveAttribute('aria-invalid', 'true')
    await expectWholeInView(page, switchLabel)
    await snap(page, `lock-fit-switch-${tag}`)

    // Back, and the owner's PIN keyed fast (four digits are no scan) unlocks: no digit lost.
    await page.getByRole('button', { name: words(language, 'Back', '返回') }).click()
    await expect(pin).toBeFocused()
    await burst(page, OWNER.pin)
    await expect(
      page.getByRole('navigation', { name: words(language, 'Main navigation', '主导航') })
    ).toBeVisible()
  })
}
