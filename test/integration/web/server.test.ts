import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startWebServer, type WebServer } from '../../../src/main/web/server'
import { signInOwner } from '../../support/accounts'
import { createTestCore } from '../../support/core'
import { tempDir } from '../../support/temp-dir'

const servers: WebServer[] = []
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close()
})

async function start() {
  const test = await createTestCore()
  const rendererDir = tempDir()
  mkdirSync(join(rendererDir, 'assets'))
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<!doctype html><html><head><title>Kassa</title></head><body></body></html>'
  )
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  const server = await startWebServer({ core: test.core, rendererDir, port: 0 })
  servers.push(server)
  return { ...test, server }
}

async function openPage(url: string): Promise<string> {
  const html = await (await fetch(url)).text()
  const token = /name="kassa-session" content="([^"]+)"/.exec(html)?.[1]
  if (!token) throw new Error('no session token in the page')
  return token
}

function callApi(url: string, channel: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${url}api/call/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body)
  })
}

describe('web mode server', () => {
  it('listens on 127.0.0.1 only', async () => {
    const { server } = await start()
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
  })

  it('gives every page load its own session token and answers API calls that carry one', async () => {
    const { server, core } = await start()
    const a = await openPage(server.url)
    const b = await openPage(server.url)
    expect(a).not.toBe(b)
    await signInOwner(core, a)
    const response = await callApi(server.url, 'settings:get', {}, { 'X-Kassa-Session': a })
    expect(await response.json()).toMatchObject({ ok: true, value: { currency: 'CNY' } })
  })

  it('refuses API calls without a live token', async () => {
    const { server } = await start()
    const missing = await callApi(server.url, 'settings:get', {})
    expect(missing.status).toBe(401)
    expect(await missing.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    const forged = await callApi(server.url, 'settings:get', {}, { 'X-Kassa-Session': 'forged' })
    expect(forged.status).toBe(401)
  })

  it('refuses foreign origins and host names (DNS rebinding)', async () => {
    const { server } = await start()
    const token = await openPage(server.url)
    const foreign = await callApi(
      server.url,
      'settings:get',
      {},
      { 'X-Kassa-Session': token, Origin: 'http://evil.example' }
    )
    expect(foreign.status).toBe(403)
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${server.url}api/call/settings:get`, {
        method: 'POST',
        headers: { Host: 'evil.example', 'X-Kassa-Session': token }
      })
      req.on('response', (res) => resolve(res.statusCode ?? 0))
      req.on('error', reject)
      req.end('{}')
    })
    expect(status).toBe(403)
  })

  it('answers bad JSON with VALIDATION and serves static files with a CSP, never outside the renderer dir', async () => {
    const { server } = await start()
    const token = await openPage(server.url)
    const bad = await fetch(`${server.url}api/call/settings:get`, {
      method: 'POST',
      headers: { 'X-Kassa-Session': token },
      body: '{not json'
    })
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    const asset = await fetch(`${server.url}assets/app.js`)
    expect(asset.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(await asset.text()).toBe('console.log(1)')
    const escape = await fetch(`${server.url}..%2f..%2fetc%2fpasswd`)
    expect(escape.status).toBe(404)
    expect(await escape.text()).not.toContain('root:')
  })

  it('streams contract events to the page over server-sent events', async () => {
    const { server, core } = await start()
    const token = await openPage(server.url)
    await signInOwner(core, token)
    const controller = new AbortController()
    const stream = await fetch(`${server.url}api/events?session=${token}`, { signal: controller.signal })
    const reader = stream.body!.getReader()
    await reader.read() // ": connected"
    const profile = {
      storeName: 'Night Market',
      currency: 'CNY',
      locale: 'zh-CN',
      rounding: 'half-up',
      taxMode: 'inclusive',
      cashIncrement: null
    }
    await callApi(server.url, 'settings:update', profile, { 'X-Kassa-Session': token })
    let text = ''
    while (!text.includes('\n\n')) text += new TextDecoder().decode((await reader.read()).value)
    expect(text).toContain('event: settings:changed')
    expect(text).toContain('"storeName":"Night Market"')
    controller.abort()
  })
})
