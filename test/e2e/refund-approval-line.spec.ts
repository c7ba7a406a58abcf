import type { Page } from '@playwright/test'
import { expect, snap, test } from './fixtures'
import { logIn, logOut } from './helpers/accounts'
import { api, openShopAsOwner } from './helpers/api'
import { pieceGoods, useLanguage, type Language } from './helpers/counter'

// The refund dialog told a manager or the owner that "a manager approves refunds above ¥0.01" and
// "a cashier paying cash out of the drawer needs a manager's PIN" — limits that never apply to
// them (main's requireRefundApproval passes any role holding `refund`). The line shows only to
// whom a PIN may be asked of, and main indeed asks a manager for none.

const MANAGER = {
  displayName: 'Manager Zhao',
  username: 'manager',
  role: 'manager',
  password: 'manager-pass-1',
  pin: '3333'
}
const CASHIER = {
  displayName: 'Cashier Li',
  username: 'cashier',
  role: 'cashier',
  password: 'cashier-pass-1',
  pin: '2222'
}

const WORDS = {
  en: {
    size: { width: 1366, height: 860 },
    orders: 'Orders',
    refund: 'Refund',
    quantityOf: (name: string) => `Refund quantity of ${name}`,
    reason: 'Reason',
    limits: /manager/,
    done: 'Give back'
  },
  'zh-CN': {
    size: { width: 1024, height: 768 },
    orders: '订单',
    refund: '退款',
    quantityOf: (name: string) => `${name} 的退货数量`,
    reason: '原因',
    limits: /店长/,
    done: '请退还'
  }
} as const

/** A paid cash sale of one piece, made through the API (not the step under test). */
async function sale(page: Page, key: string): Promise<{ number: string; nameEn: string; nameZh: string }> {
  const [product] = await pieceGoods(page)
  const cart = await api<{ id: string }>(page, 'cart:open', {})
  await api(page, 'cart:add-item', { cartId: cart.id, productId: product!.id, quantity: '1' })
  const { order } = await api<{ order: { number: string } }>(page, 'checkout:begin', {
    cartId: cart.id,
    checkoutKey: key,
    cash: { tendered: '100', confirmLargeTender: true }
  })
  return { number: order.number, nameEn: product!.nameEn, nameZh: product!.nameZh }
}

async function openRefund(page: Page, language: Language, number: string) {
  const w = WORDS[language]
  await page.getByRole('navigation').getByRole('button', { name: w.orders }).click()
  await page.getByRole('button', { name: number }).click()
  await page.getByRole('button', { name: w.refund, exact: true }).click()
  const dialog = page.getByRole('dialog', { name: w.refund })
  await expect(dialog.getByLabel(w.reason)).toBeVisible()
  return dialog
}

for (const [language, who] of [
  ['zh-CN', 'owner'],
  ['en', 'manager']
] as const) {
  const w = WORDS[language]
  test(`the ${who} sees no approval limits and is asked no PIN; a cashier sees them (${language})`, async ({
    page,
    kassa
  }) => {
    await page.setViewportSize(w.size)
    await openShopAsOwner(page, kassa.url)
    await api(page, 'users:create', MANAGER)
    await api(page, 'users:create', CASHIER)
    // Any refund above ¥0.01, and any cash paid out by a cashier, needs a manager.
    await api(page, 'refunds:update-policy', { approvalThreshold: '0.01' })
    const mine = await sale(page, `e2e-approval-line-${who}`)
    const theirs = await sale(page, `e2e-approval-line-cashier-${who}`)
    if (who === 'manager') {
      await logOut(page)
      await logIn(page, MANAGER.username, MANAGER.password)
    }
    await useLanguage(page, language)

    const dialog = await openRefund(page, language, mine.number)
    await expect(dialog.getByTestId('refund-cash-rule')).toHaveCount(0)
    await expect(dialog.locator('p.muted').first()).not.toHaveText(w.limits)
    await snap(page, `refund-no-limits-${who}-${w.size.width}x${w.size.height}-${language}`)
    // Main agrees: the refund (above the threshold, cash out of the drawer) asks for no PIN.
    await dialog.getByLabel(w.quantityOf(language === 'en' ? mine.nameEn : mine.nameZh)).fill('1')
    await dialog.getByLabel(w.reason).fill('damaged packaging')
    await dialog.getByRole('button', { name: language === 'en' ? 'Refund' : '确认退款', exact: true }).click()
    await expect(dialog.getByText(w.done)).toBeVisible()
    await expect(page.locator('dialog.approval[open]')).toHaveCount(0)
    await page.keyboard.press('Escape')

    // A cashier is told the limits beforehand.
    await logOut(page)
    await logIn(page, CASHIER.username, CASHIER.password)
    const cashierDialog = await openRefund(page, language, theirs.number)
    await expect(cashierDialog.getByTestId('refund-cash-rule')).toBeVisible()
    await expect(cashierDialog.locator('p.muted').first()).toHaveText(w.limits)
    await snap(page, `refund-limits-cashier-${w.size.width}x${w.size.height}-${language}`)
  })
}
