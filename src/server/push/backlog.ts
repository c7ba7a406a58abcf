import type { PushRequest } from '@shared/sync/protocol'

/**
 * What a till still has waiting once the head office holds its events up to `held`: the events
 * of the batch it did not take (a gap, a refusal) plus what the till said stays after the batch
 * (`remaining`). A till of an older version sends only `backlog`, which counts the batch itself:
 * the events of the batch now held are taken off it. Count of events; `oldestAt` the till's ISO
 * time, null when nothing waits; both null when the till reported nothing (SYNC.md, push).
 */
export function backlogLeft(
  batch: PushRequest,
  held: number
): { count: number | null; oldestAt: string | null } {
  const notHeld = batch.events.filter((e) => e.seq > held)
  if (batch.remaining) {
    const count = notHeld.length + batch.remaining.count
    return { count, oldestAt: count === 0 ? null : (notHeld[0]?.at ?? batch.remaining.oldestAt) }
  }
  if (!batch.backlog) return { count: null, oldestAt: null }
  const count = Math.max(0, batch.backlog.count - (batch.events.length - notHeld.length))
  return { count, oldestAt: count > 0 ? (notHeld[0]?.at ?? batch.backlog.oldestAt) : null }
}
