import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import {
  enrolRequestSchema,
  MAX_BATCH_BYTES,
  MAX_BATCH_EVENTS,
  pullQuerySchema,
  pushRequestSchema,
  SYNC_PATHS,
  type TillStatus
} from '@shared/sync/protocol'
import {
  recordNonce,
  verifyEnrolRequest,
  verifyTillRequest,
  type SignedRequest
} from '../auth/verify-request'
import type { HqClock } from '../clock'
import { DatabaseUnavailableError, type HqDatabase } from '../db/types'
import { enrolTill } from '../enrol/enrol-service'
import { malformed, SyncRefusal } from '../errors'
import { pullPage } from '../pull/pull-service'
import type { Wakeups } from '../pull/wakeups'
import { pushBatch } from '../push/push-service'
import { checkBatch } from '../push/push-service'
import type { UpgraderRegistry } from '../push/upgraders'

export interface AppDeps {
  db: HqDatabase
  clock: HqClock
  wakeups: Wakeups
  upgraders: UpgraderRegistry
  /** One JSON line per unexpected error (never a header or a body: no secret reaches the log). */
  logError(entry: Record<string, unknown>): void
}

const signed = (request: FastifyRequest): SignedRequest => ({
  method: request.method,
  url: request.url,
  headers: request.headers,
  body: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0)
})

function parseJson(body: Buffer): unknown {
  if (body.length === 0) throw new SyncRefusal('MALFORMED', 'the request has no body')
  try {
    return JSON.parse(body.toString('utf8'))
  } catch {
    throw new SyncRefusal('MALFORMED', 'the body is not JSON')
  }
}

/**
 * The head office's HTTP API (`SYNC_PATHS`): enrolment, push, pull and status, all JSON, all
 * signed. Every refusal is `{ error: { code, reason, … } }` with the protocol's status; nothing of a
 * refused request is written.
 */
export function createHqApp(deps: AppDeps): FastifyInstance {
  const { db, clock } = deps
  const app = Fastify({ logger: false, bodyLimit: MAX_BATCH_BYTES, return503OnClosing: true })

  // Closing answers every held long-poll at once (with what it has, as a timed-out wait would):
  // otherwise `close()` waits out each till's wait (up to 25 s) before the server stops.
  const closing = new AbortController()
  app.addHook('preClose', (done) => {
    closing.abort()
    done()
  })
  // …and every answer given while closing ends its connection, or a till's kept-alive socket would
  // hold `close()` open until the client lets go.
  app.addHook('onSend', async (_request, reply, payload) => {
    if (closing.signal.aborted) void reply.header('connection', 'close')
    return payload
  })

  // Bodies stay raw bytes: the signature covers their SHA-256 exactly as sent.
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body))

  app.setNotFoundHandler((request, reply) => {
    void reply
      .code(404)
      .send(
        new SyncRefusal('NOT_FOUND', `no such path: ${request.method} ${request.url.split('?')[0]}`).toAnswer(
          clock.now()
        )
      )
  })

  app.setErrorHandler(
    (error: Error & { code?: string; statusCode?: number }, request, reply: FastifyReply) => {
      let refusal: SyncRefusal
      if (error instanceof SyncRefusal) refusal = error
      else if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        refusal = new SyncRefusal(
          'BATCH_TOO_LARGE',
          `the body is over ${MAX_BATCH_BYTES} bytes: halve the batch`,
          {
            maxBytes: MAX_BATCH_BYTES,
            maxEvents: MAX_BATCH_EVENTS
          }
        )
      } else if (error instanceof DatabaseUnavailableError) {
        refusal = new SyncRefusal('UNAVAILABLE', 'the head office cannot reach its database: try again')
      } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
        refusal = new SyncRefusal('MALFORMED', error.message)
      } else {
        deps.logError({
          at: clock.now().toISOString(),
          method: request.method,
          path: request.url.split('?')[0],
          error: error.message,
          stack: error.stack
        })
        refusal = new SyncRefusal('INTERNAL', 'the head office failed; the request may be retried')
      }
      void reply.code(refusal.status).send(refusal.toAnswer(clock.now()))
    }
  )

  app.post(SYNC_PATHS.enrol, async (request) => {
    const parsed = enrolRequestSchema.safeParse(parseJson(signed(request).body))
    if (!parsed.success) throw malformed(parsed.error.issues)
    await verifyEnrolRequest(clock, signed(request), parsed.data.publicKey)
    return enrolTill(db, clock, parsed.data, (storeId) => deps.wakeups.wake(storeId))
  })

  app.post(SYNC_PATHS.push, async (request) => {
    const { till, nonce } = await verifyTillRequest(db, clock, signed(request))
    const parsed = pushRequestSchema.safeParse(parseJson(signed(request).body))
    if (!parsed.success) {
      const tooMany = parsed.error.issues.find((issue) => issue.code === 'too_big' && issue.path.length === 1)
      if (tooMany) {
        throw new SyncRefusal(
          'BATCH_TOO_LARGE',
          `a batch holds at most ${MAX_BATCH_EVENTS} events: halve it`,
          {
            maxEvents: MAX_BATCH_EVENTS,
            maxBytes: MAX_BATCH_BYTES
          }
        )
      }
      throw malformed(parsed.error.issues)
    }
    checkBatch(till, parsed.data)
    return pushBatch(
      { ...deps, onPublished: (storeId) => deps.wakeups.wake(storeId) },
      till,
      parsed.data,
      nonce
    )
  })

  app.get(SYNC_PATHS.pull, async (request, reply) => {
    const { till, nonce } = await verifyTillRequest(db, clock, signed(request))
    const parsed = pullQuerySchema.safeParse(request.query)
    if (!parsed.success) throw malformed(parsed.error.issues)
    await db.transaction((tx) => recordNonce(tx, till.id, nonce, clock.now()))
    const gone = new AbortController()
    reply.raw.on('close', () => gone.abort())
    return pullPage(deps, till, parsed.data, AbortSignal.any([gone.signal, closing.signal]))
  })

  app.get(SYNC_PATHS.status, async (request): Promise<TillStatus> => {
    const { till, nonce } = await verifyTillRequest(db, clock, signed(request))
    await db.transaction((tx) => recordNonce(tx, till.id, nonce, clock.now()))
    const [row] = await db.query<{ high_seq: number; name: string; revision: number }>(
      `SELECT t.high_seq, s.name, r.revision FROM tills t JOIN stores s ON s.id = t.store_id
       JOIN store_revisions r ON r.store_id = t.store_id WHERE t.id = ?`,
      [till.id]
    )
    return {
      tillId: till.id,
      storeId: till.store_id,
      storeName: row!.name,
      tillCode: till.code,
      highestContiguousSeq: Number(row!.high_seq),
      revision: Number(row!.revision),
      serverTime: clock.now().toISOString()
    }
  })

  return app
}
