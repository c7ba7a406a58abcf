import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import Papa from 'papaparse'
import { formatMinor, minorToDecimal } from '../../src/shared/money/format'
import { snap } from './fixtures'
import { expect, OWNER, restoredTill, setUpOwner, test, todayToSell } from './helpers/hq'

const DATE = '2026-11-20'
const STORE = 'Harbour Street'
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

/**
 * The page never scrolls up and down either: only the screen inside the shell does, so the nav runs
 * the window's whole height however far the screen is scrolled (it once stopped partway at 1024).
 */
/** No text outside the app's own root (a chart's measuring span) shows anywhere on the page. */
async function expectNothingStray(page: Page) {
  const stray = await page.evaluate(() =>
    [...document.body.querySelectorAll('body > :not(#root):not(script)')]
      .filter((el) => {
        const box = el.getBoundingClientRect()
        const style = getComputedStyle(el)
        return (
          (el.textContent ?? '').trim() !== '' &&
          style.visibility !== 'hidden' &&
          box.width > 0 &&
          box.bottom + window.scrollY > 0
        )
      })
      .map((el) => `${el.id}: ${el.textContent}`)
  )
  expect(stray).toEqual([])
}

async function expectShellFitsWindow(page: Page) {
  const fit = await page.evaluate(() => ({
    overflow: document.documentElement.scrollHeight - document.documentElement.clientHeight,
    navBottom: document.querySelector('.shell__nav')!.getBoundingClientRect().bottom,
    height: window.innerHeight
  }))
  expect(fit.overflow).toBeLessThanOrEqual(0)
  expect(fit.navBottom).toBe(fit.height)
}

/** Even steps between a chart axis's money ticks, and no tick label clipped by its chart. */
async function expectEvenUnclippedTicks(page: Page) {
  for (const chart of await page.locator('.hq-chart').all()) {
    const box = (await chart.locator('.recharts-wrapper').boundingBox())!
    const ticks = chart.locator('.recharts-cartesian-axis-tick-value')
    for (const tick of await ticks.all()) {
      const label = (await tick.boundingBox())!
      expect(label.x).toBeGreaterThanOrEqual(box.x - 0.5)
      expect(label.x + label.width).toBeLessThanOrEqual(box.x + box.width + 0.5)
      expect(label.y).toBeGreaterThanOrEqual(box.y - 0.5)
    }
    const money = (await ticks.allTextContents())
      .filter((text) => /\d/.test(text) && /¥/.test(text))
      .map((text) => Number(text.replace(/[^\d\u2212-]/g, '').replace('\u2212', '-')))
    const steps = money.slice(1).map((value, i) => Math.abs(value - money[i]!))
    expect(new Set(steps).size, `ticks ${money.join(', ')}`).toBe(1)
  }
}

