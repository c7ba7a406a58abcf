import { expect, snap, test } from './fixtures'
import { api, openShopAsOwner } from './helpers/api'

const AMY = { displayName: 'Amy', username: 'amy', role: 'cashier', password: 'amy-pass-12', pin: '2468' }

/**
 * A settled day's notice carries the Z-report's figures (net sales, the drawer's over/short). The
 * owner sees it; once the till goes over to a cashier the panel holds none of it, before and
 * after a reload (main never sends it to her, and the screen drops what it held).
 */
test("after the owner settles a day and the till switches to a cashier, her notifications hold none of the day's figures", async ({
  page,
  kassa
}) => {
  await page.setViewportSize({ width: 1024, height: 768 })
  await openShopAsOwner(page, kassa.url, { openShift: false })
  await api(page, 'preferences:update', { language: 'zh-CN' })
  const date = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10)
  await api(page, 'settlement:settle', { date })
  await api(page, 'users:create', AMY)
  await page.reload()

  // The owner: the settled day is there.
  await page.getByRole('button', { name: '通知，1 条未读' }).click()
  await expect(page.getByRole('region', { name: '通知' })).toContainText(date)
  await snap(page, 'notification-roles-owner-zh-CN')
  await page.keyboard.press('Escape')

  // Lock and switch to Amy by her PIN.
  await page.keyboard.press('Alt+l')
  await expect(page.getByRole('heading', { name: '收银台已锁定' })).toBeVisible()
  await page.getByRole('button', { name: '切换用户' }).click()
  await page.getByLabel('用户名').fill(AMY.username)
  for (const digit of AMY.pin) await page.getByRole('button', { name: `数字 ${digit}` }).click()
  await page.getByRole('button', { name: '切换', exact: true }).click()
  await expect(page.getByRole('group', { name: /Amy/ })).toBeVisible()

  for (const when of ['switched', 'reloaded']) {
    if (when === 'reloaded') await page.reload()
    const bell = page.getByRole('button', { name: '通知', exact: true })
    await expect(bell).toBeVisible()
    await bell.click()
    const panel = page.getByRole('region', { name: '通知' })
    await expect(panel).toContainText('暂无新通知')
    await expect(panel).not.toContainText(date)
    await expect(page.getByText(/已日结|净销售额|短款/)).toHaveCount(0)
    await snap(page, `notification-roles-cashier-${when}-zh-CN`)
    await page.keyboard.press('Escape')
  }
})
