import { expect, snap, test } from './fixtures'
import { api, openShopAsOwner } from './helpers/api'
import { pieceGoods, useLanguage } from './helpers/counter'

// In English the receipt read "Time 2026年11月30日 00:47:41": printed pages took the store's
// locale, not the interface language. The receipt, the refund slip and the Z-report now date
// themselves in the language the cashier reads — English months in en, 年月日 in zh-CN.

const CASES = {
  en: {
    size: { width: 1366, height: 860 },
    orders: 'Orders',
    receipt: 'Receipt',
    refund: 'Refund',
    confirm: 'Refund',
    slip: 'Refund slip',
    quantityOf: (name: string) => `Refund quantity of ${name}`,
    reason: 'Reason',
    settlement: 'Settlement',
    day: 'Daily settlement',
    // "Nov 30, 2026, 12:47:41 AM"
    time: /[A-Z][a-z]{2} \d{1,2}, \d{4}/,
    foreign: /年|月|日/,
    title: /Z-report [A-Z][a-z]{2} \d{1,2}, \d{4}$/
  },
  'zh-CN': {
    size: { width: 1024, height: 768 },
    orders: '订单',
    receipt: '小票',
    refund: '退款',
    confirm: '确认退款',
    slip: '退款单',
    quantityOf: (name: string) => `${name} 的退货数量`,
    reason: '原因',
    settlement: '结算',
    day: '每日日结',
    time: /\d{4}年\d{1,2}月\d{1,2}日/,
    foreign: /[A-Za-z]{3}/,
    title: /Z 报表 \d{4}年\d{1,2}月\d{1,2}日$/
  }
} as const

for (const [language, c] of Object.entries(CASES)) {
  test(`receipt, refund slip and Z-report are dated in ${language}`, async ({ page, kassa }) => {
    await page.setViewportSize(c.size)
    await openShopAsOwner(page, kassa.url)
    // The store itself speaks Chinese (the demo profile): only the interface language changes.
    const [product] = await pieceGoods(page)
    const cart = await api<{ id: string }>(page, 'cart:open', {})
    await api(page, 'cart:add-item', { cartId: cart.id, productId: product!.id, quantity: '2' })
    const { order } = await api<{ order: { number: string } }>(page, 'checkout:begin', {
      cartId: cart.id,
      checkoutKey: `e2e-dates-${language}`,
      cash: { tendered: '100', confirmLargeTender: true }
    })
    await useLanguage(page, language as 'en' | 'zh-CN')

    await page.getByRole('navigation').getByRole('button', { name: c.orders }).click()
    await page.getByRole('button', { name: order.number }).click()
    const receipt = page.getByRole('complementary').getByRole('article', { name: c.receipt })
    const receiptTime = receipt.locator('.receipt__meta dd').nth(1)
    await expect(receiptTime).toHaveText(c.time)
    await expect(receiptTime).not.toHaveText(c.foreign)
    await snap(page, `printed-dates-receipt-${c.size.width}x${c.size.height}-${language}`)

    await page.getByRole('button', { name: c.refund, exact: true }).click()
    const dialog = page.getByRole('dialog', { name: c.refund })
    const name = language === 'en' ? product!.nameEn : product!.nameZh
    await dialog.getByLabel(c.quantityOf(name)).fill('1')
    await dialog.getByLabel(c.reason).fill('damaged packaging')
    await dialog.getByRole('button', { name: c.confirm, exact: true }).click()
    const slipTime = dialog.getByRole('article', { name: c.slip }).locator('.receipt__meta dd').nth(2)
    await expect(slipTime).toHaveText(c.time)
    await expect(slipTime).not.toHaveText(c.foreign)
    await snap(page, `printed-dates-refund-slip-${c.size.width}x${c.size.height}-${language}`)
    await page.keyboard.press('Escape')

    await page.getByRole('navigation').getByRole('button', { name: c.settlement }).click()
    await page.getByRole('tab', { name: c.day }).click()
    const title = page.locator('.z-report__title')
    await expect(title).toHaveText(c.title)
    // As printed: only the report on the page.
    await page.evaluate(() => document.body.classList.add('printing-report'))
    await page.emulateMedia({ media: 'print' })
    await snap(page, `printed-dates-z-report-print-${c.size.width}x${c.size.height}-${language}`)
  })
}
