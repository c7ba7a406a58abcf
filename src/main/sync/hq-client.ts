import {
  SYNC_PATHS,
  enrolAnswerSchema,
  pullAnswerSchema,
  pushAnswerSchema,
  syncErrorAnswerSchema,
  tillStatusSchema,
  type EnrolAnswer,
  type EnrolRequest,
  type PullAnswer,
  type PushAnswer,
  type PushRequest,
  type SyncError,
  type TillStatus
} from '@shared/sync/protocol'
import { signRequest } from '@shared/sync/signing'
import type { z } from 'zod'

/**
 * A request the head office did not answer with what the protocol promises: its refusal
 * (`error`, a `SyncError` with a reason for a person) or a transport failure (`error.code`
 * `NETWORK`, `BAD_ANSWER`). `status` is the HTTP status, 0 when nothing came back.
 */
export class SyncRequestError extends Error {
  override readonly name = 'SyncRequestError'
  constructor(
    readonly status: number,
    readonly error: Omit<SyncError, 'code'> & { code: SyncError['code'] | 'NETWORK' | 'BAD_ANSWER' },
    /** `NETWORK`: the transport's own words (`connect ECONNREFUSED …`), without our sentence around them. */
    readonly networkCause?: string
  ) {
    super(`${error.code}: ${error.reason}`)
  }

  /** Worth retrying by itself later: the network, the head office busy or broken. */
  get transient(): boolean {
    return this.status === 0 || this.status >= 500 || this.error.code === 'BAD_ANSWER'
  }
}

export interface HqIdentity {
  hqUrl: string
  tillId: string
  privateKey: string
}

export interface HqClientOptions {
  /** The till's clock corrected by the offset learnt from the head office (signing only). */
  now: () => Date
  /** A `CLOCK_SKEW` refusal taught us the head office's time: remember `serverTime − our now`. */
  onClockOffset: (offsetMs: number) => void
  /** Per request; a long-poll adds its wait on top. */
  timeoutMs?: number
  /**
   * Awaited once an answer's body has arrived, before it is parsed and checked (a push's answer
   * holds an outcome per event: ~1,000 to parse and check). The push process yields to selling here.
   */
  beforeAnswer?: () => Promise<unknown>
}

/**
 * Trims a trailing slash and refuses anything but http(s), so a typo cannot reach a file or data URL.
 * @throws Error with an English reason (`enrolTill` turns it into VALIDATION `hqUrl` `errors.sync.badUrl`)
 */
export function normaliseHqUrl(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url.trim())
  } catch {
    throw new Error(`not a web address: ${url}`)
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new Error(`the head office's address must start with http:// or https://: ${url}`)
  if (parsed.username || parsed.password || parsed.search || parsed.hash)
    throw new Error('the head office address must not carry a user, a password, a query or a fragment')
  return parsed.toString().replace(/\/+$/, '')
}

/**
 * Signed HTTP calls to the head office (`src/shared/sync/protocol.ts`). Every request is signed
 * with the till's Ed25519 key; a `CLOCK_SKEW` refusal is retried once with the head office's
 * clock. Answers are checked against the protocol's schemas; anything else is a `BAD_ANSWER`.
 * Every method rejects with a `SyncRequestError` (never a DomainError: the sync service records it
 * and `enrolTill` maps enrolment's to `errors.sync.*` keys).
 */
export function createHqClient(options: HqClientOptions) {
  const timeoutMs = options.timeoutMs ?? 30_000

  async function request<T extends z.ZodType>(
    identity: HqIdentity,
    method: 'GET' | 'POST',
    path: string,
    body: string,
    schema: T,
    extraTimeoutMs = 0,
    signal?: AbortSignal,
    retriedSkew = false
  ): Promise<z.output<T>> {
    const headers = await signRequest({
      method,
      path,
      body,
      tillId: identity.tillId,
      privateKey: identity.privateKey,
      now: options.now()
    })
    let response: Response
    try {
      response = await fetch(`${identity.hqUrl}${path}`, {
        method,
        headers: { ...headers, ...(method === 'POST' ? { 'content-type': 'application/json' } : {}) },
        ...(method === 'POST' ? { body } : {}),
        signal: signal
          ? AbortSignal.any([signal, AbortSignal.timeout(timeoutMs + extraTimeoutMs)])
          : AbortSignal.timeout(timeoutMs + extraTimeoutMs)
      })
    } catch (error) {
      const reason =
        error instanceof Error
          ? error.cause instanceof Error
            ? error.cause.message
            : error.message
          : String(error)
      throw new SyncRequestError(
        0,
        { code: 'NETWORK', reason: `the head office cannot be reached (${reason})` },
        reason
      )
    }
    const text = await response.text().catch(() => '')
    await options.beforeAnswer?.()
    let json: unknown
    try {
      json = text ? JSON.parse(text) : undefined
    } catch {
      json = undefined
    }
    if (!response.ok) {
      const refusal = syncErrorAnswerSchema.safeParse(json)
      if (!refusal.success)
        throw new SyncRequestError(response.status, {
          code:
            response.status === 413
              ? 'BATCH_TOO_LARGE'
              : response.status >= 500
                ? 'UNAVAILABLE'
                : 'BAD_ANSWER',
          reason: `the head office answered ${response.status} ${response.statusText}`.trim()
        })
      const error = refusal.data.error
      if (error.code === 'CLOCK_SKEW' && error.serverTime && !retriedSkew) {
        options.onClockOffset(new Date(error.serverTime).getTime() - Date.now())
        return request(identity, method, path, body, schema, extraTimeoutMs, signal, true)
      }
      throw new SyncRequestError(response.status, error)
    }
    const parsed = schema.safeParse(json)
    if (!parsed.success)
      throw new SyncRequestError(response.status, {
        code: 'BAD_ANSWER',
        reason: `the head office's answer does not match the sync protocol (${parsed.error.issues[0]?.path.join('.') ?? ''})`
      })
    return parsed.data
  }

  return {
    /** Enrols with a one-time code; signed with the new key and no till id yet. */
    enrol(hqUrl: string, privateKey: string, input: EnrolRequest): Promise<EnrolAnswer> {
      return request(
        { hqUrl, tillId: '', privateKey },
        'POST',
        SYNC_PATHS.enrol,
        JSON.stringify(input),
        enrolAnswerSchema
      )
    },
    /** Pushes one batch; `body` is the batch's JSON (sized by the caller). */
    push(identity: HqIdentity, body: string): Promise<PushAnswer> {
      return request(identity, 'POST', SYNC_PATHS.push, body, pushAnswerSchema)
    },
    /** One page of master-data changes after `cursor`; with `wait` (seconds) a long-poll. */
    pull(
      identity: HqIdentity,
      query: { cursor: string; limit?: number; wait?: number; signal?: AbortSignal }
    ): Promise<PullAnswer> {
      const params = new URLSearchParams({ cursor: query.cursor })
      if (query.limit !== undefined) params.set('limit', String(query.limit))
      if (query.wait !== undefined) params.set('wait', String(query.wait))
      return request(
        identity,
        'GET',
        `${SYNC_PATHS.pull}?${params.toString()}`,
        '',
        pullAnswerSchema,
        (query.wait ?? 0) * 1000,
        query.signal
      )
    },
    /** What the head office knows of this till: its store and code, the highest contiguous seq it holds, the revision. */
    status(identity: HqIdentity): Promise<TillStatus> {
      return request(identity, 'GET', SYNC_PATHS.status, '', tillStatusSchema)
    }
  }
}

export type HqClient = ReturnType<typeof createHqClient>
export type { PushRequest }
