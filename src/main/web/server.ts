import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { InvokeOptions } from '@shared/contract'
import type { Core } from '../app/create-core'
import { SECURITY_HEADERS, isPageVisit, isTrustedRequest } from './security'
import { readStatic } from './static-files'

export interface WebServerOptions {
  core: Core
  rendererDir: string
  port: number
  /** Upper bound on open page sessions; the least recently seen is dropped first. */
  maxSessions?: number
}

export interface WebServer {
  url: string
  port: number
  close(): Promise<void>
}

const SESSION_META = '<meta name="kassa-session" content="%TOKEN%" />'
const MAX_BODY_BYTES = 64 * 1024 * 1024

/**
 * Web mode: the same core as the desktop app, on 127.0.0.1 only. Each page load gets its
 * own unguessable session token, embedded in the HTML it is served; the API and the event
 * stream refuse requests without a live token.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const { core, rendererDir } = options
  const maxSessions = options.maxSessions ?? 64
  const streams = new Map<string, Set<ServerResponse>>()
  let port = options.port

  // A page signed out, locked, or whose role may not see an event gets nothing of it (a
  // signed-out page once received the store's settings).
  const unsubscribe = core.events.subscribe((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`
    for (const [token, set] of streams) {
      if (!core.mayReceive(token, event, payload)) continue
      for (const res of set) res.write(frame)
    }
  })

  /**
   * A new page session. At the cap, the least recently seen *signed-out* session makes room:
   * page loads cost nothing to forge, so they must never push out a signed-in cashier.
   * When every session is signed in, the least recently seen one goes.
   */
  const openSession = (): string => {
    const token = randomBytes(32).toString('base64url')
    const byAge = core.sessions.all().sort((a, b) => a.lastSeenAt.getTime() - b.lastSeenAt.getTime())
    const evictable = [...byAge.filter((s) => s.userId === null), ...byAge.filter((s) => s.userId !== null)]
    for (const stale of evictable.slice(0, Math.max(0, byAge.length - maxSessions + 1))) {
      core.sessions.close(stale.id)
      for (const res of streams.get(stale.id) ?? []) res.end()
      streams.delete(stale.id)
    }
    core.sessions.open(token, core.clock.now())
    return token
  }

  const serveIndex = async (res: ServerResponse): Promise<void> => {
    const index = await readStatic(rendererDir, '/index.html')
    if (!index)
      return send(res, 503, 'text/plain; charset=utf-8', 'The renderer is not built; run npm run build:web')
    const token = openSession()
    const html = index.body
      .toString('utf8')
      .replace('<head>', `<head>\n    ${SESSION_META.replace('%TOKEN%', token)}`)
    send(res, 200, index.contentType, html, { 'Cache-Control': 'no-store' })
  }

  const handleCall = async (req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> => {
    const token = req.headers['x-kassa-session']
    if (typeof token !== 'string' || !core.sessions.get(token)) {
      return sendJson(res, 401, {
        ok: false,
        error: {
          code: 'UNAUTHENTICATED',
          message: 'Session expired; reload the page',
          key: 'errors.accounts.sessionExpired'
        }
      })
    }
    let input: unknown
    let callOptions: InvokeOptions | undefined
    try {
      // Options (a manager's approval) travel beside the input, in their own header.
      const header = req.headers['x-kassa-options']
      const parsedOptions: unknown = typeof header === 'string' ? JSON.parse(header) : undefined
      if (parsedOptions !== null && typeof parsedOptions === 'object')
        callOptions = parsedOptions as InvokeOptions
      const body = await readBody(req)
      input = body.length ? JSON.parse(body) : {}
    } catch (error) {
      const message =
        error instanceof BodyTooLargeError ? 'Request too large' : 'Request body is not valid JSON'
      return sendJson(res, 400, { ok: false, error: { code: 'VALIDATION', message } })
    }
    core.sessions.touch(token, core.clock.now())
    const result = await core.router.dispatch(channel, input, { sessionId: token }, callOptions)
    sendJson(res, 200, result)
  }

  /**
   * A reload serves a fresh token; the page proves it held the previous one (kept in its
   * tab's sessionStorage) and the fresh session takes over its sign-in. The previous token
   * dies here, so a copy of it is useless afterwards; a closed tab forgets it.
   */
  const handleResume = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const token = req.headers['x-kassa-session']
    if (typeof token !== 'string' || !core.sessions.get(token))
      return sendJson(res, 401, { ok: false, error: { code: 'UNAUTHENTICATED', message: 'No session' } })
    let previous: unknown
    try {
      previous = (JSON.parse(await readBody(req)) as { previous?: unknown }).previous
    } catch {
      return sendJson(res, 400, {
        ok: false,
        error: { code: 'VALIDATION', message: 'Request body is not valid JSON' }
      })
    }
    const resumed = typeof previous === 'string' && core.sessions.handOver(previous, token)
    if (resumed) streams.get(previous as string)?.forEach((stream) => stream.end())
    sendJson(res, 200, { ok: true, value: { resumed } })
  }

  const handleEvents = (req: IncomingMessage, res: ServerResponse, token: string | null): void => {
    if (!token || !core.sessions.get(token)) return send(res, 401, 'text/plain; charset=utf-8', 'No session')
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive'
    })
    res.write(': connected\n\n')
    const set = streams.get(token) ?? new Set()
    set.add(res)
    streams.set(token, set)
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000)
    req.on('close', () => {
      clearInterval(heartbeat)
      set.delete(res)
      if (set.size === 0) streams.delete(token)
    })
  }

  const server: Server = createServer((req, res) => {
    void (async () => {
      if (!isTrustedRequest(req, port)) return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden')
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`)
      const callMatch = /^\/api\/call\/([a-z][a-z-]*:[a-zA-Z-]+)$/.exec(url.pathname)
      if (callMatch) {
        if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'Use POST')
        return handleCall(req, res, callMatch[1]!)
      }
      if (url.pathname === '/api/session/resume') {
        if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'Use POST')
        return handleResume(req, res)
      }
      if (url.pathname === '/api/events') return handleEvents(req, res, url.searchParams.get('session'))
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed')
      if (url.pathname === '/' || url.pathname === '/index.html') {
        // Only a top-level visit by the person at the till opens a session: an <img>, a
        // frame or a fetch from another site must not (nor evict anyone's).
        if (!isPageVisit(req)) return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden')
        return serveIndex(res)
      }
      const file = await readStatic(rendererDir, url.pathname)
      if (file)
        return send(res, 200, file.contentType, file.body, { 'Cache-Control': 'public, max-age=3600' })
      // The renderer routes in memory: every screen lives at `/`, so anything else is unknown.
      return send(res, 404, 'text/plain; charset=utf-8', 'Not found')
    })().catch((error: unknown) => {
      core.logger.error('web.request_failed', { error })
      if (!res.headersSent)
        sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Internal error' } })
      else res.end()
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe()
        for (const set of streams.values()) for (const res of set) res.end()
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

class BodyTooLargeError extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLargeError())
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function send(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
  extra: Record<string, string> = {}
): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': contentType, ...extra })
  res.end(body)
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value), { 'Cache-Control': 'no-store' })
}
