import type { Page } from '@playwright/test'
import { expect, snap, test } from './fixtures'
import { logIn, logOut } from './helpers/accounts'
import { api, openShopAsOwner } from './helpers/api'
import { burst, isOnTop, pieceGoods } from './helpers/counter'

// Issue 10, items 2 and 11: one dialog stack. The manager-approval PIN pad asked for from
// inside a void / shift-close dialog opens ON TOP with the focus, names the action and the
// amount, starts empty; cancelling or leaving the action cancels its approval, so approving
// later can never carry out the cancelled action.

const CASHIER = {
  displayName: 'Cashier Li',
  username: 'cashier',
  role: 'cashier',
  password: 'cashier-pass-1',
  pin: '2222'
}
const MANAGER = {
  displayName: 'Manager Zhao',
  username: 'manager',
  role: 'manager',
  password: 'manager-pass-1',
  pin: '3333'
}

async function shopWithASaleAndACashier(page: Page, url: string) {
  await openShopAsOwner(page, url)
  await api(page, 'users:create', CASHIER)
  await api(page, 'users:create', MANAGER)
  const [product] = await pieceGoods(page)
  const cart = await api<{ id: string }>(page, 'cart:open', {})
  await api(page, 'cart:add-item', { cartId: cart.id, productId: product!.id, quantity: '2' })
  const paid = await api<{ order: { id: string; number: string; payable: number } }>(page, 'checkout:begin', {
    cartId: cart.id,
    checkoutKey: `e2e-${Date.now()}`,
    cash: { tendered: '100' }
  })
  await logOut(page)
  await logIn(page, CASHIER.username, CASHIER.password)
  return { order: paid.order, product: product! }
}

const approval = (page: Page) => page.locator('dialog.approval[open]')
const orderStatus = async (page: Page, orderId: string) =>
  (await api<{ status: string }>(page, 'orders:get', { orderId })).status

test('a cashier voids a sale: the approval opens on top of the void dialog, and cancelling never voids', async ({
  page,
  kassa
}) => {
  await page.setViewportSize({ width: 1024, height: 768 })
  const { order } = await shopWithASaleAndACashier(page, kassa.url)
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('button', { name: 'Orders' })
    .click()
  await page.getByRole('row', { name: new RegExp(order.number) }).click()
  await page.getByRole('button', { name: 'Void sale' }).click()
  const voidDialog = page.getByRole('dialog', { name: `Void order ${order.number}` })
  await voidDialog.getByLabel('Reason', { exact: true }).fill('customer changed their mind')
  await voidDialog.getByRole('button', { name: 'Void this sale' }).click()

  // On top, with the focus, naming the action and the amount, and empty.
  await expect(approval(page)).toBeVisible()
  expect(await isOnTop(page, 'dialog.approval[open]')).toBe(true)
  const username = approval(page).getByLabel('Approver username')
  await expect(username).toBeFocused()
  await expect(username).toHaveValue('')
  await expect(approval(page).getByTestId('approval-what')).toContainText('Void a sale')
  await expect(approval(page).getByTestId('approval-what')).toContainText(order.number)
  await expect(approval(page).getByTestId('approval-what')).toContainText(/¥\d+\.\d{2}/)
  await snap(page, 'counter-approval-over-void-1024x768-en')
  // At 1024×768 both of its buttons are on screen.
  for (const name of ['Approve', 'Cancel']) {
    const box = await approval(page).getByRole('button', { name, exact: true }).boundingBox()
    expect(box!.y + box!.height).toBeLessThanOrEqual(768)
  }

  // A scanner burst in the PIN field never lands there nor submits a (wrong) PIN.
  await username.fill(MANAGER.username)
  await approval(page).locator('input[type="password"]').click()
  await burst(page, '6920000000001')
  await expect(approval(page).locator('input[type="password"]')).toHaveValue('')
  await expect(approval(page).getByRole('alert')).toHaveCount(0)
  await expect(approval(page)).toBeVisible()

  // Escape cancels the approval (the front dialog) and with it the void; the void dialog stays.
  await page.keyboard.press('Escape')
  await expect(approval(page)).toHaveCount(0)
  await expect(voidDialog).toBeVisible()
  expect(await orderStatus(page, order.id)).toBe('paid')

  // Asked again: it starts empty, never with the last approver.
  await voidDialog.getByRole('button', { name: 'Void this sale' }).click()
  await expect(approval(page).getByLabel('Approver username')).toHaveValue('')
  // Leaving the screen (Alt+1, Sell) closes the void dialog and cancels its approval.
  await page.keyboard.press('Alt+1')
  await expect(approval(page)).toHaveCount(0)
  expect(await orderStatus(page, order.id)).toBe('paid')

  // Approved for real: the manager's PIN voids it, once.
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('button', { name: 'Orders' })
    .click()
  await page.getByRole('row', { name: new RegExp(order.number) }).click()
  await page.getByRole('button', { name: 'Void sale' }).click()
  await voidDialog.getByLabel('Reason', { exact: true }).fill('customer changed their mind')
  await voidDialog.getByRole('button', { name: 'Void this sale' }).click()
  await approval(page).getByLabel('Approver username').fill(MANAGER.username)
  await approval(page).locator('input[type="password"]').fill(MANAGER.pin)
  await approval(page).getByRole('button', { name: 'Approve' }).click()
  await expect(approval(page)).toHaveCount(0)
  await expect.poll(() => orderStatus(page, order.id)).toBe('voided')
})

