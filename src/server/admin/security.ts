import type { IncomingHttpHeaders } from 'node:http'
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../main/web/security'

/** The till's web-mode policy, headers and all (the page may not even submit a form elsewhere). */
export const HQ_SECURITY_HEADERS: Record<string, string> = { ...SECURITY_HEADERS }
export { CONTENT_SECURITY_POLICY }

/** The header every call of the hq-web carries: a page on another site cannot send it without a CORS pre-flight we never answer. */
export const HQ_CALL_HEADER = 'x-kassa-hq'

/**
 * Host names the web app answers to: 127.0.0.1 and localhost on our port, the address it listens
 * on, and any named in KASSA_HQ_ALLOWED_HOSTS (comma-separated `host:port`, for a head office
 * behind a name). Anything else (DNS rebinding, a stray virtual host) is refused.
 */
export function allowedHosts(listenHost: string, port: number, extra: readonly string[] = []): Set<string> {
  const bracket = listenHost.includes(':') ? `[${listenHost}]` : listenHost
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `${bracket}:${port}`, ...extra])
}

/**
 * Whether a request to the web app comes from its own page: Host is ours and, when the browser
 * names an Origin, it is ours too; an API call also carries `HQ_CALL_HEADER`. Returns why not.
 */
export function refuseForeign(
  headers: IncomingHttpHeaders,
  hosts: ReadonlySet<string>,
  apiCall: boolean
): string | null {
  const host = headers.host
  if (!host || !hosts.has(host)) return 'unknown host'
  const origin = headers.origin
  if (origin !== undefined && origin !== `http://${host}` && origin !== `https://${host}`)
    return 'foreign origin'
  const site = headers['sec-fetch-site']
  if (apiCall && site !== undefined && site !== 'same-origin' && site !== 'none') return 'cross-site request'
  if (apiCall && headers[HQ_CALL_HEADER] !== '1') return 'missing call header'
  return null
}
