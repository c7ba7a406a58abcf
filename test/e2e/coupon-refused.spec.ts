import { expect, snap, test } from './fixtures'
import { api, openShopAsOwner } from './helpers/api'
import { burst, pieceGoods, typeSlowly, useLanguage, type Language, DIAGONAL } from './helpers/counter'

// The coupon box on the Sell screen: a code main refuses turns the box red (aria-invalid and
// the danger style every field has) with the reason under it, naming the code, until the
// cashier types again; a scanner burst in the box still goes to the cart.

const words = (language: Language, en: string, zh: string): string => (language === 'en' ? en : zh)
const DANGER = 'rgb(185, 28, 28)'

for (const { size, language } of DIAGONAL) {
  const tag = `${size.width}x${size.height}-${language}`

  test(`a refused coupon code marks its box until typed over, ${tag}`, async ({ page, kassa }) => {
    await page.setViewportSize(size)
    await openShopAsOwner(page, kassa.url)
    await api(page, 'coupons:create', { code: 'OLD', type: 'rate', rate: '0.1', validTo: '2020-01-31' })
    await api(page, 'coupons:create', { code: 'TENOFF', type: 'rate', rate: '0.1' })
    await useLanguage(page, language)
    const [a, b] = await pieceGoods(page)
    const box = page.locator('#coupon-code')
    const apply = page.locator('.coupon-box').getByRole('button', { name: words(language, 'Apply', '使用') })
    const error = page.locator('.coupon-box .field__error')

    // An unknown code: red, with the reason naming it.
    await box.click()
    await typeSlowly(page, 'NOSUCH')
    await apply.click()
    await expect(box).toHaveAttribute('aria-invalid', 'true')
    await expect(box).toHaveCSS('border-color', DANGER)
    await expect(error).toHaveText(words(language, 'Unknown coupon code NOSUCH', '未知的优惠券码 NOSUCH'))
    await expect(box).toHaveAttribute('aria-describedby', (await error.getAttribute('id'))!)
    await expect(box).toHaveValue('NOSUCH')
    await snap(page, `coupon-refused-${tag}`)

    // Typing clears it, the Sell screen's notice of it too.
    await box.press('End')
    await box.press('Backspace')
    await expect(box).toHaveValue('NOSUC')
    await expect(box).not.toHaveAttribute('aria-invalid', 'true')
    await expect(error).toHaveCount(0)
    await expect(box).not.toHaveCSS('border-color', DANGER)
    await expect(
      page.getByText(words(language, 'Unknown coupon code NOSUCH', '未知的优惠券码 NOSUCH'))
    ).toHaveCount(0)

    // An expired code, sent with Enter: refused the same way.
    await box.fill('OLD')
    await box.press('Enter')
    await expect(box).toHaveAttribute('aria-invalid', 'true')
    await expect(error).toContainText('OLD')

    // The refusal is announced once, by the Sell screen's notice; the box's text describes it.
    await expect(page.getByRole('alert').filter({ hasText: 'OLD' })).toHaveCount(1)

    // A scanner burst into the refused box: the product goes to the cart, the box keeps what
    // was typed, no coupon is tried with the barcode, and the refusal goes with the change.
    await box.click()
    await burst(page, a!.barcodes[0]!)
    await expect(page.locator('.cart-lines')).toContainText(language === 'en' ? a!.nameEn : a!.nameZh)
    await expect(box).toHaveValue('OLD')
    await expect(error).toHaveCount(0)
    await expect(page.getByText(a!.barcodes[0]!)).toHaveCount(0)

    // A good code applies, the box empties and nothing is red.
    await box.fill('TENOFF')
    await apply.click()
    await expect(box).toHaveValue('')
    await expect(box).not.toHaveAttribute('aria-invalid', 'true')
    await expect(error).toHaveCount(0)
    await expect(page.locator('.coupon-list')).toContainText('TENOFF')
    // The blank press still says so beside the box, in the same style.
    await apply.click()
    await expect(box).toHaveAttribute('aria-invalid', 'true')
    await expect(box).toHaveCSS('border-color', DANGER)
    await expect(error).toHaveText(words(language, 'Enter a coupon code', '请输入优惠券码'))
    await box.focus()
    await burst(page, b!.barcodes[0]!)
    await expect(page.locator('.cart-lines')).toContainText(language === 'en' ? b!.nameEn : b!.nameZh)
  })
}
