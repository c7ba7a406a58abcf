import type { Page } from '@playwright/test'

/**
 * Calls the app's own API from inside the page, with the page's session token — the same
 * path the renderer uses. For arranging a test (a coupon to apply), never for the step
 * under test.
 */
export async function api<T = unknown>(page: Page, channel: string, input: unknown): Promise<T> {
  const result = await page.evaluate(
    async ({ channel, input }) => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="kassa-session"]')!.content
      const response = await fetch(`/api/call/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Kassa-Session': token },
        body: JSON.stringify(input)
      })
      return (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } }
    },
    { channel, input }
  )
  if (!result.ok) throw new Error(`${channel}: ${result.error?.message}`)
  return result.value as T
}

export const OWNER = { displayName: 'Owner Wang', username: 'owner', password: 'owner-pass-1', pin: '1234' }

/**
 * A shop past first-run set-up, in English, with the owner logged in through the login
 * screen and a shift open on the till (a till sells only with one; pass `openShift: false`
 * to start without). Set-up itself has its own test (accounts.spec.ts).
 */
export async function openShopAsOwner(
  page: Page,
  url: string,
  options: { openShift?: boolean } = {}
): Promise<void> {
  await page.goto(url)
  const status = await api<{ setupRequired: boolean; setupProfile: unknown }>(page, 'auth:status', {})
  if (status.setupRequired) await api(page, 'auth:setup', { profile: status.setupProfile, owner: OWNER })
  await api(page, 'preferences:update', { language: 'en' })
  // Open the shift before the reload when this page is signed in already (set-up signs the
  // owner in): the reloaded screens then load it, with no event to miss.
  if (options.openShift !== false) {
    const current = await api<{ shift: unknown }>(page, 'shifts:current', {}).catch(() => null)
    if (current && !current.shift) await api(page, 'shifts:open', { counts: {} })
  }
  await page.reload()
  // A reload keeps this tab's sign-in (web mode resumes its session); log in only if asked.
  const nav = page.getByRole('navigation', { name: 'Main navigation' })
  const username = page.getByLabel('Username')
  await nav.or(username).first().waitFor()
  if (await username.isVisible()) {
    await username.fill(OWNER.username)
    await page.getByLabel('Password').fill(OWNER.password)
    await page.getByRole('button', { name: 'Log in' }).click()
  }
  await nav.waitFor()
  if (options.openShift !== false) {
    const current = await api<{ shift: unknown }>(page, 'shifts:current', {})
    if (!current.shift) {
      await api(page, 'shifts:open', { counts: {} })
      await page.reload()
    }
    await page.getByRole('button', { name: /^Shift T01-S\d+ open$/ }).waitFor()
  }
  // The Sell screen is ready for a scanner once its scan bar is there (its cart has loaded).
  await page.locator('#scan-input').waitFor({ state: 'attached' })
}
