import { expect, snap, test } from './fixtures'
import { api, openShopAsOwner } from './helpers/api'
import { burst, typeSlowly, useLanguage, DIAGONAL } from './helpers/counter'

// The cash in/out dialog checks its amount on press by the payment fields' rule (typed-amount.ts):
// "abc", "-5" or "1.234" is refused under the box, led by the field's name, and nothing is
// sent; typing clears it; a scanner's burst in the box is no amount and records nothing.

const W = {
  en: {
    settlement: 'Settlement',
    cashIn: 'Cash in',
    record: 'Record',
    amount: 'Amount (CNY)',
    reason: 'Reason',
    notADecimal: /^Amount: /,
    negative: 'Amount: must not be negative',
    decimals: /^Amount: .*2/
  },
  'zh-CN': {
    settlement: '结算',
    cashIn: '存入现金',
    record: '记录',
    amount: '金额（CNY）',
    reason: '原因',
    notADecimal: '金额：必须是数字，例如 "12.50"',
    negative: '金额：不能为负数',
    decimals: /^金额：.*2 位小数$/
  }
} as const

for (const { size, language } of DIAGONAL) {
  const tag = `${size.width}x${size.height}-${language}`
  const w = W[language]

  test(`cash in checks its amount on press, ${tag}`, async ({ page, kassa }) => {
    await page.setViewportSize(size)
    await openShopAsOwner(page, kassa.url)
    await useLanguage(page, language)
    const moves: string[] = []
    page.on('request', (request) => {
      if (request.url().includes('/api/call/shifts:cash-move')) moves.push(request.postData() ?? '')
    })
    await page.getByRole('navigation').getByRole('button', { name: w.settlement }).click()
    await page.getByRole('button', { name: w.cashIn }).click()
    const dialog = page.getByRole('dialog')
    const amount = dialog.getByLabel(w.amount)
    const record = dialog.getByRole('button', { name: w.record })
    const amountError = dialog
      .locator('.field')
      .filter({ has: page.getByLabel(w.amount) })
      .locator('.field__error')
    await dialog.getByLabel(w.reason).fill('change from the bank')

    for (const [typed, said] of [
      ['abc', w.notADecimal],
      ['-5', w.negative],
      ['1.234', w.decimals]
    ] as const) {
      await amount.fill(typed)
      await expect(amount).not.toHaveAttribute('aria-invalid', 'true')
      await record.click()
      await expect(amount).toHaveAttribute('aria-invalid', 'true')
      await expect(amountError).toHaveText(said)
    }
    await snap(page, `cash-move-amount-${tag}`)
    expect(moves).toEqual([])

    // Typing clears it until the next press.
    await amount.press('End')
    await amount.press('Backspace')
    await expect(amount).toHaveValue('1.23')
    await expect(amount).not.toHaveAttribute('aria-invalid', 'true')

    // A scanner's burst in the box: swallowed, the box keeps 1.23, nothing recorded.
    await amount.focus()
    await burst(page, '69012345')
    await expect(page.getByTestId('scan-refused')).toContainText('69012345')
    await expect(amount).toHaveValue('1.23')
    await expect(dialog).toBeVisible()
    expect(moves).toEqual([])

    // A person's 12.50 goes through, once, with the amount as typed.
    await amount.fill('')
    await amount.focus()
    await typeSlowly(page, '12.50')
    await record.click()
    await expect(dialog).toBeHidden()
    expect(moves).toHaveLength(1)
    expect(JSON.parse(moves[0]!)).toMatchObject({ direction: 'in', amount: '12.50' })
    const { shift } = await api<{ shift: { id: string } | null }>(page, 'shifts:current', {})
    expect(shift).not.toBeNull()
  })
}
