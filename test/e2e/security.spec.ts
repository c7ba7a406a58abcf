import { expect, snap, test } from './fixtures'
import type { Page } from '@playwright/test'
import { openShopAsOwner } from './helpers/api'

const fitsWidth = (page: Page): Promise<boolean> =>
  page.locator('section.screen').evaluate((screen) => screen.scrollWidth <= screen.clientWidth)

// Issue 10 item 11 / issue 11 item 3: every approval threshold in Settings, with the domain a
// shop could mean; walked at both counter screen sizes in both languages.

for (const size of [
  { width: 1024, height: 768 },
  { width: 1366, height: 860 }
]) {
  test(`the owner sets approvals and loss prevention in Settings at ${size.width}×${size.height}`, async ({
    page,
    kassa
  }) => {
    await page.setViewportSize(size)
    await openShopAsOwner(page, kassa.url, { openShift: false })
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('button', { name: 'Settings' })
      .click()
    const form = page.getByRole('group', { name: 'Approvals and loss prevention' })
    await expect(form).toBeVisible()

    // Only the currency's coins are cash-rounding steps.
    const steps = await page.getByLabel('Cash rounding').locator('option').allTextContents()
    expect(steps).toEqual(['None — exact to the minor unit', '0.10 CNY', '0.50 CNY', '1.00 CNY'])

    await expect(form.getByLabel('Refunds per order (CNY)')).toHaveValue('100.00')
    await expect(form.getByLabel('Cash paid out for a refund (CNY)')).toHaveValue('0.00')
    await expect(form.getByLabel('Largest line discount a cashier may give (%)')).toHaveValue('20')
    await expect(form.getByLabel('Blind closing count')).toBeChecked()

    // An absurd amount is refused on its field; nothing is saved.
    await form.getByLabel('Refunds per order (CNY)').fill('99999999999999999999')
    await page.getByRole('button', { name: 'Save approvals' }).click()
    await expect(form.getByRole('alert')).toContainText('too large')
    await expect(form.getByLabel('Refunds per order (CNY)')).toBeFocused()
    await snap(page, `settings-approvals-refused-en-${size.width}`)

    await form.getByLabel('Refunds per order (CNY)').fill('50')
    await form.getByLabel('Refunds per cashier per shift (CNY)').fill('300')
    await form.getByLabel('Cash paid out for a refund (CNY)').fill('20')
    await form.getByLabel('Largest line discount a cashier may give (%)').fill('10')
    await page.getByRole('button', { name: 'Save approvals' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Approvals saved' })).toBeVisible()
    await expect(form.getByLabel('Refunds per order (CNY)')).toHaveValue('50.00')
    await expect(form.getByLabel('Refunds per cashier per shift (CNY)')).toHaveValue('300.00')
    await form.getByLabel('Blind closing count').scrollIntoViewIfNeeded()
    await snap(page, `settings-approvals-en-${size.width}`)
    // The settings screen itself never scrolls sideways at a counter's screen size (the top bar
    // at 1024 px is the Sell screen's own work, issue 10).
    expect(await fitsWidth(page)).toBe(true)

    await page.getByRole('button', { name: '中文' }).click()
    const zh = page.getByRole('group', { name: '审批与防损' })
    await expect(zh.getByLabel('每笔订单退款（CNY）')).toHaveValue('50.00')
    await expect(zh.getByLabel('盲点交班')).toBeChecked()
    await zh.getByLabel('盲点交班').scrollIntoViewIfNeeded()
    await snap(page, `settings-approvals-zh-CN-${size.width}`)
    expect(await fitsWidth(page)).toBe(true)
  })
}
