import { expect, snap, test } from './fixtures'
import { E2E_OWNER, completeSetup, logIn } from './helpers/accounts'

test('switch language, edit and save the store settings, and find them kept after a reload', async ({
  page,
  kassa
}) => {
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

  // The language choice is kept across restarts of the app itself.
  const url = await kassa.restart()
  await page.goto(url)
  await logIn(page, E2E_OWNER.username, E2E_OWNER.password)
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible()
})
