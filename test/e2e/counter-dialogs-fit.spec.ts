import type { Page } from '@playwright/test'
import { expect, snap, test } from './fixtures'
import { logIn, logOut } from './helpers/accounts'
import { api, openShopAsOwner } from './helpers/api'
import {
  dialogProblems,
  LANGUAGES,
  nameIn,
  useLanguage,
  wrappedButtons,
  type DemoProduct,
  type Language
} from './helpers/counter'

// Issue 10, item 4: at 1024×768 every dialog of the counter — the line editor's check, payment
// and its large-tender check, clear, parked carts, the sale's receipt, void, refund, a manager
// approval asked from inside a dialog, the shift close, a coupon — fits the window, and one
// taller than the window scrolls inside with its action buttons where they can be pressed. The
// line editor (a side panel, not a dialog) shows its price field and 改价 without scrolling.

const SIZE = { width: 1024, height: 768 }
const CASHIER = {
  displayName: 'Cashier Li',
  username: 'cashier',
  role: 'cashier',
  password: 'cashier-pass-1',
  pin: '2222'
}
const text = (language: Language, en: string, zh: string): string => (language === 'en' ? en : zh)

async function expectDialogFits(page: Page, shot: string): Promise<void> {
  await expect.poll(() => dialogProblems(page)).toEqual([])
  await snap(page, shot)
}

/** The 40 longest-named piece goods, in the given language. */
async function longestGoods(page: Page, language: Language): Promise<DemoProduct[]> {
  const { products } = await api<{ products: DemoProduct[] }>(page, 'catalog:search', {
    query: '',
    limit: 200
  })
  return products
    .filter((p) => p.unit === 'piece' && p.barcodes.length > 0)
    .sort((a, b) => nameIn(b, language).length - nameIn(a, language).length)
    .slice(0, 40)
}

async function fortyLineCart(page: Page, goods: DemoProduct[]): Promise<string> {
  const cart = await api<{ id: string }>(page, 'cart:open', {})
  for (const product of goods)
    await api(page, 'cart:add-item', { cartId: cart.id, productId: product.id, quantity: '3' })
  return cart.id
}

