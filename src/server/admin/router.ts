import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { zodRefusal } from '@shared/contract/error-reasons'
import { allRoutes } from '@shared/hq-api/index'
import { HQ_API_PREFIX, type HqRoute } from '@shared/hq-api/route'
import type { HashParams } from '../../main/services/secret-hash'
import type { HqClock } from '../clock'
import { DatabaseUnavailableError, type HqDatabase } from '../db/types'
import type { Wakeups } from '../pull/wakeups'
import { writeAudit } from './auth/audit'
import { closeSession, openSession, SESSION_COOKIE, sessionUser } from './auth/sessions'
import type { HandlerMap, HqContext, PublicContext } from './context'
import { HqRefusal } from './refusal'
import { refuseForeign } from './security'

export interface RouterDeps {
  db: HqDatabase
  clock: HqClock
  wakeups: Wakeups
  handlers: HandlerMap
  /** Host:port values the web app answers to (`allowedHosts`). */
  hosts: ReadonlySet<string>
  idleMs: number
  hashParams?: HashParams | undefined
  logError(entry: Record<string, unknown>): void
}

const COOKIE_OPTIONS = { httpOnly: true, sameSite: 'strict', path: '/' } as const

function readInput(request: FastifyRequest, route: HqRoute): unknown {
  if (route.method === 'GET') return { ...(request.query as Record<string, unknown>) }
  const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0)
  if (body.length === 0) return {}
  try {
    return JSON.parse(body.toString('utf8'))
  } catch {
    throw new HqRefusal('VALIDATION', 'the body is not JSON', 'errors.hq.badJson')
  }
}

/**
 * Registers every route declared in `src/shared/hq-api` under `/api/v1`, each in the same steps:
 * the request must come from our own page (Host, Origin, the call header: else 403 FORBIDDEN);
 * a non-public route needs a live session (401 UNAUTHENTICATED) whose role the route lists (403
 * FORBIDDEN) — both before the input is read; then the input is parsed with the route's zod schema
 * (400 VALIDATION naming the field), a manager's `storeField` must be one of their stores (403), and
 * the handler runs. Its answer is checked against the output schema (a mismatch is our bug: 500).
 * Throws at start-up when a declared route has no handler.
 */
export function registerHqApi(app: FastifyInstance, deps: RouterDeps): void {
  const { db, clock } = deps
  for (const { area, name, route } of allRoutes()) {
    const handler = (deps.handlers as unknown as Record<string, Record<string, unknown>>)[area]?.[name]
    if (typeof handler !== 'function') throw new Error(`hq-api: no handler for ${area}.${name}`)
    app.route({
      method: route.method,
      url: HQ_API_PREFIX + route.path,
      ...(route.bodyLimit ? { bodyLimit: route.bodyLimit } : {}),
      handler: async (request: FastifyRequest, reply: FastifyReply) => {
        try {
          const why = refuseForeign(request.headers, deps.hosts, true)
          if (why) throw new HqRefusal('FORBIDDEN', `refused: ${why}`, 'errors.hq.auth.foreign')
          const token = request.cookies[SESSION_COOKIE]
          const now = clock.now()
          let user = null
          if (route.roles === 'public') {
            user = token ? await sessionUser(db, token, now, deps.idleMs).catch(() => null) : null
          } else {
            user = await sessionUser(db, token, now, deps.idleMs)
            if (!route.roles.includes(user.role))
              throw new HqRefusal(
                'FORBIDDEN',
                `the ${user.role} role may not do this`,
                'errors.hq.auth.forbidden',
                undefined,
                {
                  role: user.role
                }
              )
          }
          const given = readInput(request, route)
          const parsed = route.input.safeParse(given)
          if (!parsed.success) {
            const error = zodRefusal(parsed.error.issues[0]!, [], given)
            throw new HqRefusal(
              'VALIDATION',
              error.message,
              error.key ?? 'errors.validation.invalid',
              error.field,
              error.params
            )
          }
          const canSeeStore = (storeId: string) =>
            user !== null && (user.role !== 'manager' || user.storeIds.includes(storeId))
          if (route.storeField && user) {
            const storeId = (parsed.data as Record<string, unknown>)[route.storeField]
            if (typeof storeId === 'string' && !canSeeStore(storeId))
              throw new HqRefusal(
                'FORBIDDEN',
                `${route.storeField}: not one of your stores`,
                'errors.hq.auth.notYourStore',
                route.storeField
              )
          }
          const ctx: Omit<PublicContext, 'audit'> = {
            user,
            db,
            clock,
            wakeups: deps.wakeups,
            hashParams: deps.hashParams,
            canSeeStore,
            async startSession(tx, userId) {
              const fresh = await openSession(tx, userId, clock.now())
              void reply.setCookie(SESSION_COOKIE, fresh, COOKIE_OPTIONS)
            },
            async endSession(tx) {
              if (token) await closeSession(tx ?? db, token)
              void reply.clearCookie(SESSION_COOKIE, COOKIE_OPTIONS)
            }
          }
          const audit =
            route.roles === 'public'
              ? (
                  tx: Parameters<HqContext['audit']>[0],
                  entry: Parameters<HqContext['audit']>[1],
                  userId: string | null
                ) => writeAudit(tx, userId, clock.now(), entry)
              : (tx: Parameters<HqContext['audit']>[0], entry: Parameters<HqContext['audit']>[1]) =>
                  writeAudit(tx, user!.id, clock.now(), entry)
          const result: unknown = await (handler as (input: unknown, ctx: unknown) => Promise<unknown>)(
            parsed.data,
            { ...ctx, audit }
          )
          const output = route.output.safeParse(result)
          if (!output.success)
            throw new Error(`hq-api: ${area}.${name} answered outside its schema: ${output.error.message}`)
          return reply.code(200).header('cache-control', 'no-store').send(output.data)
        } catch (error) {
          return sendError(reply, error, deps, request)
        }
      }
    })
  }
}

function sendError(reply: FastifyReply, error: unknown, deps: RouterDeps, request: FastifyRequest) {
  let refusal: HqRefusal
  if (error instanceof HqRefusal) refusal = error
  else if (error instanceof DatabaseUnavailableError)
    refusal = new HqRefusal(
      'UNAVAILABLE',
      'the head office cannot reach its database: try again',
      'errors.hq.unavailable'
    )
  else {
    // Path and message only: a body or header may hold a password or the session cookie.
    deps.logError({
      at: deps.clock.now().toISOString(),
      method: request.method,
      path: request.url.split('?')[0],
      error: error instanceof Error ? error.message : String(error),
      stack: error instanceof Error ? error.stack : undefined
    })
    refusal = new HqRefusal('INTERNAL', 'the head office failed', 'errors.hq.internal')
  }
  return reply.code(refusal.status).header('cache-control', 'no-store').send(refusal.toJSON())
}
