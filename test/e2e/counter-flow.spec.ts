import { expect, snap, test } from './fixtures'
import { api, openShopAsOwner } from './helpers/api'
import { DEFAULT_SCALE_LABELS, makeScaleLabel } from '../../src/shared/barcodes/scale-label'
import { burst, LANGUAGES, pieceGoods, typeSlowly, useLanguage, type DemoProduct } from './helpers/counter'

// Issue 10, items 6, 7, 10, 12, 13, 14 and the minor ones on the Sell and payment screens.

test('selling before a shift is open: refused at the first scan with "Open shift", then back to selling', async ({
  page,
  kassa
}) => {
  await page.setViewportSize({ width: 1024, height: 768 })
  await openShopAsOwner(page, kassa.url, { openShift: false })
  const [product] = await pieceGoods(page)
  await burst(page, product!.barcodes[0]!)
  const notice = page.getByRole('alert').filter({ hasText: 'No shift is open on this till' })
  await expect(notice).toBeVisible()
  await expect(page.locator('.cart-lines tbody tr')).toHaveCount(0)
  await snap(page, 'counter-no-shift-1024x768-en')
  await notice.getByRole('button', { name: 'Open shift' }).click()
  const open = page.getByRole('dialog', { name: 'Open a shift: count the float' })
  await open.getByLabel(/Other cash/).fill('200')
  await open.getByRole('button', { name: 'Open shift' }).click()
  // Back on the Sell screen, and the refused scan went through.
  await expect(open).toHaveCount(0)
  await expect(page.getByRole('region', { name: 'Cart' })).toContainText(product!.nameEn)
  await expect(page.getByRole('button', { name: /^Shift T01-S\d+ open$/ })).toBeVisible()
  await expect(page.getByRole('alert')).toHaveCount(0)
})

test('weighed goods ask for the weight, and a kg line without one cannot be paid', async ({
  page,
  kassa
}) => {
  await page.setViewportSize({ width: 1024, height: 768 })
  await openShopAsOwner(page, kassa.url)
  const { products } = await api<{ products: DemoProduct[] }>(page, 'catalog:search', {
    query: '',
    limit: 200
  })
  const kg = products.find((p) => p.unit === 'kg' && p.barcodes.length > 0)!
  await burst(page, kg.barcodes[0]!)
  const row = page.locator('.cart-lines tbody tr', { hasText: kg.nameEn })
  await expect(row.getByText('weight?')).toBeVisible()
  await expect(page.locator('#line-quantity')).toBeFocused()
  await snap(page, 'counter-weight-needed-1024x768-en')

  // Refused before the payment window opens (it used to open and refuse only after the cash was
  // taken), named in the interface's language: "Spinach is sold by the kg", not "Spinach (菠菜)".
  await page.keyboard.press('F12')
  await expect(page.locator('dialog[open]')).toHaveCount(0)
  const alert = page.getByRole('alert')
  await expect(alert).toContainText(`${kg.nameEn} is sold by the kg: enter its weight first`)
  await expect(alert).not.toContainText(kg.nameZh)
  await expect(page.getByTestId('change-given')).toHaveCount(0)
  await expect(page.locator('#line-quantity')).toBeFocused()

  await page.locator('#line-quantity').fill('0.5')
  await page.locator('#line-quantity').press('Enter')
  await expect(row.locator('td').first()).toHaveText('0.5 kg')
  await page.keyboard.press('F12')
  await typeSlowly(page, '100')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('change-given')).toBeVisible()
})

test('split tender with cash first: quick amounts and change stay, a declined card is red, then the card pays the rest', async ({
  page,
  kassa
}) => {
  await page.setViewportSize({ width: 1366, height: 860 })
  await openShopAsOwner(page, kassa.url)
  const goods = (await pieceGoods(page)).filter((p) => p.priceMinor >= 800)
  await burst(page, goods[0]!.barcodes[0]!)
  await burst(page, goods[1]!.barcodes[0]!)
  await page.keyboard.press('F12')
  const dialog = page.locator('dialog[open]')
  await expect(page.locator('#pay-tendered')).toBeFocused()
  await typeSlowly(page, '5')
  const part = dialog.getByRole('button', { name: 'Take ¥5.00 cash, pay the rest another way' })
  await expect(part).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(dialog.getByTestId('checkout-paid')).toHaveText('¥5.00')
  const remaining = await dialog.getByTestId('checkout-remaining').innerText()

  // Cash in the split still has its quick amounts and change.
  await expect(dialog.getByRole('group', { name: 'Quick amounts' }).getByRole('button')).not.toHaveCount(0)
  await expect(dialog.getByTestId('change-preview')).toBeVisible()
  await snap(page, 'counter-split-cash-first-1366x860-en')

  await dialog.getByRole('tab', { name: 'Card' }).click()
  await dialog.getByRole('button', { name: 'Charge card on the terminal' }).click()
  await dialog.getByRole('button', { name: 'Customer device' }).click()
  const device = page.getByRole('complementary', { name: 'Customer device (sandbox)' })
  const trade = device.getByRole('region', { name: `Card ${remaining}` })
  await trade.getByLabel('PIN').fill('0000')
  await trade.getByRole('button', { name: 'Present card' }).click()
  // Declined: said in red, never in green.
  await expect(device.locator('.notice--error')).toBeVisible()
  await expect(device.locator('.notice--ok')).toHaveCount(0)
  // …in the interface's words, not the sandbox's state name ("failed").
  await expect(device.locator('.notice--error')).toHaveText(/: (Declined|Closed without payment)$/)
  await snap(page, 'counter-card-declined-1366x860-en')

  await dialog.getByRole('button', { name: 'Try again' }).click()
  const retry = device.getByRole('region', { name: `Card ${remaining}` }).last()
  await retry.getByRole('button', { name: 'Present card' }).click()
  await expect(page.getByRole('dialog', { name: 'Paid' })).toBeVisible()
  const receipt = page.getByRole('article', { name: 'Receipt' })
  await expect(receipt).toContainText('Paid (cash)')
  await expect(receipt).toContainText('Paid (card)')
})

