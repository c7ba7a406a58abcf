import { createHash } from 'node:crypto'
import { SIGNATURE_FRESHNESS_MS, SYNC_HEADERS } from '@shared/sync/protocol'
import { canonicalRequest, verifySignature } from '@shared/sync/signing'
import type { HqClock } from '../clock'
import type { HqDatabase, SqlTx } from '../db/types'
import { SyncRefusal } from '../errors'

export interface TillRow {
  id: string
  store_id: string
  code: string
  public_key: string
  status: 'active' | 'revoked'
  high_seq: number
}

export interface SignedRequest {
  method: string
  /** Path and query exactly as on the request line. */
  url: string
  headers: Record<string, string | string[] | undefined>
  body: Buffer
}

const header = (request: SignedRequest, name: string): string | undefined => {
  const value = request.headers[name]
  return Array.isArray(value) ? value[0] : value
}

/** Signature headers, or `UNSIGNED` naming the first one missing. */
function signatureHeaders(request: SignedRequest) {
  const time = header(request, SYNC_HEADERS.time)
  const nonce = header(request, SYNC_HEADERS.nonce)
  const signature = header(request, SYNC_HEADERS.signature)
  for (const [name, value] of [
    [SYNC_HEADERS.time, time],
    [SYNC_HEADERS.nonce, nonce],
    [SYNC_HEADERS.signature, signature]
  ] as const) {
    if (!value) throw new SyncRefusal('UNSIGNED', `the request is not signed: header ${name} is missing`)
  }
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(nonce!))
    throw new SyncRefusal('UNSIGNED', `header ${SYNC_HEADERS.nonce} must be 16–64 base64url characters`)
  return { time: time!, nonce: nonce!, signature: signature! }
}

/** Refuses a signing time outside ±5 min of the head office's clock (the till re-signs with `serverTime`). */
function checkFreshness(time: string, clock: HqClock): void {
  const at = Date.parse(time)
  if (!/^\d{4}-\d\d-\d\dT/.test(time) || Number.isNaN(at)) {
    throw new SyncRefusal('UNSIGNED', `header ${SYNC_HEADERS.time} is not an ISO 8601 time`)
  }
  const skew = at - clock.now().getTime()
  if (Math.abs(skew) > SIGNATURE_FRESHNESS_MS) {
    throw new SyncRefusal(
      'CLOCK_SKEW',
      `the request was signed at ${time}, more than 5 minutes from the head office's clock: sign again with serverTime's offset`
    )
  }
}

async function checkSignature(
  request: SignedRequest,
  parts: ReturnType<typeof signatureHeaders>,
  tillId: string,
  publicKey: string
) {
  const canonical = canonicalRequest({
    method: request.method,
    path: request.url,
    bodySha256: createHash('sha256').update(request.body).digest('hex'),
    time: parts.time,
    nonce: parts.nonce,
    tillId
  })
  if (!(await verifySignature(publicKey, canonical, parts.signature))) {
    throw new SyncRefusal('BAD_SIGNATURE', 'the signature does not match this request and till')
  }
}

export interface VerifiedTill {
  till: TillRow
  nonce: string
}

/**
 * Checks a till's signed request: headers present, fresh, a known and active till, a valid
 * Ed25519 signature over method, path, body hash, time, nonce and till id. Writes nothing; the
 * caller records the nonce (`recordNonce`) in the transaction that acts on the request.
 * Throws `SyncRefusal` UNSIGNED, CLOCK_SKEW, UNKNOWN_TILL, REVOKED or BAD_SIGNATURE.
 */
export async function verifyTillRequest(
  db: HqDatabase,
  clock: HqClock,
  request: SignedRequest
): Promise<VerifiedTill> {
  const tillId = header(request, SYNC_HEADERS.till)
  if (!tillId)
    throw new SyncRefusal('UNSIGNED', `the request is not signed: header ${SYNC_HEADERS.till} is missing`)
  const parts = signatureHeaders(request)
  checkFreshness(parts.time, clock)
  const [till] = await db.query<TillRow>(
    'SELECT id, store_id, code, public_key, status, high_seq FROM tills WHERE id = ?',
    [tillId.slice(0, 64)]
  )
  if (!till) throw new SyncRefusal('UNKNOWN_TILL', 'no till with this id is enrolled at the head office')
  await checkSignature(request, parts, till.id, till.public_key)
  // After the signature: only the till itself learns that it was revoked.
  if (till.status === 'revoked') throw new SyncRefusal('REVOKED', 'this till was revoked at the head office')
  return { till, nonce: parts.nonce }
}

/** Checks the enrolment request's signature by the public key it carries (proof the till holds the key). */
export async function verifyEnrolRequest(
  clock: HqClock,
  request: SignedRequest,
  publicKey: string
): Promise<string> {
  const parts = signatureHeaders(request)
  checkFreshness(parts.time, clock)
  await checkSignature(request, parts, '', publicKey)
  return parts.nonce
}

/** Records a request's nonce; `REPLAYED` if it was seen before. Call inside the acting transaction. */
export async function recordNonce(
  tx: Pick<SqlTx, 'run'>,
  tillId: string,
  nonce: string,
  now: Date
): Promise<void> {
  const inserted = await tx.run(
    'INSERT INTO request_nonces (till_id, nonce, seen_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    [tillId, nonce, now.toISOString()]
  )
  if (inserted === 0)
    throw new SyncRefusal('REPLAYED', 'this request was already received (its nonce was used)')
}
