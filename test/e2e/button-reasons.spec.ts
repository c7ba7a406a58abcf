import { expect, snap, test } from './fixtures'
import { logIn, logOut } from './helpers/accounts'
import { api, OWNER, openShopAsOwner } from './helpers/api'
import { burst, pieceGoods, useLanguage } from './helpers/counter'

// A fresh cashier found "Open shift", "Close shift" and "Log in" grey with no reason. They now
// stay live and, pressed, say why beside the field that blocks them — the refund, void and
// cash in/out dialogs' mechanism (form issues, errors.form.*) — in the cashier's language. The PIN
// pads (unlock, switch user, manager approval) had the same grey button and say why too.

const CASES = {
  en: {
    size: { width: 1366, height: 860 },
    nav: 'Main navigation',
    settlement: 'Settlement',
    open: 'Open shift',
    openTitle: 'Open a shift: count the float',
    close: 'Count and close shift',
    closeTitle: /^Close shift T01-S00001/,
    confirmClose: 'Close shift',
    notes: 'Notes',
    other: /^Other cash/,
    openBlocker: 'Correct the boxes marked in red: Notes ¥100, Other cash',
    closeBlocker: 'Correct the boxes marked in red: Notes ¥50',
    refused: 'was not entered',
    username: 'Username',
    password: 'Password',
    login: 'Log in',
    enterUsername: 'Enter your username',
    enterPassword: 'Enter your password',
    lock: 'Lock',
    unlock: 'Unlock',
    switchUser: 'Switch user',
    switchSubmit: 'Switch',
    back: 'Back',
    pinDigits: 'Enter 4 to 6 digits',
    wrong: /username or password/i,
    coupon: 'Coupon code',
    apply: 'Apply',
    enterCoupon: 'Enter a coupon code'
  },
  'zh-CN': {
    size: { width: 1024, height: 768 },
    nav: '主导航',
    settlement: '结算',
    open: '开班',
    openTitle: '开班：清点备用金',
    close: '点钞交班',
    closeTitle: /^交班 T01-S00001/,
    confirmClose: '交班',
    notes: '纸币',
    other: /^其他现金/,
    openBlocker: '请更正标红的栏位：纸币 ¥100、其他现金',
    closeBlocker: '请更正标红的栏位：纸币 ¥50',
    refused: '未输入',
    username: '用户名',
    password: '密码',
    login: '登录',
    enterUsername: '请输入用户名',
    enterPassword: '请输入密码',
    lock: '锁定',
    unlock: '解锁',
    switchUser: '切换用户',
    switchSubmit: '切换',
    back: '返回',
    pinDigits: '请输入 4 到 6 位数字',
    wrong: /用户名或密码错误/,
    coupon: '优惠券码',
    apply: '使用',
    enterCoupon: '请输入优惠券码'
  }
} as const