test('keyboard first: search with arrows, 3* and +/−, confirmations instead of window.confirm, and a reload keeps the cashier', async ({
  page,
  kassa
}) => {
  await page.setViewportSize({ width: 1024, height: 768 })
  page.on('dialog', (dialog) => {
    throw new Error(`a browser dialog opened: ${dialog.message()}`)
  })
  await openShopAsOwner(page, kassa.url)
  const goods = await pieceGoods(page)
  const rows = page.locator('.cart-lines tbody tr')

  // Every shortcut is on screen.
  const keys = page.getByRole('list', { name: 'Keyboard shortcuts' })
  for (const key of ['F2', '↑↓ Enter', '3*', '+ −', 'Del', 'F4', 'F8', 'F12'])
    await expect(keys).toContainText(key)

  // Search: type a name, ↓ and Enter pick the first result; the filter goes with the box.
  const target = goods.find((p) => p.nameEn.length > 6)!
  await page.keyboard.press('F2')
  await typeSlowly(page, target.nameEn.slice(0, 6))
  await expect(page.locator('.product-grid .tile').first()).toBeVisible()
  await expect(page.locator('.product-grid .chips')).toHaveCount(0)
  await page.keyboard.press('ArrowDown')
  await expect(page.locator('.product-grid .tile.is-active')).toHaveCount(1)
  await page.keyboard.press('Enter')
  await expect(rows).toHaveCount(1)
  await expect(page.locator('#scan-input')).toHaveValue('')
  await expect(page.locator('.product-grid .chips')).toBeVisible()

  // +/− on the selected line (focus away from the fields).
  await rows.first().click()
  await page.keyboard.press('+')
  await expect(rows.first().locator('td').first()).toHaveText('2')
  await page.keyboard.press('-')
  await expect(rows.first().locator('td').first()).toHaveText('1')

  // A quantity beyond what a counter sells asks first.
  await page.locator('#line-quantity').fill('500')
  await page.locator('#line-quantity').press('Enter')
  await expect(page.getByTestId('large-quantity')).toContainText('500')
  await page.getByRole('button', { name: 'No, correct it' }).click()
  await expect(rows.first().locator('td').first()).toHaveText('1')

  // 3* then a scan.
  const other = goods.find((p) => p.id !== target.id)!
  await page.keyboard.press('F2')
  await typeSlowly(page, '3*')
  await burst(page, other.barcodes[0]!)
  await expect(
    page.locator('.cart-lines tbody tr', { hasText: other.nameEn }).locator('td').first()
  ).toHaveText('3')

  // F12: the amount has the focus; a tender far above the amount due asks before paying.
  await page.keyboard.press('F12')
  await expect(page.locator('#pay-tendered')).toBeFocused()
  await typeSlowly(page, '50000')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('large-tender')).toContainText('¥50,000.00')
  await snap(page, 'counter-large-tender-1024x768-en')
  await page.getByRole('button', { name: 'No, correct it' }).click()
  await page.locator('#pay-tendered').fill('')
  await typeSlowly(page, '100')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('change-given')).toBeVisible()
  expect((await api<{ total: number }>(page, 'orders:search', {})).total).toBe(1)
  await page.keyboard.press('Escape')

  // Clear asks in the app's own dialog.
  await burst(page, other.barcodes[0]!)
  await page.getByRole('button', { name: 'Clear cart' }).click()
  const clear = page.getByRole('dialog', { name: 'Clear this cart?' })
  await expect(clear).toBeVisible()
  await clear.getByRole('button', { name: 'Clear cart' }).click()
  await expect(rows).toHaveCount(0)

  // No sale added to the unread badge; a reload keeps the cashier signed in.
  await expect(page.getByRole('button', { name: /unread/ })).toHaveCount(0)
  await page.reload()
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible()
  await expect(page.getByLabel('Password')).toHaveCount(0)
})

