import { expect, snap, test } from './fixtures'
import { E2E_OWNER, completeSetup, logIn } from './helpers/accounts'

// A Chinese shop's browser: a fresh till follows the browser's language until someone chooses.
test.use({ locale: 'zh-CN' })

test('switch language, edit and save the store settings, and find them kept after a reload', async ({
  page,
  browser,
  kassa
}) => {
  // A fresh till nobody has chosen a language on greets an English browser in English.
  const english = await browser.newContext({ locale: 'en-GB' })
  const greeted = await english.newPage()
  await greeted.goto(kassa.url)
  await expect(greeted.getByRole('heading', { name: 'Welcome to Kassa' })).toBeVisible()
  await english.close()

  await page.goto(kassa.url)
  await completeSetup(page)
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible()
  await snap(page, 'shell-zh-CN')

  await page.getByRole('button', { name: 'English' }).click()
  const nav = page.getByRole('navigation', { name: 'Main navigation' })
  await expect(nav).toBeVisible()
  await snap(page, 'shell-en')

  await nav.getByRole('button', { name: 'Settings' }).click()
  await expect(page.getByRole('heading', { name: 'Store settings' })).toBeVisible()
  await snap(page, 'settings-en')

  // A blank name is refused with the field named, and nothing is saved.
  await page.getByLabel('Store name').fill('   ')
  await page.getByRole('button', { name: 'Save settings' }).click()
  await expect(page.getByRole('alert')).toContainText('must not be empty')

  await page.getByLabel('Store name').fill('Harbour Street Grocer')
  // The same zones as on first-run set-up: UTC is among them (the runtime's own list leaves it out).
  await expect(page.getByLabel('Time zone').locator('option[value="UTC"]')).toHaveCount(1)
  await page.getByLabel('Currency').selectOption('HKD')
  await page.getByLabel('Rounding', { exact: true }).selectOption('half-even')
  await page.getByLabel('Shelf prices').selectOption('exclusive')
  await page.getByLabel('Cash rounding').selectOption('0.10')
  await expect(page.getByText('Example: HK$1,234.56')).toBeVisible()
  await page.getByRole('button', { name: 'Save settings' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved' })).toBeVisible()

  // A reload keeps the sign-in (web mode resumes this tab's session).
  await page.reload()
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible()
  await page.getByRole('button', { name: 'Settings' }).click()
  await expect(page.getByLabel('Store name')).toHaveValue('Harbour Street Grocer')
  await expect(page.getByLabel('Currency')).toHaveValue('HKD')
  await expect(page.getByLabel('Rounding', { exact: true })).toHaveValue('half-even')
  await expect(page.getByLabel('Shelf prices')).toHaveValue('exclusive')
  await expect(page.getByLabel('Cash rounding')).toHaveValue('0.10')
  await expect(page.getByText('Harbour Street Grocer').first()).toBeVisible()

  await page.getByRole('button', { name: '中文' }).click()
  await expect(page.getByRole('heading', { name: '门店设置' })).toBeVisible()
  await snap(page, 'settings-zh-CN')

  // The language is the till's: a new tab starts in the last choice (中文). Switching that tab to
  // English saves the choice for the till, but the first tab keeps what it shows, reload or not.
  const tab = await page.context().newPage()
  await tab.goto(page.url())
  await expect(tab.getByRole('heading', { name: '登录' })).toBeVisible()
  await tab.getByRole('button', { name: 'English' }).click()
  await expect(tab.getByRole('heading', { name: 'Log in' })).toBeVisible()
  await page.reload()
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible()
  await tab.close()
  await page.getByRole('button', { name: '中文' }).click()

  // The language choice is kept across restarts of the app itself.
  const url = await kassa.restart()
  await page.goto(url)
  await logIn(page, E2E_OWNER.username, E2E_OWNER.password)
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible()
})