test('a till sells, enrols and syncs; the head office shows its day complete with the till’s own Z-report figures', async ({
  page,
  hq,
  till
}) => {
  // The till and the store keep the same zone, so both cut the business day at the same midnight.
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone
  await page.setViewportSize({ width: 1024, height: 768 })
  await page.goto(hq.url)
  // The set-up screen opens in the browser's language (Chromium here: en-US) until one is picked.
  await expect(page.getByRole('heading', { name: 'Set up the head office' })).toBeVisible()
  await page.getByRole('button', { name: '中文' }).click()
  await expect(page.getByRole('heading', { name: '设置总部' })).toBeVisible()
  await snap(page, 'hq-setup-1024-zh-CN')
  await setUpOwner(page, hq, 'en')

  // A store, and an enrolment code for its till.
  await page.getByRole('link', { name: 'Stores & tills' }).click()
  await page.getByRole('button', { name: 'New store' }).click()
  const create = page.getByRole('dialog', { name: 'Create a store' })
  await create.getByLabel('Store name').fill(STORE)
  await create.getByLabel('Time zone').fill(zone)
  await create.getByRole('button', { name: 'Create store' }).click()
  await expect(page.getByRole('heading', { name: STORE })).toBeVisible()
  await page.getByRole('button', { name: 'Enrolment code' }).click()
  const enrol = page.getByRole('dialog', { name: `Enrol a till in ${STORE}` })
  await expect(enrol.getByTestId('enrol-code')).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/)
  const code = (await enrol.getByTestId('enrol-code').textContent())!.trim()
  await snap(page, 'hq-enrol-code-1024-en')
  await enrol.getByRole('button', { name: 'Close' }).click()

  // The till sells a day (shift opened, sales, refunds, a void, shift closed), enrols and pushes.
  // Twelve orders: the simulated day then has a void and a line refund (a partly refunded order).
  till.simulate(DATE, 12, 11)
  // …and sells today too, so the dashboard has something to chart (today at any hour: see todayToSell).
  till.simulate(await todayToSell(6), 6, 12)
  till.enrol(hq.url, code)
  till.syncNow()
  const own = till.report(DATE)
  expect(own.orderCount).toBeGreaterThan(0)

  await page.getByRole('button', { name: 'Refresh' }).click()
  await expect(page.getByRole('rowheader', { name: /^T01/ })).toBeVisible()

  // Moving the store's zone (+14 h) would move its sold days: the dialog lists them before any publish.
  await page.getByRole('button', { name: `Change the time zone of ${STORE}` }).click()
  const move = page.getByRole('dialog', { name: `Time zone of ${STORE}` })
  await move.getByLabel('Time zone').fill('Pacific/Kiritimati')
  await move.getByRole('button', { name: 'Publish the time zone' }).click()
  await expect(move.getByRole('list', { name: 'Days that move' })).toContainText(
    `${DATE}: orders ${own.orderCount} →`
  )
  await expect(move.getByRole('alert')).toContainText('1 till will take the new zone at its next sync.')
  await snap(page, 'hq-store-zone-days-1024-en')
  await move.getByRole('button', { name: 'Back' }).click()
  await move.getByRole('button', { name: 'Cancel' }).click()
  await expect(move).toBeHidden()

  // The day: complete, and the till's row is its own Z-report.
  await page.getByRole('link', { name: 'Daily settlement' }).click()
  await page.getByLabel('Business day').fill(DATE)
  await page.getByRole('button', { name: 'Show', exact: true }).click()
  await expect(page.getByTestId('day-status')).toHaveText(/Every till that sold has synced/)
  const row = page.locator('tr[data-till="T01"]')
  await expect(row.locator('td').nth(0)).toContainText('Complete')
  const money = (minor: number) => formatMinor(minor, own.currency, 'en').replace('-', '\u2212')
  await expect(row.locator('td').nth(1)).toHaveText(String(own.orderCount))
  await expect(row.locator('td').nth(5)).toHaveText(money(own.netSales))
  await expect(row.locator('td').nth(7)).toHaveText(money(own.collected))
  await expectNoSideScroll(page)
  // Voids and refunds are money taken away: negative on the screen (and in the CSV below).
  expect(own['voids']).toMatchObject({ sales: expect.any(Number) })
  const ownVoids = (own['voids'] as { sales: number }).sales
  const ownRefunds = (own['refunds'] as { amount: number }).amount
  expect(ownVoids).toBeGreaterThan(0)
  expect(ownRefunds).toBeGreaterThan(0)
  await expect(row.locator('td').nth(3)).toHaveText(money(-ownVoids))
  await expect(row.locator('td').nth(4)).toHaveText(money(-ownRefunds))
  // At 1024 every money column is there; the Tax column (once dropped) scrolls into view in its box.
  const tax = page.getByRole('columnheader', { name: 'Tax' })
  await tax.scrollIntoViewIfNeeded()
  await expect(tax).toBeInViewport()
  await expect(row.locator('td').nth(6)).toHaveText(money(own['taxTotal'] as number))
  await expectNoSideScroll(page)

  // A partly refunded order says so, with its amounts, in the list and in its detail (not "Paid").
  await row.getByRole('button', { name: /Orders/ }).click()
  const list = page.getByRole('dialog', { name: new RegExp(`Orders of ${STORE} T01`) })
  const refundedRow = list
    .getByRole('row')
    .filter({ hasText: /refunded/i })
    .first()
  const standing = (await refundedRow.getByTestId('order-standing').textContent())!
  expect(standing).toMatch(/^(Partly refunded: .+ of .+ \(.+ kept\)|Refunded in full: .+)$/)
  await refundedRow.getByRole('button', { name: /^Open order/ }).click()
  const refundedDetail = page.getByRole('dialog').getByTestId('order-detail')
  await expect(refundedDetail.getByTestId('order-standing')).toHaveText(standing)
  await expect(refundedDetail.getByTestId('order-refunds').locator('tbody tr')).not.toHaveCount(0)
  await snap(page, 'hq-order-refunded-1024-en')
  await page.getByRole('dialog').getByRole('button', { name: 'Back to the orders' }).click()

  // A voided order's tenders were given back: they no longer say "Paid".
  const voidedRow = list
    .getByRole('row')
    .filter({ has: page.getByTestId('order-standing').getByText('Voided') })
  await voidedRow
    .first()
    .getByRole('button', { name: /^Open order/ })
    .click()
  const voidedDetail = page.getByRole('dialog').getByTestId('order-detail')
  await expect(voidedDetail.getByTestId('tender-status').first()).toHaveText('Voided · given back')
  await expect(voidedDetail.getByTestId('tender-status').filter({ hasText: 'Paid' })).toHaveCount(0)
  await snap(page, 'hq-order-voided-1024-en')
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click()

  // Drill down to an order, its lines and tenders.
  await row.getByRole('button', { name: /Orders/ }).click()
  const orders = page.getByRole('dialog', { name: new RegExp(`Orders of ${STORE} T01`) })
  await orders
    .getByRole('button', { name: /^Open order/ })
    .first()
    .click()
  // The dialog now bears the order's number.
  const detail = page.getByRole('dialog').getByTestId('order-detail')
  await expect(detail.getByRole('columnheader', { name: 'Item' })).toBeVisible()
  await expect(detail.locator('tbody tr').first()).toBeVisible()
  await snap(page, 'hq-order-1024-en')
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click()

  // CSV for Excel: a byte-order mark, and the till's row with its figures as exact decimals.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click()
  ])
  const text = readFileSync((await download.path())!, 'utf8')
  expect(text.charCodeAt(0)).toBe(0xfeff)
  const rows = Papa.parse<string[]>(text.slice(1).trim()).data
  const header = rows[0]!
  const tillRow = rows.find((r) => r[2] === 'T01')!
  const digits = own.currency === 'JPY' ? 0 : 2
  expect(tillRow[header.indexOf('Net sales')]).toBe(minorToDecimal(own.netSales, digits))
  expect(tillRow[header.indexOf('Orders')]).toBe(String(own.orderCount))
  // The CSV signs voids and refunds as the screen does (it once gave them positive).
  expect(tillRow[header.indexOf('Voids')]).toBe(minorToDecimal(-ownVoids, digits))
  expect(tillRow[header.indexOf('Refunds')]).toBe(minorToDecimal(-ownRefunds, digits))
  expect(tillRow[header.indexOf('Voids')]).toMatch(/^-/)
  expect(tillRow[header.indexOf('Tax')]).toBe(minorToDecimal(own['taxTotal'] as number, digits))
  // What each tender method collected, for matching the drawer and each provider's statement.
  const tenders = own['tenders'] as Array<{ method: string; net: number }>
  const byMethod = { cash: 'Cash', card: 'Card', alipay: 'Alipay', wechat: 'WeChat Pay' }
  for (const [method, name] of Object.entries(byMethod)) {
    const net = tenders.find((t) => t.method === method)?.net ?? 0
    expect(tillRow[header.indexOf(`Collected: ${name}`)]).toBe(minorToDecimal(net, digits))
  }
  expect(tenders.some((t) => t.method === 'cash' && t.net !== 0)).toBe(true)

  // Print / PDF: the print stylesheet leaves the figures alone on the page.
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByRole('navigation', { name: 'Head office' })).toBeHidden()
  await expect(row).toBeVisible()
  await snap(page, 'hq-settlement-print')
  await page.emulateMedia({ media: 'screen' })

  // The owner adds a manager for the store.
  await page.getByRole('link', { name: 'Users' }).click()
  await page.getByRole('button', { name: 'New user' }).click()
  const add = page.getByRole('dialog', { name: 'Add a user' })
  await add.getByLabel('Name').fill('Mia')
  await add.getByLabel('Password').fill('manager-pass-0815')
  await add.getByLabel('Role').selectOption('manager')
  await add.getByRole('button', { name: 'Add user' }).click()
  await expect(add).toContainText('a manager runs at least one store')
  await add.getByRole('checkbox', { name: STORE }).check()
  await add.getByRole('button', { name: 'Add user' }).click()
  await expect(page.getByRole('row', { name: /Mia/ })).toContainText(STORE)

  // Every screen at both sizes and in both languages.
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height })
    for (const language of ['zh-CN', 'en'] as const) {
      await page.getByRole('button', { name: language === 'en' ? 'English' : '中文' }).click()
      for (const [screen, hash] of [
        ['dashboard', '#/dashboard'],
        ['settlement', `#/settlement?date=${DATE}`],
        ['stores', '#/stores'],
        ['users', '#/users']
      ] as const) {
        await page.goto(hq.url + hash)
        await expect(page.locator('.screen__title')).toBeVisible()
        if (screen === 'dashboard') {
          await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible()
          await expectEvenUnclippedTicks(page)
        }
        await expectNoSideScroll(page)
        await expectShellFitsWindow(page)
        await snap(page, `hq-${screen}-${size.name}-${language}`)
        // The screen scrolls inside the shell: its lower part too.
        await page.locator('.shell__main').evaluate((main) => main.scrollTo(0, main.scrollHeight))
        await expectShellFitsWindow(page)
        await snap(page, `hq-${screen}-${size.name}-${language}-end`)
        await expectNothingStray(page)
      }
    }
  }

  // Through the menu (one page load): what the charts measured must not follow to other screens.
  await page.getByRole('link', { name: 'Dashboard', exact: true }).click()
  await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible()
  for (const name of ['Daily settlement', 'Stores & tills', 'Users'])
    await page.getByRole('link', { name, exact: true }).click()
  await expectNothingStray(page)
  await snap(page, 'hq-users-after-dashboard-1366-en')

  // Sign out, and back in through the sign-in screen.
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('heading', { name: 'Sign in to the head office' })).toBeVisible()
  await snap(page, 'hq-login-1366-en')
  await page.getByLabel('Name').fill(OWNER.name)
  await page.getByLabel('Password').fill(OWNER.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('link', { name: 'Dashboard' })).toBeVisible()
})

