import { defaultUpgraders, upgradePayload } from '../push/upgraders'

// A till's events as the head office's reports read them: payloads at the version the head office
// reads (older ones upgraded as the projections saw them), and the figures a report takes from them.

/** An event as stored: the payload's text at the version the till wrote. */
export interface StoredEvent {
  type: string
  version: number
  at: string
  payload: string
}

/** The columns of `events` (aliased `alias`) a `StoredEvent` is read from. */
export const stored = (alias: string) =>
  `${alias}.type AS ${alias}_type, ${alias}.version AS ${alias}_version, ${alias}.at AS ${alias}_at, ${alias}.payload AS ${alias}_payload`
/**
 * Joins, as `alias`, the event behind a projection row `row` (its `till_id`, `event_id`): the
 * stored event or — a sale rung up after a restore, projected under its own event id though its
 * seq collided (`push/push-service.ts`) — its first kept copy in `event_collisions`. Select its
 * columns with `storedHeld(alias)`.
 */
export const joinHeld = (alias: string, row: string) =>
  `LEFT JOIN events ${alias} ON ${alias}.till_id = ${row}.till_id AND ${alias}.event_id = ${row}.event_id
   LEFT JOIN event_collisions ${alias}_c ON ${alias}.event_id IS NULL AND ${alias}_c.till_id = ${row}.till_id
     AND ${alias}_c.event_id = ${row}.event_id AND ${alias}_c.seq = (SELECT MIN(m.seq) FROM event_collisions m
       WHERE m.till_id = ${row}.till_id AND m.event_id = ${row}.event_id)`
/** `stored(alias)` for an event joined with `joinHeld`. */
export const storedHeld = (alias: string) =>
  ['type', 'version', 'at', 'payload']
    .map((c) => `COALESCE(${alias}.${c}, ${alias}_c.${c}) AS ${alias}_${c}`)
    .join(', ')
export const storedOf = (row: Record<string, unknown>, alias: string): StoredEvent => ({
  type: String(row[`${alias}_type`]),
  version: Number(row[`${alias}_version`]),
  at: String(row[`${alias}_at`]),
  payload: String(row[`${alias}_payload`])
})

/**
 * An event's payload at the version the head office reads: an older one upgraded exactly as the
 * projections saw it (`upgraders.ts`), so the report reads every till's events alike.
 */
export function payloadOf(event: StoredEvent): unknown {
  const upgraded = upgradePayload(defaultUpgraders, event.type, event.version, JSON.parse(event.payload), {
    at: event.at
  })
  // Only applied events are joined here, and those were upgraded once already.
  if (!upgraded.ok) throw new Error(upgraded.reason)
  return upgraded.payload
}

export const orderPaid = (event: StoredEvent) =>
  payloadOf(event) as {
    currency: string
    paidAt: string
    cashierUserId?: string | null
    cashierName?: string | null
    grossTotal?: number
    lineDiscountTotal?: number
    orderDiscountTotal?: number
    taxTotal?: number
    total: number
    cashRounding: number
    lines?: Array<{
      id?: string
      sku: string
      name: string
      nameEn: string | null
      taxRate: string
      quantity: string
      total: number
      tax: number
    }>
    payments: Array<{ method: string; amount: number; status: string }>
  }

/** `refund.created` as read (version 2): each tender with its tax and cash rounding, minor units. */
export interface RefundPayload {
  amount: number
  tax: number
  tenders?: Array<{ outRequestNo: string; amount: number; tax?: number; cashRounding?: number }>
}

export const tenderOf = (refund: RefundPayload, tenderId: string) =>
  (refund.tenders ?? []).find((t) => t.outRequestNo === tenderId)

/**
 * A refund tender's tax, minor units: as the event carries it, or — for a till that sent no
 * per-tender tax — the refund's tax shared in proportion to the tenders' amounts, the remainder
 * on the last tender.
 */
export function tenderTax(refund: RefundPayload, tenderId: string): number {
  const tenders = refund.tenders ?? []
  const tender = tenders.find((t) => t.outRequestNo === tenderId)
  if (!tender) return 0
  if (typeof tender.tax === 'number') return tender.tax
  if (refund.amount === 0) return 0
  const shares = tenders.map((t) => Math.floor((refund.tax * t.amount) / refund.amount))
  shares[shares.length - 1] = refund.tax - shares.slice(0, -1).reduce((a, b) => a + b, 0)
  return shares[tenders.indexOf(tender)] ?? 0
}
