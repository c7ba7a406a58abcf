import { snap } from './fixtures'
import { expect, OWNER, setUpOwner, test } from './helpers/hq'

const SIZES = [
  { name: '1024', width: 1024, height: 768 },
  { name: '1366', width: 1366, height: 860 }
] as const

test('the owner unlocks a locked-out manager, moves their store, sets a new password, deactivates and reactivates them', async ({
  page,
  hq
}) => {
  await page.setViewportSize({ width: 1024, height: 768 })
  await setUpOwner(page, hq, 'en')
  for (const store of ['North', 'South']) {
    await page.getByRole('link', { name: 'Stores & tills' }).click()
    await page.getByRole('button', { name: 'New store' }).click()
    const create = page.getByRole('dialog', { name: 'Create a store' })
    await create.getByLabel('Store name').fill(store)
    await create.getByRole('button', { name: 'Create store' }).click()
    await expect(create).toBeHidden()
  }
  // The owner moves North to another zone (published to its tills); a zone no one knows is refused.
  await page.getByRole('button', { name: 'Change the time zone of North' }).click()
  const zone = page.getByRole('dialog', { name: 'Time zone of North' })
  await zone.getByLabel('Time zone').fill('Mars/Olympus')
  await zone.getByRole('button', { name: 'Publish the time zone' }).click()
  await expect(zone.getByLabel('Time zone')).toHaveAttribute('aria-invalid', 'true')
  await expect(zone).toContainText('Asia/Shanghai')
  await snap(page, 'hq-store-zone-1024-en')
  await zone.getByLabel('Time zone').fill('Asia/Kathmandu')
  await zone.getByRole('button', { name: 'Publish the time zone' }).click()
  await expect(zone).toBeHidden()
  await expect(page.getByRole('article', { name: 'North' })).toContainText('Asia/Kathmandu')
  await page.getByRole('button', { name: '中文' }).click()
  await page.getByRole('button', { name: '更改 North 的时区' }).click()
  await snap(page, 'hq-store-zone-1024-zh-CN')
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: 'English' }).click()

  await page.getByRole('link', { name: 'Users' }).click()
  await page.getByRole('button', { name: 'New user' }).click()
  const add = page.getByRole('dialog', { name: 'Add a user' })
  await add.getByLabel('Name').fill('Mia')
  await add.getByLabel('Password').fill('manager-pass-0815')
  await add.getByLabel('Role').selectOption('manager')
  await add.getByRole('checkbox', { name: 'North' }).check()
  await add.getByRole('button', { name: 'Add user' }).click()
  await expect(add).toBeHidden()

  // Five wrong passwords lock Mia out (another browser, as Mia would be).
  for (let i = 0; i < 5; i++)
    await page.request.post(`${hq.url}api/v1/auth/login`, {
      headers: { 'x-kassa-hq': '1', origin: hq.url.replace(/\/$/, '') },
      data: { name: 'Mia', password: `wrong-guess-${i}` }
    })
  await page.reload()
  const row = page.getByRole('row', { name: /Mia/ })
  await expect(row).toContainText('Locked out')

  // The edit dialog at both sizes, in both languages (the language is switched outside the dialog).
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height })
    for (const language of ['zh-CN', 'en'] as const) {
      await page.getByRole('button', { name: language === 'en' ? 'English' : '中文' }).click()
      await row.getByRole('button', { name: language === 'en' ? 'Edit Mia' : '编辑 Mia' }).click()
      await expect(page.getByRole('dialog')).toBeVisible()
      await snap(page, `hq-user-edit-${size.name}-${language}`)
      await page.keyboard.press('Escape')
      await expect(page.getByRole('dialog')).toBeHidden()
    }
  }
  await row.getByRole('button', { name: 'Edit Mia' }).click()
  const edit = page.getByRole('dialog', { name: 'Edit user Mia' })
  await edit.getByRole('button', { name: 'Unlock' }).click()
  await expect(edit).toContainText('Unlocked')
  await expect(row).not.toContainText('Locked out')

  await edit.getByRole('checkbox', { name: 'North' }).uncheck()
  await edit.getByRole('checkbox', { name: 'South' }).check()
  await edit.getByRole('button', { name: 'Save role and stores' }).click()
  await expect(edit).toContainText('Role and stores saved.')
  await expect(row).toContainText('South')
  await expect(row).not.toContainText('North')

  await edit.getByLabel('New password').fill('short')
  await edit.getByRole('button', { name: 'Set new password' }).click()
  await expect(edit.getByLabel('New password')).toHaveAttribute('aria-invalid', 'true')
  await edit.getByLabel('New password').fill('a-fresh-password-2718')
  await edit.getByRole('button', { name: 'Set new password' }).click()
  await expect(edit).toContainText('New password set')

  // Deactivated, not deleted: Mia stays listed (the audit trail names her) and cannot sign in.
  await edit.getByRole('button', { name: 'Deactivate user…' }).click()
  await edit.getByRole('button', { name: 'Really deactivate Mia' }).click()
  await expect(edit.getByTestId('user-access')).toContainText('Deactivated on')
  await expect(row).toContainText('Deactivated')
  const login = (password: string) =>
    page.request.post(`${hq.url}api/v1/auth/login`, {
      headers: { 'x-kassa-hq': '1', origin: hq.url.replace(/\/$/, '') },
      data: { name: 'Mia', password }
    })
  const refused = await login('a-fresh-password-2718')
  expect(refused.status()).toBe(401)
  expect((await refused.json()).error.key).toBe('errors.hq.auth.deactivated')
  // The dialog and the list, at both sizes in both languages (switched with the dialog closed).
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height })
    for (const language of ['zh-CN', 'en'] as const) {
      if (await page.getByRole('dialog').isVisible()) await page.keyboard.press('Escape')
      await page.getByRole('button', { name: language === 'en' ? 'English' : '中文' }).click()
      await expect(row).toContainText(language === 'en' ? 'Deactivated' : '已停用')
      await snap(page, `hq-users-deactivated-${size.name}-${language}`)
      await row.getByRole('button', { name: language === 'en' ? 'Edit Mia' : '编辑 Mia' }).click()
      await snap(page, `hq-user-deactivated-${size.name}-${language}`)
    }
  }
  await page.setViewportSize({ width: 1024, height: 768 })
  await edit.getByRole('button', { name: 'Reactivate' }).click()
  await expect(edit).toContainText('Reactivated')
  await expect(row).not.toContainText('Deactivated')
  // (Signing Mia in here would replace the owner's cookie in this browser: the API test covers it.)
  await page.keyboard.press('Escape')
  await expect(edit).toBeHidden()

  // The owner cannot demote the last owner: the refusal names the role.
  await page.getByRole('row', { name: /Olga/ }).getByRole('button', { name: 'Edit Olga' }).click()
  const self = page.getByRole('dialog', { name: 'Edit user Olga' })
  await self.getByLabel('Role', { exact: true }).selectOption('auditor')
  await self.getByRole('button', { name: 'Save role and stores' }).click()
  await expect(self).toContainText('the head office needs at least one owner')
  await snap(page, 'hq-user-last-owner-1366-en')

  await self.getByRole('button', { name: 'Close' }).click()

  // Signed out in another tab: this tab's next request says so — not "after a while without use".
  const other = await page.context().newPage()
  await other.goto(hq.url)
  await other.getByRole('button', { name: 'Sign out' }).click()
  await expect(other.getByRole('heading', { name: 'Sign in to the head office' })).toBeVisible()
  await page.getByRole('link', { name: 'Dashboard' }).click()
  await expect(
    page.getByText('You were signed out (in another tab, or your password was changed)')
  ).toBeVisible()
  await expect(page.getByText('after a while without use')).toHaveCount(0)
  await snap(page, 'hq-signed-out-elsewhere-1366-en')
  // The page stays: a sign-in dialog over it, for the same person; the screen carries on after it.
  const again = page.getByRole('dialog', { name: 'Sign in again' })
  await again.getByLabel('Password').fill(OWNER.password)
  await again.getByRole('button', { name: 'Sign in' }).click()
  await expect(again).toBeHidden()
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible()

  // A form's typed data outlives the session: the save meets the ended session, the person signs
  // in over the form, and the save goes through with what was typed.
  await page.getByRole('link', { name: 'Users' }).click()
  await page.getByRole('button', { name: 'New user' }).click()
  const form = page.getByRole('dialog', { name: 'Add a user' })
  await form.getByLabel('Name').fill('Lena')
  await form.getByLabel('Password').fill('auditor-pass-3141')
  await form.getByLabel('Role').selectOption('auditor')
  await other.getByLabel('Name').fill(OWNER.name)
  await other.getByLabel('Password').fill(OWNER.password)
  await other.getByRole('button', { name: 'Sign in' }).click()
  await other.getByRole('button', { name: 'Sign out' }).click()
  await expect(other.getByRole('heading', { name: 'Sign in to the head office' })).toBeVisible()
  await form.getByRole('button', { name: 'Add user' }).click()
  await expect(again).toBeVisible()
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height })
    for (const language of ['zh-CN', 'en'] as const) {
      // The switch is behind the modal dialog: pressed from the page's script.
      await page.evaluate(
        (label) => {
          const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === label)
          button?.click()
        },
        language === 'en' ? 'English' : '中文'
      )
      await expect(
        page.getByRole('dialog', { name: language === 'en' ? 'Sign in again' : '重新登录' })
      ).toBeVisible()
      await snap(page, `hq-reauth-over-form-${size.name}-${language}`)
    }
  }
  await again.getByLabel('Password').fill(OWNER.password)
  await again.getByRole('button', { name: 'Sign in' }).click()
  await expect(form).toBeHidden()
  await expect(page.getByRole('row', { name: /Lena/ })).toContainText('Auditor')
})

