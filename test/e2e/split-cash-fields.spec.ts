import { expect, snap, test } from './fixtures'
import { openShopAsOwner } from './helpers/api'
import { burst, pieceGoods, useLanguage } from './helpers/counter'

// The single cash tender refused "abc" and "-5" under "Cash received", naming it; once part was
// paid (a split tender) the cash form's two boxes took them silently and sent them to main. Both
// boxes now say why under themselves, named, in the cashier's language, and nothing is taken.

const CASES = {
  en: {
    size: { width: 1366, height: 860 },
    amount: /Amount paid in cash/,
    received: /Cash received/,
    take: 'Take cash',
    amountNotDecimal: 'Amount paid in cash: must be a decimal number such as "12.50"',
    amountNegative: 'Amount paid in cash: must not be negative',
    receivedNotDecimal: 'Cash received: must be a decimal number such as "12.50"',
    receivedNegative: 'Cash received: must not be negative',
    refused: 'was not entered'
  },
  'zh-CN': {
    size: { width: 1024, height: 768 },
    amount: /现金支付金额/,
    received: /实收现金/,
    take: '收取现金',
    amountNotDecimal: '现金支付金额：必须是数字，例如 "12.50"',
    amountNegative: '现金支付金额：不能为负数',
    receivedNotDecimal: '实收现金：必须是数字，例如 "12.50"',
    receivedNegative: '实收现金：不能为负数',
    refused: '未输入'
  }
} as const

for (const [language, c] of Object.entries(CASES)) {
  test(`split tender: the cash boxes refuse abc and -5 under the field, named, in ${language}`, async ({
    page,
    kassa
  }) => {
    await page.setViewportSize(c.size)
    await openShopAsOwner(page, kassa.url)
    if (language !== 'en') await useLanguage(page, 'zh-CN')
    const goods = (await pieceGoods(page)).filter((p) => p.priceMinor >= 800)
    await burst(page, goods[0]!.barcodes[0]!)
    await expect(page.locator('.cart-lines tbody tr')).toHaveCount(1)
    await page.keyboard.press('F12')
    // ¥5 in cash first: the rest is a split tender, in the session's cash form.
    await page.locator('#pay-tendered').fill('5')
    await page.locator('#pay-tendered').press('Enter')
    const dialog = page.locator('dialog[open]')
    const amount = dialog.getByLabel(c.amount)
    const received = dialog.getByLabel(c.received)
    await expect(amount).toBeVisible()
    await expect(received).toBeFocused()
    const remaining = await amount.inputValue()
    const paid = await dialog.getByTestId('checkout-paid').innerText()

    for (const [field, typed, text] of [
      [amount, 'abc', c.amountNotDecimal],
      [amount, '-5', c.amountNegative],
      [received, '1e2', c.receivedNotDecimal],
      [received, '-5', c.receivedNegative]
    ] as const) {
      await amount.fill(remaining)
      await received.fill('')
      await field.fill(typed)
      await expect(field).toHaveAttribute('aria-invalid', 'true')
      await expect(dialog.locator('.field__error')).toHaveText(text)
      await expect(dialog).not.toContainText('−¥5.00')
      if (typed === '-5')
        await snap(page, `split-cash-${field === amount ? 'amount' : 'received'}-${language}`)
      await field.press('Enter')
      await dialog.getByRole('button', { name: c.take }).click()
      // Nothing was taken: the paid figure is as it was, the dialog still open.
      await expect(dialog.getByTestId('checkout-paid')).toHaveText(paid)
      await expect(page.getByTestId('change-given')).toHaveCount(0)
    }

    // A scanner burst into either box: the box keeps its value, the code goes nowhere.
    await amount.fill(remaining)
    await received.fill('100')
    for (const field of [amount, received]) {
      const before = await field.inputValue()
      await field.click()
      await burst(page, goods[1]!.barcodes[0]!)
      await expect(field).toHaveValue(before)
      await expect(dialog.locator('.counter-notice')).toContainText(goods[1]!.barcodes[0]!)
      await expect(dialog.getByTestId('checkout-paid')).toHaveText(paid)
    }

    // Real amounts still go through.
    await dialog.getByRole('button', { name: c.take }).click()
    await expect(page.getByTestId('change-given')).toBeVisible()
  })
}
