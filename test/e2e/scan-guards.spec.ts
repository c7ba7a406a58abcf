import { expect, snap, test } from './fixtures'
import { logIn, logOut } from './helpers/accounts'
import { api, openShopAsOwner } from './helpers/api'
import { burst, LANGUAGES, pieceGoods, useLanguage } from './helpers/counter'

// Issue 10, item 1, on the screens that take no scans: a scanner burst into a shift count box
// (open and close) or a manager-approval PIN box is swallowed — the box keeps its value, the
// scanner's Enter submits nothing, no PIN attempt is made — and the cashier is told why. A
// count box never quietly rewrites what was typed ("-3", "1.5", "0.001"): it says why beside it.

const TEXT = {
  en: {
    nav: 'Main navigation',
    settlement: 'Settlement',
    open: 'Open shift',
    openTitle: 'Open a shift: count the float',
    close: 'Count and close shift',
    closeTitle: /^Close shift T01-S00001/,
    notes: 'Notes',
    negative: 'A count cannot be negative',
    fraction: 'Count whole notes and coins: no fractions',
    amount: 'An amount such as 12.50, at most 2 decimals',
    refused: 'was not entered: this field does not take barcodes'
  },
  'zh-CN': {
    nav: '主导航',
    settlement: '结算',
    open: '开班',
    openTitle: '开班：清点备用金',
    close: '点钞交班',
    closeTitle: /^交班 T01-S00001/,
    notes: '纸币',
    negative: '数量不能为负数',
    fraction: '请按整张、整枚计数，不能有小数',
    amount: '请输入金额，如 12.50，最多 2 位小数',
    refused: '未输入：此处不接受条码'
  }
} as const

/** A GTIN's check digit holds (GS1 mod 10), as the scanner's codes do. */
const isGtin = (code: string): boolean => {
  const digits = [...code].map(Number)
  const check = digits.pop()
  const sum = digits.reverse().reduce((total, digit, i) => total + digit * (i % 2 === 0 ? 3 : 1), 0)
  return /^\d{13}$/.test(code) && (10 - (sum % 10)) % 10 === check
}

const CASHIER = {
  displayName: 'Cashier Li',
  username: 'cashier',
  role: 'cashier',
  password: 'cashier-pass-1',
  pin: '2222'
}
const MANAGER = {
  displayName: 'Manager Zhao',
  username: 'manager',
  role: 'manager',
  password: 'manager-pass-1',
  pin: '3333'
}

for (const language of LANGUAGES) {
  const L = TEXT[language]
  const tag = `1024x768-${language}`
  test(`shift counts and approval PINs at 1024×768 in ${language}: a scan never lands, a bad count says why`, async ({
    page,
    kassa
  }) => {
    await page.setViewportSize({ width: 1024, height: 768 })
    await openShopAsOwner(page, kassa.url, { openShift: false })
    await api(page, 'users:create', CASHIER)
    await api(page, 'users:create', MANAGER)
    await useLanguage(page, language)
    const [product] = await pieceGoods(page)
    const code = product!.barcodes[0]!
    const refused = page.getByTestId('scan-refused')
    await page.getByRole('navigation', { name: L.nav }).getByRole('button', { name: L.settlement }).click()

    // Opening float: what was typed stays, and each refusal is said beside its box.
    await page.getByRole('button', { name: L.open, exact: true }).click()
    const open = page.getByRole('dialog', { name: L.openTitle })
    const openBox = (face: string) => open.getByLabel(`${L.notes} ${face}`, { exact: true })
    await openBox('¥100').fill('-3')
    await openBox('¥50').fill('1.5')
    await open.getByRole('textbox').last().fill('0.001')
    await expect(openBox('¥100')).toHaveValue('-3')
    await expect(openBox('¥50')).toHaveValue('1.5')
    await expect(open.getByText(L.negative)).toBeVisible()
    await expect(open.getByText(L.fraction)).toBeVisible()
    await expect(open.getByText(L.amount)).toBeVisible()
    await expect(open.getByRole('button', { name: L.open, exact: true })).toBeDisabled()
    await snap(page, `scan-guards-open-errors-${tag}`)
    await openBox('¥100').fill('5')
    await openBox('¥50').fill('')
    await open.getByRole('textbox').last().fill('')

    // A burst into the ¥1 box: the box keeps "2", nothing opens, the cashier is told.
    await openBox('¥1').fill('2')
    await burst(page, code)
    await expect(refused).toBeVisible()
    await expect(refused).toContainText(code)
    await expect(refused).toContainText(L.refused)
    await expect(openBox('¥1')).toHaveValue('2')
    await expect(open).toBeVisible()
    await expect(open.getByTestId('count-total')).toHaveText('¥502.00')
    await snap(page, `scan-guards-open-burst-${tag}`)
    await open.getByRole('button', { name: L.open, exact: true }).click()
    await expect(open).toHaveCount(0)

    // Closing count, as a cashier: a burst in the ¥20 box leaves it empty and never presses
    // "Close shift" (no approval opens).
    await logOut(page)
    await logIn(page, CASHIER.username, CASHIER.password)
    await page.getByRole('navigation', { name: L.nav }).getByRole('button', { name: L.settlement }).click()
    await page.getByRole('button', { name: L.close }).click()
    const close = page.getByRole('dialog', { name: L.closeTitle })
    const closeBox = (face: string) => close.getByLabel(`${L.notes} ${face}`, { exact: true })
    await closeBox('¥20').click()
    await burst(page, code)
    await expect(refused).toContainText(code)
    await expect(closeBox('¥20')).toHaveValue('')
    await expect(close.getByTestId('count-total')).toHaveText('¥0.00')
    await expect(page.locator('dialog.approval[open]')).toHaveCount(0)

    // The approval's PIN box: five bursts are never five wrong PINs (no lock-out).
    await closeBox('¥100').fill('5')
    await close.getByRole('button', { name: language === 'en' ? 'Close shift' : '交班', exact: true }).click()
    const approval = page.locator('dialog.approval[open]')
    await expect(approval).toBeVisible()
    await approval.getByRole('textbox').first().fill(MANAGER.username)
    const pin = approval.locator('input[type="password"]')
    for (let i = 0; i < 5; i++) {
      await pin.click()
      await burst(page, code)
      await expect(pin).toHaveValue('')
    }
    await expect(approval.getByRole('alert')).toHaveCount(0)
    await expect(refused).toBeVisible()
    // The approval names the action, the shift and the cash counted.
    await expect(approval.getByTestId('approval-what')).toContainText('T01-S00001')
    await expect(approval.getByTestId('approval-what')).toContainText('¥500.00')
    await snap(page, `scan-guards-approval-burst-${tag}`)
    // The manager's PIN still works: no attempt was spent.
    await pin.fill(MANAGER.pin)
    await pin.press('Enter')
    await expect(approval).toHaveCount(0)
    await expect(close).toHaveCount(0)
  })
}

