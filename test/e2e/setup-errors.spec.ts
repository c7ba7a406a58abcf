import { expect, snap, test } from './fixtures'

// A Chinese shop's browser: a fresh till follows the browser's language until someone chooses.
test.use({ locale: 'zh-CN' })

test('set-up shows every problem at once, and a fixed field loses its message at once', async ({
  page,
  kassa
}) => {
  await page.goto(kassa.url)
  await expect(page.getByRole('heading', { name: '欢迎使用 Kassa' })).toBeVisible()
  await page.setViewportSize({ width: 1024, height: 768 })
  // The time zone starts as this computer's — shown as chosen, not as the list's first entry
  // (a UTC machine showed Africa/Abidjan), and UTC is one of the choices.
  const zone = page.getByLabel('时区')
  const machineZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)
  await expect(zone).toHaveValue(machineZone)
  expect(await zone.locator('option:checked').innerText()).toBe(machineZone)
  await expect(zone.locator('option[value="UTC"]')).toHaveCount(1)
  await page.getByLabel('门店名称').fill('')
  await page.getByRole('button', { name: /完成设置/ }).click()
  const invalid = page.locator('[aria-invalid="true"]')
  // Store name, display name, username, password and PIN: all five at once, not one per submit.
  await expect(invalid).toHaveCount(5)
  await snap(page, 'setup-errors-zh-CN-1024')

  await page.getByRole('button', { name: 'English' }).click()
  await page.setViewportSize({ width: 1366, height: 860 })
  await page.getByLabel('Display name').fill('Owner Wang')
  await expect(page.getByLabel('Display name')).not.toHaveAttribute('aria-invalid', 'true')
  await expect(invalid).toHaveCount(4)
  await page.getByLabel('Store name').fill('Harbour Street Grocer')
  await expect(invalid).toHaveCount(3)
  await snap(page, 'setup-errors-en-1366')

  await page.getByLabel('Username').fill('owner')
  await page.getByLabel('Password', { exact: true }).fill('owner-pass-1')
  await page.getByLabel('Repeat the password').fill('owner-pass-1')
  await page.getByLabel('PIN', { exact: true }).fill('1234')
  await page.getByRole('button', { name: 'Finish set-up' }).click()
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible()
})
