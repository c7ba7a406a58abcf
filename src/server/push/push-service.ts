import { createHash } from 'node:crypto'
import {
  CLOCK_SKEW_FLAG_MS,
  type EventOutcome,
  type PushAnswer,
  type PushRequest
} from '@shared/sync/protocol'
import { detectAnomalies, recordClockSkew, type DetectedEvent } from '../anomalies/detect'
import type { HqClock } from '../clock'
import type { HqDatabase, SqlTx, SqlValue } from '../db/types'
import { SyncRefusal } from '../errors'
import { rebalanceAllotments } from '../pull/allotments'
import { recordNonce, type TillRow } from '../auth/verify-request'
import { backlogLeft } from './backlog'
import { projectStored, type CollisionStatus } from './held-events'
import { applyProjections, type Projection } from './projections'
import type { UpgraderRegistry } from './upgraders'

const EVENT_COLUMNS = [
  'till_id',
  'seq',
  'event_id',
  'store_id',
  'type',
  'version',
  'at',
  'aggregate_id',
  'payload',
  'payload_sha256',
  'received_at',
  'status',
  'reason'
] as const
const COLLISION_COLUMNS = [
  'till_id',
  'seq',
  'payload_sha256',
  'event_id',
  'type',
  'version',
  'at',
  'aggregate_id',
  'payload',
  'received_at',
  'store_id',
  'status',
  'reason'
] as const

export interface PushDeps {
  db: HqDatabase
  clock: HqClock
  upgraders: UpgraderRegistry
  /** Called after a commit that published master data for the store (coupon allotments). */
  onPublished(storeId: string): void
}

/** Checks every event's hash and till before anything is written (HASH_MISMATCH, FOREIGN_TILL). */
export function checkBatch(till: TillRow, batch: PushRequest): void {
  if (batch.tillId !== till.id)
    throw new SyncRefusal('FOREIGN_TILL', 'the batch names another till than the one that signed it', {
      field: 'tillId'
    })
  batch.events.forEach((event, i) => {
    if (event.tillId !== till.id) {
      throw new SyncRefusal('FOREIGN_TILL', `events[${i}] belongs to another till`, {
        field: `events[${i}].tillId`
      })
    }
    const hash = createHash('sha256').update(event.payload, 'utf8').digest('hex')
    if (hash !== event.payloadSha256) {
      throw new SyncRefusal('HASH_MISMATCH', `events[${i}].payloadSha256 is not the SHA-256 of its payload`, {
        field: `events[${i}].payloadSha256`
      })
    }
  })
}

/** What applying the event means, decided before the transaction (pure). */
function decide(
  upgraders: UpgraderRegistry,
  till: TillRow,
  timeZone: string,
  event: PushRequest['events'][number]
): Projection {
  return projectStored(upgraders, {
    till_id: till.id,
    seq: event.seq,
    event_id: event.id,
    store_id: till.store_id,
    type: event.type,
    version: event.version,
    at: event.at,
    payload: event.payload,
    time_zone: timeZone
  })
}

/**
 * Stores one batch of a till's outbox in one transaction (lesson 1 of SYNC.md):
 * the till's row is locked (`FOR UPDATE`) so two pushers for one till take turns; a batch starting
 * beyond `high_seq + 1` is refused (`SEQ_GAP` with `resumeFrom`); events at or below `high_seq` are
 * duplicates when their hash matches and seq collisions (kept in `event_collisions`, an anomaly)
 * when it does not — a collision carrying an event id the head office never saw is another sale
 * and is projected under its own id, once (`checkHeld`); new events are stored with their projection status (applied, recorded, or
 * quarantined with a reason — never refused) and `high_seq` moves to the last one, in the same
 * transaction. A till clock more than 5 min off is flagged, never refused. Anomalies (receipt-number
 * gaps, collisions, coupons over their limit, late and quarantined events; `anomalies/detect.ts`)
 * are recorded in the same transaction, so none is lost to a crash between storing and looking.
 */
