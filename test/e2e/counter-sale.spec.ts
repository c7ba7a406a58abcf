import { expect, snap, test } from './fixtures'
import { api, openShopAsOwner } from './helpers/api'
import {
  burst,
  expectNoSideScroll,
  LANGUAGES,
  nameIn,
  pieceGoods,
  SIZES,
  typeSlowly,
  useLanguage
} from './helpers/counter'

// Issue 10, item 1: a keyboard-wedge scanner's burst reaches the scan handler from anywhere —
// the scan bar with a search typed, the coupon, quantity, price and discount fields, and the
// cash "amount received" field — and never lands in that field or commits anything.

for (const size of SIZES) {
  for (const language of LANGUAGES) {
    const tag = `${size.width}x${size.height}-${language}`
    test(`a cashier's sale at ${size.width}×${size.height} in ${language}: scanner bursts into every kind of field`, async ({
      page,
      kassa
    }) => {
      await page.setViewportSize(size)
      await openShopAsOwner(page, kassa.url)
      await useLanguage(page, language)
      const goods = await pieceGoods(page)
      const [a, b, c, d, e, f, g] = goods
      const cart = page.locator('.cart-lines')
      const row = (product: typeof a) => cart.locator('tbody tr', { hasText: nameIn(product!, language) })
      const lines = cart.locator('tbody tr')
      const quantityOf = (product: typeof a) => row(product).locator('td').first()
      const scanBar = page.locator('#scan-input')
      await expect(scanBar).toBeFocused()
      await expectNoSideScroll(page)
      await snap(page, `counter-sell-empty-${tag}`)

      // The scan bar (search): a person typed "3*" — the burst is scanned three times.
      await typeSlowly(page, '3*')
      await expect(page.getByTestId('multiplier')).toHaveText('× 3')
      await burst(page, a!.barcodes[0]!)
      await expect(quantityOf(a)).toHaveText('3')
      await expect(scanBar).toHaveValue('')

      // A search typed by a person stays in the box, and the burst still scans.
      await typeSlowly(page, nameIn(c!, language).slice(0, 2))
      await burst(page, b!.barcodes[0]!)
      await expect(row(b)).toBeVisible()
      await expect(scanBar).toHaveValue(nameIn(c!, language).slice(0, 2))
      // Escape clears the box, and the grid with it: the filter never outlives the box.
      await page.keyboard.press('Escape')
      await expect(scanBar).toHaveValue('')
      await expect(page.locator('.product-grid .chips')).toBeVisible()

      // The coupon field: the code is scanned, the field stays empty, no "Unknown coupon".
      await page.locator('#coupon-code').click()
      await burst(page, c!.barcodes[0]!)
      await expect(row(c)).toBeVisible()
      await expect(page.locator('#coupon-code')).toHaveValue('')
      await expect(page.getByRole('alert')).toHaveCount(0)

      // A line's quantity field: 8 digits never become a quantity of 169,012,345.
      await row(a).click()
      await expect(page.locator('#line-quantity')).toHaveValue('3')
      await page.locator('#line-quantity').click()
      await burst(page, d!.barcodes[0]!)
      await expect(row(d)).toBeVisible()
      await expect(quantityOf(a)).toHaveText('3')
      await expect(lines).toHaveCount(4)

      // The price field.
      await row(a).click()
      const price = await page.locator('#line-price').inputValue()
      await page.locator('#line-price').click()
      await burst(page, e!.barcodes[0]!)
      await expect(row(e)).toBeVisible()
      await row(a).click()
      await expect(page.locator('#line-price')).toHaveValue(price)
      await expect(row(a).locator('.badge--warn')).toHaveCount(0)

      // The discount field.
      await page.locator('#line-discount-kind').selectOption('rate')
      await page.locator('#line-discount-value').click()
      await burst(page, f!.barcodes[0]!)
      await expect(row(f)).toBeVisible()
      await expect(row(a).locator('.discount')).toHaveCount(0)
      await expect(lines).toHaveCount(6)
      await expectNoSideScroll(page)
      await snap(page, `counter-sell-cart-${tag}`)

      // F12: the focus is on the amount received.
      await page.keyboard.press('F12')
      const pay = page.locator('dialog[open]')
      await expect(page.locator('#pay-tendered')).toBeFocused()
      // A burst in the amount received: no sale, no ¥6,923,456,010,029.00 change; the cashier
      // is told, inside the dialog, that the item was not added.
      await burst(page, g!.barcodes[0]!)
      await expect(pay.getByRole('alert')).toContainText(g!.barcodes[0]!)
      await expect(page.locator('#pay-tendered')).toHaveValue('')
      await expect(pay).toHaveCount(1)
      await expect(row(g)).toHaveCount(0)
      await expectNoSideScroll(page)
      await snap(page, `counter-pay-burst-${tag}`)

      // ¥100 is always a quick amount.
      await expect(pay.getByRole('group').getByRole('button', { name: '¥100.00' })).toBeVisible()
      await typeSlowly(page, '100')
      await expect(pay.getByTestId('change-preview')).not.toHaveText('¥0.00')
      await page.keyboard.press('Enter')
      const done = page.locator('dialog[open]')
      await expect(done.getByTestId('change-given')).toHaveText(/^¥\d{1,2}\.\d{2}$/)
      await snap(page, `counter-paid-${tag}`)

      // A sale is not news: the notification badge stays unread-free.
      await expect(page.locator('[aria-label*="unread"], [aria-label*="未读"]')).toHaveCount(0)

      // The next scan after a sale starts the next customer's cart.
      await burst(page, a!.barcodes[0]!)
      await expect(lines).toHaveCount(1)
      await expect(row(a)).toBeVisible()
      await expect(page.getByRole('alert')).toHaveCount(0)
      const orders = await api<{ total: number }>(page, 'orders:search', {})
      expect(orders.total).toBe(1)
    })
  }
}
