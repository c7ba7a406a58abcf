import type { IncomingMessage } from 'node:http'

/** Same policy the Electron window enforces. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join('; ')

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin'
}

/**
 * A page on another site can make the browser send requests to 127.0.0.1; DNS rebinding
 * can even make them look same-origin. Accept only our own host name and origin.
 */
export function isTrustedRequest(req: IncomingMessage, port: number): boolean {
  const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`])
  if (!req.headers.host || !allowedHosts.has(req.headers.host)) return false
  const origin = req.headers.origin
  if (origin && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) return false
  return true
}

/**
 * Whether a request for the app's page is a top-level visit from the till itself (typed,
 * bookmarked, reloaded). Browsers label every request with Fetch Metadata: an image, frame
 * or script from another page says so (`Sec-Fetch-Dest`), as does a link from another site
 * (`Sec-Fetch-Site`). Clients that send no metadata (tests, curl) are let through: they
 * are not a browser visiting a hostile page.
 */
export function isPageVisit(req: IncomingMessage): boolean {
  const dest = req.headers['sec-fetch-dest']
  const site = req.headers['sec-fetch-site']
  if (dest !== undefined && dest !== 'document') return false
  if (site !== undefined && site !== 'none' && site !== 'same-origin') return false
  return true
}
