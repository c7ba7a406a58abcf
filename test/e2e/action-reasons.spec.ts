import type { Page } from '@playwright/test'
import { expect, snap, test } from './fixtures'
import { api, openShopAsOwner } from './helpers/api'

/**
 * A primary action that cannot be taken says why, beside the field that blocks it: the refund,
 * void and cash in/out dialogs keep their button live and, on press, name every wrong field.
 */

interface Product {
  id: string
  nameZh: string
  nameEn: string
  unit: string
  priceMinor: number
}

const VIEWPORTS = {
  'zh-CN': { width: 1024, height: 768 },
  en: { width: 1366, height: 860 }
} as const

const WORDS = {
  en: {
    orders: 'Orders',
    refund: 'Refund',
    title: 'Refund',
    confirm: 'Refund',
    reason: 'Reason',
    quantityOf: (name: string) => `Refund quantity of ${name}`,
    atMost: (left: string) => `At most ${left} can be refunded`,
    enterNumber: 'Enter a number such as 1 or 0.5',
    enterReason: 'Enter a reason',
    chooseItems: 'Enter how many of an item to refund',
    byAmount: 'Amount',
    voidSale: 'Void sale',
    voidThis: 'Void this sale',
    settlement: 'Settlement',
    cashOut: 'Cash out',
    record: 'Record',
    enterAmount: 'Enter an amount',
    tooLarge: 'is too large'
  },
  'zh-CN': {
    orders: '订单',
    refund: '退款',
    title: '退款',
    confirm: '确认退款',
    reason: '原因',
    quantityOf: (name: string) => `${name} 的退货数量`,
    atMost: (left: string) => `最多可退 ${left}`,
    enterNumber: '请输入数字，例如 1 或 0.5',
    enterReason: '请填写原因',
    chooseItems: '请填写要退的商品数量',
    byAmount: '按金额',
    voidSale: '作废',
    voidThis: '确认作废',
    settlement: '结算',
    cashOut: '取出现金',
    record: '记录',
    enterAmount: '请输入金额',
    tooLarge: '数值太大'
  }
}

async function sell(page: Page, key: string): Promise<{ number: string; piece: Product; weighed: Product }> {
  const { products } = await api<{ products: Product[] }>(page, 'catalog:search', { query: '', limit: 200 })
  const piece = products.find((p) => p.unit === 'piece' && p.priceMinor > 0)!
  const weighed = products.find((p) => p.unit === 'kg' && p.priceMinor > 0)!
  const cart = await api<{ id: string }>(page, 'cart:open', {})
  await api(page, 'cart:add-item', { cartId: cart.id, productId: piece.id, quantity: '2' })
  await api(page, 'cart:add-item', { cartId: cart.id, productId: weighed.id, quantity: '0.456' })
  const { order } = await api<{ order: { number: string } }>(page, 'checkout:begin', {
    cartId: cart.id,
    checkoutKey: key,
    cash: { tendered: '1000', confirmLargeTender: true }
  })
  return { number: order.number, piece, weighed }
}

async function speak(page: Page, language: 'zh-CN' | 'en'): Promise<void> {
  await page
    .getByRole('group', { name: /Language|语言/ })
    .getByRole('button', { name: language === 'en' ? 'English' : '中文' })
    .click()
  await page.setViewportSize(VIEWPORTS[language])
}