test('a cashier closes a shift and changes a price: each approval is on top, named, and starts empty', async ({
  page,
  kassa
}) => {
  await page.setViewportSize({ width: 1366, height: 860 })
  const { product } = await shopWithASaleAndACashier(page, kassa.url)
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('button', { name: 'Settlement' })
    .click()
  await page.getByRole('button', { name: 'Count and close shift' }).click()
  const close = page.getByRole('dialog', { name: /^Close shift T01-S\d+: count the drawer$/ })
  await close.getByLabel(/Other cash/).fill('10')
  await close.getByRole('button', { name: 'Close shift' }).click()
  await expect(approval(page)).toBeVisible()
  expect(await isOnTop(page, 'dialog.approval[open]')).toBe(true)
  await expect(approval(page).getByTestId('approval-what')).toContainText(/Close a shift · T01-S\d+/)
  await snap(page, 'counter-approval-over-close-1366x860-en')
  await approval(page).getByRole('button', { name: 'Cancel' }).click()
  await expect(approval(page)).toHaveCount(0)
  await expect(close).toBeVisible()
  // Cancelling the close dialog: the shift stays open.
  await close.getByRole('button', { name: 'Cancel' }).click()
  const current = await api<{ shift: { status: string } | null }>(page, 'shifts:current', {})
  expect(current.shift).not.toBeNull()

  // The price override on the Sell screen: the approval says which line, from and to.
  await page.keyboard.press('Alt+1')
  await burst(page, product.barcodes[0]!)
  await page.locator('#line-price').fill('0.50')
  await page.locator('#line-price').press('Enter')
  await expect(approval(page)).toBeVisible()
  await expect(approval(page).getByTestId('approval-what')).toContainText('Change a price')
  await expect(approval(page).getByTestId('approval-what')).toContainText(product.nameEn)
  await expect(approval(page).getByTestId('approval-what')).toContainText('¥0.50')
  await expect(approval(page).getByLabel('Approver username')).toHaveValue('')
  await snap(page, 'counter-approval-price-1366x860-en')
  await approval(page).getByRole('button', { name: 'Cancel' }).click()
  await expect(approval(page)).toHaveCount(0)
})

// The fresh cashier: a ¥3.50 cash refund asked for approval showing only "Refund · T01-000005".
// The approval names why a manager is needed and for how much (here, cash paid out by a cashier).
test('a cashier refunds cash: the approval says why a manager is needed, with the amount', async ({
  page,
  kassa
}) => {
  await page.setViewportSize({ width: 1024, height: 768 })
  const { order, product } = await shopWithASaleAndACashier(page, kassa.url)
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('button', { name: 'Orders' })
    .click()
  await page.getByRole('button', { name: order.number }).click()
  await page.getByRole('button', { name: 'Refund', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Refund' })
  // Told beforehand: a cash refund by a cashier asks for a manager's PIN, not only above ¥100.
  await expect(dialog.getByTestId('refund-cash-rule')).toHaveText(/cash .*manager’s PIN/)
  await dialog.getByLabel(`Refund quantity of ${product.nameEn}`).fill('1')
  await dialog.getByLabel('Reason').fill('damaged packaging')
  await dialog.getByRole('button', { name: 'Refund', exact: true }).click()
  await expect(approval(page)).toBeVisible()
  const price = `¥${(product.priceMinor / 100).toFixed(2)}`
  const why = approval(page).getByTestId('approval-why')
  await expect(why).toContainText(price)
  await expect(why).toContainText(/out of the drawer/)
  await snap(page, 'counter-refund-approval-1024x768-en')
})
