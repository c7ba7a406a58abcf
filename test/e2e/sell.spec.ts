import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, snap, test } from './fixtures'
import { api, openShopAsOwner } from './helpers/api'

interface Product {
  sku: string
  barcodes: string[]
  nameEn: string
  unit: string
  priceMinor: number
}

test('a cashier scans three barcodes, changes a quantity, applies a coupon, takes ¥100 cash and finds the order again', async ({
  page,
  kassa
}) => {
  await openShopAsOwner(page, kassa.url)
  await api(page, 'coupons:create', { code: 'WELCOME5', type: 'amount', amount: '5.00', minSpend: '10.00' })
  const { products } = await api<{ products: Product[] }>(page, 'catalog:search', { query: '', limit: 100 })
  const goods = products
    .filter((p) => p.unit === 'piece' && p.barcodes.length > 0 && p.priceMinor >= 300 && p.priceMinor <= 1500)
    .slice(0, 3)
  expect(goods).toHaveLength(3)

  await expect(page.getByLabel('Scan a barcode or search')).toBeFocused()
  await snap(page, 'sell-empty-en')

  // A keyboard-wedge scanner: fast keystrokes ending in Enter.
  for (const product of goods) {
    await page.keyboard.type(product.barcodes[0]!)
    await page.keyboard.press('Enter')
  }
  const cart = page.getByRole('region', { name: 'Cart' })
  for (const product of goods) await expect(cart.getByRole('button', { name: product.nameEn })).toBeVisible()

  // An unknown code is refused with a clear message.
  await page.keyboard.type('0000000000000')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('alert')).toContainText('0000000000000')

  await cart.getByRole('button', { name: goods[0]!.nameEn }).click()
  await page.getByLabel('Quantity').fill('2')
  await page.getByRole('button', { name: 'Set', exact: true }).click()
  await expect(cart.getByRole('row', { name: new RegExp(goods[0]!.nameEn) })).toContainText('2')

  await page.getByLabel('Coupon code').fill('welcome5')
  await page.getByRole('button', { name: 'Apply', exact: true }).click()
  await expect(page.getByText('WELCOME5')).toBeVisible()
  await snap(page, 'sell-cart-en')

  const payable = await page.getByTestId('payable').innerText()
  await page.keyboard.press('F12')
  const pay = page.getByRole('dialog', { name: 'Cash payment' })
  await expect(pay).toBeVisible()
  await pay.getByLabel('Cash received').fill('100')
  await expect(pay.getByTestId('change-preview')).not.toHaveText('¥0.00')
  await snap(page, 'sell-pay-en')
  await pay.getByRole('button', { name: 'Take payment' }).click()

  const done = page.getByRole('dialog', { name: 'Paid' })
  await expect(done).toBeVisible()
  const change = await done.getByTestId('change-given').innerText()
  expect(change).toMatch(/^¥\d+\.\d{2}$/)
  const receipt = done.getByRole('article', { name: 'Receipt' })
  await expect(receipt).toContainText(payable)
  await expect(receipt).toContainText('WELCOME5')
  await expect(receipt.getByRole('img')).toBeVisible()
  const number = (await done.getByText(/^Order T01-\d{6}$/).innerText()).replace('Order ', '')
  await snap(page, 'sell-paid-en')

  // Print, standing in for the browser's print dialog, and save the page as Chromium's PDF does.
  await page.evaluate(() => {
    window.print = () => undefined
  })
  await done.getByRole('button', { name: 'Print receipt' }).click()
  await expect(page.locator('#print-root .receipt')).toHaveCount(1)
  const pdfPath = join(kassa.dataDir, 'receipt.pdf')
  await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true })
  expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-')

  await done.getByRole('button', { name: 'Next customer' }).click()
  await expect(page.getByText('Scan an item to start a sale')).toBeVisible()

  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('button', { name: 'Orders' })
    .click()
  await page.getByLabel('Order number').fill(number.slice(-6))
  await page.getByRole('button', { name: 'Search', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: /^\d+ orders?$/ })).toHaveText('1 order')
  await page.getByRole('button', { name: number }).click()
  await expect(page.getByRole('complementary').getByRole('article', { name: 'Receipt' })).toContainText(
    change
  )
  await snap(page, 'orders-en')
})

