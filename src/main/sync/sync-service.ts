import type { SyncStatus } from '@shared/contract/channels/sync'
import { MAX_PULL_WAIT_SECONDS } from '@shared/sync/protocol'
import { newId } from '../core/ids'
import type { Actor, ServiceContext } from '../services/service-context'
import { TERMINAL_KEY } from '../services/shifts/shift-guard'
import { applyPullPage } from './apply-pull-page'
import { backoffDelay } from './backoff'
import { createHqClient, SyncRequestError, type HqIdentity } from './hq-client'
import { loadTillKey, removeTillKey, type SecretProtector } from './key-store'
import { createPushProcess } from './push-process'
import type { StartPushChild } from './push-child'
import type { SellingSignal } from './selling-signal'
import { enrolTill, syncError } from './enrol-till'
import { requireNothingUnsynced } from './unsynced-guard'

export interface SyncServiceOptions {
  dataDir: string
  appVersion: string
  /** Seals the private key at rest (Electron's safeStorage); absent: a 0600 file. */
  protector?: SecretProtector
  /** Uniform in [0, 1): the backoff's jitter. */
  random?: () => number
  /** Between pushes when nothing asks for one (a timer always retries). */
  pushIntervalMs?: number
  /** Long-poll wait of a pull, seconds (≤ 25). */
  pullWaitSeconds?: number
  /** Events per pushed batch (at most the protocol's 1,000; tests lower it to see many batches). */
  maxBatchEvents?: number
  /** Backoff bounds: full jitter between them, doubling per failure. */
  backoff?: { minMs: number; maxMs: number }
  /** Main's requests in progress, which the push yields to (selling-signal.ts); none: it never waits. */
  selling?: SellingSignal
  /** How the push process is started: Electron's utilityProcess (push-child.ts); plain Node's fork by default. */
  startPushChild?: StartPushChild
}

const DAY_MS = 24 * 3_600_000
const NO_EDITS = { catalog: false, coupons: false, staff: false }

/**
 * The till's side of the head-office sync: enrolment, pushing the outbox, pulling master data, and
 * the status the badge, the Sync panel and `kassa sync status` show. Selling never waits for it:
 * pushes read the outbox and mark it synced in short transactions of their own; a pull page is one
 * transaction; the background loops (`start`) run beside the till and back off when offline.
 */
