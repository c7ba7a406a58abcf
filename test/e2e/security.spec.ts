import { expect, snap, test } from './fixtures'
import type { Page } from '@playwright/test'
import { logIn, logOut } from './helpers/accounts'
import { api, openShopAsOwner } from './helpers/api'

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
    expect(steps).toEqual(['None — exact to the minor unit', '0.05 CNY', '0.10 CNY', '0.50 CNY', '1.00 CNY'])

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

for (const size of [
  { width: 1024, height: 768 },
  { width: 1366, height: 860 }
]) {
  test(`the closing count is blind by default at ${size.width}×${size.height}, in both languages`, async ({
    page,
    kassa
  }) => {
    await page.setViewportSize(size)
    await openShopAsOwner(page, kassa.url)
    await api(page, 'users:create', {
      displayName: 'Cashier Li',
      username: 'cashier',
      role: 'cashier',
      password: 'cashier-pass-1',
      pin: '2222'
    })

    // The owner supervises the drawer: the shift card shows it, the count dialog does not.
    const nav = page.getByRole('navigation', { name: 'Main navigation' })
    await nav.getByRole('button', { name: 'Settlement' }).click()
    await expect(page.getByTestId('expected-cash')).toBeVisible()
    await page.getByRole('button', { name: 'Count and close shift' }).click()
    const close = page.getByRole('dialog', { name: /count the drawer/ })
    await expect(close.getByText('This is a blind count')).toBeVisible()
    await expect(close.getByText('Expected', { exact: true })).toHaveCount(0)
    await expect(close.getByTestId('count-difference')).toHaveCount(0)
    await close.getByLabel('Notes ¥100').fill('1')
    await snap(page, `close-blind-en-${size.width}`)
    await close.getByRole('button', { name: 'Cancel' }).click()
    await page.getByRole('button', { name: '中文' }).click()
    await page.getByRole('button', { name: '点钞交班' }).click()
    const closeZh = page.getByRole('dialog', { name: /清点钱箱/ })
    await expect(closeZh.getByText('这是盲点')).toBeVisible()
    await closeZh.getByLabel('纸币 ¥100').fill('1')
    await snap(page, `close-blind-zh-CN-${size.width}`)
    await closeZh.getByRole('button', { name: '取消' }).click()

    // A cashier at the till sees no expected cash anywhere before the count.
    await logOut(page)
    await logIn(page, 'cashier', 'cashier-pass-1')
    await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '结算' }).click()
    await expect(page.getByTestId('drawer-blind')).toBeVisible()
    await expect(page.getByTestId('expected-cash')).toHaveCount(0)
    // Nor in the list of recent shifts, while this one is open.
    await expect(page.getByRole('row', { name: /T01-S00001/ })).not.toContainText('¥')
    await snap(page, `shift-card-blind-zh-CN-${size.width}`)
    await page.getByRole('button', { name: 'English' }).click()
    await expect(page.getByTestId('drawer-blind')).toContainText('Blind closing count')
    await snap(page, `shift-card-blind-en-${size.width}`)
  })
}