test('an unknown code goes back in the box, and the next good scan clears it and the "no products" under it', async ({
  page,
  kassa
}) => {
  await page.setViewportSize({ width: 1024, height: 768 })
  await openShopAsOwner(page, kassa.url)
  const [item] = await pieceGoods(page)
  const box = page.locator('#scan-input')
  await burst(page, '6920000000001')
  await expect(page.locator('.counter-notice')).toContainText('6920000000001')
  await expect(box).toHaveValue('6920000000001')
  // Found on a walk: the stale code stayed in the box after the next scan, with the grid
  // showing "No products found" for the rest of the sale.
  await burst(page, item!.barcodes[0]!)
  await expect(page.locator('.cart-lines tbody tr')).toHaveCount(1)
  await expect(box).toHaveValue('')
  await expect(page.locator('.product-grid .tile').first()).toBeVisible()
  await snap(page, 'counter-unknown-then-known-1024x768-en')
})

// Found on the walk after issue 10: a refused scale label (misread, an item code no product has,
// no weight) stayed in the box as if it were a search, with "no products" under it and the next
// key typed joined to it. A code refused for a reason of its own leaves the box; the refusal
// names it, in the interface language.
for (const language of LANGUAGES) {
  test(`a refused scale label leaves the box and the notice names it, at 1024×768 in ${language}`, async ({
    page,
    kassa
  }) => {
    await page.setViewportSize({ width: 1024, height: 768 })
    await openShopAsOwner(page, kassa.url)
    await useLanguage(page, language)
    const apples = await api<{ scaleCode: string }>(page, 'catalog:lookup-code', { code: 'PRO-001' })
    const [weightLabels] = DEFAULT_SCALE_LABELS
    const good = makeScaleLabel(weightLabels!, '21', apples.scaleCode, 1234)
    const bad = [
      {
        kind: 'misread',
        code: `${good.slice(0, 12)}${(Number(good[12]) + 1) % 10}`,
        reason: language === 'en' ? 'misread' : '读错了'
      },
      {
        kind: 'unknown-item',
        code: makeScaleLabel(weightLabels!, '21', '99999', 1234),
        reason: language === 'en' ? 'scale item code 99999' : '秤码是 99999'
      },
      {
        kind: 'no-weight',
        code: makeScaleLabel(weightLabels!, '21', apples.scaleCode, 0),
        reason: language === 'en' ? 'no weight' : '没有重量'
      }
    ]
    const box = page.locator('#scan-input')
    const notice = page.locator('.counter-notice')
    for (const label of bad) {
      await burst(page, label.code)
      await expect(notice).toContainText(label.code)
      await expect(notice).toContainText(label.reason)
      await expect(box).toHaveValue('')
      await expect(page.locator('.product-grid .tile').first()).toBeVisible()
      await snap(page, `counter-bad-scale-label-${label.kind}-1024x768-${language}`)
      // The next key a person types starts afresh: nothing of the label is joined to it.
      await typeSlowly(page, 'a')
      await expect(box).toHaveValue('a')
      await page.keyboard.press('Escape')
    }
    await expect(page.locator('.cart-lines tbody tr')).toHaveCount(0)
    // An unknown code still goes back in the box as a search (the test above).
  })
}

// The fresh cashier: "最多 3 位小数" stayed on the weight field after the value was changed. A
// field's refusal is about the value refused: it goes as soon as the value changes.
test('a refused weight: the field error goes when the weight is changed, at 1024×768 in zh-CN', async ({
  page,
  kassa
}) => {
  await page.setViewportSize({ width: 1024, height: 768 })
  await openShopAsOwner(page, kassa.url)
  const { products } = await api<{ products: DemoProduct[] }>(page, 'catalog:search', {
    query: '',
    limit: 200
  })
  const kg = products.find((p) => p.unit === 'kg')!
  const cart = await api<{ id: string }>(page, 'cart:open', {})
  await api(page, 'cart:add-item', { cartId: cart.id, productId: kg.id, quantity: '0.5' })
  await useLanguage(page, 'zh-CN')
  const weight = page.locator('#line-quantity')
  await weight.fill('1.2345')
  await weight.press('Enter')
  const error = page.locator('.line-editor .field__error')
  await expect(error).toContainText('最多 3 位小数')
  await expect(weight).toHaveAttribute('aria-invalid', 'true')
  await snap(page, 'counter-weight-error-1024x768-zh-CN')
  await weight.press('Backspace')
  await expect(error).toHaveCount(0)
  await expect(weight).not.toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByText('最多 3 位小数')).toHaveCount(0)
})
