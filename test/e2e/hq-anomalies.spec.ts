import { expect, type Page } from '@playwright/test'
import { snap } from './fixtures'
import { kassa, OWNER, restoredTill, setUpOwner, test } from './helpers/hq'

/** A store name at the limit (80), without a space to break at. */
const LONG = `Harbour${'x'.repeat(73)}`

/** Inside the window: not cut off, not pushed past its right edge. */
async function inView(page: Page, locator: ReturnType<Page['locator']>) {
  await expect(locator).toBeVisible()
  const box = (await locator.boundingBox())!
  expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width)
}

/** No stray text (a chart's measuring span, a hidden element) below the screen's own content. */
async function nothingStray(page: Page) {
  const stray = await page.evaluate(() =>
    [...document.body.children]
      .filter((el) => el.id !== 'root' && el.tagName !== 'SCRIPT')
      .filter((el) => {
        const box = el.getBoundingClientRect()
        return (el.textContent ?? '').trim() !== '' && box.bottom + window.scrollY > 0 && box.width > 0
      })
      .map((el) => el.textContent)
  )
  expect(stray).toEqual([])
}

const NOTE = 'Till T01 was restored from Friday’s backup; both copies checked against the paper rolls.'

async function noSideways(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth
  )
  expect(overflow).toBeLessThanOrEqual(0)
}