for (const language of ['zh-CN', 'en'] as const) {
  const w = WORDS[language]
  const en = language === 'en'

  test(`refund and void name every field that blocks them (${language})`, async ({ page, kassa }) => {
    await openShopAsOwner(page, kassa.url)
    const sale = await sell(page, `e2e-reasons-${language}`)
    const voided = await sell(page, `e2e-reasons-void-${language}`)
    await speak(page, language)
    await page.getByRole('navigation').getByRole('button', { name: w.orders }).click()
    await page.getByRole('button', { name: sale.number }).click()
    await page.getByRole('button', { name: w.refund, exact: true }).click()
    const dialog = page.getByRole('dialog', { name: w.title })
    const confirm = dialog.getByRole('button', { name: w.confirm, exact: true })
    const pieceName = en ? sale.piece.nameEn : sale.piece.nameZh
    const weighedName = en ? sale.weighed.nameEn : sale.weighed.nameZh

    // Nothing typed: the button can be pressed and says what is missing.
    await expect(confirm).toBeEnabled()
    await confirm.click()
    await expect(dialog.getByText(w.chooseItems)).toBeVisible()
    await expect(dialog.getByText(w.enterReason)).toBeVisible()

    // 3 of 2, 0.5 kg of 0.456 kg: each line says how many can go back; no reason: the reason says so.
    await dialog.getByLabel(w.quantityOf(pieceName)).fill('3')
    await dialog.getByLabel(w.quantityOf(weighedName)).fill('0.5')
    await confirm.click()
    await expect(dialog.getByText(w.atMost('2'))).toBeVisible()
    await expect(dialog.getByText(w.atMost('0.456'))).toBeVisible()
    await expect(dialog.getByText(w.enterReason)).toBeVisible()
    await expect(dialog.getByLabel(w.quantityOf(pieceName))).toHaveAttribute('aria-invalid', 'true')
    await snap(page, `refund-reasons-${language}-${VIEWPORTS[language].width}`)

    // Not a number.
    await dialog.getByLabel(w.quantityOf(pieceName)).fill('x')
    await confirm.click()
    await expect(dialog.getByText(w.enterNumber)).toBeVisible()

    // A huge amount with decimals is too large, not too precise.
    await dialog.getByRole('button', { name: w.byAmount }).click()
    await dialog.getByRole('textbox').first().fill('99999999999999999.555')
    await confirm.click()
    await expect(dialog.getByText(w.tooLarge)).toBeVisible()

    // Fixed: the refund goes through.
    await dialog.getByRole('textbox').first().fill('1')
    await dialog.getByLabel(w.reason).fill('e2e')
    await confirm.click()
    await expect(page.getByTestId('refund-amount')).toBeVisible()
    await page.keyboard.press('Escape')

    // Void with no reason.
    await page.getByRole('navigation').getByRole('button', { name: w.orders }).click()
    await page.getByRole('button', { name: voided.number }).click()
    await page.getByRole('button', { name: w.voidSale }).click()
    const voidDialog = page.getByRole('dialog')
    const voidThis = voidDialog.getByRole('button', { name: w.voidThis })
    await expect(voidThis).toBeEnabled()
    await voidThis.click()
    await expect(voidDialog.getByText(w.enterReason)).toBeVisible()
    await expect(voidDialog.getByLabel(w.reason)).toHaveAttribute('aria-invalid', 'true')
    await snap(page, `void-reason-${language}-${VIEWPORTS[language].width}`)
  })

  test(`cash out names the blank amount and reason (${language})`, async ({ page, kassa }) => {
    await openShopAsOwner(page, kassa.url)
    await speak(page, language)
    await page.getByRole('navigation').getByRole('button', { name: w.settlement }).click()
    await page.getByRole('button', { name: w.cashOut }).click()
    const dialog = page.getByRole('dialog')
    const record = dialog.getByRole('button', { name: w.record })
    await expect(record).toBeEnabled()
    await record.click()
    await expect(dialog.getByText(w.enterAmount)).toBeVisible()
    await expect(dialog.getByText(w.enterReason)).toBeVisible()
    await dialog.getByRole('textbox').first().fill('5')
    await record.click()
    await expect(dialog.getByText(w.enterAmount)).toBeHidden()
    await expect(dialog.getByText(w.enterReason)).toBeVisible()
    await snap(page, `cash-out-reason-${language}-${VIEWPORTS[language].width}`)
  })
}
