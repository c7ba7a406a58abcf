import type { ApiError, ChannelName } from '@shared/contract'
import { DomainError } from '../domain/errors'
import type { Store } from '../store/store'

/** Channels that would leave the till without a person to see unsynced events through. */
const GUARDED: ReadonlySet<ChannelName> = new Set<ChannelName>(['auth:logout'])

/**
 * On an enrolled till, logging out is refused while events have not reached the head office
 * (CONFLICT, `errors.sync.unsyncedEvents` with `{ count }`): nothing is lost by it, but whoever
 * leaves should see that the sales are not at the head office yet, sync or export them first. Lock
 * and switching user by PIN stay open, so a hand-over at the counter never waits for the network.
 * (Un-enrolling has the same refusal, `requireNothingUnsynced` below; Kassa has no reset or
 * restore that could drop the outbox.)
 */
export function unsyncedGuard(store: () => Store | null): (channel: ChannelName) => ApiError | null {
  return (channel) => {
    if (!GUARDED.has(channel)) return null
    const s = store()
    if (!s?.sync.state()) return null
    const count = s.outbox.unsyncedCount()
    if (count === 0) return null
    return {
      code: 'CONFLICT',
      message: `${count} event${count === 1 ? ' has' : 's have'} not reached the head office yet: sync first, or export them (locking the till is always possible)`,
      key: 'errors.sync.unsyncedEvents',
      params: { count }
    }
  }
}

/**
 * Refuses what would lose events the head office has not acknowledged (un-enrolling; a reset or a
 * restore when they exist), naming how many wait and offering the export.
 * @throws DomainError CONFLICT `errors.sync.unsyncedEvents` { count }
 */
export function requireNothingUnsynced(store: Store): void {
  const count = store.outbox.unsyncedCount()
  if (count > 0 && store.sync.state())
    throw new DomainError(
      'CONFLICT',
      `${count} event${count === 1 ? ' has' : 's have'} not reached the head office yet: sync first, or export them`,
      undefined,
      { key: 'errors.sync.unsyncedEvents', params: { count } }
    )
}
