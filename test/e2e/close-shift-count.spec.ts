import { expect, snap, test } from './fixtures'
import { api, openShopAsOwner } from './helpers/api'
import { burst, useLanguage, DIAGONAL } from './helpers/counter'
import type { LossPrevention } from '../../src/shared/contract/channels/approvals'

// Found by a fresh cashier: "Close shift" with every count box blank closed the shift at once,
// counted ¥0.00 and recorded ¥322.50 short — and a closed shift cannot be reopened. A blank count
// is now refused beside the boxes, and a count that is off asks once more in the same dialog,
// naming expected, counted and the difference. A scanner's digits + Enter never close the shift.
const TEXT = {
  en: {
    nav: 'Main navigation',
    settlement: 'Settlement',
    close: 'Count and close shift',
    closeTitle: /^Close shift T01-S00001/,
    closeShift: 'Close shift',
    notes: 'Notes',
    blank: 'Count the drawer first: enter what each box holds (0 for none)',
    off: 'expected ¥322.50, counted ¥300.00 — Short ¥22.50',
    countAgain: 'Count again',
    closeAnyway: 'Close anyway',
    closed: 'Shift T01-S00001 closed: Short ¥22.50'
  },
  'zh-CN': {
    nav: '主导航',
    settlement: '结算',
    close: '点钞交班',
    closeTitle: /^交班 T01-S00001/,
    closeShift: '交班',
    notes: '纸币',
    blank: '请先清点钱箱：在各栏填入数量（没有填 0）',
    off: '应有 ¥322.50，清点 ¥300.00，短款 ¥22.50',
    countAgain: '重新清点',
    closeAnyway: '仍然交班',
    closed: '班次 T01-S00001 已交班：无长短款'
  }
} as const

const yuan = (minor: number): string => `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`

for (const { size, language } of DIAGONAL) {
  const L = TEXT[language]
  const tag = `${size.width}x${size.height}-${language}`
  test(`closing count at ${tag}: blank is refused, a count that is off asks first, a scan never closes`, async ({
    page,
    kassa
  }) => {
    await page.setViewportSize(size)
    await openShopAsOwner(page, kassa.url, { openShift: false })
    // Not blind, so the till knows what the drawer should hold: ¥322.50.
    const policy = await api<LossPrevention>(page, 'approvals:get-policy', {})
    await api(page, 'approvals:update-policy', {
      refundApprovalThreshold: yuan(policy.refundApprovalThreshold),
      shiftRefundLimit: policy.shiftRefundLimit === null ? null : yuan(policy.shiftRefundLimit),
      cashRefundThreshold: yuan(policy.cashRefundThreshold),
      lineDiscountLimit: policy.lineDiscountLimit,
      blindClose: false
    })
    await api(page, 'shifts:open', { counts: {}, other: '322.50' })
    await useLanguage(page, language)
    const shiftOpen = async (): Promise<boolean> =>
      (await api<{ shift: unknown }>(page, 'shifts:current', {})).shift !== null
    await page.getByRole('navigation', { name: L.nav }).getByRole('button', { name: L.settlement }).click()
    await page.getByRole('button', { name: L.close }).click()
    const close = page.getByRole('dialog', { name: L.closeTitle })
    const box = (face: string) => close.getByLabel(`${L.notes} ${face}`, { exact: true })
    const closeButton = close.getByRole('button', { name: L.closeShift, exact: true })

    // 1. Every box blank: refused on press, beside the boxes; nothing is sent.
    await closeButton.click()
    await expect(close.getByTestId('count-blocker')).toHaveText(L.blank)
    await expect(close).toBeVisible()
    await expect(box('¥100')).toBeFocused()
    expect(await shiftOpen()).toBe(true)
    await snap(page, `close-count-blank-${tag}`)

    // A scanner burst into a blank box: the shift stays open.
    await box('¥20').click()
    await burst(page, '6901234567892')
    await expect(close).toBeVisible()
    expect(await shiftOpen()).toBe(true)

    // 2. A count that is off (¥300 of ¥322.50): asked in the same dialog, "Count again" focused.
    await box('¥100').fill('3')
    await closeButton.click()
    const off = close.getByTestId('count-off')
    await expect(off).toContainText(L.off)
    const again = close.getByRole('button', { name: L.countAgain })
    await expect(again).toBeFocused()
    await expect(close.getByRole('button', { name: L.closeAnyway })).toBeVisible()
    await snap(page, `close-count-off-${tag}`)
    // An Enter (a scanner's) lands on "Count again": back to the count, the shift open.
    await page.keyboard.press('Enter')
    await expect(off).toHaveCount(0)
    expect(await shiftOpen()).toBe(true)

    // Fast digits + Enter into a count box, with a count that is off: asked, never closed; and
    // a second Enter lands on "Count again", not "Close anyway".
    await box('¥20').click()
    await burst(page, '12')
    await expect(off).toBeVisible()
    await expect(again).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(off).toHaveCount(0)
    await expect(close).toBeVisible()
    expect(await shiftOpen()).toBe(true)
    await box('¥20').fill('')

    if (language === 'en') {
      // Closing anyway records the shortfall.
      await closeButton.click()
      await close.getByRole('button', { name: L.closeAnyway }).click()
    } else {
      // A count that matches closes at once, as before.
      await close.getByLabel(/其他现金/).fill('22.50')
      await expect(close.getByTestId('count-off')).toHaveCount(0)
      await closeButton.click()
    }
    await expect(page.getByRole('status').filter({ hasText: L.closed })).toBeVisible()
    expect(await shiftOpen()).toBe(false)
    await snap(page, `close-count-closed-${tag}`)
  })
}
