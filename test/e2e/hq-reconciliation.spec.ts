import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import iconv from 'iconv-lite'
import type { Page } from '@playwright/test'
import { ALIPAY_BILL_COLUMNS } from '../../src/main/payments/sandbox/alipay-bill-file'
import { WECHAT_BILL_COLUMNS } from '../../src/main/payments/sandbox/wechat-bill-file'
import { minorToDecimalString } from '../../src/shared/money/format'
import { providerDayOf } from '../../src/shared/reconciliation/provider-day'
import { snap } from './fixtures'
import { expect, setUpOwner, test } from './helpers/hq'

const DATE = '2026-11-20'
const SIZES = [
  { name: '1024', width: 1024, height: 768 },
  { name: '1366', width: 1366, height: 860 }
] as const

/** The page never scrolls sideways: wide tables scroll inside their own box. */
async function expectNoSideScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth
  )
  expect(overflow).toBeLessThanOrEqual(0)
}

/** An Alipay trade detail bill (业务明细, GBK) holding `rows`. */
function alipayBill(rows: Array<{ tradeNo: string; amount: number; time: string }>): Buffer {
  const line = (row: (typeof rows)[number]) =>
    ALIPAY_BILL_COLUMNS.map((column) => {
      const cells: Partial<Record<(typeof ALIPAY_BILL_COLUMNS)[number], string>> = {
        支付宝交易号: `2026${row.tradeNo}`,
        商户订单号: row.tradeNo,
        业务类型: '交易',
        完成时间: row.time,
        '订单金额（元）': minorToDecimalString(row.amount, 'CNY'),
        '商家实收（元）': minorToDecimalString(row.amount, 'CNY'),
        '服务费（元）': '0.00'
      }
      return `${cells[column] ?? ''}\t`
    }).join(',')
  return iconv.encode(
    ['#支付宝交易记录明细查询', ALIPAY_BILL_COLUMNS.join(','), ...rows.map(line)].join('\r\n'),
    'gbk'
  )
}

/** China wall time of an instant, as Alipay prints it. */
const chinaTime = (iso: string) =>
  new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ')