for (const language of LANGUAGES) {
  test(`a "3" typed just before a scan stays in the scan bar at 1024×768 in ${language}; the scan is looked up alone`, async ({
    page,
    kassa
  }) => {
    await page.setViewportSize({ width: 1024, height: 768 })
    await openShopAsOwner(page, kassa.url)
    await useLanguage(page, language)
    const product = (await pieceGoods(page)).find((p) => isGtin(p.barcodes[0]!))!
    const scanBar = page.locator('#scan-input')
    await expect(scanBar).toBeFocused()
    // The person's key, then the scanner right after (the tester's case: no 0.7 s pause).
    await page.keyboard.type('3')
    // A person's hand from key to trigger: well under the 350 ms that used to join the two.
    await page.waitForTimeout(150)
    await burst(page, product.barcodes[0]!)
    const row = page.locator('.cart-lines tbody tr', {
      hasText: language === 'en' ? product.nameEn : product.nameZh
    })
    await expect(row).toBeVisible()
    await expect(row.locator('td').first()).toHaveText('1')
    await expect(scanBar).toHaveValue('3')
    await snap(page, `scan-guards-typed-then-scan-1024x768-${language}`)
  })
}

test('a refund approval names the action, the order and the amount (1024×768, en)', async ({
  page,
  kassa
}) => {
  await page.setViewportSize({ width: 1024, height: 768 })
  await openShopAsOwner(page, kassa.url)
  await api(page, 'users:create', CASHIER)
  await api(page, 'users:create', MANAGER)
  await api(page, 'refunds:update-policy', { approvalThreshold: '0.01' })
  const [product] = await pieceGoods(page)
  const cart = await api<{ id: string }>(page, 'cart:open', {})
  await api(page, 'cart:add-item', { cartId: cart.id, productId: product!.id, quantity: '2' })
  const { order } = await api<{ order: { number: string } }>(page, 'checkout:begin', {
    cartId: cart.id,
    checkoutKey: 'e2e-refund-approval',
    cash: { tendered: '100', confirmLargeTender: true }
  })
  await logOut(page)
  await logIn(page, CASHIER.username, CASHIER.password)
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('button', { name: 'Orders' })
    .click()
  await page.getByRole('button', { name: order.number }).click()
  await page.getByRole('button', { name: 'Refund', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Refund' })
  await dialog.getByLabel(`Refund quantity of ${product!.nameEn}`).fill('2')
  await dialog.getByLabel('Reason').fill('damaged packaging')
  await dialog.getByRole('button', { name: 'Refund', exact: true }).click()
  const what = page.locator('dialog.approval[open]').getByTestId('approval-what')
  await expect(what).toContainText('Refund')
  await expect(what).toContainText(order.number)
  const yuan = (product!.priceMinor * 2) / 100
  await expect(what).toContainText(`¥${yuan.toFixed(2)}`)
  await snap(page, 'scan-guards-refund-approval-1024x768-en')
})

test('a burst into the lock screen PIN is never an unlock attempt (1024×768, en)', async ({
  page,
  kassa
}) => {
  await page.setViewportSize({ width: 1024, height: 768 })
  await openShopAsOwner(page, kassa.url)
  const [product] = await pieceGoods(page)
  await page.getByRole('button', { name: 'Lock' }).click()
  await expect(page.getByRole('heading', { name: 'Till locked' })).toBeVisible()
  const pin = page.getByLabel('Enter your PIN to unlock')
  await pin.click()
  for (let i = 0; i < 5; i++) {
    await burst(page, product!.barcodes[0]!)
    await expect(pin).toHaveValue('')
  }
  await expect(page.getByText('Wrong PIN')).toHaveCount(0)
  await expect(page.getByTestId('scan-refused')).toContainText(product!.barcodes[0]!)
  await snap(page, 'scan-guards-lock-burst-1024x768-en')
  await pin.fill('1234')
  await pin.press('Enter')
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible()
})
