import { MAX_BATCH_BYTES, MAX_BATCH_EVENTS, type PushRequest } from '@shared/sync/protocol'
import type { OutboxRepo } from '../store/repos/outbox-repo'
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

type WireEvent = PushRequest['events'][number]

/**
 * What the push reads of the outbox (the outbox repo over the push thread's own read-only
 * connection: `push-worker.ts`).
 */
export type PushSource = Pick<OutboxRepo, 'wireFrom' | 'unsyncedCount' | 'oldestUnsynced' | 'unsyncedAfter'>

/** Up to `limit` events from `from` on, each with its JSON text (a batch is serialised once, and cut without serialising again). */
function readBatch(
  outbox: PushSource,
  tillId: string,
  from: number,
  limit: number
): Array<{ event: WireEvent; json: string; bytes: number }> {
  return outbox.wireFrom(from, limit).map((row) => {
    const event = { tillId, ...row }
    const json = JSON.stringify(event)
    return { event, json, bytes: Buffer.byteLength(json, 'utf8') }
  })
}

/**
 * A batch's JSON body — exactly `JSON.stringify({ ...base, events })` — cut to the events that fit
 * in `maxBytes` (at least one).
 */
function batchBody(
  events: ReadonlyArray<{ json: string; bytes: number }>,
  base: Omit<PushRequest, 'events'>,
  maxBytes: number
): { body: string; count: number } {
  const head = `${JSON.stringify(base).slice(0, -1)},"events":[`
  let bytes = Buffer.byteLength(head, 'utf8') + 2
  let count = 0
  for (const event of events) {
    const more = event.bytes + (count > 0 ? 1 : 0)
    if (count > 0 && bytes + more > maxBytes) break
    bytes += more
    count++
  }
  return {
    body: `${head}${events
      .slice(0, count)
      .map((e) => e.json)
      .join(',')}]}`,
    count
  }
}

/**
 * Pushes the outbox in order, in batches of at most 1,000 events and 1 MiB, until nothing is left
 * (protocol v1, push). Events are marked synced only from the head office's answer: up to its
 * highest contiguous seq, and never beyond the batch this till sent (a seq the head office holds
 * from elsewhere — a till restored from an old backup — does not mark our own event synced). A
 * `SEQ_GAP` refusal resumes from the head office's `resumeFrom`; a 413 halves the batch.
 *
 * It reads through `outbox` and writes nothing itself: `markSynced(upTo)` marks the events up to
 * `upTo` synced and answers how many it marked, once committed (the push reads on after it).
 *
 * @throws SyncRequestError for anything else (the caller backs off and records the reason)
 */
export async function pushOutbox(
  outbox: PushSource,
  client: HqClient,
  identity: HqIdentity,
  options: {
    now: () => Date
    appVersion: string
    markSynced: (upTo: number) => Promise<number>
    maxEvents?: number
    maxBytes?: number
  }
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
  let from = outbox.oldestUnsynced()?.seq ?? null
  let resumes = 0
  while (from !== null) {
    const events = readBatch(outbox, identity.tillId, from, limit)
    if (events.length === 0) break
    const base = {
      tillId: identity.tillId,
      sentAt: options.now().toISOString(),
      appVersion: options.appVersion,
      backlog: { count: outbox.unsyncedCount(), oldestAt: outbox.oldestUnsynced()?.at ?? null }
    }
    const cut = batchBody(events, { ...base, remaining: { count: 0, oldestAt: null } }, maxBytes)
    const first = events[0]!.event.seq
    const last = events[cut.count - 1]!.event.seq
    // What stays once this batch is in, so the dashboard shows 0 / none after the last batch. Its
    // numbers are never longer than the placeholder's plus a time: cut again to stay within the cap.
    const remaining = outbox.unsyncedAfter(last)
    const { body, count } = batchBody(events.slice(0, cut.count), { ...base, remaining }, maxBytes)
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
    result.acknowledged += await options.markSynced(upTo)
    if (answer.highestContiguousSeq < first) {
      // It took nothing of this batch and did not say where to resume: ask again later.
      throw new SyncRequestError(200, {
        code: 'BAD_ANSWER',
        reason: `the head office acknowledged up to ${answer.highestContiguousSeq}, before this batch (${first}–${last})`
      })
    }
    const next = outbox.oldestUnsynced()
    from = next ? Math.min(upTo + 1, next.seq) : null
  }
  return result
}
