import { z } from 'zod'

/**
 * The till ↔ head-office sync protocol, version 1: every request and answer on the wire, declared
 * once for both sides (the till's sync client in main, the head-office server in `src/server`).
 * Read `README.md` next to this file for the flow; `signing.ts` builds and checks signatures.
 *
 * Stability: this file only grows. New optional fields and new entities may be added; nothing is
 * renamed, removed or made stricter, because an offline till may run an old app for weeks.
 *
 * Units: money is integer minor units of the store currency (fen); times are ISO 8601 strings in
 * UTC with milliseconds (`2026-11-29T08:15:00.000Z`) unless a field says otherwise; hashes are
 * lower-case hex SHA-256; keys and signatures are base64url without padding.
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

const isoTime = z.iso.datetime({ offset: true })
const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits (SHA-256)')
const base64url = z.string().regex(/^[A-Za-z0-9_-]+$/, 'must be base64url without padding')
/** UUIDs as the till makes them (version 7 for events; any version accepted for ids of rows). */
const uuid = z.uuid()
const uuidV7 = z.uuid({ version: 'v7' })

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
 *   410 `ENROL_CODE_EXPIRED`, 409 `KEY_IN_USE` (that public key is already enrolled).
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
  SEQ_GAP: 409,
  BATCH_TOO_LARGE: 413,
  INTERNAL: 500,
  UNAVAILABLE: 503
}

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

// ---------------------------------------------------------------------------------------------
// Enrolment
// ---------------------------------------------------------------------------------------------

/**
 * A one-time enrolment code as printed by `kassa hq enrol-code --store NAME`: 8 characters of
 * Crockford base32 shown as `ABCD-EFGH`. Typed case-insensitively; the hyphen and spaces are
 * optional (`normaliseEnrolCode`).
 */
export const ENROL_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{8}$/

/** Upper-cases, drops spaces and hyphens, maps the look-alikes O→0, I/L→1 (Crockford). */
export function normaliseEnrolCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1')
}

export const enrolRequestSchema = z.object({
  /** The one-time code (normalised or as typed). */
  code: z.string().min(1).max(32),
  /** The till's Ed25519 public key: 32 raw bytes, base64url (43 characters). */
  publicKey: base64url.length(43),
  /** The till app's version (`package.json`), for the head office's till list. */
  appVersion: z.string().max(40),
  /** A name for this till at the head office (host name, "counter 2"); optional. */
  label: z.string().max(80).optional()
})
export type EnrolRequest = z.infer<typeof enrolRequestSchema>

export const enrolAnswerSchema = z.object({
  tillId: uuid,
  storeId: uuid,
  storeName: z.string(),
  /** `T01`…`T99` then `T100`…: unique within the head office; prints in the till's order numbers. */
  tillCode: z.string().regex(/^T\d{2,}$/),
  serverTime: isoTime
})
export type EnrolAnswer = z.infer<typeof enrolAnswerSchema>

// ---------------------------------------------------------------------------------------------
// Push (till → head office)
// ---------------------------------------------------------------------------------------------

/**
 * The version every event type has today. A till stamps the version its code writes; the head
 * office upgrades every older version it ever accepted (and quarantines a newer one it cannot read
 * yet, to apply after it is updated). A type missing here is version 1.
 */
export const EVENT_VERSIONS: Readonly<Record<string, number>> = {
  'order.paid': 1,
  /** 2: `voidedAt`, the moment of the void (v1: only the event's `at`, stamped a moment later). */
  'order.voided': 2,
  'order.cancelled': 1,
  /**
   * 2: each tender's `cashRounding` — what the drawer gave back beyond the refunded share (a
   * cash-rounded sale's cash refund), so `amount − cashRounding` is the share the Z-report counts.
   */
  'refund.created': 2,
  /** 2: `at`, the moment the tender was settled (v1: only the event's `at`). */
  'refund.tender_succeeded': 2,
  'refund.tender_failed': 2,
  'shift.opened': 1,
  'shift.closed': 1
}

/** The version a till stamps on an event of `type` (1 unless `EVENT_VERSIONS` says otherwise). */
export function eventVersion(type: string): number {
  return EVENT_VERSIONS[type] ?? 1
}

export const pushedEventSchema = z.object({
  /** Must be the signing till. */
  tillId: uuid,
  /** The till's outbox sequence: 1, 2, 3 … with no gaps. */
  seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  /** The outbox event's id (UUIDv7, made by the till). */
  id: uuidV7,
  /** `order.paid`, `refund.created`, … */
  type: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-z][a-z0-9_.-]*$/, 'must be a lower-case event type such as order.paid'),
  /** The payload's version for this type (see `EVENT_VERSIONS`). */
  version: z.number().int().min(1).max(1000),
  /** When the till committed it, by the till's clock (kept as sent, even if the clock was off). */
  at: isoTime,
  /** The row the event is about (order id, shift id …). */
  aggregateId: z.string().max(200),
  /**
   * The payload exactly as the till's outbox holds it: JSON text. Sent as text so the hash is over
   * the very bytes stored, with no re-serialisation on either side.
   */
  payload: z.string().max(MAX_BATCH_BYTES),
  /** SHA-256 of `payload`'s UTF-8 bytes. */
  payloadSha256: hex64
})
export type PushedEvent = z.infer<typeof pushedEventSchema>

