import type { Locator, Page } from '@playwright/test'
import { expect, snap, test } from './fixtures'
import { api, openShopAsOwner } from './helpers/api'
import { sellBy } from './helpers/sales'

interface Product {
  id: string
  unit: string
  priceMinor: number
}

/** "¥1,234.56" / "−¥1.10" → signed fen, read off the page as a person reads it. */
function fen(text: string): number {
  const digits = Number(text.replace(/[^\d]/g, ''))
  return /[−-]/.test(text) ? -digits : digits
}

/** Each row of a table as [label, …amounts in fen]. */
async function rowsOf(table: Locator): Promise<Array<[string, ...number[]]>> {
  const rows = await table.locator('tbody tr').all()
  const out: Array<[string, ...number[]]> = []
  for (const row of rows) {
    const label = (await row.locator('th').innerText()).trim()
    const cells = await row.locator('td').allInnerTexts()
    out.push([label, ...cells.filter((c) => /\d/.test(c)).map(fen)])
  }
  return out
}

const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0)

/** A day like the one in the issue: discounts, a coupon, a void, a refund, and a split tender. */
async function arrangeDay(page: Page): Promise<void> {
  await api(page, 'coupons:create', { code: 'TENOFF', type: 'rate', rate: '0.1' })
  const { products } = await api<{ products: Product[] }>(page, 'catalog:search', { query: '', limit: 60 })
  const piece = products.filter((p) => p.unit === 'piece' && p.priceMinor >= 300 && p.priceMinor <= 2500)
  const pay = async (items: Product[], setup?: (cartId: string, lineIds: string[]) => Promise<void>) => {
    const cart = await api<{ id: string }>(page, 'cart:open', {})
    let lines: Array<{ id: string }> = []
    for (const item of items)
      lines = (
        await api<{ lines: Array<{ id: string }> }>(page, 'cart:add-item', {
          cartId: cart.id,
          productId: item.id
        })
      ).lines
    if (setup)
      await setup(
        cart.id,
        lines.map((l) => l.id)
      )
    return (
      await api<{ order: { id: string; lines: Array<{ id: string }> } }>(page, 'checkout:begin', {
        cartId: cart.id,
        cash: { tendered: '500', confirmLargeTender: true },
        checkoutKey: `z-${cart.id}`
      })
    ).order
  }
  await pay([piece[0]!, piece[1]!], async (cartId, [lineId]) => {
    await api(page, 'cart:set-line-discount', {
      cartId,
      lineId,
      discount: { type: 'amount', amount: '1.10' }
    })
  })
  await pay([piece[2]!, piece[3]!, piece[4]!], async (cartId) => {
    await api(page, 'cart:apply-coupon', { cartId, code: 'TENOFF' })
  })
  const voided = await pay([piece[5]!])
  await api(page, 'orders:void', { orderId: voided.id, reason: 'rang up twice' })
  const refunded = await pay([piece[6]!, piece[7]!])
  await api(page, 'refunds:create', {
    orderId: refunded.id,
    refundKey: `z-refund-${refunded.id}`,
    reason: 'dented',
    lines: [{ lineId: refunded.lines[0]!.id, quantity: '1' }]
  })
  await sellBy(page, 'split')
}

