import type { Page } from '@playwright/test'
import { expect, snap, test } from './fixtures'
import { api, openShopAsOwner } from './helpers/api'
import { sellBy, type TenderKind } from './helpers/sales'

const VIEWPORTS = [
  { width: 1024, height: 768 },
  { width: 1366, height: 860 }
]

async function openOrder(page: Page, number: string, ordersLabel = 'Orders'): Promise<void> {
  await page
    .getByRole('navigation', { name: /Main navigation|主导航/ })
    .getByRole('button', { name: ordersLabel })
    .click()
  await page.getByRole('button', { name: number }).click()
}

/** What the customer paid and how it goes back, as the dialog tells the cashier. */
const HOW: Record<Exclude<TenderKind, 'split'>, RegExp> = {
  cash: /Take it out of the drawer/,
  card: /Refunded to the card/,
  alipay: /Alipay/,
  wechat: /WeChat Pay/
}

test('voiding a cash sale: the dialog names the cash to take out of the drawer, and the sale is voided', async ({
  page,
  kassa
}) => {
  await openShopAsOwner(page, kassa.url)
  const order = await sellBy(page, 'cash')
  await openOrder(page, order.number)
  await page.getByRole('button', { name: 'Void sale' }).click()
  const dialog = page.getByRole('dialog', { name: `Void order ${order.number}` })
  const back = dialog.getByRole('table', { name: 'What goes back to the customer' })
  await expect(back.getByRole('row', { name: /^Cash/ })).toContainText(HOW.cash)
  await expect(dialog.getByTestId('void-explanation')).toContainText(
    /Take ¥[\d.,]+ in cash out of the drawer/
  )
  await dialog.getByLabel('Reason').fill('rang up twice')
  await snap(page, 'void-cash-en-1366')
  await dialog.getByRole('button', { name: 'Void this sale' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('complementary').getByText('Voided: rang up twice')).toBeVisible()
})

for (const kind of ['card', 'alipay', 'wechat', 'split'] as const) {
  test(`a ${kind} sale cannot be voided: the dialog says what goes back by which tender and refunds it at the provider`, async ({
    page,
    kassa
  }) => {
    await openShopAsOwner(page, kassa.url)
    const order = await sellBy(page, kind)
    await openOrder(page, order.number)
    await page.getByRole('button', { name: 'Void sale' }).click()
    const dialog = page.getByRole('dialog', { name: `Void order ${order.number}` })
    const back = dialog.getByRole('table', { name: 'What goes back to the customer' })
    if (kind === 'split') {
      await expect(back.getByRole('row', { name: /^Card/ })).toContainText('¥5.00')
      await expect(back.getByRole('row', { name: /^Cash/ })).toContainText(HOW.cash)
      await expect(dialog.getByTestId('void-explanation')).toContainText(
        /only ¥[\d.,]+ comes out of the drawer/
      )
    } else {
      await expect(back.getByRole('row').nth(1)).toContainText(HOW[kind])
      await expect(dialog.getByTestId('void-explanation')).toContainText('No cash comes out of the drawer')
    }
    await expect(dialog.getByRole('button', { name: 'Void this sale' })).toHaveCount(0)
    await dialog.getByLabel('Reason').fill('customer changed their mind')
    await snap(page, `void-${kind}-en-1366`)
    await dialog.getByRole('button', { name: 'Refund the whole order' }).click()

    const done = page.getByRole('dialog', { name: /^Refund T01-R\d{6}$/ })
    const provider = kind === 'split' ? 'card' : kind
    // WeChat Pay confirms a refund a moment later; the till books it when it does.
    await expect(done.getByTestId(`refund-status-${provider}`)).toContainText(
      /given back|waiting for the provider/
    )
    if (kind === 'split') await expect(done.getByTestId('refund-status-cash')).toContainText('given back')
    await snap(page, `void-${kind}-refunded-en-1366`)
    await done.getByRole('button', { name: 'Done' }).click()
    await expect(
      page.getByRole('row', { name: new RegExp(order.number) }).getByText('Refunded')
    ).toBeVisible()
    // The provider has the money back: the refund is booked once the provider confirms it.
    await expect
      .poll(
        async () => {
          const left = await api<{ refunds: Array<{ tenders: Array<{ status: string }> }> }>(
            page,
            'refunds:refundable',
            { orderId: order.id }
          )
          return left.refunds.flatMap((r) => r.tenders.map((t) => t.status))
        },
        { timeout: 20_000 }
      )
      .not.toContain('processing')
  })
}

test('the void dialog of a split sale at 1024×768 and 1366×860, in Chinese and English', async ({
  page,
  kassa
}) => {
  await openShopAsOwner(page, kassa.url)
  const order = await sellBy(page, 'split')
  for (const language of ['zh-CN', 'en'] as const) {
    await page
      .getByRole('group', { name: /Language|语言/ })
      .getByRole('button', { name: language === 'en' ? 'English' : '中文' })
      .click()
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport)
      await openOrder(page, order.number, language === 'en' ? 'Orders' : '订单')
      await page.getByRole('button', { name: language === 'en' ? 'Void sale' : '作废' }).click()
      const dialog = page.getByRole('dialog')
      await expect(
        dialog.getByRole('button', { name: language === 'en' ? 'Refund the whole order' : '整单退款' })
      ).toBeVisible()
      // Nothing scrolls sideways, and the action buttons are on the screen.
      // The top bar's language switch at 1024 px is the Sell-screen work's (issue 10, item 4).
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('main *, dialog[open] *')]
          .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
          .slice(0, 5)
          .map((el) => `${el.tagName}.${el.className}`)
      )
      expect(wide).toEqual([])
      await expect(
        dialog.getByRole('button', { name: language === 'en' ? 'Keep it' : '保留订单' })
      ).toBeInViewport()
      await snap(page, `void-split-${language}-${viewport.width}`)
      await dialog.getByRole('button', { name: language === 'en' ? 'Keep it' : '保留订单' }).click()
    }
  }
})
