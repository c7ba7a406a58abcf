import { MAX_BATCH_BYTES, MAX_BATCH_EVENTS, type PushRequest } from '@shared/sync/protocol'
import type { Store } from '../store/store'
import { SyncRequestError, type HqClient, type HqIdentity } from './hq-client'

export interface PushResult {
  /** Events the head office acknowledged in this run (stored, duplicate, quarantined or collided). */
  acknowledged: number
  batches: number
  /** The head office's highest contiguous seq after the last batch. */
  highestContiguousSeq: number | null
  /** Outcomes other than stored/duplicate, with their reasons, for the Sync panel. */
  notices: Array<{ seq: number; outcome: string; reason: string }>
  clockSkewMs: number | null
}

/** A batch's JSON body, cut to at most `maxEvents` events and `MAX_BATCH_BYTES` bytes. */
function batchBody(
  events: PushRequest['events'],
  base: Omit<PushRequest, 'events'>,
  maxBytes: number
): { body: string; count: number } {
  let count = events.length
  for (;;) {
    const body = JSON.stringify({ ...base, events: events.slice(0, count) })
    if (Buffer.byteLength(body, 'utf8') <= maxBytes || count === 1) return { body, count }
    count = Math.max(1, Math.floor(count / 2))
  }
}

/**
 * Pushes the outbox in order, in batches of at most 1,000 events and 1 MiB, until nothing is left
 * (protocol v1, push). Events are marked synced only from the head office's answer: up to its
 * highest contiguous seq, and never beyond the batch this till sent (a seq the head office holds
 * from elsewhere — a till restored from an old backup — does not mark our own event synced). A
 * `SEQ_GAP` refusal resumes from the head office's `resumeFrom`; a 413 halves the batch.
 *
 * @throws SyncRequestError for anything else (the caller backs off and records the reason)
 */
export async function pushOutbox(
  store: Store,
  client: HqClient,
  identity: HqIdentity,
  options: { now: () => Date; appVersion: string; maxEvents?: number; maxBytes?: number }
): Promise<PushResult> {
  const result: PushResult = {
    acknowledged: 0,
    batches: 0,
    highestContiguousSeq: null,
    notices: [],
    clockSkewMs: null
  }
  let limit = Math.min(options.maxEvents ?? MAX_BATCH_EVENTS, MAX_BATCH_EVENTS)
  let maxBytes = Math.min(options.maxBytes ?? MAX_BATCH_BYTES, MAX_BATCH_BYTES)
  let from = store.outbox.oldestUnsynced()?.seq ?? null
  let resumes = 0
  while (from !== null) {
    const events = store.outbox.wireFrom(from, limit).map((event) => ({ tillId: identity.tillId, ...event }))
    if (events.length === 0) break
    const base = {
      tillId: identity.tillId,
      sentAt: options.now().toISOString(),
      appVersion: options.appVersion,
      backlog: { count: store.outbox.unsyncedCount(), oldestAt: store.outbox.oldestUnsynced()?.at ?? null }
    }
    const { body, count } = batchBody(events, base, maxBytes)
    const last = events[count - 1]!.seq
    let answer
    try {
      answer = await client.push(identity, body)
    } catch (error) {
      if (!(error instanceof SyncRequestError)) throw error
      if (error.error.code === 'BATCH_TOO_LARGE' && count > 1) {
        limit = Math.max(1, Math.floor(count / 2))
        maxBytes = Math.min(maxBytes, Math.max(1024, Math.floor(Buffer.byteLength(body) / 2)))
        continue
      }
      if (error.error.code === 'SEQ_GAP' && error.error.resumeFrom !== undefined && resumes < 3) {
        // The head office holds less than we thought: send again from where it stands.
        resumes++
        from = error.error.resumeFrom
        continue
      }
      throw error
    }
    resumes = 0
    result.batches++
    result.highestContiguousSeq = answer.highestContiguousSeq
    result.clockSkewMs = answer.clockSkewMs
    for (const outcome of answer.outcomes)
      if (outcome.outcome === 'quarantined' || outcome.outcome === 'collision')
        result.notices.push({ seq: outcome.seq, outcome: outcome.outcome, reason: outcome.reason ?? '' })
    const upTo = Math.min(answer.highestContiguousSeq, last)
    const at = options.now().toISOString()
    store.transaction(() => {
      result.acknowledged += store.outbox.markSyncedUpTo(upTo, at)
      store.sync.pushed(at)
    })
    if (answer.highestContiguousSeq < events[0]!.seq) {
      // It took nothing of this batch and did not say where to resume: ask again later.
      throw new SyncRequestError(200, {
        code: 'BAD_ANSWER',
        reason: `the head office acknowledged up to ${answer.highestContiguousSeq}, before this batch (${events[0]!.seq}–${last})`
      })
    }
    const next = store.outbox.oldestUnsynced()
    from = next ? Math.min(upTo + 1, next.seq) : null
  }
  return result
}
