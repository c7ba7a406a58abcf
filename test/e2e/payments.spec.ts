import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, snap, startKassa, test } from './fixtures'
import { api, openShopAsOwner } from './helpers/api'

interface Product {
  sku: string
  barcodes: string[]
  nameEn: string
  unit: string
  priceMinor: number
}

/** A till sells only with an open shift: open one with a ¥200 float (arranging, not under test). */
async function openShift(page: Page): Promise<void> {
  const current = await api<{ shift: unknown }>(page, 'shifts:current', {})
  if (!current.shift) await api(page, 'shifts:open', { counts: {}, other: '200.00' })
}

/** Scans two priced items with the keyboard-wedge scanner; returns what the cart asks. */
async function ringUpTwoItems(page: Page): Promise<string> {
  const { products } = await api<{ products: Product[] }>(page, 'catalog:search', { query: '', limit: 100 })
  const goods = products
    .filter((p) => p.unit === 'piece' && p.barcodes.length > 0 && p.priceMinor >= 600 && p.priceMinor <= 2000)
    .slice(0, 2)
  expect(goods).toHaveLength(2)
  await expect(page.getByLabel('Scan a barcode or search')).toBeFocused()
  for (const product of goods) {
    await page.keyboard.type(product.barcodes[0]!)
    await page.keyboard.press('Enter')
  }
  const cart = page.getByRole('region', { name: 'Cart' })
  for (const product of goods) await expect(cart.getByRole('button', { name: product.nameEn })).toBeVisible()
  return page.getByTestId('payable').innerText()
}

/** Records the sounds the till plays (lib/sounds dispatches `kassa:sound`). */
async function listenForSounds(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { sounds: string[] }
    w.sounds = []
    document.addEventListener('kassa:sound', (event) => w.sounds.push((event as CustomEvent<string>).detail))
  })
  return () => page.evaluate(() => (window as unknown as { sounds: string[] }).sounds)
}

test('Alipay: the customer scans the QR on the customer device and the sale is paid, with sound, receipt and notification', async ({
  page,
  kassa
}) => {
  await openShopAsOwner(page, kassa.url)
  await openShift(page)
  const sounds = await listenForSounds(page)
  const payable = await ringUpTwoItems(page)

  await page.keyboard.press('F12')
  const dialog = page.getByRole('dialog', { name: 'Cash payment' })
  await expect(dialog).toBeVisible()
  const tabs = dialog.getByRole('tablist', { name: 'Payment method' })
  for (const name of ['Cash', 'Card', 'Alipay', 'WeChat Pay'])
    await expect(tabs.getByRole('tab', { name })).toBeEnabled()
  await snap(page, 'pay-methods-en')

  await tabs.getByRole('tab', { name: 'Alipay' }).click()
  const alipay = page.getByRole('dialog', { name: 'Alipay payment' })
  await expect(alipay.getByRole('tab', { name: 'Alipay' })).toHaveAttribute('aria-selected', 'true')
  await expect(alipay.getByLabel("Customer's payment code")).toBeFocused()
  await snap(page, 'pay-alipay-code-en')

  await alipay.getByRole('button', { name: 'Customer scans QR' }).click()
  await expect(alipay.getByLabel(/Amount to take/)).toHaveValue(payable.replace(/[^\d.]/g, ''))
  await alipay.getByRole('button', { name: 'Show QR code' }).click()
  await expect(alipay.getByRole('img', { name: `QR code to pay ${payable} with Alipay` })).toBeVisible()
  await expect(
    alipay.getByRole('status').filter({ hasText: 'Waiting for the customer to scan the QR code' })
  ).toBeVisible()
  await expect(alipay.getByText(/Expires in \d+:\d\d/)).toBeVisible()
  await expect(alipay.getByRole('progressbar', { name: 'Payment in progress' })).toBeVisible()
  // While the customer pays, the other methods wait.
  await expect(alipay.getByRole('tab', { name: 'Card' })).toBeDisabled()
  await expect(alipay.getByRole('button', { name: 'Cancel this payment' })).toBeEnabled()
  await snap(page, 'pay-alipay-qr-en')

  await alipay.getByRole('button', { name: 'Customer device' }).click()
  const device = page.getByRole('complementary', { name: 'Customer device (sandbox)' })
  const trade = device.getByRole('region', { name: `Alipay ${payable}` })
  await expect(trade).toContainText('waiting for a scan')
  await snap(page, 'pay-device-alipay-en')
  await trade.getByRole('button', { name: 'Scan & pay' }).click()

  const done = page.getByRole('dialog', { name: 'Paid' })
  await expect(done).toBeVisible()
  const receipt = done.getByRole('article', { name: 'Receipt' })
  await expect(receipt).toContainText(`Paid (Alipay)${payable}`)
  const number = (await done.getByText(/^Order T01-\d{6}$/).innerText()).replace('Order ', '')
  await expect.poll(sounds).toContain('paid')
  await snap(page, 'pay-alipay-paid-en')

  await done.getByRole('button', { name: 'Next customer' }).click()
  await expect(page.getByText('Scan an item to start a sale')).toBeVisible()
  // The device panel belonged to that sale: it closed with it (it used to stay open over the
  // next sale's totals, Pay button and language switch until its × was clicked).
  await expect(page.getByRole('complementary', { name: 'Customer device (sandbox)' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: '中文' })).toBeInViewport({ ratio: 1 })
  // A sale is not news for the badge (issue 10): it is listed, already read.
  await expect(page.getByRole('button', { name: /unread/ })).toHaveCount(0)
  const bell = page.getByRole('button', { name: 'Notifications', exact: true })
  await bell.click()
  const centre = page.getByRole('region', { name: 'Notifications' })
  await expect(centre.getByRole('listitem').filter({ hasText: `Order ${number} paid` })).toContainText(
    `${payable} received`
  )
  // One notification for one payment: the tender that completes the order is announced with it.
  await expect(centre.getByRole('listitem')).toHaveCount(1)
  await snap(page, 'notifications-en')
})