for (const language of LANGUAGES) {
  const tag = `1024x768-${language}`

  test(`the Sell screen's dialogs and line editor fit 1024×768 in ${language}`, async ({ page, kassa }) => {
    await page.setViewportSize(SIZE)
    await openShopAsOwner(page, kassa.url)
    const goods = await longestGoods(page, language)
    // Parked carts enough to fill the list (the till's open cart is parked each time), then
    // the 40-line cart being sold.
    for (const product of goods.slice(0, 12)) {
      const parked = await api<{ id: string }>(page, 'cart:open', {})
      await api(page, 'cart:add-item', { cartId: parked.id, productId: product.id })
      await api(page, 'cart:park', { cartId: parked.id })
    }
    await fortyLineCart(page, goods)
    await useLanguage(page, language)
    const rows = page.locator('.cart-lines tbody tr')
    await expect(rows).toHaveCount(40)

    // The line editor: quantity, discount, the price and 改价, and remove, all on screen at once.
    await rows.last().click()
    const editor = page.locator('section.line-editor')
    await expect(editor.getByRole('heading')).toHaveText(nameIn(goods[39]!, language))
    for (const control of [
      editor.locator('#line-quantity'),
      editor.locator('#line-discount-kind'),
      editor.locator('#line-price'),
      editor.getByRole('button', { name: text(language, 'Change price', '改价') }),
      editor.getByRole('button', { name: new RegExp(text(language, 'Remove line', '删除')) })
    ])
      await expect(control).toBeInViewport({ ratio: 1 })
    // …without scrolling the side column to them.
    expect(await page.evaluate(() => document.querySelector('.sell__side')!.scrollTop)).toBe(0)
    await snap(page, `counter-line-editor-${tag}`)
    // A percent discount adds its value field: the price row still shows.
    await editor.locator('#line-discount-kind').selectOption('rate')
    await expect(editor.locator('#line-discount-value')).toBeInViewport({ ratio: 1 })
    await expect(editor.getByRole('button', { name: text(language, 'Change price', '改价') })).toBeInViewport(
      {
        ratio: 1
      }
    )
    await snap(page, `counter-line-editor-discount-${tag}`)
    await editor.locator('#line-discount-kind').selectOption('none')

    // The line editor's check on a large quantity.
    await editor.locator('#line-quantity').fill('5000')
    await editor.locator('#line-quantity').press('Enter')
    await expect(page.getByTestId('large-quantity')).toBeVisible()
    await expectDialogFits(page, `counter-dialog-large-quantity-${tag}`)
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('large-quantity')).toHaveCount(0)

    // Clear the cart? (asked, never window.confirm)
    await page.getByRole('button', { name: text(language, 'Clear cart', '清空') }).click()
    await expectDialogFits(page, `counter-dialog-clear-${tag}`)
    await page.keyboard.press('Escape')

    // Parked carts: twelve of them.
    await page.getByRole('button', { name: text(language, 'Parked (12)', '取单（12）') }).click()
    await expect(page.locator('dialog[open] .parked-list li')).toHaveCount(12)
    await expectDialogFits(page, `counter-dialog-parked-${tag}`)
    await page.keyboard.press('Escape')

    // Payment, each method, and the large-tender check.
    await page.locator('#scan-input').focus()
    await page.keyboard.press('F12')
    await expect(page.locator('#pay-tendered')).toBeFocused()
    await expectDialogFits(page, `counter-dialog-payment-cash-${tag}`)
    const tabs = page.locator('dialog[open] [role="tab"]')
    for (let i = 1; i < (await tabs.count()); i++) {
      await tabs.nth(i).click()
      await expectDialogFits(page, `counter-dialog-payment-${i}-${tag}`)
    }
    await tabs.first().click()
    await page.locator('#pay-tendered').fill('900000')
    await page.locator('#pay-tendered').press('Enter')
    await expect(page.locator('dialog[open] .pay-form--confirm')).toBeVisible()
    await expectDialogFits(page, `counter-dialog-large-tender-${tag}`)
    await page.locator('dialog[open] .pay-form--confirm button').first().click()

    // Paid with a quick amount: the sale's receipt, 40 lines long, scrolls inside its dialog.
    await page.locator('#pay-tendered').fill('20000')
    await page.locator('#pay-tendered').press('Enter')
    const confirm = page.locator('dialog[open] .pay-form--confirm')
    if (await confirm.isVisible().catch(() => false)) await confirm.locator('button').last().click()
    await expect(
      page.getByRole('button', { name: text(language, 'Next customer', '下一位顾客') })
    ).toBeVisible()
    await expectDialogFits(page, `counter-dialog-sale-done-${tag}`)
  })

  test(`void, refund, approval, shift close and coupon dialogs fit 1024×768 in ${language}`, async ({
    page,
    kassa
  }) => {
    await page.setViewportSize(SIZE)
    await openShopAsOwner(page, kassa.url)
    await api(page, 'users:create', CASHIER)
    const goods = await longestGoods(page, language)
    const cartId = await fortyLineCart(page, goods)
    const { order } = await api<{ order: { id: string; number: string } }>(page, 'checkout:begin', {
      cartId,
      checkoutKey: `e2e-fit-${language}`,
      cash: { tendered: '100000', confirmLargeTender: true }
    })
    await useLanguage(page, language)
    const navButtons = page.getByRole('navigation').first().getByRole('button')

    // Refund: a 40-line order's refund form is taller than the window.
    await navButtons.nth(1).click()
    await page.getByRole('button', { name: order.number }).click()
    await page.getByRole('button', { name: text(language, 'Refund', '退款'), exact: true }).click()
    await expectDialogFits(page, `counter-dialog-refund-${tag}`)
    await page.keyboard.press('Escape')

    // Coupons: the new-coupon form.
    await navButtons.nth(4).click()
    await page.getByRole('button', { name: text(language, 'New coupon', '新建优惠券') }).click()
    await expectDialogFits(page, `counter-dialog-coupon-${tag}`)
    await page.keyboard.press('Escape')

    // As a cashier: the void asks a manager, on top of the void dialog; a wrong PIN's error too.
    await logOut(page)
    await logIn(page, CASHIER.username, CASHIER.password)
    await navButtons.nth(1).click()
    await page.getByRole('button', { name: order.number }).click()
    await page.getByRole('button', { name: text(language, 'Void sale', '作废'), exact: true }).click()
    await expectDialogFits(page, `counter-dialog-void-${tag}`)
    const voidDialog = page.locator('dialog[open]').last()
    await voidDialog.locator('textarea, input').first().fill('customer changed their mind')
    await voidDialog.locator('.dialog__actions button').last().click()
    const approval = page.locator('dialog.approval[open]')
    await expect(approval).toBeVisible()
    await expectDialogFits(page, `counter-dialog-approval-${tag}`)
    await approval.locator('input').first().fill('owner')
    await approval.locator('input[type="password"]').fill('9999')
    await approval.locator('input[type="password"]').press('Enter')
    await expect(approval.getByRole('alert')).toBeVisible()
    await expectDialogFits(page, `counter-dialog-approval-error-${tag}`)
    await page.keyboard.press('Escape')
    await page.keyboard.press('Escape')

    // The shift close: the count form, and its approval on top.
    await navButtons.nth(2).click()
    await page.getByRole('button', { name: text(language, 'Count and close shift', '点钞交班') }).click()
    await expectDialogFits(page, `counter-dialog-shift-close-${tag}`)
  })
}

