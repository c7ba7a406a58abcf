import { expect, snap, test } from './fixtures'
import { api, openShopAsOwner } from './helpers/api'
import { burst, DIAGONAL, nameIn, pieceGoods, useLanguage, type Language } from './helpers/counter'

// A price edited (here, through the API as another window would) while the cart holds the product:
// the line keeps the price the customer saw and says the new one at once, with no scan; the next
// scan is a new line at the new price. Goods taken off sale are marked and cannot be scanned again.
// README "Selling", "When the catalog changes under a cart".

const words = (language: Language, en: string, zh: string): string => (language === 'en' ? en : zh)
const fen = (minor: number): string => `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`

for (const { size, language } of DIAGONAL) {
  const tag = `${size.width}x${size.height}-${language}`

  test(`a price change under an open cart: old line kept and flagged, new scan at the new price, ${tag}`, async ({
    page,
    kassa
  }) => {
    await page.setViewportSize(size)
    await openShopAsOwner(page, kassa.url)
    await useLanguage(page, language)
    const [a, b] = await pieceGoods(page)
    const rows = page.getByRole('region', { name: words(language, 'Cart', '购物车') }).locator('tbody tr')
    await burst(page, a!.barcodes[0]!)
    await burst(page, a!.barcodes[0]!)
    await burst(page, b!.barcodes[0]!)
    await expect(rows).toHaveCount(2)

    const newPrice = a!.priceMinor + 30
    await api(page, 'catalog:update-product', { id: a!.id, price: fen(newPrice) })
    await api(page, 'catalog:deactivate-product', { id: b!.id })
    // Shown without a scan: the Sell screen reloads the cart when the catalog changes.
    const first = rows.nth(0)
    await expect(first.locator('.badge')).toHaveText(new RegExp(words(language, '^now ', '^现价 ')))
    await expect(rows.nth(1).locator('.badge')).toHaveText(words(language, 'off sale', '已下架'))
    await expect(first.locator('td').nth(0)).toHaveText('2')

    await burst(page, a!.barcodes[0]!)
    await expect(rows).toHaveCount(3)
    const added = rows.nth(2)
    await expect(added).toContainText(nameIn(a!, language))
    await expect(added.locator('.badge')).toHaveCount(0)
    // The flag names exactly the price the new line is rung up at.
    const addedPrice = (await added.locator('td').nth(1).innerText()).trim()
    await expect(first.locator('.badge')).toHaveText(
      words(language, `now ${addedPrice}`, `现价 ${addedPrice}`)
    )
    await expect(first.locator('td').nth(0)).toHaveText('2')
    await expect(first.locator('td').nth(1)).not.toHaveText(addedPrice)

    // Off sale: the scan is refused and nothing is added.
    await burst(page, b!.barcodes[0]!)
    await expect(page.getByRole('alert').filter({ hasText: nameIn(b!, language) })).toBeVisible()
    await expect(rows).toHaveCount(3)
    await snap(page, `catalog-change-cart-${tag}`)
    const overflow = await first
      .locator('.cart-lines__sku')
      .evaluate((el) => el.scrollWidth > el.clientWidth + 1)
    expect(overflow).toBe(false)
  })
}