test('WeChat Pay: a payment code is declined, scanned again, and paid once the customer enters their password', async ({
  page,
  kassa
}) => {
  await openShopAsOwner(page, kassa.url)
  await openShift(page)
  const payable = await ringUpTwoItems(page)
  await page.getByRole('button', { name: 'Customer device' }).click()
  const device = page.getByRole('complementary', { name: 'Customer device (sandbox)' })
  await expect(device).toContainText('No payment is waiting for the customer.')

  await page.keyboard.press('F12')
  await page.getByRole('tab', { name: 'WeChat Pay' }).click()
  const dialog = page.getByRole('dialog', { name: 'WeChat Pay payment' })
  // The scanner types the customer's code into the focused field and presses Enter.
  await expect(dialog.getByLabel("Customer's payment code")).toBeFocused()
  await page.keyboard.type('134567890123456789')
  await page.keyboard.press('Enter')
  await expect(
    dialog.getByRole('status').filter({ hasText: 'The customer is confirming on their phone' })
  ).toBeVisible()
  const trade = device.getByRole('region', { name: `WeChat Pay ${payable}` })
  await expect(trade).toContainText('needs the payment password')
  await snap(page, 'pay-wechat-password-en')

  await trade.getByRole('button', { name: 'Decline' }).click()
  // The tender's own failure (the sandbox device panel also reports the decline).
  const failure = dialog.getByRole('alert').filter({ hasText: 'Or choose another method above.' })
  await expect(failure).toBeVisible()
  await expect(failure).toContainText('Declined')
  // A payment code is good once: no blind retry, a fresh scan instead.
  await expect(failure.getByRole('button', { name: 'Try again' })).toHaveCount(0)
  await expect(dialog.getByRole('table', { name: 'Payments on this order' })).toContainText('Declined')
  await snap(page, 'pay-wechat-declined-en')

  await dialog.getByLabel("Customer's payment code").focus()
  await page.keyboard.type('134567890123456790')
  await page.keyboard.press('Enter')
  await expect(
    dialog.getByRole('status').filter({ hasText: 'entering their payment password' })
  ).toBeVisible()
  const again = device
    .getByRole('region', { name: `WeChat Pay ${payable}` })
    .filter({ hasText: 'needs the payment password' })
  await again.getByLabel('Payment password (6 digits)').fill('123456')
  await again.getByRole('button', { name: 'Enter password' }).click()

  const done = page.getByRole('dialog', { name: 'Paid' })
  await expect(done).toBeVisible()
  await expect(done.getByRole('article', { name: 'Receipt' })).toContainText(`Paid (WeChat Pay)${payable}`)
  await expect(done.getByRole('article', { name: 'Receipt' })).not.toContainText('Declined')
})