export async function pushBatch(
  deps: PushDeps,
  till: TillRow,
  batch: PushRequest,
  nonce: string
): Promise<PushAnswer> {
  const { db, clock } = deps
  const now = clock.now()
  const receivedAt = now.toISOString()
  const skew = Date.parse(batch.sentAt) - now.getTime()
  const clockSkewMs = Math.abs(skew) > CLOCK_SKEW_FLAG_MS ? skew : null
  const [store] = await db.query<{ time_zone: string }>('SELECT time_zone FROM stores WHERE id = ?', [
    till.store_id
  ])
  const timeZone = store!.time_zone
  const decisions = new Map<number, Projection>()

  let published = false
  const answer = await db.transaction(async (tx): Promise<PushAnswer> => {
    published = false
    await recordNonce(tx, till.id, nonce, now)
    const [locked] = await tx.query<{ high_seq: number; status: string; anomaly_seq: number }>(
      'SELECT high_seq, status, anomaly_seq FROM tills WHERE id = ? FOR UPDATE',
      [till.id]
    )
    if (locked!.status !== 'active')
      throw new SyncRefusal('REVOKED', 'this till was revoked at the head office')
    const high = Number(locked!.high_seq)
    const first = batch.events[0]!.seq
    if (first > high + 1) {
      throw new SyncRefusal(
        'SEQ_GAP',
        `the head office holds up to seq ${high}; this batch starts at ${first}`,
        {
          resumeFrom: high + 1,
          highestContiguousSeq: high
        }
      )
    }
    const outcomes: PushAnswer['outcomes'] = []
    const old = batch.events.filter((e) => e.seq <= high)
    const fresh = batch.events.filter((e) => e.seq > high)

    const collided =
      old.length > 0
        ? await checkHeld(tx, till, old, receivedAt, outcomes, (event) =>
            decide(deps.upgraders, till, timeZone, event)
          )
        : []

    const applied: Array<{ seq: number; projection: Extract<Projection, { status: 'applied' }> }> = []
    for (const event of fresh) {
      let decision = decisions.get(event.seq)
      if (!decision) decisions.set(event.seq, (decision = decide(deps.upgraders, till, timeZone, event)))
      if (decision.status === 'applied') applied.push({ seq: event.seq, projection: decision })
    }
    const missing = await applyProjections(tx, applied)
    const detected: DetectedEvent[] = []
    const rows: SqlValue[][] = fresh.map((event) => {
      const decision = decisions.get(event.seq)!
      const reason = missing.get(event.seq) ?? (decision.status === 'quarantined' ? decision.reason : null)
      const status = reason ? 'quarantined' : decision.status
      outcomes.push({
        seq: event.seq,
        outcome: status === 'quarantined' ? 'quarantined' : 'stored',
        ...(reason ? { reason } : {})
      })
      detected.push({ ...eventFacts(event), status, reason })
      return [
        till.id,
        event.seq,
        event.id,
        till.store_id,
        event.type,
        event.version,
        event.at,
        event.aggregateId,
        event.payload,
        event.payloadSha256,
        receivedAt,
        status,
        reason
      ]
    })
    // COPY where the engine has it: the till's row lock makes a conflict on (till, seq) impossible.
    await tx.insertMany('events', EVENT_COLUMNS, rows, { plain: true })

    const facts = { tillId: till.id, storeId: till.store_id, timeZone, at: receivedAt }
    if (clockSkewMs !== null) {
      await recordClockSkew(tx, facts, {
        skewMs: clockSkewMs,
        sentAt: batch.sentAt,
        firstSeq: batch.events[0]!.seq,
        lastSeq: batch.events.at(-1)!.seq
      })
    }
    if (applied.some((a) => a.projection.couponCodes.length > 0)) {
      published = await rebalanceAllotments(tx, till.store_id, now)
    }
    const newHigh = fresh.length > 0 ? fresh.at(-1)!.seq : high
    // Anomalies are looked for here when every event before this batch has been (else the
    // catch-up in `anomalies/catch-up.ts` is still behind and takes these events in its turn).
    const cursor = Number(locked!.anomaly_seq)
    const inTurn = cursor === high
    await detectAnomalies(
      tx,
      facts,
      inTurn
        ? [...collided, ...detected].sort((a, b) => a.seq - b.seq)
        : collided.filter((c) => c.seq <= cursor)
    )
    if (inTurn) await tx.run('UPDATE tills SET anomaly_seq = ? WHERE id = ?', [newHigh, till.id])
    const left = backlogLeft(batch, newHigh)
    await tx.run(
      `UPDATE tills SET high_seq = ?, last_push_at = ?, clock_skew_ms = ?, app_version = COALESCE(?, app_version),
         backlog = ?, oldest_unsynced_at = ?, clock_offset_ms = ? WHERE id = ?`,
      [
        newHigh,
        receivedAt,
        clockSkewMs,
        batch.appVersion ?? null,
        left.count,
        left.oldestAt,
        // Unflagged too (the request's transit time included): the dashboard shows every till's.
        skew,
        till.id
      ]
    )
    outcomes.sort((a, b) => a.seq - b.seq)
    return { highestContiguousSeq: newHigh, outcomes, clockSkewMs, serverTime: receivedAt }
  })
  if (published) deps.onPublished(till.store_id)
  return answer
}

const eventFacts = (event: PushRequest['events'][number]) => ({
  seq: event.seq,
  eventId: event.id,
  type: event.type,
  at: event.at,
  payload: event.payload,
  payloadSha256: event.payloadSha256
})

