import { expect, snap, test } from './fixtures'
import { api, openShopAsOwner } from './helpers/api'
import {
  burst,
  expectNoSideScroll,
  LANGUAGES,
  nameIn,
  SIZES,
  useLanguage,
  visibleCartRows,
  type DemoProduct
} from './helpers/counter'

// Issue 10, item 4: the cart is the cashier's main view. With 40 lines of the longest names,
// at 1024×768 and 1366×860, it shows at least 6 lines with name, quantity, price and line
// total readable, the newest line in view; nothing scrolls sideways; the language switch stays.

for (const size of SIZES) {
  for (const language of LANGUAGES) {
    const tag = `${size.width}x${size.height}-${language}`
    test(`a 40-line cart of the longest names at ${size.width}×${size.height} in ${language}`, async ({
      page,
      kassa
    }) => {
      await page.setViewportSize(size)
      await openShopAsOwner(page, kassa.url)
      const { products } = await api<{ products: DemoProduct[] }>(page, 'catalog:search', {
        query: '',
        limit: 200
      })
      const longest = products
        .filter((p) => p.unit === 'piece' && p.barcodes.length > 0)
        .sort((a, b) => nameIn(b, language).length - nameIn(a, language).length)
      const cart = await api<{ id: string }>(page, 'cart:open', {})
      for (const product of longest.slice(0, 40))
        await api(page, 'cart:add-item', { cartId: cart.id, productId: product.id, quantity: '12' })
      await useLanguage(page, language)
      const rows = page.locator('.cart-lines tbody tr')
      await expect(rows).toHaveCount(40)

      // The newest line, scanned now, is selected and in view.
      const newest = longest[40]!
      await burst(page, newest.barcodes[0]!)
      await expect(rows).toHaveCount(41)
      const last = rows.last()
      await expect(last).toHaveClass(/is-selected/)
      // Whole, to a pixel's rounding (a scroll offset snaps to whole device pixels).
      await expect(last).toBeInViewport({ ratio: 0.98 })
      await expect(last).toContainText(nameIn(newest, language))

      // At least six lines wholly visible — with the category chips and tiles shown, as they
      // are between scans — each on one line, with every column on screen.
      await expect(page.locator('.product-grid .chips')).toBeVisible()
      await expect(page.locator('.product-grid .tile').first()).toBeVisible()
      expect(await visibleCartRows(page)).toBeGreaterThanOrEqual(6)
      const layout = await page.evaluate(() => {
        const row = document.querySelector('.cart-lines tbody tr.is-selected')!
        const name = row.querySelector('.cart-lines__name')!.getBoundingClientRect()
        const nameCell = row.firstElementChild!.getBoundingClientRect()
        const cells = [...row.children].map((cell) => cell.getBoundingClientRect())
        const nameStyle = getComputedStyle(row.querySelector('.cart-lines__name')!)
        const total = row.lastElementChild!.querySelector('.strong')!.getBoundingClientRect()
        return {
          nameHeight: name.height,
          lineHeight: parseFloat(nameStyle.lineHeight) || parseFloat(nameStyle.fontSize) * 1.4,
          nameWidth: nameCell.width,
          fontSize: parseFloat(nameStyle.fontSize),
          rightmost: Math.max(...cells.map((c) => c.right), total.right),
          width: window.innerWidth
        }
      })
      expect(layout.nameHeight).toBeLessThan(layout.lineHeight * 1.5)
      expect(layout.fontSize).toBeGreaterThanOrEqual(17)
      expect(layout.nameWidth).toBeGreaterThanOrEqual(150)
      expect(layout.rightmost).toBeLessThanOrEqual(layout.width)
      await expect(last.locator('td').first()).toBeVisible()

      // The language switch is on screen, and nothing scrolls sideways.
      const other = language === 'en' ? '中文' : 'English'
      await expect(page.getByRole('button', { name: other })).toBeInViewport({ ratio: 1 })
      await expectNoSideScroll(page)
      await snap(page, `counter-cart-40-${tag}`)
    })
  }
}