const WORDS = {
  en: {
    language: 'English',
    nav: 'Anomalies',
    kind: 'Seq collision',
    open: /^Open/,
    resolved: 'Resolved',
    events: /^Events \(/,
    resolve: 'Resolve…',
    note: 'Note',
    save: 'Mark resolved',
    close: 'Close',
    review: 'Needs review',
    complete: 'Complete',
    collected: 'Collected',
    show: 'Show',
    stores: 'Stores & tills',
    enrol: 'Enrolment code'
  },
  'zh-CN': {
    language: '中文',
    nav: '异常',
    kind: '序号冲突',
    open: /^未处理/,
    resolved: '已处理',
    events: /^事件（/,
    resolve: '处理…',
    note: '说明',
    save: '标记为已处理',
    close: '关闭',
    review: '需要核查',
    complete: '已完整',
    collected: '实收',
    show: '查看',
    stores: '门店与收银台',
    enrol: '接入码'
  }
} as const

async function walk(page: Page, size: string, language: keyof typeof WORDS) {
  const w = WORDS[language]
  await page.getByRole('button', { name: w.language, exact: true }).click()
  await page.getByRole('link', { name: w.nav, exact: true }).click()
  const card = page.getByRole('article').filter({ has: page.getByRole('heading', { name: w.kind }) })
  await expect(card).toBeVisible()
  await expect(card.getByRole('link', { name: /T01/ })).toBeVisible()
  await noSideways(page)
  await snap(page, `hq-anomalies-open-${size}-${language}`)
  // Its events, and one of them opened as the head office holds it.
  await card.getByText(w.events).click()
  await snap(page, `hq-anomalies-events-${size}-${language}`)
  await card.getByRole('button', { name: /#\d+/ }).first().click()
  const dialog = page.getByRole('dialog')
  await expect(dialog.locator('pre').first()).toBeVisible()
  await snap(page, `hq-anomalies-event-${size}-${language}`)
  await dialog.getByRole('button', { name: w.close }).last().click()
  await expect(dialog).toBeHidden()
  await card.getByText(w.events).click()

  // The day the clone's sales landed on reads as needing review, naming the anomaly, not Complete.
  await page.goto(page.url().replace(/#.*$/, '#/settlement?date=2026-11-21'))
  const row = page.getByRole('row').filter({ has: page.getByRole('button', { name: /T01/ }) })
  await expect(row).toContainText(w.review)
  await expect(row).toContainText(w.kind)
  await expect(row).not.toContainText(w.complete)
  // A long store name in the filter and the table: every figure column stays in view.
  await inView(page, page.getByRole('columnheader', { name: w.collected }))
  await inView(page, page.getByRole('button', { name: w.show }))
  await noSideways(page)
  await snap(page, `hq-settlement-review-${size}-${language}`)
  await page.getByRole('link', { name: w.stores, exact: true }).click()
  const long = page.getByRole('article').filter({ has: page.getByRole('heading', { name: LONG }) })
  await expect(long.getByRole('heading', { name: LONG })).toHaveAttribute('title', LONG)
  await inView(page, long.getByRole('button', { name: w.enrol }))
  await noSideways(page)
  await nothingStray(page)
  await snap(page, `hq-stores-long-name-${size}-${language}`)
  await page.getByRole('link', { name: w.nav, exact: true }).click()
}

test('a restored till’s seq collision reaches the inbox, is resolved with a note, and stays in resolved', async ({
  page,
  hq,
  till
}) => {
  restoredTill(hq, till)
  kassa(['hq', '--data-dir', hq.dataDir, 'store', 'create', '--name', LONG, '--time-zone', 'Asia/Shanghai'])
  await setUpOwner(page, hq)
  for (const [size, viewport] of [
    ['1366', { width: 1366, height: 860 }],
    ['1024', { width: 1024, height: 768 }]
  ] as const) {
    await page.setViewportSize(viewport)
    await walk(page, size, 'zh-CN')
    await walk(page, size, 'en')
  }

  const card = page
    .getByRole('article')
    .filter({ has: page.getByRole('heading', { name: /^(Seq collision|序号冲突)$/ }) })
  // A till's link shows only that till's anomalies; the chip shows every till again.
  await card.getByRole('link', { name: /T01/ }).click()
  await expect(page).toHaveURL(/#\/anomalies\?till=/)
  await expect(card).toBeVisible()
  await page.getByRole('button', { name: /^Only till T01/ }).click()
  await expect(page).not.toHaveURL(/till=/)
  // Filtered by a kind it is not: gone; back to every kind: there.
  await page.getByLabel('Kind').selectOption('receipt-gap')
  await expect(card).toHaveCount(0)
  await page.getByLabel('Kind').selectOption('')
  await expect(card).toBeVisible()

  // The dashboard counts it and links to the inbox.
  await page.getByRole('link', { name: 'Dashboard', exact: true }).click()
  const toInbox = page.getByRole('link', { name: 'Open anomalies: 1 (1 high). Look at the inbox' })
  await expect(toInbox).toBeVisible()
  await snap(page, 'hq-anomalies-dashboard-1024-en')
  await toInbox.click()
  await expect(card).toBeVisible()

  await card.getByRole('button', { name: 'Resolve…' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('Note').fill(NOTE)
  await snap(page, 'hq-anomalies-resolve-1024-en')
  await dialog.getByRole('button', { name: 'Mark resolved' }).click()
  await expect(dialog).toBeHidden()
  await expect(card).toHaveCount(0)

  await page.getByRole('button', { name: 'Resolved', exact: true }).click()
  await expect(card).toBeVisible()
  await expect(card.getByText(new RegExp(`^Resolved by ${OWNER.name} on `))).toBeVisible()
  await expect(card.getByText(NOTE)).toBeVisible()
  await expect(card.getByRole('button', { name: 'Resolve…' })).toHaveCount(0)
  await noSideways(page)
  await snap(page, 'hq-anomalies-resolved-1024-en')
  await page.getByRole('button', { name: '中文', exact: true }).click()
  await expect(card.getByText(new RegExp(`^${OWNER.name} 于 .* 处理$`))).toBeVisible()
  await snap(page, 'hq-anomalies-resolved-1024-zh-CN')
  await page.setViewportSize({ width: 1366, height: 860 })
  await snap(page, 'hq-anomalies-resolved-1366-zh-CN')

  // Reloaded (a new page load, same session): still resolved, with the note.
  await page.reload()
  await expect(card.getByText(NOTE)).toBeVisible()
})
