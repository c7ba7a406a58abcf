import { expect, snap, test } from './fixtures'
import { api, openShopAsOwner } from './helpers/api'
import { DEFAULT_SCALE_LABELS, makeScaleLabel } from '../../src/shared/barcodes/scale-label'
import { burst, pieceGoods, useLanguage } from './helpers/counter'

// A 35 kg scale label went on the cart with no question, while 35 typed into the quantity box
// asks "Check the quantity". The scan is asked the same way (the same dialog): "No" adds
// nothing, "Yes" adds the 35 kg; a scan while it asks goes nowhere.

const CASES = {
  en: {
    size: { width: 1366, height: 860 },
    title: 'Check the quantity',
    body: (name: string) => `The scale label reads 35 kg of ${name}. Add it?`,
    back: 'No, correct it',
    confirm: 'Yes, add it',
    refused: 'was not added'
  },
  'zh-CN': {
    size: { width: 1024, height: 768 },
    title: '请核对数量',
    body: (name: string) => `秤标签上是 ${name} 35 公斤，确认加入？`,
    back: '返回修改',
    confirm: '确认加入',
    refused: '未加入'
  }
} as const

for (const [language, c] of Object.entries(CASES)) {
  const tag = `${c.size.width}x${c.size.height}-${language}`
  test(`a 35 kg scale label is asked about like a typed 35 (${tag})`, async ({ page, kassa }) => {
    await page.setViewportSize(c.size)
    await openShopAsOwner(page, kassa.url)
    await useLanguage(page, language as 'en' | 'zh-CN')
    const apples = await api<{ scaleCode: string; nameEn: string; nameZh: string }>(
      page,
      'catalog:lookup-code',
      { code: 'PRO-001' }
    )
    const name = language === 'en' ? apples.nameEn : apples.nameZh
    const heavy = makeScaleLabel(DEFAULT_SCALE_LABELS[0]!, '21', apples.scaleCode, 35000)
    const rows = page.locator('.cart-lines tbody tr')
    const dialog = page.getByRole('dialog', { name: c.title })

    await burst(page, heavy)
    await expect(dialog).toBeVisible()
    await expect(dialog.getByTestId('large-quantity')).toHaveText(c.body(name))
    await expect(rows).toHaveCount(0)
    await snap(page, `scale-label-large-${tag}`)
    // A scan while it asks: refused, not added, not taken as the answer.
    const [soap] = await pieceGoods(page)
    await burst(page, soap!.barcodes[0]!)
    await expect(page.getByText(soap!.barcodes[0]!).first()).toContainText(c.refused)
    await expect(dialog).toBeVisible()
    await expect(rows).toHaveCount(0)
    await dialog.getByRole('button', { name: c.back }).click()
    await expect(dialog).toHaveCount(0)
    await expect(rows).toHaveCount(0)
    await expect(page.locator('#scan-input')).toHaveValue('')

    await burst(page, heavy)
    await dialog.getByRole('button', { name: c.confirm, exact: true }).click()
    await expect(dialog).toHaveCount(0)
    await expect(rows).toHaveCount(1)
    await expect(rows.first()).toContainText('35')
    await expect(rows.first()).toContainText(name)
    // 30 kg is sold without a question.
    await burst(page, makeScaleLabel(DEFAULT_SCALE_LABELS[0]!, '21', apples.scaleCode, 30000))
    await expect(rows).toHaveCount(2)
    await expect(dialog).toHaveCount(0)
  })
}