export function createSyncService(ctx: ServiceContext, options: SyncServiceOptions) {
  const { store, clock, logger, events } = ctx
  const random = options.random ?? Math.random
  const backoff = options.backoff ?? { minMs: 1000, maxMs: 60_000 }
  const pushIntervalMs = options.pushIntervalMs ?? 30_000
  const pullWait = Math.min(options.pullWaitSeconds ?? MAX_PULL_WAIT_SECONDS, MAX_PULL_WAIT_SECONDS)

  let offlineSince: string | null = null
  let pushing = false
  let pushAgain = false
  let pushFailures = 0
  let pullFailures = 0
  let pushTimer: NodeJS.Timeout | null = null
  let running = false
  let pullAbort: AbortController | null = null
  let lastError: 'push' | 'pull' | null = null
  let lastBatches = 0

  /** The till's clock, corrected by what the head office taught it (for signatures only). */
  const signingNow = (): Date => new Date(clock.now().getTime() + (store.sync.state()?.clockOffsetMs ?? 0))
  const client = createHqClient({
    now: signingNow,
    onClockOffset: (offset) => store.transaction(() => store.sync.setClockOffset(offset))
  })

  // The push reads, serialises, signs and sends in a process of its own (push-process.ts: why).
  const pushProcess = createPushProcess({
    ...(options.selling ? { selling: options.selling } : {}),
    ...(options.startPushChild ? { start: options.startPushChild } : {})
  })

  const identity = (): HqIdentity | null => {
    const state = store.sync.state()
    if (!state) return null
    const key = loadTillKey(options.dataDir, options.protector)
    if (!key) throw syncError('UNAVAILABLE', "This till's sync key is missing: enrol it again", 'keyMissing')
    return { hqUrl: state.hqUrl, tillId: state.tillId, privateKey: key.privateKey }
  }

  const backoffMs = (failures: number): number => backoffDelay(failures, random(), backoff)

  const recordFailure = (direction: 'push' | 'pull' | 'enrol', error: unknown): void => {
    const at = clock.now().toISOString()
    const { code, reason, transient } =
      error instanceof SyncRequestError
        ? { code: error.error.code, reason: error.error.reason, transient: error.transient }
        : {
            code: 'INTERNAL',
            reason: error instanceof Error ? error.message : String(error),
            transient: false
          }
    if (transient) offlineSince ??= at
    else if (direction !== 'enrol') lastError = direction
    // One line per distinct failure in a row: an hour offline is one error, not a thousand.
    if (store.sync.openErrorCode(direction) !== code)
      store.transaction(() => store.sync.recordError({ at, direction, code, reason }))
    logger.warn('sync.failed', { direction, code, reason })
  }

  const recordSuccess = (direction: 'push' | 'pull'): void => {
    offlineSince = null
    if (lastError === direction) lastError = null
    store.transaction(() => store.sync.resolveErrors(direction, clock.now().toISOString()))
  }

  function status(): SyncStatus {
    const state = store.sync.state()
    const oldest = store.outbox.oldestUnsynced()
    const backlog = store.outbox.unsyncedCount()
    const enrolled = state !== null
    const warning = oldest !== null && clock.now().getTime() - new Date(oldest.at).getTime() > DAY_MS
    const errors = store.sync.errors(20)
    const unresolved = errors.some(
      (e) =>
        e.resolvedAt === null && e.direction !== 'enrol' && e.code !== 'NETWORK' && e.code !== 'UNAVAILABLE'
    )
    return {
      enrolled,
      state: !enrolled
        ? 'not-enrolled'
        : offlineSince
          ? 'offline'
          : unresolved && lastError !== null
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
      oldestAgeMs: oldest ? Math.max(0, clock.now().getTime() - new Date(oldest.at).getTime()) : null,
      offlineSince,
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

  const announce = (): void => events.emit('sync:status', status())

  /** Pushes everything waiting; throws the failure (recorded) to the caller. */
  async function pushNow(): Promise<void> {
    const who = identity()
    if (!who) return
    pushing = true
    announce()
    try {
      const result = await pushProcess.push(
        {
          file: store.db.name,
          identity: who,
          appVersion: options.appVersion,
          ...(options.maxBatchEvents ? { maxEvents: options.maxBatchEvents } : {}),
          tillMinusSystemMs: clock.now().getTime() - Date.now(),
          clockOffsetMs: store.sync.state()?.clockOffsetMs ?? 0
        },
        {
          // Only from the head office's answer (pushOutbox never asks beyond it), in one commit.
          markSynced: (upTo) => {
            const at = clock.now().toISOString()
            return store.transaction(() => {
              const marked = store.outbox.markSyncedUpTo(upTo, at)
              store.sync.pushed(at)
              return marked
            })
          },
          onClockOffset: (offset) => store.transaction(() => store.sync.setClockOffset(offset))
        }
      )
      lastBatches = result.batches
      for (const notice of result.notices)
        logger.warn('sync.event_not_applied', {
          seq: notice.seq,
          outcome: notice.outcome,
          reason: notice.reason
        })
      recordSuccess('push')
    } catch (error) {
      recordFailure('push', error)
      throw error
    } finally {
      pushing = false
      announce()
    }
  }

  /** Pulls until the head office has nothing more (`wait` seconds on the last page). */
  async function pullNow(wait = 0, signal?: AbortSignal): Promise<void> {
    const who = identity()
    if (!who) return
    try {
      for (;;) {
        const cursor = store.sync.state()!.pullCursor
        const page = await client.pull(who, { cursor, wait, ...(signal ? { signal } : {}) })
        const applied = applyPullPage(store, page, clock.now().toISOString())
        for (const skip of applied.skipped)
          store.transaction(() =>
            store.sync.recordError({
              at: clock.now().toISOString(),
              direction: 'pull',
              code: 'NOT_APPLIED',
              reason: `${skip.entity} ${skip.id}: ${skip.reason}`
            })
          )
        if (applied.changes > 0 || applied.reset) events.emit('catalog:changed', { what: 'import', ids: [] })
        recordSuccess('pull')
        announce()
        if (!page.more) return
        wait = 0
      }
    } catch (error) {
      if (signal?.aborted) return
      recordFailure('pull', error)
      announce()
      throw error
    }
  }

  const schedulePush = (delayMs: number): void => {
    if (!running) return
    if (pushTimer) clearTimeout(pushTimer)
    pushTimer = setTimeout(() => void runPush(), delayMs)
  }

  async function runPush(): Promise<void> {
    if (!running) return
    if (pushing) {
      pushAgain = true
      return
    }
    try {
      await pushNow()
      pushFailures = 0
      schedulePush(pushIntervalMs)
    } catch {
      pushFailures++
      schedulePush(backoffMs(pushFailures))
    }
    if (pushAgain && running) {
      pushAgain = false
      if (pushFailures === 0) void runPush()
    }
  }

  async function pullLoop(): Promise<void> {
    while (running) {
      pullAbort = new AbortController()
      try {
        await pullNow(pullWait, pullAbort.signal)
        pullFailures = 0
        // The head office answers again: a push waiting out its backoff goes now.
        if (pushFailures > 0 && !pushing) {
          pushFailures = 0
          void runPush()
        }
      } catch {
        pullFailures++
        const delay = backoffMs(pullFailures)
        await new Promise((resolve) => setTimeout(resolve, delay))
      }
    }
  }

  // Right after a change: a push once the change's transaction has committed.
  store.outbox.onAppend(() => {
    if (running && pushFailures === 0) setImmediate(() => void runPush())
  })

  return {
    /**
     * Where the sync stands, derived from the store and this process's counters: `state`
     * (`not-enrolled` | `offline` | `error` | `syncing` | `synced`), the backlog and its oldest
     * event's age in ms (`warning` past a day), the last 20 errors. Raises nothing.
     */
    status,
    /** How many batches the last push took (for tests and the bench). */
    lastPushBatches: () => lastBatches,

    /** Starts the background push and pull (the desktop app and web mode; never the `kassa` command). */
    start(): void {
      if (running) return
      running = true
      if (store.sync.state()) {
        void runPush()
        void pullLoop()
      }
    },

    /** Stops the loops: clears the push timer and aborts a waiting pull. An in-flight push finishes. */
    async stop(): Promise<void> {
      running = false
      if (pushTimer) clearTimeout(pushTimer)
      pushTimer = null
      pullAbort?.abort()
    },

    /** Stops the loops and the push process (a push in flight fails): before the database closes. */
    async close(): Promise<void> {
      await this.stop()
      await pushProcess.close()
    },

    /**
     * Pushes the outbox and pulls master data now (the Sync panel's button, `kassa sync now`).
     * Answers the status afterwards; a failure is in its `errors`, not thrown.
     * @throws DomainError CONFLICT `errors.sync.notEnrolled` (no field)
     */
    async syncNow(): Promise<SyncStatus> {
      if (!store.sync.state())
        throw syncError('CONFLICT', 'This till is not enrolled with a head office', 'notEnrolled')
      const pushed = await pushNow().then(
        () => true,
        () => false
      )
      await pullNow(0).catch(() => undefined)
      // Taking master data can write events of the till's own (a store profile from the head office
      // is one): they go in this sync too, so "sync now" ends with nothing of its own waiting.
      if (pushed && store.outbox.unsyncedCount() > 0) await pushNow().catch(() => undefined)
      return status()
    },

    /**
     * Enrols the till with a one-time code from the head office (`kassa hq enrol-code`): makes its
     * Ed25519 key pair (private key saved beside the database, sealed where possible), sends the
     * public key with the code, and on the answer records the enrolment and takes the till code
     * (`T03`) for its order numbers — one transaction with its audit entry. Then syncs.
     *
     * @throws DomainError CONFLICT `errors.sync.alreadyEnrolled`, `errors.sync.shiftOpen` (the till
     *   code would change under an open shift); VALIDATION `hqUrl` / `code`
     *   (`errors.sync.badUrl`, `errors.sync.badCode`, `errors.sync.enrolCodeInvalid`,
     *   `errors.sync.enrolCodeExpired`); UNAVAILABLE `errors.sync.unreachable`, `errors.sync.refused`
     */
    async enrol(
      input: { hqUrl: string; code: string; label?: string | undefined },
      actor: Actor
    ): Promise<SyncStatus> {
      const { hqUrl, answer } = await enrolTill(
        ctx,
        {
          client,
          dataDir: options.dataDir,
          appVersion: options.appVersion,
          recordFailure,
          ...(options.protector ? { protector: options.protector } : {})
        },
        input,
        actor
      )
      logger.info('sync.enrolled', { hqUrl, tillId: answer.tillId, tillCode: answer.tillCode })
      if (running) {
        void runPush()
        void pullLoop()
      } else {
        await pushNow().catch(() => undefined)
        await pullNow(0).catch(() => undefined)
      }
      announce()
      return status()
    },

    /**
     * Disconnects the till from its head office; its own code returns to its order numbers. The
     * enrolment, terminal code and audit entry change in one transaction; the key file goes after.
     * @throws DomainError CONFLICT (no field) `errors.sync.notEnrolled`; `errors.sync.unsyncedEvents`
     *   { count } while any event is unsynced (export them first)
     */
    async unenrol(actor: Actor): Promise<SyncStatus> {
      const state = store.sync.state()
      if (!state) throw syncError('CONFLICT', 'This till is not enrolled with a head office', 'notEnrolled')
      requireNothingUnsynced(store)
      await this.stop()
      store.transaction(() => {
        requireNothingUnsynced(store)
        store.sync.unenrol()
        store.preferences.set(TERMINAL_KEY, state.previousTerminal ?? 'T01')
        store.audit.append({
          id: newId(),
          at: clock.now().toISOString(),
          actorUserId: actor.userId,
          approverUserId: actor.approverUserId ?? null,
          action: 'sync.unenrolled',
          subject: state.tillId,
          details: { hqUrl: state.hqUrl, tillCode: state.tillCode }
        })
      })
      removeTillKey(options.dataDir)
      announce()
      return status()
    },

    /**
     * The unsynced events, exactly as they would be pushed, as a JSON file a person can keep
     * (`kassa-outbox-<till code>-<instant>.json`), enrolled or not. Raises nothing.
     */
    exportOutbox(): { fileName: string; json: string; count: number } {
      const state = store.sync.state()
      const events = store.outbox.exportUnsynced()
      const stamp = clock.now().toISOString().replace(/[:.]/g, '-')
      return {
        fileName: `kassa-outbox-${state?.tillCode ?? 'till'}-${stamp}.json`,
        json: JSON.stringify(
          {
            tillId: state?.tillId ?? null,
            tillCode: state?.tillCode ?? null,
            exportedAt: clock.now().toISOString(),
            events
          },
          null,
          2
        ),
        count: events.length
      }
    }
  }
}

export type SyncService = ReturnType<typeof createSyncService>
