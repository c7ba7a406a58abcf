import { expect, snap, test } from './fixtures'
import { openShopAsOwner } from './helpers/api'

/**
 * The product and staff forms name every wrong field on one press, not one per try: a mistyped
 * barcode, price, username or PIN is all said at once, each beside its field.
 */

test('the product form names a bad SKU, barcode and price at once', async ({ page, kassa }) => {
  await openShopAsOwner(page, kassa.url)
  await page.setViewportSize({ width: 1366, height: 860 })
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('button', { name: 'Products' })
    .click()
  await page.getByRole('button', { name: 'Add product' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add product' })
  await dialog.getByLabel('Name (Chinese)').fill('桂花乌龙茶 500ml')
  await dialog.getByLabel('Name (English)').fill('Osmanthus oolong tea 500ml')
  await dialog.getByLabel('Barcodes').fill('6971234500039')
  await dialog.getByLabel('Price (CNY)').fill('5,50')
  await dialog.getByRole('button', { name: 'Save product' }).click()
  for (const label of ['SKU', 'Barcodes', 'Price (CNY)'])
    await expect(dialog.getByLabel(label, { exact: true })).toHaveAttribute('aria-invalid', 'true')
  await expect(dialog.locator('.field__error')).toHaveCount(3)
  await snap(page, 'product-form-issues-en-1366')

  // Fixing one field clears only its own reason.
  await dialog.getByLabel('SKU').fill('TEA-OSM-500')
  await expect(dialog.locator('.field__error')).toHaveCount(2)
})

test('the staff form names a bad username, password and PIN at once (zh-CN, 1024)', async ({
  page,
  kassa
}) => {
  await openShopAsOwner(page, kassa.url)
  await page.setViewportSize({ width: 1024, height: 768 })
  await page
    .getByRole('group', { name: /Language|语言/ })
    .getByRole('button', { name: '中文' })
    .click()
  await page.getByRole('navigation').getByRole('button', { name: '员工' }).click()
  await page.getByRole('button', { name: '添加用户' }).first().click()
  await page.getByLabel('显示名称').fill('小李')
  await page.getByLabel('用户名').fill('a b')
  await page.getByLabel('密码', { exact: true }).fill('123')
  await page.getByLabel('PIN 码', { exact: true }).fill('12')
  await page.getByRole('button', { name: '添加用户' }).last().click()
  for (const label of ['用户名', '密码', 'PIN 码'])
    await expect(page.getByLabel(label, { exact: true })).toHaveAttribute('aria-invalid', 'true')
  await snap(page, 'staff-form-issues-zh-CN-1024')
})