test('split tender: part by card on the terminal, the rest in cash with change', async ({ page, kassa }) => {
  await openShopAsOwner(page, kassa.url)
  await openShift(page)
  await ringUpTwoItems(page)

  await page.getByRole('button', { name: /^Pay/ }).click()
  await page.getByRole('tab', { name: 'Card' }).click()
  const dialog = page.getByRole('dialog', { name: 'Card payment' })
  await dialog.getByLabel(/Amount to take/).fill('5.00')
  await dialog.getByRole('button', { name: 'Charge card on the terminal' }).click()
  await expect(
    dialog.getByRole('status').filter({ hasText: 'Present the card on the terminal' })
  ).toBeVisible()
  await expect(dialog.getByTestId('checkout-paid')).toHaveText('¥0.00')

  // Escape while the terminal waits: the dialog stays, and says why.
  await page.keyboard.press('Escape')
  await expect(dialog.getByRole('alert')).toHaveText('A payment is still in progress: cancel it first.')

  await dialog.getByRole('button', { name: 'Customer device' }).click()
  const trade = page
    .getByRole('complementary', { name: 'Customer device (sandbox)' })
    .getByRole('region', { name: 'Card ¥5.00' })
  await expect(trade.getByLabel('Card number')).toHaveValue('6225880000001231')
  await snap(page, 'pay-card-terminal-en')
  await trade.getByRole('button', { name: 'Present card' }).click()

  await expect(dialog.getByTestId('checkout-paid')).toHaveText('¥5.00')
  const tenders = dialog.getByRole('table', { name: 'Payments on this order' })
  await expect(tenders.getByRole('row').filter({ hasText: 'Card' })).toContainText('Paid')
  await expect(tenders).toContainText('622588******1231')
  const remaining = await dialog.getByTestId('checkout-remaining').innerText()

  // Part is paid: the dialog cannot be closed until the rest is taken.
  await page.keyboard.press('Escape')
  await expect(dialog.getByRole('alert')).toContainText('¥5.00 is already paid')

  await dialog.getByRole('tab', { name: 'Cash' }).click()
  const cash = page.getByRole('dialog', { name: 'Cash payment' })
  await expect(cash.getByLabel(/Amount paid in cash/)).toHaveValue(remaining.replace(/[^\d.]/g, ''))
  await cash.getByLabel(/Cash received/).fill('100')
  await snap(page, 'pay-split-cash-en')
  await cash.getByRole('button', { name: 'Take cash' }).click()

  const done = page.getByRole('dialog', { name: 'Paid' })
  await expect(done).toBeVisible()
  await expect(done.getByTestId('change-given')).toBeVisible()
  const receipt = done.getByRole('article', { name: 'Receipt' })
  await expect(receipt).toContainText('Paid (card)622588******1231¥5.00')
  await expect(receipt).toContainText('Paid (cash)¥100.00')
  await snap(page, 'pay-split-paid-en')
})

test('a waiting card payment is cancelled, then the unpaid order', async ({ page, kassa }) => {
  await openShopAsOwner(page, kassa.url)
  await openShift(page)
  await ringUpTwoItems(page)

  await page.keyboard.press('F12')
  await page.getByRole('tab', { name: 'Card' }).click()
  const dialog = page.getByRole('dialog', { name: 'Card payment' })
  await dialog.getByRole('button', { name: 'Charge card on the terminal' }).click()
  await dialog.getByRole('button', { name: 'Cancel this payment' }).click()
  const failure = dialog.getByRole('alert').filter({ hasText: 'Closed without payment' })
  await expect(failure).toBeVisible()
  await expect(failure.getByRole('button', { name: 'Try again' })).toBeVisible()

  await dialog.getByRole('button', { name: 'Back to cart' }).click()
  const confirm = dialog.getByRole('alertdialog', { name: /^Cancel order T01-\d{6}\?$/ })
  await expect(confirm).toBeVisible()
  await snap(page, 'pay-cancel-order-en')
  await confirm.getByRole('button', { name: 'Cancel order' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('status').filter({ hasText: /Order T01-\d{6} was cancelled/ })).toBeVisible()
  await expect(page.getByText('Scan an item to start a sale')).toBeVisible()
})

test('the payment screens in Chinese', async ({ page, kassa }) => {
  await openShopAsOwner(page, kassa.url)
  await openShift(page)
  await ringUpTwoItems(page)
  await page.getByRole('button', { name: '中文' }).click()

  await page.keyboard.press('F12')
  await page.getByRole('tab', { name: '支付宝' }).click()
  const dialog = page.getByRole('dialog', { name: '支付宝收款' })
  await snap(page, 'pay-alipay-code-zh-CN')
  await dialog.getByRole('button', { name: '顾客扫码' }).click()
  await dialog.getByRole('button', { name: '显示收款码' }).click()
  await expect(dialog.getByRole('status').filter({ hasText: '等待顾客扫码' })).toBeVisible()
  await dialog.getByRole('button', { name: '顾客设备' }).click()
  await expect(page.getByRole('complementary', { name: '顾客设备（沙箱）' })).toContainText('等待扫码')
  await snap(page, 'pay-alipay-qr-zh-CN')
  await page
    .getByRole('complementary', { name: '顾客设备（沙箱）' })
    .getByRole('button', { name: '扫码并支付' })
    .click()
  const done = page.getByRole('dialog', { name: '收款成功' })
  await expect(done.getByRole('article', { name: '小票' })).toContainText('实收（支付宝）')
  await snap(page, 'pay-paid-zh-CN')
})

test('with the payment gateway unreachable, card and QR are disabled with the reason and cash still works', async ({
  page
}) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kassa-e2e-offline-'))
  // The server reads this at start; spawn copies the environment at once.
  process.env.KASSA_SANDBOX_OFFLINE = '1'
  const server = await startKassa(dataDir).finally(() => delete process.env.KASSA_SANDBOX_OFFLINE)
  try {
    await openShopAsOwner(page, server.url)
    await openShift(page)
    await ringUpTwoItems(page)

    await page.keyboard.press('F12')
    const dialog = page.getByRole('dialog', { name: 'Cash payment' })
    await expect(
      dialog.getByRole('status').filter({ hasText: 'Card, Alipay and WeChat Pay cannot be used now' })
    ).toContainText('cannot be reached')
    for (const name of ['Card', 'Alipay', 'WeChat Pay']) {
      const tab = dialog.getByRole('tab', { name: new RegExp(`^${name}`) })
      await expect(tab).toBeDisabled()
      await expect(tab).toContainText('Not available')
      await expect(tab).toHaveAccessibleDescription(/cannot be reached/)
    }
    await expect(dialog.getByRole('tab', { name: 'Cash' })).toBeEnabled()
    await snap(page, 'pay-offline-en')

    await dialog.getByLabel('Cash received').fill('100')
    await dialog.getByRole('button', { name: 'Take payment' }).click()
    await expect(page.getByRole('dialog', { name: 'Paid' })).toBeVisible()
    await expect(
      page.getByRole('dialog', { name: 'Paid' }).getByRole('article', { name: 'Receipt' })
    ).toContainText('Paid (cash)¥100.00')
  } finally {
    server.process.kill('SIGTERM')
    await new Promise((done) => server.process.once('exit', done))
    rmSync(dataDir, { recursive: true, force: true })
  }
})