/**
 * One batch: the till's outbox events in order, `seq` strictly consecutive within the batch.
 * The first `seq` may be at or below what the head office holds (a re-push after a lost answer);
 * it must not be beyond `highestContiguousSeq + 1` (else 409 `SEQ_GAP`).
 */
export const pushRequestSchema = z
  .object({
    tillId: uuid,
    /** The till's own clock when it sent the batch, uncorrected: how skew is detected and flagged. */
    sentAt: isoTime,
    appVersion: z.string().max(40).optional(),
    /**
     * The till's outbox when it sent the batch: events not yet acknowledged (this batch included)
     * and when the oldest of them was written — the head office's dashboard shows who is behind.
     */
    backlog: z.object({ count: z.number().int().min(0), oldestAt: isoTime.nullable() }).optional(),
    /**
     * What stays unsynced on the till once every event of this batch is acknowledged (events after
     * its last seq) and when the oldest of them was written. Preferred over `backlog`, which counts
     * the batch itself (a duplicate batch made it look as if events were still waiting).
     */
    remaining: z.object({ count: z.number().int().min(0), oldestAt: isoTime.nullable() }).optional(),
    events: z.array(pushedEventSchema).min(1).max(MAX_BATCH_EVENTS)
  })
  .superRefine((batch, ctx) => {
    batch.events.forEach((event, i) => {
      if (i > 0 && event.seq !== batch.events[i - 1]!.seq + 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['events', i, 'seq'],
          message: 'must follow the previous seq by 1'
        })
      }
    })
  })
export type PushRequest = z.infer<typeof pushRequestSchema>

/**
 * What happened to each event of an accepted batch:
 * - `stored` — new, stored and applied to the head office's figures;
 * - `duplicate` — the head office already held this (till, seq) with the same hash: ignored;
 * - `quarantined` — new, stored, but not applicable (unknown type or version, a payload that breaks
 *   a business rule): held for a person with `reason`; the till treats it as synced;
 * - `collision` — the head office holds this (till, seq) with another hash (a till restored from an
 *   old backup): this copy is kept beside it and an anomaly is recorded; an event id the head office
 *   never saw is a different event and is applied under its own id, once (so nothing a cashier rang
 *   up after the restore is lost); the till treats it as synced.
 */
export const EVENT_OUTCOMES = ['stored', 'duplicate', 'quarantined', 'collision'] as const
export type EventOutcome = (typeof EVENT_OUTCOMES)[number]

export const pushAnswerSchema = z.object({
  /** The highest seq such that the head office holds every seq from 1 to it. The till marks synced up to here. */
  highestContiguousSeq: z.number().int().min(0),
  outcomes: z.array(
    z.object({
      seq: z.number().int().min(1),
      outcome: z.enum(EVENT_OUTCOMES),
      reason: z.string().optional()
    })
  ),
  /** Set when the till's `sentAt` was more than `CLOCK_SKEW_FLAG_MS` off: till clock − head-office clock. */
  clockSkewMs: z.number().int().nullable(),
  serverTime: isoTime
})
export type PushAnswer = z.infer<typeof pushAnswerSchema>

// ---------------------------------------------------------------------------------------------
// Status
// ---------------------------------------------------------------------------------------------

export const tillStatusSchema = z.object({
  tillId: uuid,
  storeId: uuid,
  storeName: z.string(),
  tillCode: z.string(),
  /** As in `PushAnswer`: a restored till learns here where to resume. */
  highestContiguousSeq: z.number().int().min(0),
  /** The store's master-data revision now (compare with the cursor the till holds). */
  revision: z.number().int().min(0),
  serverTime: isoTime
})
export type TillStatus = z.infer<typeof tillStatusSchema>

// ---------------------------------------------------------------------------------------------
// Pull (head office → till): master data
// ---------------------------------------------------------------------------------------------

/**
 * Query of `GET /sync/v1/pull`. All optional; numbers as decimal strings in the query.
 * - `cursor`: opaque, as the last page answered (`""`/absent = from the beginning);
 * - `limit`: page size (default 500, at most 2,000);
 * - `wait`: seconds to hold the request open when nothing is newer than `cursor` (0–25).
 */
export const pullQuerySchema = z.object({
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).optional(),
  wait: z.coerce.number().int().min(0).max(MAX_PULL_WAIT_SECONDS).optional()
})
export type PullQuery = z.infer<typeof pullQuerySchema>

const decimalString = z.string().regex(/^\d+(\.\d+)?$/, 'must be a decimal string such as 0.13')
const minor = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)

export const categoryDataSchema = z.object({
  id: uuid,
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  sortOrder: z.number().int(),
  active: z.boolean()
})

/** A product with the store's price: a price change is a new revision of its product. */
export const productDataSchema = z.object({
  id: uuid,
  sku: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  categoryId: uuid.nullable(),
  /** This store's price, minor units. */
  priceMinor: minor,
  taxRate: decimalString,
  unit: z.enum(['piece', 'kg']),
  active: z.boolean()
})