// Issue 10 (left after the first walk): at 1024×768 the payment window's buttons wrapped onto
// two lines once the sandbox customer device was open beside it. Every action button stays on
// one line — each method's form, a payment waiting on the device (card, QR, password), its
// failure, the close question and the large-tender check — with the device closed, open with
// nothing waiting, and open with a payment waiting.
for (const language of LANGUAGES) {
  const tag = `1024x768-${language}`

  test(`payment's buttons stay on one line at 1024×768 in ${language}, with the customer device closed, open and waiting`, async ({
    page,
    kassa
  }) => {
    await page.setViewportSize(SIZE)
    await openShopAsOwner(page, kassa.url)
    const goods = await longestGoods(page, language)
    const cart = await api<{ id: string }>(page, 'cart:open', {})
    for (const product of goods.slice(0, 3))
      await api(page, 'cart:add-item', { cartId: cart.id, productId: product.id })
    await useLanguage(page, language)
    await expect(page.locator('.cart-lines tbody tr')).toHaveCount(3)
    const dialog = page.locator('dialog[open]')
    const device = page.locator('.device-drawer')
    const tabs = dialog.locator('[role="tab"]')
    const button = (en: string, zh: string) =>
      dialog.getByRole('button', { name: text(language, en, zh), exact: true })
    const oneLine = async (shot: string): Promise<void> => {
      await expect.poll(() => wrappedButtons(page)).toEqual([])
      await expect.poll(() => dialogProblems(page)).toEqual([])
      await snap(page, `counter-pay-lines-${shot}-${tag}`)
    }
    /** Cash, card, then each wallet's two ways (the customer's code, the QR the customer scans). */
    const walkMethods = async (state: string): Promise<void> => {
      await tabs.nth(0).click()
      await oneLine(`${state}-cash`)
      await tabs.nth(1).click()
      await oneLine(`${state}-card`)
      for (const i of [2, 3]) {
        await tabs.nth(i).click()
        await oneLine(`${state}-wallet${i}-code`)
        await button('Customer scans QR', '顾客扫码').click()
        await oneLine(`${state}-wallet${i}-qr`)
      }
      await tabs.nth(0).click()
    }

    await page.keyboard.press('F12')
    await expect(page.locator('#pay-tendered')).toBeFocused()
    await walkMethods('device-closed')

    // The customer device open, nothing waiting: the dialog narrows beside it.
    await button('Customer device', '顾客设备').click()
    await expect(device).toBeVisible()
    await walkMethods('device-open')
    await page.locator('#pay-tendered').fill('900000')
    await page.locator('#pay-tendered').press('Enter')
    await expect(dialog.locator('.pay-form--confirm')).toBeVisible()
    await oneLine('device-open-large-tender')
    await dialog.locator('.pay-form--confirm button').first().click()

    // A card waiting on the terminal: the device shows its card form.
    await tabs.nth(1).click()
    await button('Charge card on the terminal', '刷卡机收款').click()
    await expect(device.locator('.device-trade form')).toBeVisible()
    await oneLine('device-card-waiting')
    await button('Cancel this payment', '取消本次支付').click()
    await expect(device.locator('.device-trade form')).toHaveCount(0)
    // The order now exists: cash takes the split form, and closing asks first.
    await walkMethods('device-open-order')
    await page.keyboard.press('Escape')
    await expect(dialog.locator('.close-confirm')).toBeVisible()
    await oneLine('device-open-close-ask')
    await button('Keep paying', '继续收款').click()

    // A QR waiting for the customer's scan, then declined on the device: the failure's buttons.
    await tabs.nth(3).click()
    await button('Customer scans QR', '顾客扫码').click()
    await button('Show QR code', '显示收款码').click()
    const waiting = device
      .locator('.device-trade')
      .filter({ has: page.locator('.device-trade__actions button') })
    await expect(waiting).toHaveCount(1)
    await oneLine('device-qr-waiting')
    await waiting.getByRole('button', { name: text(language, 'Decline', '拒绝') }).click()
    await expect(dialog.locator('.tender-failure')).toBeVisible()
    await oneLine('device-qr-declined')

    // The customer's code, waiting for their payment password on the phone.
    await tabs.nth(2).click()
    await dialog
      .getByLabel(text(language, "Customer's payment code", '顾客付款码'))
      .fill('284567890123456789')
    await dialog.getByLabel(text(language, "Customer's payment code", '顾客付款码')).press('Enter')
    await expect(device.locator('.device-trade input[type="password"]')).toBeVisible()
    await oneLine('device-password-waiting')
    // …and with the device closed while it waits.
    await page.locator('.device-drawer__head button').click()
    await expect(device).toHaveCount(0)
    await oneLine('device-closed-waiting')
  })
}
