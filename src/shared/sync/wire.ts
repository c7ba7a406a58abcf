import { z } from 'zod'
import { isoTime } from './fields'

/**
 * The sync protocol's wire envelope: paths, limits, the signed-request headers and the refusals
 * (`SyncError`). Part of `protocol.ts`, which re-exports it; the same stability rule holds (this
 * file only grows).
 */

/** Every path starts with this; a future incompatible protocol gets `/sync/v2`. */
export const SYNC_PATH_PREFIX = '/sync/v1'

export const SYNC_PATHS = {
  /** POST, body `EnrolRequest`, signed with the new key (no till header yet). */
  enrol: `${SYNC_PATH_PREFIX}/enrol`,
  /** POST, body `PushRequest`, signed. */
  push: `${SYNC_PATH_PREFIX}/push`,
  /** GET `?cursor=…&limit=…&wait=…` (see `pullQuerySchema`), signed; the query is part of the signed path. */
  pull: `${SYNC_PATH_PREFIX}/pull`,
  /** GET, signed: where the head office stands for this till (`TillStatus`). */
  status: `${SYNC_PATH_PREFIX}/status`
} as const

/** The head office's default port (`npm run hq`, `kassa hq`). */
export const HQ_DEFAULT_PORT = 5200

/** Push limits: a batch holds at most this many events … */
export const MAX_BATCH_EVENTS = 1000
/** … and its body at most this many bytes (1 MiB). Larger is answered 413 `BATCH_TOO_LARGE`: halve and retry. */
export const MAX_BATCH_BYTES = 1024 * 1024
/** A signed request's `x-kassa-time` may differ from the head office's clock by at most this (5 min). */
export const SIGNATURE_FRESHNESS_MS = 5 * 60 * 1000
/** How long the head office remembers a nonce (twice the freshness window, so a replay is always caught). */
export const NONCE_MEMORY_MS = 2 * SIGNATURE_FRESHNESS_MS
/** Longest a pull may be held open waiting for a change (seconds). */
export const MAX_PULL_WAIT_SECONDS = 25
/** Default and largest page of master data changes. */
export const DEFAULT_PULL_LIMIT = 500
export const MAX_PULL_LIMIT = 2000
/** An enrolment code lives at most this long (10 min) and is used once. */
export const ENROL_CODE_TTL_MS = 10 * 60 * 1000
/**
 * A till whose clock (the push's `sentAt`) differs from the head office's by more than this is
 * flagged (`clockSkewMs` in the answer and an anomaly at the head office) — never refused.
 */
export const CLOCK_SKEW_FLAG_MS = 5 * 60 * 1000

/** Signed-request headers (lower-case, as Node and fetch report them). */
export const SYNC_HEADERS = {
  /** The till's id from enrolment; absent on the enrolment request itself. */
  till: 'x-kassa-till',
  /** When the request was signed: ISO 8601 UTC, the till's clock corrected by the offset it learnt (see README). */
  time: 'x-kassa-time',
  /** 16–64 base64url characters, random per request; a nonce seen before is refused as `REPLAYED`. */
  nonce: 'x-kassa-nonce',
  /** base64url Ed25519 signature (64 bytes) over `canonicalRequest(...)` from `signing.ts`. */
  signature: 'x-kassa-signature'
} as const

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/**
 * Why the head office refused a request. Every refusal is a 4xx (5xx only for `INTERNAL` and
 * `UNAVAILABLE`) with `{ error: SyncError }`; nothing was written. The till shows `reason`.
 *
 * - 400 `MALFORMED` — the body or query does not match this file (`field` names where);
 *   `HASH_MISMATCH` — an event's `payloadSha256` is not the SHA-256 of its `payload`.
 * - 401 `UNSIGNED` (a header missing), `BAD_SIGNATURE`, `UNKNOWN_TILL`, `REPLAYED` (nonce seen),
 *   `CLOCK_SKEW` (`x-kassa-time` outside ±5 min; `serverTime` says the head office's time: sign
 *   again with the offset — this is the only place a clock is refused).
 * - 403 `REVOKED` (the till was revoked at the head office), `FOREIGN_TILL` (an event's `tillId`
 *   is not the signing till).
 * - 404 `NOT_FOUND` (unknown path); 400 `ENROL_CODE_INVALID` (unknown or already used),
 *   410 `ENROL_CODE_EXPIRED`, 409 `KEY_IN_USE` (that public key is already enrolled),
 *   409 `STORE_MISMATCH` (a till enrolling again: the code is for another store than its own);
 *   a till enrolling again after it was revoked is answered 403 `REVOKED`.
 * - 409 `SEQ_GAP` — the batch starts after `highestContiguousSeq + 1`: push again from `resumeFrom`.
 * - 413 `BATCH_TOO_LARGE` — over `MAX_BATCH_EVENTS` or `MAX_BATCH_BYTES`: halve the batch.
 * - 500 `INTERNAL`, 503 `UNAVAILABLE` (the database is down or busy): retry with backoff.
 */
export const SYNC_ERROR_CODES = [
  'MALFORMED',
  'HASH_MISMATCH',
  'UNSIGNED',
  'BAD_SIGNATURE',
  'UNKNOWN_TILL',
  'REPLAYED',
  'CLOCK_SKEW',
  'REVOKED',
  'FOREIGN_TILL',
  'NOT_FOUND',
  'ENROL_CODE_INVALID',
  'ENROL_CODE_EXPIRED',
  'KEY_IN_USE',
  'STORE_MISMATCH',
  'SEQ_GAP',
  'BATCH_TOO_LARGE',
  'INTERNAL',
  'UNAVAILABLE'
] as const
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number]

/** HTTP status of each refusal (the head office answers exactly these). */
export const SYNC_ERROR_STATUS: Record<SyncErrorCode, number> = {
  MALFORMED: 400,
  HASH_MISMATCH: 400,
  UNSIGNED: 401,
  BAD_SIGNATURE: 401,
  UNKNOWN_TILL: 401,
  REPLAYED: 401,
  CLOCK_SKEW: 401,
  REVOKED: 403,
  FOREIGN_TILL: 403,
  NOT_FOUND: 404,
  ENROL_CODE_INVALID: 400,
  ENROL_CODE_EXPIRED: 410,
  KEY_IN_USE: 409,
  STORE_MISMATCH: 409,
  SEQ_GAP: 409,
  BATCH_TOO_LARGE: 413,
  INTERNAL: 500,
  UNAVAILABLE: 503
}

/** A refusal, as `{ error: SyncError }` with the status from `SYNC_ERROR_STATUS`. */
export const syncErrorSchema = z.object({
  code: z.enum(SYNC_ERROR_CODES),
  /** English, for a person (the till's Sync panel) and logs; never contains a secret. */
  reason: z.string(),
  /** Where in the input, e.g. `events[3].seq`. */
  field: z.string().optional(),
  /** `SEQ_GAP`: the seq the till should push from next (= `highestContiguousSeq + 1`). */
  resumeFrom: z.number().int().min(1).optional(),
  /** `SEQ_GAP`: what the head office holds for this till. */
  highestContiguousSeq: z.number().int().min(0).optional(),
  /** `CLOCK_SKEW` (and any other refusal): the head office's clock when it answered. */
  serverTime: isoTime.optional(),
  /** `BATCH_TOO_LARGE`: the limits. */
  maxEvents: z.number().int().optional(),
  maxBytes: z.number().int().optional()
})
export type SyncError = z.infer<typeof syncErrorSchema>
export const syncErrorAnswerSchema = z.object({ error: syncErrorSchema })
export type SyncErrorAnswer = z.infer<typeof syncErrorAnswerSchema>
