import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startWebServer, type WebServer } from '../../../src/main/web/server'
import { STAFF, addStaff, callOk, openTestCore, setupOwner, type TestCore } from '../../support/accounts'
import { tempDir } from '../../support/temp-dir'

// Issue 11, item 4 and "keep the attacks": what a hostile page in the till's browser can
// send to web mode — images, frames, simple POSTs, rebinding — probed over real HTTP.

const servers: WebServer[] = []
const cores: TestCore[] = []
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close()
  for (const t of cores.splice(0)) t.close()
})

async function start(maxSessions = 64) {
  const t = await openTestCore()
  cores.push(t)
  const rendererDir = tempDir()
  mkdirSync(join(rendererDir, 'assets'))
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<!doctype html><html><head><title>Kassa</title></head></html>'
  )
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  const server = await startWebServer({ core: t.core, rendererDir, port: 0, maxSessions })
  servers.push(server)
  return { t, core: t.core, server }
}

interface Raw {
  status: number
  body: string
}

/** A request with any headers (fetch will not set Host or Sec-Fetch-*), as a browser would send. */
function raw(
  server: WebServer,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {}
): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers ?? {}
      },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      }
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

async function openPage(server: WebServer): Promise<string> {
  const page = await raw(server, '/', { headers: { 'Sec-Fetch-Dest': 'document', 'Sec-Fetch-Site': 'none' } })
  const token = /name="kassa-session" content="([^"]+)"/.exec(page.body)?.[1]
  if (!token) throw new Error(`no session token in the page (${page.status})`)
  return token
}

/** Reads the event stream of `token` until `until` appears or `ms` pass. */
async function readEvents(server: WebServer, token: string, act: () => Promise<void>, ms = 400) {
  const controller = new AbortController()
  const response = await fetch(`${server.url}api/events?session=${token}`, { signal: controller.signal })
  const reader = response.body!.getReader()
  await reader.read() // ": connected"
  await act()
  let text = ''
  const deadline = new Promise<void>((resolve) => setTimeout(resolve, ms))
  const reading = (async () => {
    for (;;) {
      const chunk = await reader.read()
      if (chunk.done) return
      text += new TextDecoder().decode(chunk.value)
    }
  })().catch(() => undefined)
  await Promise.race([deadline, reading])
  controller.abort()
  return text
}

