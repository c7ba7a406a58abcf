import type { Page } from '@playwright/test'
import { expect, snap, test } from './fixtures'
import { api, openShopAsOwner } from './helpers/api'
import { DIAGONAL, expectNoSideScroll, useLanguage } from './helpers/counter'

// Amounts far outside what a shop does are asked about first, naming the amount, and only a yes
// sends them (with the call's confirm flag); and the Sell screen holds the longest prices a till
// takes (¥999,999.99 × 9,999 on a line) without a figure running over another or a label cut.

const W = {
  en: {
    settlement: 'Settlement',
    products: 'Products',
    sell: 'Sell',
    cashIn: 'Cash in',
    record: 'Record',
    amount: 'Amount (CNY)',
    reason: 'Reason',
    add: 'Add product',
    save: 'Save product',
    nameZh: 'Name (Chinese)',
    nameEn: 'Name (English)',
    sku: 'SKU',
    price: /Price/,
    back: 'No, change it',
    yes: 'Yes, it is right',
    overCap: 'The price ¥99,999,999,999.00 is above ¥999,999.99, the most a till takes',
    unitPrice: 'Unit price',
    changePrice: 'Change price'
  },
  'zh-CN': {
    settlement: '结算',
    products: '商品',
    sell: '收银',
    cashIn: '存入现金',
    record: '记录',
    amount: '金额（CNY）',
    reason: '原因',
    add: '新增商品',
    save: '保存商品',
    nameZh: '中文名称',
    nameEn: '英文名称',
    sku: '货号',
    price: /售价/,
    back: '不对，返回修改',
    yes: '正确，继续',
    overCap: '价格 ¥99,999,999,999.00 超过收银台可录入的上限 ¥999,999.99',
    unitPrice: '单价',
    changePrice: '改价'
  }
} as const

/** Calls to `channel` the page sends, as their JSON bodies. */
function callsTo(page: Page, channel: string): unknown[] {
  const sent: unknown[] = []
  page.on('request', (request) => {
    if (request.url().includes(`/api/call/${channel}`)) sent.push(JSON.parse(request.postData() ?? '{}'))
  })
  return sent
}

/** Text in the Sell screen's cart, totals and Pay button that runs out of its box or over a neighbour. */
async function figuresThatDoNotFit(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = []
    const boxes = [
      ...document.querySelectorAll<HTMLElement>('.table--cart td, .table--cart th, .totals dd, .totals dt'),
      ...document.querySelectorAll<HTMLElement>('.button--pay, .button--pay > *')
    ]
    for (const box of boxes) {
      if (box.getClientRects().length === 0) continue
      if (box.scrollWidth > box.clientWidth + 1)
        problems.push(
          `"${box.textContent?.trim()}" runs out of its box: ${box.scrollWidth} > ${box.clientWidth}`
        )
    }
    // Cells of one row, and a totals row's term and figure, never overlap.
    const rows = [...document.querySelectorAll<HTMLElement>('.table--cart tr, .totals dl > div')]
    for (const row of rows) {
      const cells = [...row.children].map((cell) => cell.getBoundingClientRect())
      for (let i = 1; i < cells.length; i++)
        if (cells[i]!.left < cells[i - 1]!.right - 1 && cells[i]!.top < cells[i - 1]!.bottom - 1)
          problems.push(`"${row.textContent?.trim()}": cell ${i} overlaps cell ${i - 1}`)
    }
    const pay = document.querySelector<HTMLElement>('.button--pay')
    const parts = pay ? [...pay.children].map((part) => part.getBoundingClientRect()) : []
    for (let i = 0; i < parts.length; i++)
      for (let j = i + 1; j < parts.length; j++) {
        const [a, b] = [parts[i]!, parts[j]!]
        if (
          a.width &&
          b.width &&
          a.left < b.right - 1 &&
          b.left < a.right - 1 &&
          a.top < b.bottom - 1 &&
          b.top < a.bottom - 1
        )
          problems.push(`the Pay button's parts ${i} and ${j} overlap`)
      }
    return problems
  })
}