for (const [language, c] of Object.entries(CASES)) {
  const tag = `${c.size.width}x${c.size.height}-${language}`

  test(`open and close shift say which boxes block them, never grey (${tag})`, async ({ page, kassa }) => {
    await page.setViewportSize(c.size)
    await openShopAsOwner(page, kassa.url, { openShift: false })
    await useLanguage(page, language as 'en' | 'zh-CN')
    const [product] = await pieceGoods(page)
    const code = product!.barcodes[0]!
    await page.getByRole('navigation', { name: c.nav }).getByRole('button', { name: c.settlement }).click()

    await page.getByRole('button', { name: c.open, exact: true }).click()
    const open = page.getByRole('dialog', { name: c.openTitle })
    const openButton = open.getByRole('button', { name: c.open, exact: true })
    await open.getByLabel(`${c.notes} ¥100`, { exact: true }).fill('-3')
    await open.getByLabel(c.other).fill('abc')
    await expect(openButton).toBeEnabled()
    await openButton.click()
    await expect(open.getByTestId('count-blocker')).toHaveText(c.openBlocker)
    // The first box to correct has the focus.
    await expect(open.getByLabel(`${c.notes} ¥100`, { exact: true })).toBeFocused()
    await snap(page, `button-reasons-open-${tag}`)
    // Corrected, the reason goes; the shift opens.
    await open.getByLabel(`${c.notes} ¥100`, { exact: true }).fill('2')
    await open.getByLabel(c.other).fill('')
    await expect(open.getByTestId('count-blocker')).toHaveCount(0)
    // A scanner burst into a count box: swallowed, the box keeps its "2", nothing opens.
    await open.getByLabel(`${c.notes} ¥100`, { exact: true }).click()
    await burst(page, code)
    await expect(open.getByLabel(`${c.notes} ¥100`, { exact: true })).toHaveValue('2')
    await expect(page.getByTestId('scan-refused')).toContainText(c.refused)
    await expect(open).toBeVisible()
    await openButton.click()
    await expect(open).toHaveCount(0)

    await page.getByRole('button', { name: c.close }).click()
    const close = page.getByRole('dialog', { name: c.closeTitle })
    const closeButton = close.getByRole('button', { name: c.confirmClose, exact: true })
    await close.getByLabel(`${c.notes} ¥50`, { exact: true }).fill('1.5')
    await expect(closeButton).toBeEnabled()
    await closeButton.click()
    await expect(close.getByTestId('count-blocker')).toHaveText(c.closeBlocker)
    await expect(close).toBeVisible()
    await snap(page, `button-reasons-close-${tag}`)
    await close.getByLabel(`${c.notes} ¥50`, { exact: true }).fill('')
    await close.getByLabel(`${c.notes} ¥100`, { exact: true }).fill('2')
    await closeButton.click()
    await expect(close).toHaveCount(0)
    const current = await api<{ shift: unknown }>(page, 'shifts:current', {})
    expect(current.shift).toBeNull()
  })

  test(`log in, unlock and switch user say what is missing, never grey (${tag})`, async ({ page, kassa }) => {
    await page.setViewportSize(c.size)
    await openShopAsOwner(page, kassa.url)
    await useLanguage(page, language as 'en' | 'zh-CN')

    // The lock screen: Unlock with two digits says how many are needed; nothing is tried.
    await page.getByRole('button', { name: c.lock, exact: true }).click()
    const unlock = page.getByRole('button', { name: c.unlock, exact: true })
    await expect(unlock).toBeEnabled()
    await page.keyboard.type('12')
    await unlock.click()
    await expect(page.getByText(c.pinDigits)).toBeVisible()
    await snap(page, `button-reasons-unlock-${tag}`)
    // Switch user with no name: said beside the name.
    await page.getByRole('button', { name: c.switchUser }).click()
    await page.getByRole('button', { name: c.switchSubmit, exact: true }).click()
    await expect(page.getByText(c.enterUsername)).toBeVisible()
    await expect(page.getByLabel(c.username)).toHaveAttribute('aria-invalid', 'true')
    await page.getByRole('button', { name: c.back, exact: true }).click()
    await page.keyboard.type(OWNER.pin)
    await unlock.click()
    await expect(page.getByRole('navigation', { name: c.nav })).toBeVisible()

    await logOut(page)
    const login = page.getByRole('button', { name: c.login, exact: true })
    await expect(login).toBeEnabled()
    await login.click()
    await expect(page.getByText(c.enterUsername)).toBeVisible()
    await expect(page.getByText(c.enterPassword)).toBeVisible()
    await expect(page.getByLabel(c.username)).toBeFocused()
    await snap(page, `button-reasons-login-${tag}`)
    // Typing the name clears its reason; the password's stays until pressed again.
    await page.getByLabel(c.username).fill(OWNER.username)
    await expect(page.getByText(c.enterUsername)).toHaveCount(0)
    await login.click()
    await expect(page.getByText(c.enterPassword)).toBeVisible()
    await expect(page.getByLabel(c.password)).toBeFocused()
    // A scanner burst into the password box: the code is not taken as a password try.
    await burst(page, '6901234567892')
    await expect(page.getByLabel(c.password)).toHaveValue('')
    await expect(page.getByLabel(c.username)).toHaveValue(OWNER.username)
    await expect(page.locator('.field__error')).toHaveText([c.enterPassword])
    await expect(page.getByRole('navigation', { name: c.nav })).toHaveCount(0)
    // A wrong password is main's to refuse, and its reason shows, not "Enter your password".
    await page.getByLabel(c.password).fill('not-the-password')
    await login.click()
    await expect(page.locator('.field__error')).toHaveText([c.wrong])
    await logIn(page, OWNER.username, OWNER.password)
  })

  test(`the coupon box's Apply says a code is missing, never grey (${tag})`, async ({ page, kassa }) => {
    await page.setViewportSize(c.size)
    await openShopAsOwner(page, kassa.url)
    await useLanguage(page, language as 'en' | 'zh-CN')
    const [soap] = await pieceGoods(page)
    const box = page.getByRole('textbox', { name: c.coupon })
    const apply = page.getByRole('button', { name: c.apply, exact: true })
    await expect(apply).toBeEnabled()
    await apply.click()
    await expect(page.getByText(c.enterCoupon)).toBeVisible()
    await expect(box).toHaveAttribute('aria-invalid', 'true')
    await snap(page, `button-reasons-coupon-${tag}`)
    // A scanner burst into the coupon box: the box keeps what it held, the item goes on the cart.
    await box.fill('AB')
    await expect(page.getByText(c.enterCoupon)).toHaveCount(0)
    await box.click()
    await burst(page, soap!.barcodes[0]!)
    await expect(box).toHaveValue('AB')
    await expect(page.locator('.cart-lines tbody tr')).toHaveCount(1)
  })
}