test('no screen scrolls sideways at 1024×768, and a tall dialog keeps its buttons in view', async ({
  page,
  kassa
}) => {
  await page.setViewportSize({ width: 1024, height: 768 })
  await openShopAsOwner(page, kassa.url)
  const nav = page.getByRole('navigation', { name: 'Main navigation' })
  for (const name of ['Sell', 'Orders', 'Settlement', 'Products', 'Coupons', 'Settings', 'Staff']) {
    await nav.getByRole('button', { name }).click()
    await expect(nav.getByRole('button', { name })).toHaveAttribute('aria-current', 'page')
    await page.waitForTimeout(300)
    await expectNoSideScroll(page)
    await expect(page.getByRole('button', { name: '中文' })).toBeInViewport({ ratio: 1 })
    await snap(page, `counter-screen-${name.toLowerCase()}-1024x768-en`)
  }
  // The product editor is taller than the screen: its body scrolls, its buttons stay.
  await nav.getByRole('button', { name: 'Products' }).click()
  await page.getByRole('button', { name: /^(New product|Add product)/ }).click()
  const dialog = page.locator('dialog[open]')
  await expect(dialog).toBeVisible()
  const box = await dialog.boundingBox()
  expect(box!.y + box!.height).toBeLessThanOrEqual(768)
  const buttons = dialog.locator('.dialog__actions button')
  for (const button of await buttons.all()) await expect(button).toBeInViewport({ ratio: 1 })
  await expectNoSideScroll(page)
  await snap(page, 'counter-tall-dialog-1024x768-en')
})

// The fresh-cashier report, item 2: "12.345 kg" ran into "¥8.80/kg" on weighed lines at 1024.
// Every piece of text in a cart row keeps to its own box: no two overlap, none is cut off.
for (const language of LANGUAGES) {
  test(`weighed lines at 1024×768 in ${language}: no text in a cart row overlaps another`, async ({
    page,
    kassa
  }) => {
    await page.setViewportSize({ width: 1024, height: 768 })
    await openShopAsOwner(page, kassa.url)
    const { products } = await api<{ products: DemoProduct[] }>(page, 'catalog:search', {
      query: '',
      limit: 200
    })
    const weighed = products.filter((p) => p.unit === 'kg')
    expect(weighed.length).toBeGreaterThan(0)
    const cart = await api<{ id: string }>(page, 'cart:open', {})
    for (const quantity of ['0.523', '12.345', '99.999'])
      await api(page, 'cart:add-item', { cartId: cart.id, productId: weighed[0]!.id, quantity })
    await useLanguage(page, language)
    const rows = page.locator('.cart-lines tbody tr')
    await expect(rows).toHaveCount(3)
    const problems = await page.evaluate(() => {
      const found: string[] = []
      for (const row of document.querySelectorAll('.cart-lines tbody tr')) {
        const boxes: { node: Node; text: string; rect: DOMRect }[] = []
        const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT)
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent!.trim()
          if (!text) continue
          const range = document.createRange()
          range.selectNodeContents(node)
          for (const rect of range.getClientRects()) boxes.push({ node, text, rect })
        }
        for (let i = 0; i < boxes.length; i++)
          for (let j = i + 1; j < boxes.length; j++) {
            if (boxes[i]!.node === boxes[j]!.node) continue
            const a = boxes[i]!.rect
            const b = boxes[j]!.rect
            const overlap =
              Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
              Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1
            if (overlap) found.push(`"${boxes[i]!.text}" overlaps "${boxes[j]!.text}"`)
          }
        // …and each piece of text lies inside its own cell.
        for (const { node, text, rect } of boxes) {
          const cell = node.parentElement!.closest('td, th')!.getBoundingClientRect()
          if (rect.left < cell.left - 1 || rect.right > cell.right + 1)
            found.push(
              `"${text}" sticks out of its cell (${rect.left}–${rect.right} in ${cell.left}–${cell.right})`
            )
        }
      }
      return found
    })
    expect(problems).toEqual([])
    await expectNoSideScroll(page)
    await snap(page, `counter-weighed-1024x768-${language}`)
  })
}