for (const { size, language } of DIAGONAL) {
  const tag = `${size.width}x${size.height}-${language}`
  const w = W[language]

  test(`cash in of ¥10,000,000 asks first, naming it; "no" sends nothing, ${tag}`, async ({
    page,
    kassa
  }) => {
    await page.setViewportSize(size)
    await openShopAsOwner(page, kassa.url)
    await useLanguage(page, language)
    const moves = callsTo(page, 'shifts:cash-move')
    await page.getByRole('navigation').getByRole('button', { name: w.settlement }).click()
    await page.getByRole('button', { name: w.cashIn }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel(w.amount).fill('10000000')
    await dialog.getByLabel(w.reason).fill('change from the bank')
    await dialog.getByRole('button', { name: w.record }).click()
    const question = page.getByTestId('amount-question')
    await expect(question).toContainText('¥10,000,000.00')
    await expect(question).toContainText('¥10,000.00')
    await expect(page.getByRole('button', { name: w.back })).toBeFocused()
    await snap(page, `unusual-cash-in-${tag}`)
    await page.getByRole('button', { name: w.back }).click()
    await expect(question).toBeHidden()
    expect(moves).toEqual([])
    // The slip corrected: ¥1,000 goes through with no question.
    await dialog.getByLabel(w.amount).fill('1000')
    await dialog.getByRole('button', { name: w.record }).click()
    await expect(dialog).toBeHidden()
    expect(moves).toEqual([{ direction: 'in', amount: '1000', reason: 'change from the bank' }])
    // Asked again and confirmed: sent once, with the flag.
    await page.getByRole('button', { name: w.cashIn }).click()
    await dialog.getByLabel(w.amount).fill('10000000')
    await dialog.getByLabel(w.reason).fill('takings from the other till')
    await dialog.getByRole('button', { name: w.record }).click()
    await page.getByRole('button', { name: w.yes }).click()
    await expect(dialog).toBeHidden()
    expect(moves[1]).toMatchObject({ amount: '10000000', confirmLargeAmount: true })
    const { shift } = await api<{ shift: { drawer: { cashIn: number } } }>(page, 'shifts:current', {})
    expect(shift.drawer.cashIn).toBe(1_000_100_000)
  })

  test(`a price of 0 or a huge one asks first; the Sell screen holds the longest price, ${tag}`, async ({
    page,
    kassa
  }) => {
    test.setTimeout(120_000)
    await page.setViewportSize(size)
    await openShopAsOwner(page, kassa.url)
    await useLanguage(page, language)
    const creates = callsTo(page, 'catalog:create-product')
    await page.getByRole('navigation').getByRole('button', { name: w.products }).click()
    await page.getByRole('button', { name: w.add }).click()
    const dialog = page.getByRole('dialog', { name: w.add })
    await dialog.getByLabel(w.nameZh).fill('足金金条 100 克（投资收藏级，含证书与礼盒）')
    await dialog.getByLabel(w.nameEn).fill('Pure gold bar 100 g (investment grade, certificate and gift box)')
    await dialog.getByLabel(w.sku).fill('GOLD-BAR-100G')
    const price = dialog.getByLabel(w.price)
    const save = dialog.getByRole('button', { name: w.save })
    const question = page.getByTestId('amount-question')

    await price.fill('0')
    await save.click()
    await expect(question).toContainText('¥0.00')
    await page.getByRole('button', { name: w.back }).click()
    expect(creates).toEqual([])

    // Above the cap no yes can make it right: main refuses it beside the price.
    await price.fill('99999999999')
    await save.click()
    await expect(dialog.getByText(w.overCap)).toBeVisible()
    await expect(price).toHaveAttribute('aria-invalid', 'true')

    await price.fill('999999.99')
    await save.click()
    await expect(question).toContainText('¥999,999.99')
    await snap(page, `unusual-price-${tag}`)
    await page.getByRole('button', { name: w.yes }).click()
    await expect(dialog).toBeHidden()
    expect(creates.at(-1)).toMatchObject({ price: '999999.99', confirmUnusualPrice: true })

    // Arranged through the API: nine more lines at the cap, each 9,999 pieces (the line cap).
    for (let i = 1; i <= 9; i++)
      await api(page, 'catalog:create-product', {
        sku: `GOLD-${i}`,
        nameZh: `足金金条 ${i} 号（投资收藏级）`,
        nameEn: `Pure gold bar no. ${i} (investment grade)`,
        price: '999999.99',
        taxRate: '0.13',
        confirmUnusualPrice: true
      })
    const cart = await api<{ id: string }>(page, 'cart:open', {})
    for (const sku of ['GOLD-BAR-100G', ...Array.from({ length: 9 }, (_, i) => `GOLD-${i + 1}`)])
      await api(page, 'cart:add-item', { cartId: cart.id, code: sku, quantity: '9999' })
    await page.reload()
    await page.getByRole('navigation').getByRole('button', { name: w.sell }).click()
    await expect(page.getByTestId('payable')).toHaveText('¥99,989,999,000.10')
    await expect(page.locator('.button--pay')).toContainText('¥99,989,999,000.10')
    await expect(page.locator('.table--cart')).toContainText('¥9,998,999,900.01')
    await snap(page, `unusual-sell-longest-${tag}`)
    expect(await figuresThatDoNotFit(page)).toEqual([])
    await expectNoSideScroll(page)

    // 改价 to 0 on the selected line asks the same question; "no" changes nothing.
    const overrides = callsTo(page, 'cart:override-price')
    const editor = page.locator('.line-editor')
    await editor.getByLabel(w.unitPrice).fill('0')
    await editor.getByRole('button', { name: w.changePrice }).click()
    await expect(question).toContainText('¥0.00')
    await page.getByRole('button', { name: w.back }).click()
    await expect(question).toBeHidden()
    expect(overrides).toEqual([])
    await editor.getByRole('button', { name: w.changePrice }).click()
    await page.getByRole('button', { name: w.yes }).click()
    await expect(page.getByTestId('payable')).toHaveText('¥89,990,999,100.09')
    expect(overrides).toEqual([expect.objectContaining({ unitPrice: '0', confirmUnusualPrice: true })])
  })
}