test('a payment survives a reload: the open QR payment comes back and is paid, under the same order', async ({
  page,
  kassa
}) => {
  await openShopAsOwner(page, kassa.url)
  await openShift(page)
  const payable = await ringUpTwoItems(page)
  await page.keyboard.press('F12')
  await page.getByRole('dialog', { name: 'Cash payment' }).getByRole('tab', { name: 'Alipay' }).click()
  const alipay = page.getByRole('dialog', { name: 'Alipay payment' })
  await alipay.getByRole('button', { name: 'Customer scans QR' }).click()
  await alipay.getByRole('button', { name: 'Show QR code' }).click()
  await expect(
    alipay.getByRole('status').filter({ hasText: 'Waiting for the customer to scan the QR code' })
  ).toBeVisible()

  // The till's page is lost (a reload, a crash of the window); the owner logs in again.
  await openShopAsOwner(page, kassa.url)
  const resumed = page.getByRole('dialog', { name: /payment/ })
  await expect(resumed).toBeVisible()
  await expect(resumed.getByTestId('checkout-due')).toHaveText(payable)
  await resumed.getByRole('button', { name: 'Customer device' }).click()
  const device = resumed.getByRole('complementary', { name: 'Customer device (sandbox)' })
  await device
    .getByRole('region', { name: `Alipay ${payable}` })
    .getByRole('button', { name: 'Scan & pay' })
    .click()
  const done = page.getByRole('dialog', { name: 'Paid' })
  await expect(done).toBeVisible()
  await expect(done.getByText(/^Order T01-000001$/)).toBeVisible()
})

test('the customer device panel closes on Esc when no window is open, and a refused scan is forgotten at the next action', async ({
  page,
  kassa
}) => {
  await openShopAsOwner(page, kassa.url)
  await openShift(page)
  await ringUpTwoItems(page)

  // Esc closes the panel on the Sell screen (no window open).
  await page.getByRole('button', { name: 'Customer device' }).click()
  const device = page.getByRole('complementary', { name: 'Customer device (sandbox)' })
  await expect(device).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(device).toHaveCount(0)

  // A scan refused inside the payment window is said there, and goes at the next action.
  const { products } = await api<{ products: Product[] }>(page, 'catalog:search', { query: '', limit: 100 })
  const code = products.find((p) => p.unit === 'piece' && p.barcodes.length > 0)!.barcodes[0]!
  await page.keyboard.press('F12')
  const dialog = page.getByRole('dialog', { name: 'Cash payment' })
  await expect(dialog).toBeVisible()
  await page.keyboard.type(code, { delay: 5 })
  await page.keyboard.press('Enter')
  const refused = page.getByText(`Scanned ${code} was not added`)
  await expect(refused).toBeVisible()
  await dialog.getByRole('tablist', { name: 'Payment method' }).getByRole('tab', { name: 'Card' }).click()
  await expect(refused).toHaveCount(0)

  // …and at the next key, too.
  await page.keyboard.type(code, { delay: 5 })
  await page.keyboard.press('Enter')
  await expect(refused).toBeVisible()
  await page.keyboard.press('Tab')
  await expect(refused).toHaveCount(0)
})
