import { expect, snap, test } from './fixtures'
import { api, openShopAsOwner } from './helpers/api'

/**
 * Refusals reach the screen in the interface language, worded from their key with the field named
 * in that language — never main's English text (issue 10.5).
 */
for (const size of [
  { width: 1024, height: 768 },
  { width: 1366, height: 860 }
]) {
  test(`refusals in zh-CN and en at ${size.width}×${size.height}: an unknown code, a quantity too large`, async ({
    page,
    kassa
  }) => {
    await page.setViewportSize(size)
    await openShopAsOwner(page, kassa.url)
    await page.getByRole('button', { name: '中文' }).click()
    const { products } = await api<{ products: Array<{ barcodes: string[]; unit: string }> }>(
      page,
      'catalog:search',
      { query: '', limit: 20 }
    )
    const piece = products.find((p) => p.unit === 'piece' && p.barcodes.length > 0)!
    await page.getByLabel('扫码或搜索').focus()
    await page.keyboard.type('0000000000000')
    await page.keyboard.press('Enter')
    await expect(page.getByRole('alert')).toHaveText('没有条码或货号为 0000000000000 的商品')
    await snap(page, `errors-unknown-code-zh-${size.width}`)

    // A refused quantity names its field in Chinese, with no English left over.
    await page.keyboard.type(piece.barcodes[0]!)
    await page.keyboard.press('Enter')
    await page.getByLabel('数量').fill('99999999999999999')
    await page.getByLabel('数量').press('Enter')
    // Past any line's cap there is nothing to confirm: refused at once, beside its field (the
    // field's label names it, 数量), and said there only — not again as the Sell screen's notice
    // ("数量：数值太大" was the same refusal a second time).
    const beside = page.locator('.line-editor .field__error')
    await expect(beside).toHaveText('数值太大')
    await expect(page.getByText('数值太大')).toHaveCount(1)
    await expect(page.getByText(/^数量：/)).toHaveCount(0)
    await snap(page, `errors-quantity-zh-${size.width}`)

    // The same refusal follows a language switch.
    await page.getByRole('button', { name: 'English' }).click()
    await expect(beside).toContainText(/too large/i)
    await expect(beside).not.toContainText(/[\u4e00-\u9fff]/)
    await expect(page.getByText(/too large/i)).toHaveCount(1)
    await snap(page, `errors-quantity-en-${size.width}`)
  })
}