/** The change's `id` is the barcode itself. */
export const barcodeDataSchema = z.object({
  barcode: z.string(),
  productId: uuid,
  position: z.number().int().min(0)
})

export const couponDataSchema = z.object({
  id: uuid,
  code: z.string(),
  type: z.enum(['rate', 'amount']),
  /** For `rate`: a decimal fraction such as `0.10`. */
  rate: decimalString.nullable(),
  amountMinor: minor.nullable(),
  minSpendMinor: minor.nullable(),
  validFrom: isoTime.nullable(),
  validTo: isoTime.nullable(),
  /** The chain-wide limit; each till may use only its `coupon_allotment`. Null = unlimited. */
  usageLimit: z.number().int().min(1).nullable(),
  active: z.boolean()
})

/**
 * This till's share of a limited coupon (only the pulling till's allotments are sent). `uses` is
 * the total number of redemptions this till may have made, counting those already made: the till
 * redeems while its own count is below it. The head office raises it as other tills sync; a use
 * beyond it that still happens (a restored till) is an anomaly at the head office, never refused.
 * The change's `id` is the coupon id.
 */
export const couponAllotmentDataSchema = z.object({
  couponId: uuid,
  tillId: uuid,
  uses: z.number().int().min(0)
})

/** Staff: hashes only, in the till's own scrypt format; never a password or PIN. */
export const staffDataSchema = z.object({
  id: uuid,
  username: z.string(),
  displayName: z.string(),
  role: z.enum(['cashier', 'manager', 'owner']),
  passwordHash: z.string(),
  pinHash: z.string(),
  active: z.boolean()
})

/** Store settings; the change's `id` is `store`. */
export const settingsDataSchema = z.object({
  storeName: z.string(),
  currency: z.string(),
  locale: z.string(),
  rounding: z.enum(['half-up', 'half-even']),
  taxMode: z.enum(['inclusive', 'exclusive']),
  cashIncrement: decimalString.nullable(),
  /**
   * The store's IANA time zone, the head office's master data: an enrolled till keeps its business
   * days in it (absent from an older head office: the till keeps its own).
   */
  timeZone: z.string().optional(),
  /**
   * What the till may still edit locally while enrolled (the head office owns master data; an
   * owner may allow local edits for a store). Refuse local edits where false, and say so on screen.
   */
  localEdits: z.object({ catalog: z.boolean(), coupons: z.boolean(), staff: z.boolean() })
})

export const MASTER_ENTITIES = [
  'category',
  'product',
  'barcode',
  'coupon',
  'coupon_allotment',
  'staff',
  'settings'
] as const
export type MasterEntity = (typeof MASTER_ENTITIES)[number]

/** The data of a `put`, by entity. */
export const masterDataSchemas = {
  category: categoryDataSchema,
  product: productDataSchema,
  barcode: barcodeDataSchema,
  coupon: couponDataSchema,
  coupon_allotment: couponAllotmentDataSchema,
  staff: staffDataSchema,
  settings: settingsDataSchema
} as const satisfies Record<MasterEntity, z.ZodType>

export type MasterData<E extends MasterEntity> = z.infer<(typeof masterDataSchemas)[E]>

const putOf = <E extends MasterEntity>(entity: E) =>
  z.object({
    entity: z.literal(entity),
    id: z.string(),
    op: z.literal('put'),
    /** The store revision that produced this version of the row. */
    revision: z.number().int().min(1),
    data: masterDataSchemas[entity]
  })

/**
 * One change to apply on the till. A `put` replaces the whole row (insert or update by id); a
 * `delete` removes it (or deactivates it where the till's history still points at it).
 */
export const masterChangeSchema = z.union([
  putOf('category'),
  putOf('product'),
  putOf('barcode'),
  putOf('coupon'),
  putOf('coupon_allotment'),
  putOf('staff'),
  putOf('settings'),
  z.object({
    entity: z.enum(MASTER_ENTITIES),
    id: z.string(),
    op: z.literal('delete'),
    revision: z.number().int().min(1)
  })
])
export type MasterChange = z.infer<typeof masterChangeSchema>

/**
 * A page of master data. Apply it in one transaction, then save `cursor` — only after commit.
 * - `reset: true`: the cursor the till sent is unknown or too old (or this is the first pull):
 *   in the same transaction, drop every head-office-owned row before applying `changes`; the pages
 *   that follow (`more`) continue the full copy.
 * - `more: true`: pull again at once with the new cursor; false: the till is up to date as of
 *   `revision` (an empty page after a long-poll timed out is normal).
 */
export const pullAnswerSchema = z.object({
  reset: z.boolean(),
  changes: z.array(masterChangeSchema),
  cursor: z.string(),
  more: z.boolean(),
  /** The store revision the till holds once this page is applied and nothing is `more`. */
  revision: z.number().int().min(0),
  serverTime: isoTime
})
export type PullAnswer = z.infer<typeof pullAnswerSchema>
