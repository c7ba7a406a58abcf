import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, snap, test } from './fixtures'
import { api, openShopAsOwner } from './helpers/api'

interface Product {
  barcodes: string[]
  unit: string
  priceMinor: number
}

const yuan = (minor: number): string => `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`

test('a merchant opens a shift, sells, closes it two yuan short, reviews and closes the day, is notified and exports CSV', async ({
  page,
  kassa
}) => {
  await openShopAsOwner(page, kassa.url, { openShift: false })
  const { products } = await api<{ products: Product[] }>(page, 'catalog:search', { query: '', limit: 100 })
  const goods = products
    .filter((p) => p.unit === 'piece' && p.barcodes.length > 0 && p.priceMinor >= 300)
    .slice(0, 3)

  // No shift yet: the top bar says so and leads to the Settlement screen.
  const badge = page.getByRole('button', { name: 'No shift open' })
  await expect(badge).toBeVisible()
  await badge.click()
  await expect(page.getByRole('heading', { name: 'No shift is open on till T01' })).toBeVisible()
  await snap(page, 'settlement-no-shift-en')

  // Open with a counted float of ¥500: five ¥100 notes.
  await page.getByRole('button', { name: 'Open shift' }).click()
  const open = page.getByRole('dialog', { name: 'Open a shift: count the float' })
  await open.getByLabel('Notes ¥100').fill('5')
  await expect(open.getByTestId('count-total')).toHaveText('¥500.00')
  await snap(page, 'settlement-open-shift-en')
  await open.getByRole('button', { name: 'Open shift' }).click()
  await expect(page.getByRole('button', { name: 'Shift T01-S00001 open' })).toBeVisible()
  await expect(page.getByTestId('expected-cash')).toHaveText('¥500.00')

  // Two cash sales at the till.
  const nav = page.getByRole('navigation', { name: 'Main navigation' })
  await nav.getByRole('button', { name: 'Sell' }).click()
  let takings = 0
  for (const product of goods.slice(0, 2)) {
    await expect(page.getByLabel('Scan a barcode or search')).toBeFocused()
    await page.keyboard.type(product.barcodes[0]!)
    await page.keyboard.press('Enter')
    await expect(page.getByRole('region', { name: 'Cart' }).getByRole('row')).not.toHaveCount(0)
    await page.keyboard.press('F12')
    const pay = page.getByRole('dialog', { name: 'Cash payment' })
    await pay.getByLabel(/Cash received/).fill('100')
    await pay.getByRole('button', { name: 'Take payment' }).click()
    const done = page.getByRole('dialog', { name: 'Paid' })
    await expect(done).toBeVisible()
    await done.getByRole('button', { name: 'Next customer' }).click()
    takings += product.priceMinor
  }

  // Count the drawer two yuan short and close the shift.
  await nav.getByRole('button', { name: 'Settlement' }).click()
  const expected = 50000 + takings
  await expect(page.getByTestId('expected-cash')).toHaveText(`¥${yuan(expected)}`)
  await page.getByRole('button', { name: 'Count and close shift' }).click()
  const close = page.getByRole('dialog', { name: 'Close shift T01-S00001: count the drawer' })
  await close.getByLabel('Notes ¥100').fill('5')
  await close.getByLabel(/Other cash/).fill(yuan(takings - 200))
  // A blind count (the default): neither the expected cash nor the difference shows while counting.
  await expect(close.getByText('This is a blind count')).toBeVisible()
  await expect(close.getByTestId('count-difference')).toHaveCount(0)
  await expect(close.getByText(`¥${yuan(expected)}`)).toHaveCount(0)
  await snap(page, 'settlement-close-shift-en')
  await close.getByRole('button', { name: 'Close shift' }).click()
  await expect(
    page.getByRole('status').filter({ hasText: 'Shift T01-S00001 closed: Short ¥2.00' })
  ).toBeVisible()
  await expect(page.getByRole('button', { name: 'No shift open' })).toBeVisible()
  await snap(page, 'settlement-shift-closed-en')

  // The day's review: figures, charts, drill-down.
  await page.getByRole('tab', { name: 'Daily settlement' }).click()
  const report = page.getByRole('article')
  await expect(report.getByText('Open — figures are live')).toBeVisible()
  await expect(report.getByText('Agrees with the ledger')).toBeVisible()
  await expect(report.getByTestId('z-over-short')).toHaveText('−¥2.00')
  const bars = report.getByRole('group', { name: /orders/ }).getByRole('button')
  await expect(bars).not.toHaveCount(0)
  await expect(
    report.getByRole('region', { name: 'Tender mix' }).getByRole('button', { name: /Cash/ })
  ).toBeVisible()
  await snap(page, 'settlement-day-en')
  await bars.first().click()
  const drill = page.getByRole('dialog', { name: /Orders behind/ })
  await expect(drill.getByRole('row').nth(1)).toBeVisible()
  await snap(page, 'settlement-drill-en')
  await drill.getByRole('button', { name: 'Done' }).click()

  // CSV export.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click()
  ])
  expect(download.suggestedFilename()).toMatch(/^z-report-\d{4}-\d{2}-\d{2}\.csv$/)
  const csvPath = join(kassa.dataDir, 'z-report.csv')
  await download.saveAs(csvPath)
  const csv = readFileSync(csvPath, 'utf8')
  expect(csv.startsWith('\uFEFFSection,Item,Count,Amount (CNY)')).toBe(true)
  expect(csv).toContain('Over/short,,-2.00')

  // The printable report, as Chromium's "Save as PDF" makes it.
  await page.evaluate(() => document.body.classList.add('printing-report'))
  const pdfPath = join(kassa.dataDir, 'z-report.pdf')
  await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true })
  expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-')
  await page.emulateMedia({ media: 'print' })
  await snap(page, 'settlement-print-en')
  await page.emulateMedia({ media: 'screen' })
  await page.evaluate(() => document.body.classList.remove('printing-report'))

  // Closing today before it ends: the confirmation says the rest of today counts in tomorrow, by
  // its date (it once said later corrections show "on the day they are made"), in both languages.
  await page.setViewportSize({ width: 1024, height: 768 })
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click()
  await page.getByRole('button', { name: '日结', exact: true }).click()
  const zhConfirm = page.getByRole('dialog', { name: /^确认日结 \d{4}-\d{2}-\d{2}？$/ })
  const day = (await zhConfirm.getByRole('heading').textContent())!.match(/\d{4}-\d{2}-\d{2}/)![0]
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const nextDay = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10)
  await expect(zhConfirm.getByTestId('settle-notice')).toHaveText(
    `日结后 ${day} 的 Z 报表将被锁定，永不更改。今天尚未结束：日结之后的销售、退款和作废（包括今天稍后的）都计入 ${nextDay}。`
  )
  await snap(page, 'settlement-close-day-1024-zh-CN')
  await zhConfirm.getByRole('button', { name: '取消' }).click()
  await page.setViewportSize({ width: 1366, height: 860 })
  await page.getByRole('button', { name: 'English' }).click()

  // Close the day: frozen, and a notification with the key figures.
  await page.getByRole('button', { name: 'Close the day' }).click()
  const confirm = page.getByRole('dialog', { name: `Close ${day}?` })
  await expect(confirm.getByTestId('settle-notice')).toHaveText(
    `The Z-report of ${day} is frozen and never changes. The day is not over: whatever is sold, refunded or voided after you close it, later today included, counts in ${nextDay}.`
  )
  await snap(page, 'settlement-close-day-1366-en')
  await confirm.getByRole('button', { name: 'Close the day' }).click()
  await expect(report.getByText(/^Settled .* by Owner Wang$/)).toBeVisible()
  await expect(page.getByRole('button', { name: 'Close the day' })).toHaveCount(0)
  const toast = page.getByRole('status').filter({ hasText: /settled/ })
  await expect(toast).toContainText(/\d{4}-\d{2}-\d{2} settled/)
  await expect(toast).toContainText('2 orders')
  await expect(toast).toContainText('drawer short ¥2.00')
  await page.getByRole('button', { name: /^Notifications, 1 unread$/ }).click()
  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText('settled')
  await snap(page, 'settlement-notified-en')
  await page.keyboard.press('Escape')

  // The same screens in Chinese.
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click()
  await expect(page.getByRole('tab', { name: '每日日结' })).toBeVisible()
  await expect(report.getByText('与账簿一致')).toBeVisible()
  await snap(page, 'settlement-day-zh-CN')
  await page.getByRole('tab', { name: '班次与钱箱' }).click()
  await expect(page.getByRole('heading', { name: '收银台 T01 未开班' })).toBeVisible()
  await page.getByRole('button', { name: '开班', exact: true }).click()
  await expect(page.getByRole('dialog', { name: '开班：清点备用金' })).toBeVisible()
  await snap(page, 'settlement-open-shift-zh-CN')
})
