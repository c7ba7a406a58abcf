import type { SyncStatus } from '@shared/contract/channels/sync'
import type { ServiceContext } from '../services/service-context'

const DAY_MS = 24 * 3_600_000
/** Failures that mean the head office was not reached (or could not answer): the till is offline. */
const UNREACHABLE: ReadonlySet<string> = new Set(['NETWORK', 'UNAVAILABLE'])
const NO_EDITS = { catalog: false, coupons: false, staff: false }

/**
 * Where the sync stands, derived from the store and the running process's counters: `state`
 * (`not-enrolled` | `offline` | `error` | `syncing` | `synced`), the backlog and its oldest event's
 * age in ms (`warning` past a day, issue 14), the last 20 errors. `offlineSince` and `pushing` are
 * this process's own (null/false in another, e.g. `kassa sync status`). Raises nothing.
 */
export function syncStatus(
  store: ServiceContext['store'],
  now: Date,
  live: { offlineSince: string | null; pushing: boolean }
): SyncStatus {
  const { offlineSince, pushing } = live
  const state = store.sync.state()
  const oldest = store.outbox.oldestUnsynced()
  const backlog = store.outbox.unsyncedCount()
  const enrolled = state !== null
  const warning = oldest !== null && now.getTime() - new Date(oldest.at).getTime() > DAY_MS
  const errors = store.sync.errors(20)
  const open = errors.filter((e) => e.resolvedAt === null && e.direction !== 'enrol')
  const unreachable = (code: string) => UNREACHABLE.has(code)
  // From the stored errors, not only this process's memory: `kassa sync status` after a failed
  // `kassa sync now` is another process, and must not say "syncing" while nothing runs.
  const since = offlineSince ?? open.filter((e) => unreachable(e.code)).at(-1)?.at ?? null
  const refused = open.some((e) => !unreachable(e.code))
  return {
    enrolled,
    state: !enrolled
      ? 'not-enrolled'
      : since
        ? 'offline'
        : refused
          ? 'error'
          : pushing || backlog > 0
            ? 'syncing'
            : 'synced',
    hqUrl: state?.hqUrl ?? null,
    storeName: state?.storeName ?? null,
    tillCode: state?.tillCode ?? null,
    tillId: state?.tillId ?? null,
    backlog,
    oldestUnsyncedAt: oldest?.at ?? null,
    oldestAgeMs: oldest ? Math.max(0, now.getTime() - new Date(oldest.at).getTime()) : null,
    offlineSince: enrolled ? since : null,
    lastPushAt: state?.lastPushAt ?? null,
    lastPullAt: state?.lastPullAt ?? null,
    revision: state?.revision ?? 0,
    warning,
    localEdits: state?.localEdits ?? NO_EDITS,
    errors: errors.map((e) => ({
      at: e.at,
      direction: e.direction,
      code: e.code,
      reason: e.reason,
      resolved: e.resolvedAt !== null
    }))
  }
}
