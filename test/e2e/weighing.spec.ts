import type { Page } from '@playwright/test'
import { expect, snap, test } from './fixtures'
import { api, openShopAsOwner } from './helpers/api'
import { burst, pieceGoods, useLanguage, type DemoProduct } from './helpers/counter'

// A fresh cashier's findings at 1024×768 in zh-CN: a weighed item scanned without a weight was priced
// at 1 kg and counted in 应收, F12 opened payment for that total, and a weight of 999999999999 was
// taken after one "are you sure?" (a ¥8.8-trillion cart).

async function spinach(page: Page): Promise<DemoProduct> {
  const { products } = await api<{ products: DemoProduct[] }>(page, 'catalog:search', {
    query: '',
    limit: 200
  })
  return products.find((p) => p.nameZh === '菠菜')!
}

test('a line waiting for its weight counts nothing, F12 names it, and an absurd weight is refused, at 1024×768 in zh-CN', async ({
  page,
  kassa
}) => {
  await page.setViewportSize({ width: 1024, height: 768 })
  await openShopAsOwner(page, kassa.url)
  await useLanguage(page, 'zh-CN')
  const [piece] = await pieceGoods(page)
  const kg = await spinach(page)
  await burst(page, piece!.barcodes[0]!)
  const payable = page.getByTestId('payable')
  const before = `¥${(piece!.priceMinor / 100).toFixed(2)}`
  await expect(payable).toHaveText(before)
  await burst(page, kg.barcodes[0]!)
  const row = page.locator('.cart-lines tbody tr', { hasText: '菠菜' })
  await expect(row.getByTestId('line-unpriced')).toBeVisible()
  // The unit price (¥8.80/公斤) stays; the line's amount is no ¥8.80.
  await expect(row.locator('td').last()).toHaveText('—')
  await expect(payable).toHaveText(before)

  await page.keyboard.press('F12')
  await expect(page.locator('dialog[open]')).toHaveCount(0)
  await expect(page.getByRole('alert')).toContainText('菠菜 按公斤计价：请先输入重量。')
  await expect(page.locator('#line-quantity')).toBeFocused()
  await snap(page, 'weighing-pending-1024x768-zh-CN')

  // Nothing weighed yet: the field is empty, and Enter sells no placeholder 1 kg.
  await expect(page.locator('#line-quantity')).toHaveValue('')
  await page.locator('#line-quantity').press('Enter')
  await expect(page.locator('.line-editor .field__error')).toHaveText('请输入重量')
  await expect(page.getByRole('alert').filter({ hasText: '数字' })).toHaveCount(0)
  await expect(row.getByTestId('line-unpriced')).toBeVisible()
  await expect(payable).toHaveText(before)

  await page.locator('#line-quantity').fill('999999999999')
  await page.locator('#line-quantity').press('Enter')
  // No "are you sure?": no confirmation can make it right.
  await expect(page.getByTestId('large-quantity')).toHaveCount(0)
  await expect(page.locator('.line-editor .field__error')).toHaveText(
    '重量：菠菜 一行最多 999.999 千克，请核对后重新输入。'
  )
  // Said once, beside the field: not again in the Sell screen's notice.
  await expect(page.getByText('重量：菠菜 一行最多', { exact: false })).toHaveCount(1)
  await expect(payable).toHaveText(before)
  await snap(page, 'weighing-too-heavy-1024x768-zh-CN')

  await page.locator('#line-quantity').fill('0.5')
  await page.locator('#line-quantity').press('Enter')
  await expect(row.getByTestId('line-unpriced')).toHaveCount(0)
  await expect(payable).not.toHaveText(before)
  // The weight and the unit price in the screen's language: "0.5 公斤", "¥8.80/公斤", no "kg".
  await expect(row).toContainText('0.5 公斤')
  await expect(row).toContainText('/公斤')
  await expect(row).not.toContainText('kg')
  await page.keyboard.press('F12')
  await expect(page.locator('dialog[open]')).toHaveCount(1)
})

test('the same at 1366×860 in English', async ({ page, kassa }) => {
  await page.setViewportSize({ width: 1366, height: 860 })
  await openShopAsOwner(page, kassa.url)
  const kg = await spinach(page)
  await burst(page, kg.barcodes[0]!)
  await expect(page.getByTestId('payable')).toHaveText('¥0.00')
  await page.getByRole('button', { name: /Pay/ }).first().click()
  await expect(page.locator('dialog[open]')).toHaveCount(0)
  await expect(page.getByRole('alert')).toContainText('Spinach is sold by the kg: enter its weight first.')
  await expect(page.locator('#line-quantity')).toHaveValue('')
  await page.locator('#line-quantity').press('Enter')
  await expect(page.locator('.line-editor .field__error')).toHaveText('Enter the weight')
  await expect(page.getByRole('alert').filter({ hasText: 'decimal' })).toHaveCount(0)
  await expect(page.getByTestId('payable')).toHaveText('¥0.00')
  await page.locator('#line-quantity').fill('1000')
  await page.locator('#line-quantity').press('Enter')
  await expect(page.locator('.line-editor .field__error')).toHaveText(
    'Weight: one line of Spinach holds at most 999.999 kg; check the weight and enter it again.'
  )
  await expect(page.getByText('Weight: one line of Spinach holds at most')).toHaveCount(1)
  await snap(page, 'weighing-too-heavy-1366x860-en')
})