describe('web mode against a hostile page', () => {
  it('answers unknown paths and traversal with 404, opening no session', async () => {
    const { core, server } = await start()
    const before = core.sessions.all().length
    for (const path of [
      '/orders',
      '/favicon.ico',
      '/..%2f..%2fetc%2fpasswd',
      '/assets/../../package.json',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/api/nope'
    ]) {
      const response = await raw(server, path)
      expect(response.status, path).toBe(404)
      expect(response.body).not.toContain('kassa-session')
    }
    expect(core.sessions.all().length).toBe(before)
  })

  it('a cross-site image flood cannot open sessions nor evict the signed-in cashier', async () => {
    const { core, server } = await start(8)
    const owner = await setupOwner(core)
    await addStaff(core, owner)
    const cashier = await openPage(server)
    await callOk(core, cashier, 'auth:login', { username: 'cashier', password: STAFF.cashier.password })
    const images = await Promise.all(
      Array.from({ length: 70 }, () =>
        raw(server, '/', {
          headers: { 'Sec-Fetch-Dest': 'image', 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'no-cors' }
        })
      )
    )
    expect(images.every((r) => r.status === 403 && !r.body.includes('kassa-session'))).toBe(true)
    const frames = await raw(server, '/', {
      headers: { 'Sec-Fetch-Dest': 'iframe', 'Sec-Fetch-Site': 'cross-site' }
    })
    expect(frames.status).toBe(403)
    const link = await raw(server, '/', {
      headers: { 'Sec-Fetch-Dest': 'document', 'Sec-Fetch-Site': 'cross-site' }
    })
    expect(link.status).toBe(403)
    // Even page loads that do get a session (no metadata) push out signed-out pages first.
    for (let i = 0; i < 70; i++) await openPage(server)
    expect((await callOk(core, cashier, 'auth:status', {})).user?.username).toBe('cashier')
  })

  it('sends events only to signed-in sessions, and only what their role may see', async () => {
    const { core, server } = await start()
    const owner = await setupOwner(core)
    await addStaff(core, owner)
    const signedOut = await openPage(server)
    const cashier = await openPage(server)
    await callOk(core, cashier, 'auth:login', { username: 'cashier', password: STAFF.cashier.password })
    const ownerPage = await openPage(server)
    await callOk(core, ownerPage, 'auth:login', { username: 'owner', password: 'owner-pass-1' })

    const emit = async (): Promise<void> => {
      core.events.emit('catalog:import-progress', { importId: 'imp-1', done: 1, total: 2 })
      const profile = await callOk(core, ownerPage, 'settings:get', {})
      await callOk(core, ownerPage, 'settings:update', { ...profile, storeName: 'Secret Store Name' })
    }
    const [outText, cashierText, ownerText] = await Promise.all([
      readEvents(server, signedOut, async () => {}),
      readEvents(server, cashier, async () => {}),
      readEvents(server, ownerPage, emit)
    ])
    expect(outText).not.toContain('event:')
    expect(outText).not.toContain('Secret Store Name')
    expect(cashierText).toContain('event: settings:changed')
    expect(cashierText).not.toContain('catalog:import-progress')
    expect(ownerText).toContain('event: catalog:import-progress')
    expect(ownerText).toContain('Secret Store Name')

    await callOk(core, cashier, 'auth:lock', {})
    const lockedText = await readEvents(server, cashier, async () => {
      core.events.emit('settings:changed', await callOk(core, ownerPage, 'settings:get', {}))
    })
    expect(lockedText).not.toContain('event:')
  })

  it('the public login over HTTP: 64 concurrent wrong passwords, then the right one, is refused', async () => {
    const { core, server } = await start(128)
    const owner = await setupOwner(core)
    await addStaff(core, owner)
    const pages = await Promise.all(Array.from({ length: 64 }, () => openPage(server)))
    const post = (token: string, password: string) =>
      fetch(`${server.url}api/call/auth:login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Kassa-Session': token },
        body: JSON.stringify({ username: 'manager', password })
      }).then((r) => r.json() as Promise<{ ok: boolean }>)
    const answers = await Promise.all(pages.map((token, i) => post(token, `wrong-guess-${i}`)))
    expect(answers.every((a) => !a.ok)).toBe(true)
    expect(await post(await openPage(server), STAFF.manager.password)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' }
    })
  })

  it('refuses a cross-site simple POST, a forged token, a foreign Host and a rebinding Origin', async () => {
    const { core, server } = await start()
    const owner = await openPage(server)
    await setupOwner(core, owner)
    const host = `127.0.0.1:${server.port}`
    const before = await callOk(core, owner, 'settings:get', {})
    const body = JSON.stringify({ ...before, storeName: 'Pwned' })
    const textPlain = await raw(server, '/api/call/settings:update', {
      method: 'POST',
      headers: { Host: host, Origin: 'https://evil.example', 'Content-Type': 'text/plain' },
      body
    })
    expect(textPlain.status).toBe(403)
    // Even with a stolen-looking token, a foreign origin is refused before the token is read.
    const withToken = await raw(server, '/api/call/settings:update', {
      method: 'POST',
      headers: {
        Host: host,
        Origin: 'https://evil.example',
        'Content-Type': 'text/plain',
        'X-Kassa-Session': owner
      },
      body
    })
    expect(withToken.status).toBe(403)
    const forged = await raw(server, '/api/call/settings:update', {
      method: 'POST',
      headers: { Host: host, 'X-Kassa-Session': 'A'.repeat(43) },
      body
    })
    expect(forged.status).toBe(401)
    const rebound = await raw(server, '/api/call/settings:update', {
      method: 'POST',
      headers: { Host: `evil.example:${server.port}`, 'X-Kassa-Session': owner },
      body
    })
    expect(rebound.status).toBe(403)
    const reboundPage = await raw(server, '/', { headers: { Host: `evil.example:${server.port}` } })
    expect(reboundPage.status).toBe(403)
    const nullOrigin = await raw(server, '/api/call/settings:update', {
      method: 'POST',
      headers: { Host: host, Origin: 'null', 'X-Kassa-Session': owner },
      body
    })
    expect(nullOrigin.status).toBe(403)
    const events = await raw(server, `/api/events?session=${owner}`, {
      headers: { Host: `evil.example:${server.port}` }
    })
    expect(events.status).toBe(403)
    expect((await callOk(core, owner, 'settings:get', {})).storeName).toBe(before.storeName)
  })
})
