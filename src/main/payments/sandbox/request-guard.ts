import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export const CONTROL_SECRET_HEADER = 'x-sandbox-control'

/**
 * The sandbox gateway listens on loopback, where any web page the till's browser opens can
 * reach it: a text/plain POST from another site once approved a pending Alipay trade, and
 * DNS rebinding makes a foreign name point here. So, as web mode does: only loopback peers,
 * only our own Host, no browser Origin at all (the till's main process and the providers'
 * SDKs send none), and the control API (`/sandbox/v1/…`, except `health`) only with this
 * run's secret, which a custom header also keeps out of cross-site "simple" requests.
 * Returns the refusal, or null to let the request through.
 */
export function refuseForeignRequest(
  req: IncomingMessage,
  url: URL,
  options: { port: number; controlSecret: string }
): { status: number; error: string } | null {
  const peer = req.socket.remoteAddress ?? ''
  if (!isLoopback(peer)) return { status: 403, error: 'forbidden' }
  const hosts = [`127.0.0.1:${options.port}`, `localhost:${options.port}`]
  if (!req.headers.host || !hosts.includes(req.headers.host)) return { status: 403, error: 'forbidden host' }
  if (req.headers.origin !== undefined) return { status: 403, error: 'forbidden origin' }
  const site = req.headers['sec-fetch-site']
  if (site !== undefined && site !== 'none') return { status: 403, error: 'forbidden origin' }
  if (url.pathname.startsWith('/sandbox/v1/') && url.pathname !== '/sandbox/v1/health') {
    const sent = req.headers[CONTROL_SECRET_HEADER]
    if (typeof sent !== 'string' || !sameSecret(sent, options.controlSecret))
      return { status: 401, error: 'the control API needs this run’s secret' }
  }
  return null
}

function isLoopback(address: string): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1'
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}
