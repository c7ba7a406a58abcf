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
 * What the push reads of the outbox (the outbox repo over the push process's own read-only
 * connection: `push-worker.ts`).
 */
export type PushSource = Pick<
  OutboxRepo,
  'wireFrom' | 'oldestUnsynced' | 'unsyncedAfter' | 'firstUnsyncedAfter'
>

/**
 * Events read and serialised per step: a batch of 1,000 is read in four, with a yield to selling
 * between them (each read its own short statement, so no read transaction spans a wait).
 */
const READ_CHUNK = 250

/**
 * Up to `limit` events from `from` on, each with its JSON text (a batch is serialised once, and cut
 * without serialising again), read `READ_CHUNK` at a time with `yieldToSelling` before each.
 */
async function readBatch(
  outbox: PushSource,
  tillId: string,
  from: number,
  limit: number,
  yieldToSelling: () => Promise<unknown>
): Promise<Array<{ event: WireEvent; json: string; bytes: number }>> {
  const batch: Array<{ event: WireEvent; json: string; bytes: number }> = []
  let next = from
  while (batch.length < limit) {
    await yieldToSelling()
    const rows = outbox.wireFrom(next, Math.min(READ_CHUNK, limit - batch.length))
    for (const row of rows) {
      const event = { tillId, ...row }
      const json = JSON.stringify(event)
      batch.push({ event, json, bytes: Buffer.byteLength(json, 'utf8') })
    }
    if (rows.length < READ_CHUNK) break
    next = rows[rows.length - 1]!.seq + 1
  }
  return batch
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
 * `upTo` synced and answers how many it marked, once committed. Marking is a commit in main, which
 * sells: it is asked for at most every `markEveryMs` (default 1 s) and once at the end — also when
 * the push fails — so a long push costs main a few commits, not one per batch. What is acknowledged
 * and not yet marked when the push is cut short (the thread killed) is pushed again next time and
 * answered `duplicate`: nothing is lost or doubled.
 *
 * `yieldToSelling` (none by default) is awaited before each CPU-heavy step — reading a part of a
 * batch, sending it, marking — so the push waits while the till is busy selling.
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
    yieldToSelling?: () => Promise<unknown>
    markEveryMs?: number
    /**
     * Start at this seq even if it is marked synced: the head office is one that does not hold
     * those events (a till enrolled with a new head office: its history, from 1; a head office
     * behind the till: from its position). Events it already holds are answered `duplicate`.
     */
    resendFrom?: number
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
  const yieldToSelling = options.yieldToSelling ?? (() => Promise.resolve())
  const markEveryMs = options.markEveryMs ?? 1000
  // Acknowledged by the head office and not yet marked in main (see above).
  let unmarked: number | null = null
  let markedAt = performance.now()
  const mark = async (): Promise<void> => {
    if (unmarked === null) return
    const upTo = unmarked
    await yieldToSelling()
    result.acknowledged += await options.markSynced(upTo)
    unmarked = null
    markedAt = performance.now()
  }
  let acked = 0
  const oldest = outbox.oldestUnsynced()?.seq ?? null
  // Sending events below the high-water mark (asked to, or told to by a SEQ_GAP): go on to the end
  // of the outbox, not only while something is unsynced.
  let resending = options.resendFrom !== undefined && (oldest === null || options.resendFrom < oldest)
  let from = resending ? options.resendFrom! : oldest
  let resumes = 0
  try {
    while (from !== null) {
      const events = await readBatch(outbox, identity.tillId, from, limit, yieldToSelling)
      if (events.length === 0) break
      const base = {
        tillId: identity.tillId,
        sentAt: options.now().toISOString(),
        appVersion: options.appVersion,
        // What waits, this batch included (an older head office reads it): after the mark, and
        // after what this push has had acknowledged and not marked yet.
        backlog: outbox.unsyncedAfter(acked)
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
        await yieldToSelling()
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
          resending = true
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
      unmarked = Math.max(unmarked ?? 0, upTo)
      acked = Math.max(acked, upTo)
      if (answer.highestContiguousSeq < first) {
        // It took nothing of this batch and did not say where to resume: ask again later.
        throw new SyncRequestError(200, {
          code: 'BAD_ANSWER',
          reason: `the head office acknowledged up to ${answer.highestContiguousSeq}, before this batch (${first}–${last})`
        })
      }
      from = resending || outbox.firstUnsyncedAfter(upTo) ? upTo + 1 : null
      if (from !== null && performance.now() - markedAt >= markEveryMs) await mark()
    }
    await mark()
  } catch (error) {
    // What the head office acknowledged before the failure is marked still; a failing mark leaves
    // it to be pushed again (answered duplicate), and the push's own failure is what is reported.
    await mark().catch(() => undefined)
    throw error
  }
  return result
}
