import { expect, type Page } from '@playwright/test'

/** The owner the first-run set-up creates in e2e tests. */
export const E2E_OWNER = {
  displayName: 'Owner Wang',
  username: 'owner',
  password: 'owner-pass-1',
  pin: '1234'
}

/** Labels in either interface language, so helpers work whatever language a test is in. */
const L = {
  displayName: /^(Display name|显示名称)$/,
  username: /^(Username|用户名)$/,
  password: /^(Password|密码)$/,
  confirm: /^(Repeat the password|再次输入密码)$/,
  pin: /^(PIN|PIN 码)$/,
  finish: /^(Finish set-up|完成设置)$/,
  login: /^(Log in|登录)$/,
  logout: /^(Log out|退出登录)$/,
  nav: /^(Main navigation|主导航)$/
}

/** Completes the first-run set-up (demo store profile, owner `E2E_OWNER`) and waits for the till. */
export async function completeSetup(page: Page, owner = E2E_OWNER): Promise<void> {
  await page.getByLabel(L.displayName).fill(owner.displayName)
  await page.getByLabel(L.username).fill(owner.username)
  await page.getByLabel(L.password).fill(owner.password)
  await page.getByLabel(L.confirm).fill(owner.password)
  await page.getByLabel(L.pin).fill(owner.pin)
  await page.getByRole('button', { name: L.finish }).click()
  await expect(page.getByRole('navigation', { name: L.nav })).toBeVisible()
}

/** Logs in on the login screen. */
export async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel(L.username).fill(username)
  await page.getByLabel(L.password).fill(password)
  await page.getByRole('button', { name: L.login }).click()
  await expect(page.getByRole('navigation', { name: L.nav })).toBeVisible()
}

export async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: L.logout }).click()
  await expect(page.getByRole('button', { name: L.login })).toBeVisible()
}
