import { request } from 'node:http'
import { describe, expect, it } from 'vitest'
import { createPaymentsRuntime } from '../../../src/main/services/payments/payments-runtime'
import { silentLogger } from '../../../src/main/core/logger'
import { startPayments, tradeNo } from '../payments/payments-fixture'
import { tempDir } from '../../support/temp-dir'

// Issue 11, item 5: a text/plain POST from another site approved a pending Alipay trade
// through the sandbox's customer-device API, and a foreign Host (DNS rebinding) was answered.

function raw(
  url: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {}
): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const req = request(
      { host: hostname, port, path, method: options.method ?? 'GET', headers: options.headers ?? {} },
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

async function pendingTrade() {
  const f = await startPayments({ defaultScenario: { customer: 'manual' } })
  const no = tradeNo()
  await f.providers.alipay.create({
    tradeNo: no,
    amount: 36000,
    currency: 'CNY',
    subject: 'x',
    flow: 'merchant_qr'
  })
  const host = new URL(f.gateway.url).host
  return { f, no, host }
}

describe('the sandbox control API against a hostile page', () => {
  it('refuses a cross-site text/plain POST, with or without a guessed trade number', async () => {
    const { f, no, host } = await pendingTrade()
    const attack = await raw(f.gateway.url, `/sandbox/v1/trades/alipay/${no}/approve`, {
      method: 'POST',
      headers: {
        Host: host,
        Origin: 'https://evil.example',
        'Content-Type': 'text/plain',
        'Sec-Fetch-Site': 'cross-site'
      },
      body: '{}'
    })
    expect(attack.status).toBe(403)
    // No Origin (a stripped or privacy-mode request) still lacks the run's secret.
    const noOrigin = await raw(f.gateway.url, `/sandbox/v1/trades/alipay/${no}/approve`, {
      method: 'POST',
      headers: { Host: host, 'Content-Type': 'text/plain' },
      body: '{}'
    })
    expect(noOrigin.status).toBe(401)
    const wrongSecret = await raw(f.gateway.url, `/sandbox/v1/trades/alipay/${no}/approve`, {
      method: 'POST',
      headers: { Host: host, 'X-Sandbox-Control': 'guess' }
    })
    expect(wrongSecret.status).toBe(401)
    const scenario = await raw(f.gateway.url, `/sandbox/v1/scenarios/${no}-2`, {
      method: 'PUT',
      headers: { Host: host, 'Content-Type': 'text/plain' },
      body: '{"customer":"pay"}'
    })
    expect(scenario.status).toBe(401)
    expect((await f.providers.alipay.query(no)).status).not.toBe('succeeded')
    // The till's own call, with the secret, still works.
    expect((await f.control('POST', `/trades/alipay/${no}/approve`)).status).toBe(200)
    expect((await f.providers.alipay.query(no)).status).toBe('succeeded')
  })

  it('refuses a foreign Host (DNS rebinding) on every path, even with the secret', async () => {
    const { f, no } = await pendingTrade()
    const port = new URL(f.gateway.url).port
    for (const path of [
      `/sandbox/v1/trades/alipay/${no}/approve`,
      '/sandbox/v1/trades?open=1',
      '/gateway.do'
    ]) {
      const rebound = await raw(f.gateway.url, path, {
        method: 'POST',
        headers: { Host: `evil.example:${port}`, 'X-Sandbox-Control': f.gateway.controlSecret }
      })
      expect(rebound.status, path).toBe(403)
    }
    const listed = await raw(f.gateway.url, '/sandbox/v1/trades?open=1', {
      headers: { Host: `evil.example:${port}` }
    })
    expect(listed.body).not.toContain(no)
    expect((await f.providers.alipay.query(no)).status).not.toBe('succeeded')
  })

  it('is bound to loopback, and has no customer device outside sandbox mode', async () => {
    const { f } = await pendingTrade()
    expect(new URL(f.gateway.url).hostname).toBe('127.0.0.1')
    const off = createPaymentsRuntime({
      dataDir: tempDir(),
      mode: 'off',
      logger: silentLogger
    })
    await expect(off.sandboxRequest('POST', '/trades/alipay/X/approve', {})).rejects.toThrow(/sandbox/)
    await off.close()
  })
})