// The fresh cashier's cart at 1024×768: a re-scanned line comes wholly into view below the
// sticky column heads; ¥1,288.88 and ¥2,577.76 fit their columns (nothing scrolls sideways);
// a long name takes at most two lines in the line editor, so its controls stay on screen.
for (const language of LANGUAGES) {
  test(`a re-scanned line, big amounts and a long name fit at 1024×768 in ${language}`, async ({
    page,
    kassa
  }) => {
    await page.setViewportSize({ width: 1024, height: 768 })
    await openShopAsOwner(page, kassa.url)
    const goods = (
      await api<{ products: DemoProduct[] }>(page, 'catalog:search', { query: '', limit: 200 })
    ).products.filter((p) => p.unit === 'piece' && p.barcodes.length > 0)
    const long = await api<{ id: string }>(page, 'catalog:create-product', {
      sku: 'LONG-NAME-1',
      nameZh: '进口特级冷榨初榨橄榄油家庭装大瓶礼盒附赠精美玻璃油壶两只及不锈钢量勺一套限量版',
      nameEn:
        'Imported extra virgin cold pressed olive oil, family size gift box with two glass cruets and a steel spoon',
      price: '1288.88',
      taxRate: '0.13'
    })
    const cart = await api<{ id: string }>(page, 'cart:open', {})
    for (const product of goods.slice(0, 12))
      await api(page, 'cart:add-item', { cartId: cart.id, productId: product.id, quantity: '1' })
    await api(page, 'cart:add-item', { cartId: cart.id, productId: long.id, quantity: '2' })
    await useLanguage(page, language)
    const rows = page.locator('.cart-lines tbody tr')
    await expect(rows).toHaveCount(13)

    // The long name: two lines at most, the whole name in its title; the controls on screen.
    await rows.last().click()
    const title = page.locator('.line-editor .panel__title')
    await expect(title).toHaveAttribute('title', /.{30,}/)
    const titleBox = await title.evaluate((el) => ({
      height: el.getBoundingClientRect().height,
      line: parseFloat(getComputedStyle(el).lineHeight) || parseFloat(getComputedStyle(el).fontSize) * 1.6
    }))
    expect(titleBox.height).toBeLessThanOrEqual(titleBox.line * 2 + 1)
    await expect(page.locator('.line-editor input').first()).toBeInViewport({ ratio: 1 })
    await expect(page.locator('.line-editor .button--danger-ghost')).toBeInViewport({ ratio: 1 })

    // Re-scan the first line: it comes wholly into view below the sticky heads.
    await burst(page, goods[0]!.barcodes[0]!)
    await expect(rows.first().locator('td').first()).toHaveText('2')
    await expect(rows.first()).toHaveClass(/is-selected/)
    await expect
      .poll(() =>
        page.evaluate(() => {
          const head = document.querySelector('.cart-lines thead')!.getBoundingClientRect()
          const row = document.querySelector('.cart-lines tbody tr')!.getBoundingClientRect()
          return row.top - head.bottom
        })
      )
      .toBeGreaterThanOrEqual(-0.5)

    // ¥1,288.88 × 2 = ¥2,577.76: each figure inside its cell, nothing scrolls sideways.
    await expect(rows.last()).toContainText('1,288.88')
    await expect(rows.last()).toContainText('2,577.76')
    const cut = await page.evaluate(() =>
      [...document.querySelectorAll('.cart-lines tbody td')]
        .filter((cell) => cell.scrollWidth > cell.clientWidth + 1)
        .map((cell) => cell.textContent)
    )
    expect(cut).toEqual([])
    await expectNoSideScroll(page)
    await snap(page, `counter-cart-fit-1024x768-${language}`)
  })
}