test.describe('a restored till', () => {
  // The browser far from the store's zone: the default day must be the store's, not the browser's.
  test.use({ timezoneId: 'Pacific/Pago_Pago' })

  test('its row says what only the head office holds from before the restore, and its lost orders are marked', async ({
    page,
    hq,
    till
  }) => {
    restoredTill(hq, till)
    await setUpOwner(page, hq)
    await page.setViewportSize({ width: 1024, height: 768 })

    // No day asked for: the store's today, the day the dashboard shows for it.
    await expect(page.getByText(/\d{4}-\d{2}-\d{2}/).first()).toBeVisible()
    const storeToday = (await page
      .getByText(/\d{4}-\d{2}-\d{2}/)
      .first()
      .textContent())!.match(/\d{4}-\d{2}-\d{2}/)![0]
    await page.getByRole('link', { name: 'Daily settlement' }).click()
    await expect(page.getByLabel('Business day')).toHaveValue(storeToday)

    // Day two was sold before the restore: the till no longer holds it, the head office does.
    const own = till.report('2026-11-21')
    await page.goto(`${hq.url}#/settlement?date=2026-11-21`)
    await expect(page.locator('.screen__subtitle')).toContainText(
      'plus the sales a restored till no longer holds'
    )
    const note = page.locator('tr[data-restored="T01"]')
    await expect(note).toContainText(
      new RegExp(
        `Orders the till holds now: ${own.orderCount} \\(.+\\); held only by the head office: [1-9]\\d* \\(`
      )
    )
    await expectNoSideScroll(page)
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height })
      for (const language of ['zh-CN', 'en'] as const) {
        await page.getByRole('button', { name: language === 'en' ? 'English' : '中文' }).click()
        await expect(note).toContainText(language === 'en' ? 'before its restore' : '恢复前的记录')
        await expectNoSideScroll(page)
        await snap(page, `hq-settlement-restored-${size.name}-${language}`)
      }
    }
    // en again, at 1024.
    await page.setViewportSize({ width: 1024, height: 768 })

    // Its orders: those from the lost history say so; the till's own (rung up again) do not.
    await page
      .locator('tr[data-till="T01"]')
      .getByRole('button', { name: /Orders/ })
      .click()
    const list = page.getByRole('dialog')
    await expect(list.getByTestId('before-restore').first()).toHaveText('From before the restore')
    const marked = await list.getByTestId('before-restore').count()
    expect(marked).toBeGreaterThan(0)
    await snap(page, 'hq-settlement-restored-orders-1024-en')
    await list.getByRole('button', { name: 'Close' }).click()
    await page.getByRole('button', { name: '中文' }).click()
    await page.locator('tr[data-till="T01"]').getByRole('button', { name: /订单/ }).click()
    await expect(list.getByTestId('before-restore').first()).toHaveText('恢复前的记录')
    await expect(list.getByTestId('before-restore')).toHaveCount(marked)
    await snap(page, 'hq-settlement-restored-orders-1024-zh-CN')
    await list.getByRole('button', { name: '关闭' }).click()
    await page.getByRole('button', { name: 'English' }).click()

    // The note links to the collision on the anomalies page.
    await note.getByRole('link', { name: 'Sequence collision' }).click()
    await expect(page).toHaveURL(/#\/anomalies\?kind=seq-collision&till=/)
    await expect(page.getByRole('heading', { name: 'Seq collision' })).toBeVisible()
  })
})
