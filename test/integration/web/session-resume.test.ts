import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startWebServer, type WebServer } from '../../../src/main/web/server'
import { signInOwner } from '../../support/accounts'
import { createTestCore } from '../../support/core'
import { tempDir } from '../../support/temp-dir'

// Issue 10: reloading web mode must not log the cashier out, and must not make an old
// token a way in: the fresh page's session takes over, and the old one dies.

const servers: WebServer[] = []
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close()
})

async function start() {
  const test = await createTestCore()
  const rendererDir = tempDir()
  mkdirSync(join(rendererDir, 'assets'))
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>')
  const server = await startWebServer({ core: test.core, rendererDir, port: 0 })
  servers.push(server)
  return { ...test, server }
}

async function openPage(url: string): Promise<string> {
  const html = await (await fetch(url)).text()
  return /name="kassa-session" content="([^"]+)"/.exec(html)![1]!
}

const status = async (url: string, token: string) =>
  (await (
    await fetch(`${url}api/call/auth:status`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Kassa-Session': token },
      body: '{}'
    })
  ).json()) as { ok: boolean; value?: { state: string }; error?: { code: string } }

const resume = (url: string, token: string, previous: unknown) =>
  fetch(`${url}api/session/resume`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Kassa-Session': token },
    body: JSON.stringify({ previous })
  })

describe('web mode: a reload keeps the sign-in', () => {
  it('hands the previous page’s sign-in to the reloaded page and kills the old token', async () => {
    const { core, server } = await start()
    const first = await openPage(server.url)
    await signInOwner(core, first)
    expect((await status(server.url, first)).value?.state).toBe('active')

    const second = await openPage(server.url)
    expect((await status(server.url, second)).value?.state).toBe('signed-out')
    const answer = (await (await resume(server.url, second, first)).json()) as { value: { resumed: boolean } }
    expect(answer.value.resumed).toBe(true)
    expect((await status(server.url, second)).value?.state).toBe('active')
    expect((await status(server.url, first)).error?.code).toBe('UNAUTHENTICATED')

    // The old token is spent: a third page cannot take the sign-in with it.
    const third = await openPage(server.url)
    const again = (await (await resume(server.url, third, first)).json()) as { value: { resumed: boolean } }
    expect(again.value.resumed).toBe(false)
    expect((await status(server.url, third)).value?.state).toBe('signed-out')
  })

  it('refuses without a live fresh token, and never overwrites a page that is signed in', async () => {
    const { core, server } = await start()
    const first = await openPage(server.url)
    await signInOwner(core, first)
    expect((await resume(server.url, 'made-up', first)).status).toBe(401)
    const other = await openPage(server.url)
    await signInOwner(core, other)
    const answer = (await (await resume(server.url, other, first)).json()) as { value: { resumed: boolean } }
    expect(answer.value.resumed).toBe(false)
    expect((await status(server.url, first)).value?.state).toBe('active')
  })

  it('keeps a locked till locked across the reload', async () => {
    const { core, server } = await start()
    const first = await openPage(server.url)
    await signInOwner(core, first)
    await core.router.dispatch('auth:lock', {}, { sessionId: first })
    const second = await openPage(server.url)
    await resume(server.url, second, first)
    expect((await status(server.url, second)).value?.state).toBe('locked')
  })
})
