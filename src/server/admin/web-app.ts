import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import fastifyCookie from '@fastify/cookie'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import { SYNC_PATHS } from '@shared/sync/protocol'
import { isPageVisit } from '../../main/web/security'
import { hqHandlers } from './handlers'
import { registerHqApi, type RouterDeps } from './router'
import { HQ_SECURITY_HEADERS, refuseForeign } from './security'

/**
 * Where the built hq-web lives: KASSA_HQ_WEB_DIR, else `out/hq-web` beside the bundled CLI
 * (`out/node/kassa.cjs`), else the repository's `out/hq-web` (tests running the sources).
 */
export function defaultWebDir(): string {
  if (process.env.KASSA_HQ_WEB_DIR) return resolve(process.env.KASSA_HQ_WEB_DIR)
  const candidates = [join(__dirname, '..', 'hq-web'), join(__dirname, '..', '..', '..', 'out', 'hq-web')]
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? candidates[0]!
}

const SYNC_PREFIX = SYNC_PATHS.push.split('/').slice(0, 3).join('/')

export interface WebAppDeps extends Omit<RouterDeps, 'handlers'> {
  webDir: string
}

/**
 * The head office's web app on the sync API's server: the built hq-web at `/` and its JSON API at
 * `/api/v1` (see `registerHqApi`). Every response outside the sync API carries the till's web-mode
 * security headers (CSP and the rest); every request outside it must name our host (and origin).
 * The sync API (`/sync/v1`) is left exactly as it was: tills sign their requests instead.
 */
export async function registerWebApp(app: FastifyInstance, deps: WebAppDeps): Promise<void> {
  await app.register(fastifyCookie)
  const isSync = (url: string) => url.startsWith(`${SYNC_PREFIX}/`)

  app.addHook('onRequest', async (request, reply) => {
    if (isSync(request.url) || request.url.startsWith('/api/')) return
    if (refuseForeign(request.headers, deps.hosts, false))
      return reply.code(403).type('text/plain; charset=utf-8').send('Forbidden')
  })
  app.addHook('onSend', async (request, reply, payload) => {
    if (!isSync(request.url)) reply.headers(HQ_SECURITY_HEADERS)
    return payload
  })

  registerHqApi(app, { ...deps, handlers: hqHandlers })

  const index = join(deps.webDir, 'index.html')
  app.get('/', async (request, reply) => {
    // Only a top-level visit gets the page: no frame, image or script of another site.
    if (!isPageVisit(request.raw)) return reply.code(403).type('text/plain; charset=utf-8').send('Forbidden')
    if (!existsSync(index))
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The head office web app is not built; run npm run build:web')
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(await readFile(index))
  })
  if (existsSync(join(deps.webDir, 'assets'))) {
    await app.register(fastifyStatic, {
      root: join(deps.webDir, 'assets'),
      prefix: '/assets/',
      index: false,
      maxAge: 3_600_000
    })
  }
}
