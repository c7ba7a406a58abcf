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

test('a coupon says whether it can be used today, and the form names every problem at once in both languages', async ({
  page,
  kassa
}) => {
  await page.setViewportSize({ width: 1024, height: 768 })
  await openShopAsOwner(page, kassa.url)
  await api(page, 'coupons:create', { code: 'LIVE', type: 'rate', rate: '0.1' })
  await api(page, 'coupons:create', { code: 'OLD', type: 'rate', rate: '0.1', validTo: '2020-01-31' })
  await api(page, 'coupons:create', { code: 'SOON', type: 'amount', amount: '5', validFrom: '2999-01-01' })
  await api(page, 'coupons:create', { code: 'OFF', type: 'rate', rate: '0.1', active: false })
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('button', { name: 'Coupons' })
    .click()
  const status = (code: string) =>
    page
      .getByRole('row', { name: new RegExp(`^${code}\\b`) })
      .locator('td')
      .nth(4)
  await expect(status('LIVE')).toHaveText('Active')
  // Enabled, but past its last day: never shown as usable.
  await expect(status('OLD')).toHaveText('Expired')
  await expect(status('SOON')).toHaveText('Not yet valid')
  await expect(status('OFF')).toHaveText('Switched off')

  // Four wrong fields, one save: four messages, each beside its field.
  const problems = [
    ['Code', 'x'],
    ['Percent off (e.g. 10)', '150'],
    ['Valid from', '2026-06-30'],
    ['Valid until', '2026-06-01'],
    ['Total uses allowed (optional)', '0']
  ] as const
  await page.getByRole('button', { name: 'New coupon' }).click()
  const dialog = page.getByRole('dialog', { name: 'New coupon' })
  for (const [label, value] of problems) await dialog.getByLabel(label, { exact: true }).fill(value)
  await dialog.getByRole('button', { name: 'Save coupon' }).click()
  await expect(dialog.locator('.field__error')).toHaveCount(4)
  await expect(dialog.getByLabel('Code', { exact: true })).toHaveAccessibleDescription(/letters, digits/)
  await expect(dialog.getByLabel('Percent off (e.g. 10)')).toHaveAccessibleDescription(/from 0 to 100/)
  await expect(dialog.getByLabel('Valid until')).toHaveAccessibleDescription(/first valid day/)
  await expect(dialog.getByLabel('Total uses allowed (optional)')).toHaveAccessibleDescription(/at least 1/)
  await snap(page, 'coupons-form-errors-1024x768-en')
  // Fixing one field clears its message only; nothing was saved.
  await dialog.getByLabel('Code', { exact: true }).fill('SUMMER')
  await expect(dialog.locator('.field__error')).toHaveCount(3)
  await page.keyboard.press('Escape')
  expect((await api<Array<{ code: string }>>(page, 'coupons:list', {})).map((c) => c.code)).not.toContain(
    'SUMMER'
  )

  // In Chinese, the same problems in Chinese words, and the statuses too.
  await page.getByRole('button', { name: '中文' }).click()
  await expect(status('OLD')).toHaveText('已过期')
  await page.getByRole('button', { name: '新建优惠券' }).click()
  const zh = page.getByRole('dialog', { name: '新建优惠券' })
  await zh.getByLabel('券码', { exact: true }).fill('x')
  await zh.getByLabel('减免百分比（如 10）').fill('150')
  await zh.getByLabel('生效日期').fill('2026-06-30')
  await zh.getByLabel('截止日期').fill('2026-06-01')
  await zh.getByRole('button', { name: '保存优惠券' }).click()
  await expect(zh.locator('.field__error')).toHaveCount(3)
  await expect(zh.getByLabel('截止日期')).toHaveAccessibleDescription(/不能早于生效日期/)
  await expect(zh.getByLabel('减免百分比（如 10）')).toHaveAccessibleDescription(/0 到 100/)
  for (const text of await zh.locator('.field__error').allTextContents()) expect(text).not.toMatch(/[a-z]{4}/)
  await snap(page, 'coupons-form-errors-1024x768-zh-CN')
})

test('an amount off above the minimum spend is refused beside the amount, in both languages, at 1024 and 1366', async ({
  page,
  kassa
}) => {
  await openShopAsOwner(page, kassa.url)
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('button', { name: 'Coupons' })
    .click()
  for (const language of ['en', 'zh-CN'] as const) {
    const en = language === 'en'
    await page.getByRole('button', { name: en ? 'English' : '中文' }).click()
    for (const viewport of [
      { width: 1024, height: 768 },
      { width: 1366, height: 860 }
    ]) {
      await page.setViewportSize(viewport)
      await page.getByRole('button', { name: en ? 'New coupon' : '新建优惠券' }).click()
      const dialog = page.getByRole('dialog', { name: en ? 'New coupon' : '新建优惠券' })
      await dialog.getByLabel(en ? 'Code' : '券码', { exact: true }).fill('BIG50')
      await dialog.getByLabel(en ? 'Kind' : '类型').selectOption('amount')
      const amount = dialog.getByLabel(en ? /^Amount off/ : /^减免金额/)
      await amount.fill('50')
      await dialog.getByLabel(en ? /^Minimum spend/ : /^最低消费/).fill('30')
      await dialog.getByRole('button', { name: en ? 'Save coupon' : '保存优惠券' }).click()
      await expect(amount).toHaveAccessibleDescription(
        en ? 'must not be more than the minimum spend, 30' : '不能高于最低消费 30'
      )
      await snap(page, `coupons-amount-above-min-spend-${language}-${viewport.width}`)
      await page.keyboard.press('Escape')
    }
  }
  expect((await api<Array<{ code: string }>>(page, 'coupons:list', {})).map((c) => c.code)).not.toContain(
    'BIG50'
  )
})
