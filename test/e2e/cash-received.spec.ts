import { expect, snap, test } from './fixtures'
import { openShopAsOwner } from './helpers/api'
import { burst, pieceGoods, useLanguage } from './helpers/counter'

// The payment dialog's "Cash received" took `abc`, `-5` and `1e2` with no field error and offered
// "Take −¥5.00 cash, pay the rest another way". It is refused under the field, naming it, in the
// cashier's language, and nothing invalid is offered as part of a split tender.

const CASES = {
  en: {
    size: { width: 1366, height: 860 },
    notDecimal: 'Cash received: must be a decimal number such as "12.50"',
    negative: 'Cash received: must not be negative',
    split: /pay the rest another way/
  },
  'zh-CN': {
    size: { width: 1024, height: 768 },
    notDecimal: '实收现金：',
    negative: '实收现金：',
    split: /余款用其他方式/
  }
} as const

for (const [language, c] of Object.entries(CASES)) {
  test(`cash received refuses abc, -5 and 1e2 under the field, in ${language}`, async ({ page, kassa }) => {
    await page.setViewportSize(c.size)
    await openShopAsOwner(page, kassa.url)
    if (language !== 'en') await useLanguage(page, 'zh-CN')
    const goods = (await pieceGoods(page)).filter((p) => p.priceMinor >= 800)
    await burst(page, goods[0]!.barcodes[0]!)
    await expect(page.locator('.cart-lines tbody tr')).toHaveCount(1)
    await page.keyboard.press('F12')
    const dialog = page.locator('dialog[open]')
    const field = page.locator('#pay-tendered')
    await expect(field).toBeFocused()
    for (const [typed, text] of [
      ['abc', c.notDecimal],
      ['-5', c.negative],
      ['1e2', c.notDecimal]
    ] as const) {
      await field.fill(typed)
      await expect(field).toHaveAttribute('aria-invalid', 'true')
      await expect(dialog.locator('.field__error')).toContainText(text)
      await expect(dialog.getByRole('button', { name: c.split })).toHaveCount(0)
      await expect(dialog).not.toContainText('−¥5.00')
      if (typed === '-5')
        await snap(page, `cash-received-negative-${c.size.width}x${c.size.height}-${language}`)
      await field.press('Enter')
      await expect(page.getByTestId('change-given')).toHaveCount(0)
    }
    // A real short amount still offers the split.
    await field.fill('5')
    await expect(dialog.locator('.field__error')).toHaveCount(0)
    await expect(dialog.getByRole('button', { name: c.split })).toBeVisible()
  })
}