test('the owner uploads an Alipay bill and sees it matched against the till’s synced payments, by till, in both languages at both sizes', async ({
  page,
  hq,
  till
}) => {
  test.setTimeout(240_000)
  await page.setViewportSize({ width: 1024, height: 768 })
  await setUpOwner(page, hq, 'en')
  await page.getByRole('link', { name: 'Stores & tills' }).click()
  await page.getByRole('button', { name: 'New store' }).click()
  const create = page.getByRole('dialog', { name: 'Create a store' })
  await create.getByLabel('Store name').fill('Harbour Street')
  await create.getByLabel('Time zone').fill('Asia/Shanghai')
  await create.getByRole('button', { name: 'Create store' }).click()
  await page.getByRole('button', { name: 'Enrolment code' }).click()
  const code = (await page.getByTestId('enrol-code').textContent())!.trim()
  await page.getByRole('button', { name: 'Close' }).click()
  till.simulate(DATE, 30, 7)
  till.enrol(hq.url, code)
  till.syncNow()

  // The bill: the till's Alipay payments of the day as the provider has them, one with another
  // amount, and one trade no till recorded.
  const db = new BetterSqlite3(join(hq.dataDir, 'kassa-hq.sqlite'), { readonly: true })
  const paid = db
    .prepare(
      "SELECT trade_no, amount, at FROM hq_payments WHERE method = 'alipay' AND status = 'succeeded' ORDER BY at"
    )
    .all() as Array<{ trade_no: string; amount: number; at: string }>
  db.close()
  const ours = paid.filter((p) => providerDayOf(p.at) === DATE)
  expect(ours.length).toBeGreaterThan(1)
  const [differs, ...same] = ours
  const rows = [
    ...same.map((p) => ({ tradeNo: p.trade_no, amount: p.amount, time: chinaTime(p.at) })),
    { tradeNo: differs!.trade_no, amount: differs!.amount + 100, time: chinaTime(differs!.at) },
    { tradeNo: 'K9-NOT-OURS', amount: 2000, time: `${DATE} 16:00:00` }
  ]
  const file = join(mkdtempSync(join(tmpdir(), 'kassa-bill-')), `alipay-${DATE}.csv`)
  writeFileSync(file, alipayBill(rows))

  await page.getByRole('link', { name: 'Reconcile' }).click()
  await expect(page.getByRole('heading', { name: 'Reconciliation across tills' })).toBeVisible()
  await page.getByLabel('Provider', { exact: true }).selectOption('alipay')
  await page.getByLabel('Provider business day').fill(DATE)
  // A file of another day is refused beside the date.
  const wrongDay = join(mkdtempSync(join(tmpdir(), 'kassa-bill-')), 'other-day.csv')
  writeFileSync(wrongDay, alipayBill([{ tradeNo: 'X1', amount: 100, time: '2026-11-21 10:00:00' }]))
  await page.getByLabel('Bill file').setInputFiles(wrongDay)
  await page.getByRole('button', { name: 'Match' }).click()
  await expect(page.getByText('it is not the bill for 2026-11-20')).toBeVisible()
  await snap(page, 'hq-reconciliation-refused-1024-en')

  await page.getByLabel('Bill file').setInputFiles(file)
  await page.getByRole('button', { name: 'Match' }).click()
  const detail = page.getByRole('article', { name: `Alipay · ${DATE}` })
  await expect(detail).toBeVisible()
  await expect(detail.locator('.kpi').filter({ hasText: 'Matched' })).toContainText(String(same.length))
  await expect(detail.locator('.kpi').filter({ hasText: 'Differences' })).toContainText('2')
  const tillGroup = detail.getByRole('region', { name: /T01 · Harbour Street/ })
  await expect(tillGroup.getByRole('row').filter({ hasText: differs!.trade_no })).toContainText(
    'Amount differs'
  )
  const nobody = detail.getByRole('region', { name: /Not recorded by any till/ })
  await expect(nobody.getByRole('row').filter({ hasText: 'K9-NOT-OURS' })).toContainText(
    'Missing at the till'
  )
  await detail.getByLabel('All rows').check()
  await expect(tillGroup.getByRole('row').filter({ hasText: same[0]!.trade_no })).toContainText('Matched')
  await detail.getByLabel('Differences only').check()

  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height })
    for (const language of ['zh-CN', 'en'] as const) {
      await page.getByRole('button', { name: language === 'en' ? 'English' : '中文' }).click()
      await expect(page.locator('.screen__title')).toHaveText(
        language === 'en' ? 'Reconciliation across tills' : '跨收银台对账'
      )
      await expectNoSideScroll(page)
      await snap(page, `hq-reconciliation-${size.name}-${language}`)
      // The screen scrolls inside the shell: the matched bill's rows, then the list of runs.
      await page.locator('.hq-recon__detail .kpis').evaluate((el) => el.scrollIntoView())
      await snap(page, `hq-reconciliation-${size.name}-${language}-rows`)
      await page.locator('.shell__main').evaluate((main) => main.scrollTo(0, main.scrollHeight))
      await snap(page, `hq-reconciliation-${size.name}-${language}-end`)
      await page.locator('.shell__main').evaluate((main) => main.scrollTo(0, 0))
    }
  }
})

test('a bill whose amount cell is unreadable is refused naming its line and column, in the reader’s language', async ({
  page,
  hq
}) => {
  await page.setViewportSize({ width: 1024, height: 768 })
  await setUpOwner(page, hq, 'en')
  const cells = WECHAT_BILL_COLUMNS.map((column) =>
    column === '商户订单号'
      ? '`K1'
      : column === '交易时间'
        ? `\`${DATE} 10:00:00`
        : column === '交易状态'
          ? '`SUCCESS'
          : column === '应结订单金额'
            ? '`12.5O'
            : '`0.00'
  )
  const file = join(mkdtempSync(join(tmpdir(), 'kassa-bill-')), 'wechat.csv')
  writeFileSync(
    file,
    [
      WECHAT_BILL_COLUMNS.join(','),
      cells.join(','),
      '总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额',
      '`1,`0.00,`0.00,`0.00,`0.00000,`0.00,`0.00'
    ].join('\r\n') + '\r\n'
  )
  await page.getByRole('link', { name: 'Reconcile' }).click()
  await page.getByLabel('Provider', { exact: true }).selectOption('wechat')
  await page.getByLabel('Provider business day').fill(DATE)
  await page.getByLabel('Bill file').setInputFiles(file)
  await page.getByRole('button', { name: 'Match' }).click()
  await expect(page.getByText('line 2, column 应结订单金额: "12.5O" is not an amount')).toBeVisible()
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height })
    for (const language of ['zh-CN', 'en'] as const) {
      await page.getByRole('button', { name: language === 'en' ? 'English' : '中文' }).click()
      if (language === 'zh-CN')
        await expect(page.getByText('第 2 行 应结订单金额 列：“12.5O”不是金额')).toBeVisible()
      await snap(page, `hq-reconciliation-bad-cell-${size.name}-${language}`)
    }
  }
})