/**
 * Duplicates and seq collisions among events the head office already holds; returns the
 * collisions (kept in `event_collisions`) for anomaly detection.
 *
 * A collision whose event id the head office has never seen (not in `events`, not in an earlier
 * collision) is another sale rung up after a restore: its business effect is projected here, under
 * its own event id (the projections are keyed by the ids its payload carries), exactly once — a
 * resent batch finds the id in `event_collisions` and projects nothing again. A collision whose id
 * the head office already holds is the same event sent with other bytes: nothing is projected.
 * Each kept copy carries what became of it (`status`: applied, recorded, quarantined with its
 * `reason`, or same-id), so the reports (`held-events.ts`) and a re-projection count exactly the
 * applied ones — a restored till's cash moves, day closes and store profiles as well as its sales.
 */
async function checkHeld(
  tx: SqlTx,
  till: TillRow,
  old: PushRequest['events'],
  receivedAt: string,
  outcomes: PushAnswer['outcomes'],
  decideFor: (event: PushRequest['events'][number]) => Projection
): Promise<DetectedEvent[]> {
  const held = new Map(
    (
      await tx.query<{ seq: number; payload_sha256: string }>(
        'SELECT seq, payload_sha256 FROM events WHERE till_id = ? AND seq >= ? AND seq <= ?',
        [till.id, old[0]!.seq, old.at(-1)!.seq]
      )
    ).map((row) => [Number(row.seq), row.payload_sha256])
  )
  const differing = old.filter((event) => held.get(event.seq) !== event.payloadSha256)
  const known = differing.length > 0 ? await knownEventIds(tx, till.id, differing) : new Set<string>()
  const collisions: Array<{ seq: number; row: SqlValue[]; status: CollisionStatus }> = []
  const collided: DetectedEvent[] = []
  const toApply: Array<{ seq: number; projection: Extract<Projection, { status: 'applied' }> }> = []
  const projected = new Map<number, Projection>()
  for (const event of old) {
    const hash = held.get(event.seq)
    let outcome: EventOutcome = 'duplicate'
    let reason: string | undefined
    if (hash !== event.payloadSha256) {
      outcome = 'collision'
      let status: CollisionStatus = 'same-id'
      if (known.has(event.id)) {
        reason = 'the head office holds this event under another form (same event id): not applied again'
      } else {
        known.add(event.id)
        const projection = decideFor(event)
        projected.set(event.seq, projection)
        status = projection.status
        if (projection.status === 'applied') toApply.push({ seq: event.seq, projection })
        reason =
          'the head office holds another event under this seq (a till restored from an old backup?): both are kept and this one is applied under its own event id'
      }
      collisions.push({
        seq: event.seq,
        status,
        row: [
          till.id,
          event.seq,
          event.payloadSha256,
          event.id,
          event.type,
          event.version,
          event.at,
          event.aggregateId,
          event.payload,
          receivedAt,
          till.store_id
        ]
      })
      collided.push({ ...eventFacts(event), status: 'collision', reason: null, heldSha256: hash ?? null })
    }
    outcomes.push({ seq: event.seq, outcome, ...(reason ? { reason } : {}) })
  }
  const missing = await applyProjections(tx, toApply)
  const why = (seq: number): string | null => {
    const projection = projected.get(seq)
    return missing.get(seq) ?? (projection?.status === 'quarantined' ? projection.reason : null)
  }
  for (const outcome of outcomes) {
    const not = why(outcome.seq)
    if (not) outcome.reason = `${outcome.reason ?? ''}; not applicable: ${not}`
  }
  // Kept with what became of each, as events are: the reports and a re-projection read the applied ones.
  const rows = collisions.map(({ seq, row, status }) => {
    const not = status === 'same-id' ? null : why(seq)
    return [...row, not ? 'quarantined' : status, not]
  })
  await tx.insertMany('event_collisions', COLLISION_COLUMNS, rows)
  return collided
}

/** Which of these events' ids the head office already holds for the till (as events or collisions). */
async function knownEventIds(tx: SqlTx, tillId: string, events: PushRequest['events']): Promise<Set<string>> {
  const ids = [...new Set(events.map((e) => e.id))]
  const marks = ids.map(() => '?').join(', ')
  const rows = await tx.query<{ event_id: string }>(
    `SELECT event_id FROM events WHERE till_id = ? AND event_id IN (${marks})
     UNION SELECT event_id FROM event_collisions WHERE till_id = ? AND event_id IN (${marks})`,
    [tillId, ...ids, tillId, ...ids]
  )
  return new Set(rows.map((r) => r.event_id))
}