test('the Z-report adds up on the page: every total is the sum of the rows above it', async ({
  page,
  kassa
}) => {
  await openShopAsOwner(page, kassa.url)
  await arrangeDay(page)
  const nav = page.getByRole('navigation', { name: 'Main navigation' })
  await nav.getByRole('button', { name: 'Settlement' }).click()
  await page.getByRole('tab', { name: 'Daily settlement' }).click()
  const report = page.getByRole('article', { name: /^Z \d{4}-\d{2}-\d{2}$/ })
  await expect(report).toBeVisible()

  // Sales: gross − discounts = sales; sales − voids − refunds = net; net + rounding = collected.
  const sales = await rowsOf(report.getByRole('table', { name: 'Sales' }))
  const amount = (label: RegExp): number => sales.find(([l]) => label.test(l))![1]!
  const gross = amount(/^Gross sales/)
  const lineDiscounts = amount(/^Line discounts/)
  const couponDiscounts = amount(/^Coupon discounts/)
  const salesTotal = amount(/^Sales \(order totals\)/)
  const voids = amount(/^Voids/)
  const refunds = amount(/^Refunds/)
  const net = amount(/^Net sales/)
  const rounding = amount(/^Cash rounding/)
  const collected = amount(/^Collected/)
  expect(lineDiscounts).toBe(-110)
  expect(couponDiscounts).toBeLessThan(0)
  expect(voids).toBeLessThan(0)
  expect(refunds).toBeLessThan(0)
  expect(gross + lineDiscounts + couponDiscounts).toBe(salesTotal)
  expect(salesTotal + voids + refunds).toBe(net)
  expect(net + rounding).toBe(collected)
  expect(fen(await report.getByTestId('kpi-net-sales').innerText())).toBe(net)
  // The average ticket is net sales ÷ orders standing (half-up), not collected ÷ orders.
  const orders = Number(await report.getByTestId('kpi-orders').innerText())
  expect(fen(await report.getByTestId('kpi-average').innerText())).toBe(
    Math.floor((2 * net + orders) / (2 * orders))
  )

  // Tax by rate: the rates, the refunded tax, the total — net and tax columns both add up.
  const tax = await rowsOf(report.getByRole('region', { name: 'Tax by rate' }).getByRole('table'))
  const taxTotal = tax.at(-1)!
  expect(tax.at(-2)![0]).toBe('Refunds')
  expect(tax.at(-2)![2]).toBeLessThan(0)
  expect(sum(tax.slice(0, -1).map((r) => r[1]!))).toBe(taxTotal[1])
  expect(sum(tax.slice(0, -1).map((r) => r[2]!))).toBe(taxTotal[2])
  expect(taxTotal[1]! + taxTotal[2]!).toBe(net)

  // Tenders: each column adds up, and the net is what was collected.
  const tenders = await rowsOf(report.getByRole('region', { name: 'By tender' }).getByRole('table'))
  const tenderTotal = tenders.at(-1)!
  for (const column of [1, 2, 3] as const)
    expect(sum(tenders.slice(0, -1).map((r) => r[column]!))).toBe(tenderTotal[column])
  expect(tenderTotal[3]).toBe(collected)

  // Cashiers and hours: after voids, before refunds, and they say so.
  const cashiers = await rowsOf(report.getByRole('region', { name: 'By cashier' }).getByRole('table'))
  expect(cashiers.at(-1)![0]).toBe('Total (after voids, before refunds)')
  expect(sum(cashiers.slice(0, -1).map((r) => r[2]!))).toBe(cashiers.at(-1)![2])
  expect(cashiers.at(-1)![2]).toBe(net - refunds)
  const hourNote = await report.getByTestId('hour-total').innerText()
  const [hoursTotal, hourRefunds, hourNet] = [...hourNote.matchAll(/¥[\d,]+\.\d\d/g)].map((m) => fen(m[0]))
  expect(hoursTotal! - hourRefunds!).toBe(hourNet)
  expect(hourNet).toBe(net)

  await expect(report.getByText('Agrees with the ledger')).toBeVisible()
  await snap(page, 'zreport-en-1366')

  // Drill-down: a tender's orders show the tender's part, and a row opens its order.
  await report
    .getByRole('region', { name: 'Tender mix' })
    .getByRole('button', { name: /^Card/ })
    .first()
    .click()
  const drill = page.getByRole('dialog', { name: /Orders behind/ })
  await expect(drill.getByRole('columnheader', { name: 'Paid by Card' })).toBeVisible()
  await expect(drill.getByRole('row').nth(1)).toContainText('¥5.00')
  await snap(page, 'zreport-drill-card-en-1366')
  await drill.getByRole('row').nth(1).getByRole('button').click()
  const opened = page.getByRole('dialog', { name: /^Order T01-\d{6}$/ })
  await expect(opened.getByRole('article', { name: 'Receipt' })).toBeVisible()
  await snap(page, 'zreport-drill-order-en-1366')
  await opened.getByRole('button', { name: 'Back to the list' }).click()
  await drill.getByRole('button', { name: 'Done' }).click()

  // The same report in Chinese and at 1024×768.
  for (const language of ['zh-CN', 'en'] as const) {
    await page
      .getByRole('group', { name: /Language|语言/ })
      .getByRole('button', { name: language === 'en' ? 'English' : '中文' })
      .click()
    for (const viewport of [
      { width: 1024, height: 768 },
      { width: 1366, height: 860 }
    ]) {
      await page.setViewportSize(viewport)
      await expect(report.getByRole('table', { name: language === 'en' ? 'Sales' : '销售' })).toBeVisible()
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('main *')]
          .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
          .map((el) => `${el.tagName}.${el.className}`)
      )
      expect(wide).toEqual([])
      // …and nothing sticks out of its own section.
      const spilling = await page.evaluate(() =>
        [...document.querySelectorAll('.z-section')].flatMap((section) => {
          const edge = section.getBoundingClientRect().right
          return [...section.querySelectorAll('*')]
            .filter((el) => el.getBoundingClientRect().right > edge + 1)
            .map((el) => `${section.getAttribute('aria-label')}: ${el.tagName}`)
        })
      )
      expect(spilling).toEqual([])
      await snap(page, `zreport-${language}-${viewport.width}`)
      // The screen scrolls inside its main area: the whole report, on a screen tall enough to hold it.
      await page.setViewportSize({ width: viewport.width, height: 2400 })
      await snap(page, `zreport-${language}-${viewport.width}-whole`)
    }
    // Printed on A4 (the fresh-cashier report: 净额 cut to "¥489", method names one character a
    // line, boxes cut at the page edge). The page lays out at its printable width, 210 mm less
    // 12 mm margins each side = 186 mm ≈ 703 CSS px: nothing may reach past it or out of its
    // section, and no heading or figure may break inside a word.
    await page.evaluate(() => document.body.classList.add('printing-report'))
    await page.emulateMedia({ media: 'print' })
    await page.setViewportSize({ width: 703, height: 1000 })
    const printed = await page.evaluate(() => {
      const page = document.documentElement.clientWidth
      const problems: string[] = []
      for (const el of document.querySelectorAll<HTMLElement>('.z-report *')) {
        if (getComputedStyle(el).display === 'none') continue
        if (el.getBoundingClientRect().right > page + 1)
          problems.push(`past the page: ${el.tagName}.${el.className}`)
      }
      for (const section of document.querySelectorAll('.z-section')) {
        const edge = section.getBoundingClientRect().right
        for (const el of section.querySelectorAll('*'))
          if (el.getBoundingClientRect().right > edge + 1)
            problems.push(`out of ${section.getAttribute('aria-label')}: ${el.tagName} "${el.textContent}"`)
      }
      // A cell wider than its column is cut (tables clip), and a one-word cell taller than two
      // lines has been broken a character a line.
      for (const cell of document.querySelectorAll<HTMLElement>('.z-report th, .z-report td')) {
        const line = parseFloat(getComputedStyle(cell).lineHeight) || 24
        if (cell.scrollWidth > cell.clientWidth + 1) problems.push(`cut: "${cell.textContent}"`)
        const words = (cell.textContent ?? '').trim()
        if (words && !/\s/.test(words) && cell.getBoundingClientRect().height > 2 * line + 24)
          problems.push(`broken into lines: "${words}"`)
      }
      return problems
    })
    expect(printed).toEqual([])
    await snap(page, `zreport-${language}-print-a4`)
    await page.emulateMedia({ media: 'screen' })
    await page.evaluate(() => document.body.classList.remove('printing-report'))
  }
})
