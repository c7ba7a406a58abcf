import { z } from 'zod'
import { masterChangeSchema } from './master-data'
import { base64url, hex64, isoTime, uuid, uuidV7 } from './fields'
import { MAX_BATCH_BYTES, MAX_BATCH_EVENTS, MAX_PULL_LIMIT, MAX_PULL_WAIT_SECONDS } from './wire'

/**
 * The four exchanges, each request beside its answer: enrolment, push (till → head office),
 * status, and pull (head office → till). Part of `protocol.ts`, which re-exports it; the same
 * stability rule holds (this file only grows).
 */

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

/**
 * Body of `POST /sync/v1/enrol`, signed with the key it enrols (refusals: `ENROL_CODE_*`,
 * `STORE_MISMATCH`, `REVOKED`). A till that was enrolled before sends the key it kept: the head
 * office that knows the key answers with that till (re-enrolment, see `enrol-service.ts`).
 */
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

/** Answer to an enrolment: who the till now is at the head office. */
export const enrolAnswerSchema = z.object({
  tillId: uuid,
  storeId: uuid,
  storeName: z.string(),
  /** `T01`…`T99` then `T100`…: unique within the head office; prints in the till's order numbers. */
  tillCode: z.string().regex(/^T\d{2,}$/),
  serverTime: isoTime,
  /**
   * The key is one the head office already knows: the till continues as the till it was (same id
   * and code), and `highestContiguousSeq` is where its push resumes. Absent from older head offices.
   */
  reenrolled: z.boolean().optional(),
  highestContiguousSeq: z.number().int().min(0).optional()
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

/** One outbox event as pushed: the envelope the head office checks, with the payload as stored. */
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

/** Answer to an accepted push: how far the till may mark synced, and each event's outcome. */
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

/** Answer of `GET /sync/v1/status`: what the head office holds for this till. */
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