test('a new user’s wrong fields are shown together; a deactivated user’s open page says so in its own words', async ({
  page,
  browser,
  hq
}) => {
  await page.setViewportSize({ width: 1024, height: 768 })
  await setUpOwner(page, hq, 'en')
  await page.getByRole('link', { name: 'Users' }).click()

  // A blank name and a short password: both marked on the first save, in either language.
  for (const language of ['zh-CN', 'en'] as const) {
    const en = language === 'en'
    await page.getByRole('button', { name: en ? 'English' : '中文' }).click()
    await page.getByRole('button', { name: en ? 'New user' : '新建用户' }).click()
    const add = page.getByRole('dialog', { name: en ? 'Add a user' : '添加用户' })
    await add.getByLabel(en ? 'Name' : '用户名').fill('   ')
    await add.getByLabel(en ? 'Password' : '密码').fill('short')
    await add.getByRole('button', { name: en ? 'Add user' : '添加用户' }).click()
    await expect(add.getByLabel(en ? 'Name' : '用户名')).toHaveAttribute('aria-invalid', 'true')
    await expect(add.getByLabel(en ? 'Password' : '密码')).toHaveAttribute('aria-invalid', 'true')
    await snap(page, `hq-user-add-all-errors-1024-${language}`)
    await page.keyboard.press('Escape')
    await expect(add).toBeHidden()
  }

  await page.getByRole('button', { name: 'New user' }).click()
  const add = page.getByRole('dialog', { name: 'Add a user' })
  await add.getByLabel('Name').fill('Ada')
  await add.getByLabel('Password').fill('auditor-pass-2718')
  await add.getByLabel('Role').selectOption('auditor')
  await add.getByRole('button', { name: 'Add user' }).click()
  await expect(add).toBeHidden()

  // Ada signs in in her own browser; the owner deactivates her; her next step is told why.
  const adas = await browser.newContext()
  const ada = await adas.newPage()
  await ada.setViewportSize({ width: 1024, height: 768 })
  await ada.goto(hq.url)
  await ada.getByRole('button', { name: 'English' }).click()
  await ada.getByLabel('Name').fill('Ada')
  await ada.getByLabel('Password').fill('auditor-pass-2718')
  await ada.getByRole('button', { name: 'Sign in' }).click()
  await expect(ada.getByRole('navigation', { name: 'Head office' })).toBeVisible()

  await page.getByRole('row', { name: /Ada/ }).getByRole('button', { name: 'Edit Ada' }).click()
  const edit = page.getByRole('dialog', { name: 'Edit user Ada' })
  await edit.getByRole('button', { name: 'Deactivate user…' }).click()
  await edit.getByRole('button', { name: 'Really deactivate Ada' }).click()
  await expect(edit.getByTestId('user-access')).toContainText('Deactivated on')

  await ada.getByRole('link', { name: 'Dashboard' }).click()
  const again = ada.getByRole('dialog', { name: 'Sign in again' })
  await expect(again).toContainText('This account has been deactivated; ask the owner.')
  await expect(again).not.toContainText('another tab')
  await snap(ada, 'hq-reauth-deactivated-1024-en')
  await ada.evaluate(() => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === '中文')
    button?.click()
  })
  await expect(ada.getByRole('dialog', { name: '重新登录' })).toContainText('该账户已停用，请联系店主。')
  await snap(ada, 'hq-reauth-deactivated-1024-zh-CN')
  await adas.close()
})
