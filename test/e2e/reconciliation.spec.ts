import { alipayBillFile } from '../integration/reconciliation/bill-files'
import { expect, snap, test } from './fixtures'
import { openShopAsOwner } from './helpers/api'

/** Today in Beijing, where the providers cut their bills (the panel's default day). */
const chinaToday = (): string => new Date(Date.now() + 8 * 60 * 60 * 1000).toISOString().slice(0, 10)

test('the owner fetches a provider bill and imports an Alipay GBK file whose extra row needs a person', async ({
  page,
  kassa
}) => {
  await openShopAsOwner(page, kassa.url)
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('button', { name: 'Settlement' })
    .click()
  await page.getByRole('tab', { name: 'Reconciliation' }).click()
  await expect(page.getByLabel('Provider business day')).toHaveValue(chinaToday())

  const wechat = page.getByRole('region', { name: 'WeChat Pay' })
  await expect(wechat.getByText('Not reconciled yet for this day.')).toBeVisible()
  await wechat.getByRole('button', { name: 'Fetch WeChat Pay bill' }).click()
  await expect(
    wechat.getByText('The bill has no rows for this day, and the till has nothing either.')
  ).toBeVisible()

  const day = chinaToday()
  const file = alipayBillFile(day, [
    { tradeNo: 'NOT-OURS-0001', type: 'payment', amount: 1250, fee: 8, time: `${day} 09:30:00` }
  ])
  const alipay = page.getByRole('region', { name: 'Alipay' })
  await alipay
    .getByLabel('Import Alipay bill file')
    .setInputFiles({ name: 'alipay-bill.csv', mimeType: 'text/csv', buffer: file })
  const differences = alipay.getByRole('table', { name: 'Differences (1)' })
  await expect(differences).toBeVisible()
  await expect(
    differences.getByRole('row', { name: /Missing at the till.*NOT-OURS-0001.*Needs a person/ })
  ).toBeVisible()
  await expect(alipay.getByText('Net payout')).toBeVisible()
  await expect(alipay.getByText('¥12.42')).toBeVisible()
  await snap(page, 'reconciliation-en')
})
