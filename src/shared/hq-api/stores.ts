import { z } from 'zod'
import { text } from '../contract/text'
import { validationText } from '../validation/messages'
import { ANY_ROLE, OWNER, WRITERS, route } from './route'

/** An IANA time zone the runtime knows (`Asia/Shanghai`); a store's business day is its local date. */
export const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine(
    (zone) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: zone })
        return true
      } catch {
        return false
      }
    },
    // Names an example the person can copy, and the server's refusal carries its key.
    { message: validationText('timeZoneExample', { example: 'Asia/Shanghai' }) }
  )

/** The longest store name: it heads cards, filters and reports (the till's own setting takes as many). */
export const STORE_NAME_MAX = 80

/** A store's name as typed: trimmed, 1 to STORE_NAME_MAX characters (API, CLI and screens alike). */
// `.min(1)` without words of its own: zod's reason maps to `errors.validation.empty`.
export const storeNameSchema = text({ trim: true, max: STORE_NAME_MAX }).min(1)

export const tillSchema = z.object({
  id: z.string(),
  code: z.string(),
  label: z.string().nullable(),
  status: z.enum(['active', 'revoked']),
  appVersion: z.string().nullable(),
  enrolledAt: z.string(),
  /** The last push that reached the head office (ISO), or null. */
  lastSeenAt: z.string().nullable(),
  /** Events the till said were waiting to be pushed, when it last pushed (null: it never said). */
  backlog: z.number().int().nullable(),
  /** When the oldest event still waiting on the till was written (ISO), as the till last said. */
  oldestUnsyncedAt: z.string().nullable(),
  /** The till's clock − the head office's at its last push, ms (null: never pushed). */
  clockOffsetMs: z.number().int().nullable(),
  highSeq: z.number().int()
})
export type HqTill = z.infer<typeof tillSchema>

export const storeSchema = z.object({
  id: z.string(),
  name: z.string(),
  timeZone: z.string(),
  createdAt: z.string(),
  tills: z.array(tillSchema)
})
export type HqStore = z.infer<typeof storeSchema>

/** Stores, their tills and what the sync knows of each, and enrolment codes. */
export const storesApi = {
  list: route({
    method: 'GET',
    path: '/stores',
    input: z.object({}),
    output: z.object({
      stores: z.array(storeSchema),
      serverTime: z.string(),
      /** The head office machine's own IANA zone: what the new-store form starts from. */
      hqTimeZone: z.string()
    }),
    roles: ANY_ROLE
  }),
  create: route({
    method: 'POST',
    path: '/stores',
    input: z.object({ name: storeNameSchema, timeZone: timeZoneSchema }),
    output: storeSchema,
    roles: OWNER
  }),
  /**
   * Moves a store to another time zone; the change is published to its tills (a new master
   * revision), which keep their business days in it from then on.
   */
  setTimeZone: route({
    method: 'POST',
    path: '/stores/time-zone',
    input: z.object({ storeId: z.string().uuid(), timeZone: timeZoneSchema }),
    output: z.object({ timeZone: z.string(), revision: z.number().int() }),
    roles: OWNER,
    storeField: 'storeId'
  }),
  /**
   * What moving a store to `timeZone` would do to its past days (nothing is published): each day
   * whose orders or total (minor units) move, newest first. Shown before the owner confirms.
   */
  zonePreview: route({
    method: 'POST',
    path: '/stores/time-zone/preview',
    input: z.object({ storeId: z.string().uuid(), timeZone: timeZoneSchema }),
    output: z.object({
      currency: z.string().nullable(),
      days: z.array(
        z.object({
          date: z.string(),
          before: z.object({ orders: z.number().int(), total: z.number().int() }),
          after: z.object({ orders: z.number().int(), total: z.number().int() })
        })
      )
    }),
    roles: OWNER,
    storeField: 'storeId'
  }),
  enrolCode: route({
    method: 'POST',
    path: '/stores/enrol-code',
    input: z.object({ storeId: z.string().uuid() }),
    output: z.object({ code: z.string(), expiresAt: z.string() }),
    roles: WRITERS,
    storeField: 'storeId'
  })
}
