import { z } from 'zod'
import { ANY_ROLE, WRITERS, route } from './route'

export const ANOMALY_KINDS = [
  'receipt-gap',
  'seq-collision',
  'coupon-over-limit',
  'coupon-overuse',
  'late-event',
  'quarantined',
  'clock-skew',
  'zone-differs'
] as const
export const ANOMALY_SEVERITIES = ['high', 'medium', 'low'] as const

const kind = z.enum(ANOMALY_KINDS)
const severity = z.enum(ANOMALY_SEVERITIES)

export const anomalySchema = z.object({
  /** `<till id>~<id>` (till id empty for a store-wide anomaly, e.g. a coupon's global limit). */
  key: z.string(),
  kind,
  severity,
  storeId: z.string(),
  storeName: z.string(),
  tills: z.array(z.object({ id: z.string(), code: z.string(), label: z.string().nullable() })),
  /** The events behind it (the first 50; `eventCount` counts them all). */
  events: z.array(
    z.object({
      tillId: z.string(),
      tillCode: z.string(),
      seq: z.number().int(),
      eventId: z.string().nullable(),
      info: z.record(z.string(), z.unknown())
    })
  ),
  eventCount: z.number().int(),
  /** Kind-specific facts (receipt numbers missing, the coupon and its limit, the skew in ms…). */
  detail: z.record(z.string(), z.unknown()),
  firstSeen: z.string(),
  lastSeen: z.string(),
  status: z.enum(['open', 'resolved']),
  /** Who resolved it, when, and why (userId null: the facts settled it, e.g. a missing number arrived). */
  resolution: z
    .object({
      at: z.string(),
      userId: z.string().nullable(),
      userName: z.string().nullable(),
      note: z.string()
    })
    .nullable(),
  seenAfterResolution: z.boolean()
})
export type HqAnomaly = z.infer<typeof anomalySchema>

const counts = z.object({ high: z.number().int(), medium: z.number().int(), low: z.number().int() })

/** The anomalies inbox: what the tills' events show is wrong, for a person to look at and resolve. */
export const anomaliesApi = {
  list: route({
    method: 'GET',
    path: '/anomalies',
    input: z.object({
      storeId: z.string().uuid().optional(),
      kind: kind.optional(),
      severity: severity.optional(),
      status: z.enum(['open', 'resolved']).default('open'),
      tillId: z.string().min(1).max(100).optional()
    }),
    output: z.object({ anomalies: z.array(anomalySchema), open: counts }),
    roles: ANY_ROLE,
    storeField: 'storeId'
  }),
  /** Open anomalies per severity (the dashboard's count). */
  counts: route({
    method: 'GET',
    path: '/anomalies/counts',
    input: z.object({}),
    output: counts,
    roles: ANY_ROLE
  }),
  /** One event as the head office holds it (an anomaly's event link). */
  event: route({
    method: 'GET',
    path: '/anomalies/event',
    input: z.object({ tillId: z.string().min(1).max(100), seq: z.coerce.number().int().min(1) }),
    output: z.object({
      tillId: z.string(),
      tillCode: z.string(),
      storeId: z.string(),
      seq: z.number().int(),
      eventId: z.string(),
      type: z.string(),
      version: z.number().int(),
      at: z.string(),
      receivedAt: z.string(),
      status: z.string(),
      reason: z.string().nullable(),
      payload: z.string(),
      /** Other copies of this seq that arrived with another hash (a till restored from a backup). */
      collisions: z.array(
        z.object({ eventId: z.string(), type: z.string(), at: z.string(), payload: z.string() })
      )
    }),
    roles: ANY_ROLE
  }),
  /** Resolves an open anomaly with a note (owner; a manager of its store). Audited. */
  resolve: route({
    method: 'POST',
    path: '/anomalies/resolve',
    input: z.object({ key: z.string().min(2).max(500), note: z.string().trim().min(1).max(1000) }),
    output: anomalySchema,
    roles: WRITERS
  })
}
