import { expect, snap, test } from './fixtures'
import { api, openShopAsOwner } from './helpers/api'

test('coupons read as a Chinese shop says them (九折) and show their usage limit, at 1024 and 1366 in both languages', async ({
  page,
  kassa
}) => {
  await openShopAsOwner(page, kassa.url)
  await api(page, 'coupons:create', { code: 'NINETY', type: 'rate', rate: '0.1', usageLimit: 5 })
  await api(page, 'coupons:create', { code: 'EIGHTY5', type: 'rate', rate: '0.15' })
  await api(page, 'coupons:create', { code: 'MINUS5', type: 'amount', amount: '5.00', minSpend: '30.00' })
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('button', { name: 'Coupons' })
    .click()
  const row = (code: string) => page.getByRole('row', { name: new RegExp(code) })
  await expect(row('NINETY')).toContainText('10% off')
  await expect(row('NINETY')).toContainText('0 of 5')
  await expect(row('EIGHTY5')).toContainText('0 (no limit)')
  await expect(row('MINUS5')).toContainText('−¥5.00')

  for (const language of ['zh-CN', 'en'] as const) {
    await page
      .getByRole('group', { name: /Language|语言/ })
      .getByRole('button', { name: language === 'en' ? 'English' : '中文' })
      .click()
    if (language === 'zh-CN') {
      await expect(row('NINETY')).toContainText('九折（减 10%）')
      await expect(row('NINETY')).toContainText('0 / 限 5 次')
      await expect(row('EIGHTY5')).toContainText('八五折')
    }
    for (const viewport of [
      { width: 1024, height: 768 },
      { width: 1366, height: 860 }
    ]) {
      await page.setViewportSize(viewport)
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('main *')]
          .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
          .map((el) => `${el.tagName}.${el.className}`)
      )
      expect(wide).toEqual([])
      await snap(page, `coupons-${language}-${viewport.width}`)
    }
  }
})
