import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { expect, snap, test } from './fixtures'
import { openShopAsOwner } from './helpers/api'
import { sellBy } from './helpers/sales'

test('reconciliation flags an Alipay payment whose order was voided without a refund (as an older Kassa left it)', async ({
  page,
  kassa
}) => {
  await openShopAsOwner(page, kassa.url)
  const order = await sellBy(page, 'alipay')
  // An older Kassa voided non-cash sales in the ledger only; write that state as it left it.
  const db = new BetterSqlite3(join(kassa.dataDir, 'kassa.sqlite'))
  db.prepare("UPDATE orders SET status = 'voided', close_reason = 'legacy void' WHERE id = ?").run(order.id)
  db.close()

  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('button', { name: 'Settlement' })
    .click()
  await page.getByRole('tab', { name: 'Reconciliation' }).click()
  const alipay = page.getByRole('region', { name: 'Alipay' })
  await alipay.getByRole('button', { name: 'Fetch Alipay bill' }).click()
  const differences = alipay.getByRole('table', { name: 'Differences (1)' })
  await expect(differences).toBeVisible()
  await expect(differences).toContainText(
    'The order was voided at the till, but the provider still has the payment'
  )
  await snap(page, 'reconciliation-voided-en-1366')
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click()
  await page.setViewportSize({ width: 1024, height: 768 })
  await expect(alipay.or(page.getByRole('region', { name: '支付宝' }))).toContainText('该订单已在收银台作废')
  await snap(page, 'reconciliation-voided-zh-CN-1024')
})
