import { businessDate } from '@shared/time/zone'
import type { SqlTx } from '../db/types'
import { detectCouponOverLimit } from './coupon-limit'
import { parsePayload, text, type DetectContext, type DetectedEvent } from './facts'
import { detectLateEvents } from './late-events'
import { detectReceiptGaps } from './receipt-gaps'
import { recordAnomaly } from './record'

export type { DetectContext, DetectedEvent } from './facts'

/** Event types whose quarantine leaves money out of the head office's figures. */
const MONEY_TYPES = /^(order|refund|shift|settlement)\./

/**
 * Every anomaly the facts of one till's events show, in the caller's transaction (the push's, or
 * the catch-up's): receipt-number gaps, seq collisions, coupons over their global limit, money
 * events for a day already closed, quarantined events. `events` are in seq order; detection is
 * idempotent (deterministic ids, ON CONFLICT), so running it again over the same events changes
 * nothing. Clock skew is a fact of the request, not of an event: the push records it.
 */
export async function detectAnomalies(
  tx: SqlTx,
  ctx: DetectContext,
  events: readonly DetectedEvent[]
): Promise<void> {
  if (events.length === 0) return
  await detectReceiptGaps(tx, ctx, events)
  await detectLateEvents(tx, ctx, events)
  await detectCouponOverLimit(tx, ctx, events)
  const day = businessDate(ctx.at, ctx.timeZone)
  const collided = events.filter((e) => e.status === 'collision')
  if (collided.length > 0) {
    // One restore is one incident: its collisions of a day are one anomaly, each seq an event of it.
    // The receipt number each colliding sale or refund re-used is named: two different sales under
    // one number is what a person must see (both are counted; see push-service.ts).
    const [held] = await tx.query<{ detail: string }>(
      'SELECT detail FROM anomalies WHERE till_id = ? AND id = ?',
      [ctx.tillId, `seq-collision:${day}`]
    )
    const reused = new Set<string>(
      held ? ((JSON.parse(held.detail) as { reusedNumbers?: string[] }).reusedNumbers ?? []) : []
    )
    for (const e of collided) {
      const number = /^(order|refund)\./.test(e.type) ? text(parsePayload(e)?.['number']) : null
      if (number) reused.add(number)
    }
    await recordAnomaly(tx, {
      tillId: ctx.tillId,
      storeId: ctx.storeId,
      id: `seq-collision:${day}`,
      kind: 'seq-collision',
      severity: 'high',
      detail: {
        firstSeq: collided[0]!.seq,
        lastSeq: collided.at(-1)!.seq,
        receivedDay: day,
        reusedNumbers: [...reused]
      },
      events: collided.map((e) => ({
        tillId: ctx.tillId,
        seq: e.seq,
        eventId: e.eventId,
        info: {
          copy: 'received',
          type: e.type,
          heldSha256: e.heldSha256 ?? null,
          receivedSha256: e.payloadSha256,
          ...(/^(order|refund)\./.test(e.type) && text(parsePayload(e)?.['number'])
            ? { number: text(parsePayload(e)?.['number']) }
            : {})
        }
      })),
      at: ctx.at
    })
  }
  await detectZoneDiffers(tx, ctx, events)
  const quarantined = new Map<string, DetectedEvent[]>()
  for (const event of events.filter((e) => e.status === 'quarantined'))
    quarantined
      .set(event.type, quarantined.get(event.type) ?? [])
      .get(event.type)!
      .push(event)
  for (const [type, held] of quarantined) {
    await recordAnomaly(tx, {
      tillId: ctx.tillId,
      storeId: ctx.storeId,
      id: `quarantined:${type}:${day}`,
      kind: 'quarantined',
      severity: MONEY_TYPES.test(type) ? 'high' : 'medium',
      detail: { type, reason: held.at(-1)!.reason, receivedDay: day },
      events: held.map((e) => ({
        tillId: ctx.tillId,
        seq: e.seq,
        eventId: e.eventId,
        info: { reason: e.reason }
      })),
      at: ctx.at
    })
  }
}

/**
 * A till that says (`settings.updated`) it keeps its business days in another time zone than its
 * store's. While its latest zone differs, its days at the head office, cut in the store's zone,
 * cannot be its Z-reports (the day report shows them `zone-differs`): high. Once it says the
 * store's zone (it took it from the pull), it recomputes every day in that zone, so the head
 * office's figures are its reports again; what stays true is that a Z-report it printed back then,
 * in the other zone, differs: low, and the till's earlier zone anomalies are lowered to that note
 * (`caughtUpAt`). One anomaly per till and zone, its events the settings. Events in seq order.
 */
async function detectZoneDiffers(tx: SqlTx, ctx: DetectContext, events: readonly DetectedEvent[]) {
  const differing = new Map<string, DetectedEvent[]>()
  let latest: { zone: string; at: string } | null = null
  for (const event of events) {
    if (event.type !== 'settings.updated' || event.status === 'quarantined' || event.status === 'collision')
      continue
    const zone = parsePayload(event)?.['timeZone']
    if (typeof zone !== 'string' || zone === '') continue
    latest = { zone, at: event.at }
    if (zone !== ctx.timeZone) differing.set(zone, [...(differing.get(zone) ?? []), event])
  }
  if (!latest) return
  const caughtUpAt = latest.zone === ctx.timeZone ? latest.at : null
  for (const [zone, said] of differing)
    await recordAnomaly(tx, {
      tillId: ctx.tillId,
      storeId: ctx.storeId,
      id: `zone-differs:${zone}`,
      kind: 'zone-differs',
      severity: caughtUpAt ? 'low' : 'high',
      detail: {
        tillTimeZone: zone,
        storeTimeZone: ctx.timeZone,
        since: said[0]!.at,
        ...(caughtUpAt ? { caughtUpAt } : {})
      },
      events: said.map((e) => ({
        tillId: ctx.tillId,
        seq: e.seq,
        eventId: e.eventId,
        info: { timeZone: zone }
      })),
      at: ctx.at
    })
  if (!caughtUpAt) return
  // Zones said in earlier pushes: recordAnomaly only raises severity, so lower them here.
  const held = await tx.query<{ id: string; detail: string }>(
    "SELECT id, detail FROM anomalies WHERE till_id = ? AND kind = 'zone-differs' AND severity <> 'low'",
    [ctx.tillId]
  )
  for (const row of held) {
    const detail = JSON.parse(row.detail) as Record<string, unknown>
    await tx.run("UPDATE anomalies SET severity = 'low', detail = ? WHERE till_id = ? AND id = ?", [
      JSON.stringify({ ...detail, storeTimeZone: ctx.timeZone, caughtUpAt }),
      ctx.tillId,
      row.id
    ])
  }
}

/** A clock more than 5 min off (flagged, never refused), once per till and day, by how far off. */
export async function recordClockSkew(
  tx: SqlTx,
  ctx: DetectContext,
  skew: { skewMs: number; sentAt: string; firstSeq: number; lastSeq: number }
): Promise<void> {
  const off = Math.abs(skew.skewMs)
  await recordAnomaly(tx, {
    tillId: ctx.tillId,
    storeId: ctx.storeId,
    id: `clock-skew:${businessDate(ctx.at, ctx.timeZone)}`,
    kind: 'clock-skew',
    severity: off >= 24 * 3600_000 ? 'high' : off >= 3600_000 ? 'medium' : 'low',
    detail: {
      skewMs: skew.skewMs,
      sentAt: skew.sentAt,
      receivedAt: ctx.at,
      firstSeq: skew.firstSeq,
      lastSeq: skew.lastSeq
    },
    at: ctx.at
  })
}
