import type { Page } from '@playwright/test'
import { expect, snap, test } from './fixtures'
import { openShopAsOwner } from './helpers/api'
import { sellBy } from './helpers/sales'

const MM = 72 / 25.4 // PDF points per millimetre

/** Page count and the first page's size (points) of a PDF Chromium wrote. */
function pdfPages(pdf: Buffer): { pages: number; width: number; height: number } {
  const text = pdf.toString('latin1')
  const pages = (text.match(/\/Type\s*\/Page(?!s)/g) ?? []).length
  const box = /\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(text)!
  return { pages, width: Number(box[3]) - Number(box[1]), height: Number(box[4]) - Number(box[2]) }
}

async function saveReceiptSettings(page: Page, paper: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('button', { name: 'Settings' })
    .click()
  await page.getByLabel('Address', { exact: true }).fill('上海市静安区南京西路 1266 号 恒隆广场一楼 108 室')
  await page.getByLabel('Phone').fill('+86 21 6288 0000')
  await page.getByLabel('Tax ID').fill('91310000MA1FL1AB2C')
  await page.getByLabel('Receipt paper').selectOption({ label: paper })
  const save = page.getByRole('button', { name: 'Save receipt settings' })
  if (await save.isEnabled()) {
    await save.click()
    await expect(page.getByText('Receipt settings saved')).toBeVisible()
  }
}

test('a receipt prints whole on 80 mm and 58 mm rolls and on A4: one page, QR code and footer inside it', async ({
  page,
  kassa
}) => {
  await openShopAsOwner(page, kassa.url)
  const order = await sellBy(page, 'split')

  for (const [paper, label] of [
    ['80mm', '80 mm roll'],
    ['58mm', '58 mm roll'],
    ['A4', 'A4 sheet']
  ] as const) {
    await saveReceiptSettings(page, label)
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('button', { name: 'Orders' })
      .click()
    await page.getByRole('button', { name: order.number }).click()
    const receipt = page.getByRole('complementary').getByRole('article', { name: 'Receipt' })
    await expect(receipt.getByTestId('receipt-address')).toHaveText(
      '上海市静安区南京西路 1266 号 恒隆广场一楼 108 室'
    )
    await expect(receipt.getByTestId('receipt-phone')).toHaveText('Tel. +86 21 6288 0000')
    await expect(receipt.getByTestId('receipt-tax-id')).toHaveText('Tax ID 91310000MA1FL1AB2C')

    // The print dialog is the browser's: stand in for it, and keep the page as it is while printing.
    await page.evaluate(() => {
      window.print = () => undefined
    })
    await page.getByRole('button', { name: 'Reprint receipt' }).click()
    await expect(page.locator('#print-root .receipt')).toHaveCount(1)
    await page.emulateMedia({ media: 'print' })
    const layout = await page.evaluate(() => {
      const root = document.getElementById('print-root')!
      const box = (el: Element | null) => {
        const r = el!.getBoundingClientRect()
        return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height }
      }
      const qr = root.querySelector('footer img') as HTMLImageElement
      return {
        root: box(root),
        qr: box(qr),
        qrLoaded: qr.complete && qr.naturalWidth > 0,
        footer: box(root.querySelector('footer')),
        // Nothing sticks out past the paper's printable width.
        overflowing: [...root.querySelectorAll('*')]
          .filter((el) => el.getBoundingClientRect().right > root.getBoundingClientRect().right + 0.5)
          .map((el) => `${el.tagName}.${el.className}: ${el.textContent?.slice(0, 20)}`),
        clipped: [...root.querySelectorAll('*')].some(
          (el) => el.scrollHeight > el.clientHeight + 1 && getComputedStyle(el).overflowY !== 'visible'
        ),
        appShown: [...document.body.children].some(
          (el) => el.id !== 'print-root' && el.tagName !== 'SCRIPT' && getComputedStyle(el).display !== 'none'
        ),
        page: document.getElementById('print-page')!.textContent
      }
    })
    expect(layout.qrLoaded).toBe(true)
    expect(layout.clipped).toBe(false)
    expect(layout.overflowing).toEqual([])
    expect(layout.appShown).toBe(false)
    expect(layout.qr.bottom).toBeLessThanOrEqual(layout.footer.bottom)
    expect(layout.footer.bottom).toBeLessThanOrEqual(layout.root.bottom)
    expect(layout.page).toMatch(
      paper === 'A4' ? /size: A4/ : new RegExp(`size: ${paper.replace('mm', '')}mm \\d+mm`)
    )

    await snap(page, `receipt-print-${paper}`)
    // The PDF is the printed page: one page of the paper's width, with the whole receipt on it.
    const pdf = pdfPages(await page.pdf({ preferCSSPageSize: true, printBackground: true }))
    expect(pdf.pages).toBe(1)
    const width = paper === 'A4' ? 210 : Number(paper.replace('mm', ''))
    expect(Math.abs(pdf.width - width * MM)).toBeLessThan(2)
    if (paper === 'A4') expect(Math.abs(pdf.height - 297 * MM)).toBeLessThan(2)
    // The receipt (CSS px at 96 per inch) fits the page height with its margins.
    expect((layout.root.height * 25.4) / 96).toBeLessThan(pdf.height / MM)

    await page.emulateMedia({ media: 'screen' })
    // Making the PDF is a print: the page puts itself back afterwards.
    await expect(page.locator('#print-root')).toHaveCount(0)
  }
})

test('the receipt settings in Settings, in Chinese and English at 1024×768 and 1366×860', async ({
  page,
  kassa
}) => {
  await openShopAsOwner(page, kassa.url)
  await saveReceiptSettings(page, '58 mm roll')
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
      const form = page.getByRole('group', { name: language === 'en' ? 'Receipt' : '小票' })
      await form.scrollIntoViewIfNeeded()
      await expect(form.getByLabel(language === 'en' ? 'Tax ID' : '纳税人识别号')).toHaveValue(
        '91310000MA1FL1AB2C'
      )
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('main *')]
          .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
          .map((el) => `${el.tagName}.${el.className}`)
      )
      expect(wide).toEqual([])
      await snap(page, `settings-receipt-${language}-${viewport.width}`)
    }
  }
})