test('a parked cart is resumed, even after the app restarts', async ({ page, kassa }) => {
  await openShopAsOwner(page, kassa.url)
  // The store keeps China time; this computer's clock is UTC (as the fresh-cashier tester's was).
  const saved = await api<Record<string, unknown>>(page, 'settings:get', {})
  await api(page, 'settings:update', { ...saved, timeZone: 'Asia/Shanghai' })
  const { products } = await api<{ products: Product[] }>(page, 'catalog:search', { query: '', limit: 5 })
  await page.keyboard.type(products[0]!.barcodes[0] ?? products[0]!.sku)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('region', { name: 'Cart' })).toContainText(products[0]!.nameEn)
  await page.keyboard.press('F4')
  await expect(page.getByText('Scan an item to start a sale')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Parked (1)' })).toBeVisible()

  await openShopAsOwner(page, await kassa.restart())
  await page.getByRole('button', { name: 'Parked (1)' }).click()
  const dialog = page.getByRole('dialog', { name: 'Parked carts' })
  await snap(page, 'sell-parked-en')
  // The time parked is the store's clock (Asia/Shanghai), not this computer's (UTC here), in the
  // interface language's format — as on the receipts.
  const [parked] = await api<{ parkedAt: string }[]>(page, 'cart:list-parked', {})
  const storeClock = (locale: string): string =>
    new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(
      new Date(parked!.parkedAt)
    )
  await expect(dialog).toContainText(storeClock('en'))
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: '中文' }).click()
  await page.getByRole('button', { name: '取单（1）' }).click()
  await expect(page.getByRole('dialog', { name: '挂起的购物车' })).toContainText(storeClock('zh-CN'))
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: 'English' }).click()
  await page.getByRole('button', { name: 'Parked (1)' }).click()
  await dialog.getByRole('button', { name: 'Resume' }).click()
  await expect(page.getByRole('region', { name: 'Cart' })).toContainText(products[0]!.nameEn)
  await expect(page.getByRole('button', { name: 'Parked (0)' })).toBeVisible()
})

test('the Sell screen in Chinese', async ({ page, kassa }) => {
  await openShopAsOwner(page, kassa.url)
  await page.getByRole('button', { name: '中文' }).click()
  const { products } = await api<{ products: Product[] }>(page, 'catalog:search', { query: '', limit: 5 })
  await page.getByLabel('扫码或搜索').fill(products[1]!.sku)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('region', { name: '购物车' })).toBeVisible()
  await snap(page, 'sell-cart-zh-CN')
})

// The fresh-cashier report, item 3: a coupon's refusal from the cart showed inside the payment
// window, and the coupon box still held the code for the next customer.
test('a cart notice stays with the cart: not in the payment window, and the next sale starts clean', async ({
  page,
  kassa
}) => {
  await openShopAsOwner(page, kassa.url)
  const { products } = await api<{ products: Product[] }>(page, 'catalog:search', { query: '', limit: 5 })
  const piece = products.find((p) => p.unit === 'piece' && p.barcodes.length > 0)!
  await page.keyboard.type(piece.barcodes[0]!)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('region', { name: 'Cart' })).toContainText(piece.nameEn)
  const coupon = page.getByRole('textbox', { name: 'Coupon code' })
  await coupon.fill('NOSUCH10')
  await coupon.press('Enter')
  const refusal = page.getByRole('alert').filter({ hasText: 'NOSUCH10' })
  await expect(refusal).toBeVisible()

  await page.keyboard.press('F12')
  const payment = page.getByRole('dialog').first()
  await expect(payment).toBeVisible()
  await expect(page.getByText(/NOSUCH10/).and(page.getByRole('alert'))).toHaveCount(0)
  await snap(page, 'sell-pay-without-cart-notice-en')
  await page.keyboard.press('Escape')
  await expect(payment).toBeHidden()

  // Parking starts the next sale: an empty coupon box.
  await page.keyboard.press('F4')
  await expect(page.getByText('Scan an item to start a sale')).toBeVisible()
  await expect(coupon).toHaveValue('')
})
