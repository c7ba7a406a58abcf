import { expect, snap, test } from './fixtures'
import { api, openShopAsOwner } from './helpers/api'
import { burst, pieceGoods, typeSlowly, useLanguage, DIAGONAL } from './helpers/counter'

// The customer-rating dialog: Save is live before a star is picked and, pressed, says why beside
// the stars (errors.form.chooseRating) without sending anything; picking a star clears it. A
// scanner burst in the comment box is no comment and saves nothing.

const W = {
  en: {
    orders: 'Orders',
    rating: 'Customer rating',
    save: 'Save rating',
    choose: 'Choose 1 to 5 stars',
    comment: 'Comment (optional)',
    ratingOf: (name: string) => `Rating for ${name}`,
    stars: '4 stars',
    saved: 'Saved',
    min: 'Min amount',
    max: 'Max amount',
    search: 'Search',
    negative: 'must not be negative',
    belowMin: 'must not be less than the minimum amount',
    results: '1 order'
  },
  'zh-CN': {
    orders: '订单',
    rating: '顾客评价',
    save: '保存评价',
    choose: '请选择 1 到 5 星',
    comment: '评语（可选）',
    ratingOf: (name: string) => `${name} 的评分`,
    stars: '4 星',
    saved: '已保存',
    min: '最低金额',
    max: '最高金额',
    search: '查询',
    negative: '不能为负数',
    belowMin: '不能低于最低金额',
    results: '共 1 单'
  }
} as const

for (const { size, language } of DIAGONAL) {
  const tag = `${size.width}x${size.height}-${language}`
  const w = W[language]

  test(`Save rating says a star is missing, never grey, ${tag}`, async ({ page, kassa }) => {
    await page.setViewportSize(size)
    await openShopAsOwner(page, kassa.url)
    const [piece] = await pieceGoods(page)
    const cart = await api<{ id: string }>(page, 'cart:open', {})
    await api(page, 'cart:add-item', { cartId: cart.id, productId: piece!.id, quantity: '1' })
    const { order } = await api<{ order: { number: string } }>(page, 'checkout:begin', {
      cartId: cart.id,
      checkoutKey: `e2e-rating-${language}`,
      cash: { tendered: '1000', confirmLargeTender: true }
    })
    await useLanguage(page, language)
    const saves: string[] = []
    page.on('request', (request) => {
      if (request.url().includes('/api/call/evaluations:save')) saves.push(request.postData() ?? '')
    })
    await page.getByRole('navigation').getByRole('button', { name: w.orders }).click()
    await page.getByRole('button', { name: order.number }).click()
    await page.getByRole('button', { name: w.rating, exact: true }).click()
    const dialog = page.getByRole('dialog')
    const name = language === 'en' ? piece!.nameEn : piece!.nameZh
    const stars = dialog.getByRole('radiogroup', { name: w.ratingOf(name) })
    const save = dialog.getByRole('button', { name: w.save })

    await expect(save).toBeEnabled()
    await save.click()
    await expect(stars).toHaveAttribute('aria-invalid', 'true')
    const error = dialog.getByText(w.choose)
    await expect(error).toBeVisible()
    await expect(stars).toHaveAttribute('aria-describedby', (await error.getAttribute('id'))!)
    // Beside the stars: just under them, above the comment box.
    const starsBox = (await stars.boundingBox())!
    const errorBox = (await error.boundingBox())!
    const comment = dialog.getByPlaceholder(w.comment)
    const commentBox = (await comment.boundingBox())!
    expect(errorBox.y).toBeGreaterThanOrEqual(starsBox.y + starsBox.height - 1)
    expect(errorBox.y + errorBox.height).toBeLessThanOrEqual(commentBox.y + 1)
    // Save's label on one line.
    const saveBox = (await save.boundingBox())!
    expect(saveBox.height).toBeLessThanOrEqual(commentBox.height + 2)
    await snap(page, `evaluation-save-${tag}`)
    expect(saves).toEqual([])

    // A scanner burst in the comment: swallowed, the comment keeps what was typed, nothing saved.
    await comment.click()
    await typeSlowly(page, 'ok')
    await burst(page, '69012345')
    await expect(page.getByTestId('scan-refused')).toContainText('69012345')
    await expect(comment).toHaveValue('ok')
    expect(saves).toEqual([])

    // A star picked: the reason goes; Save then saves once.
    await stars.getByRole('radio', { name: w.stars }).click()
    await expect(stars).not.toHaveAttribute('aria-invalid', 'true')
    await expect(error).toBeHidden()
    await save.click()
    await expect(dialog.getByText(w.saved)).toBeVisible()
    expect(saves).toHaveLength(1)
    expect(JSON.parse(saves[0]!)).toMatchObject({ rating: 4, comment: 'ok' })
    await page.keyboard.press('Escape')

    // The history's filter refuses nonsense beside the field, every problem at once, and keeps
    // the list it had ("1 order", not "1 orders") rather than answering "0 orders".
    const searches: string[] = []
    page.on('request', (request) => {
      if (request.url().includes('/api/call/orders:search')) searches.push(request.postData() ?? '')
    })
    const filters = page.getByRole('form', { name: w.search })
    await filters.getByLabel(w.min).fill('-5')
    await filters.getByLabel(w.max).fill('abc')
    await filters.getByRole('button', { name: w.search }).click()
    await expect(filters.getByLabel(w.min)).toHaveAttribute('aria-invalid', 'true')
    await expect(filters.getByText(w.negative)).toBeVisible()
    await expect(filters.getByLabel(w.max)).toHaveAttribute('aria-invalid', 'true')
    await filters.getByLabel(w.min).fill('10')
    await expect(filters.getByLabel(w.min)).not.toHaveAttribute('aria-invalid', 'true')
    await filters.getByLabel(w.max).fill('5')
    await filters.getByRole('button', { name: w.search }).click()
    await expect(filters.getByText(w.belowMin)).toBeVisible()
    expect(searches).toEqual([])
    await expect(page.getByRole('status').filter({ hasText: w.results })).toBeVisible()
    await snap(page, `orders-filter-refused-${tag}`)
  })
}
