import type { SyncStatus } from '@shared/contract/channels/sync'
import { MAX_PULL_WAIT_SECONDS } from '@shared/sync/protocol'
import type { Actor, ServiceContext } from '../services/service-context'
import { applyPullPage } from './apply-pull-page'
import { backoffDelay } from './backoff'
import { createHqClient, SyncRequestError, type HqIdentity } from './hq-client'
import { loadTillKey, type SecretProtector } from './key-store'
import { createPushProcess } from './push-process'
import type { StartPushChild } from './push-child'
import type { SellingSignal } from './selling-signal'
import { enrolTill, syncError } from './enrol-till'
import { syncStatus } from './sync-status'
import { exportOutbox, unenrolTill } from './unenrol-till'

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
  /**
   * How often the running app looks whether another process on the same data dir (`kassa sync
   * enrol`) enrolled or un-enrolled this till, ms (one primary-key read). Default 2 s.
   */
  watchEnrolmentMs?: number
  /** How the push process is started: Electron's utilityProcess (push-child.ts); plain Node's fork by default. */
  startPushChild?: StartPushChild
}

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
  let lastBatches = 0
  // The till id the background loops run for (null: none run). Enrolment can change under the
  // running app — the `kassa` command on the same data dir — so it is compared on a timer.
  let loopsFor: string | null = null
  let watchTimer: NodeJS.Timeout | null = null
  // Cuts the pull loop's backoff short (a push just reached the head office).
  let wakePull: (() => void) | null = null
  // Just enrolled: where the head office stands for this till, so the first push starts there even
  // below the outbox's high-water mark (a new head office has none of the history). Kept in memory
  // only: lost, the next event's push meets SEQ_GAP and resends from the head office's answer.
  let resendFrom: number | null = null

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
    // One line per distinct failure in a row: an hour offline is one error, not a thousand.
    if (store.sync.openErrorCode(direction) !== code)
      store.transaction(() => store.sync.recordError({ at, direction, code, reason }))
    logger.warn('sync.failed', { direction, code, reason })
  }

  /**
   * A success settles the errors met before in its direction, and in every direction the head office
   * being unreachable (it answered): a status never says "synced" beside an old ECONNREFUSED.
   */
  const recordSuccess = (direction: 'push' | 'pull'): void => {
    offlineSince = null
    const at = clock.now().toISOString()
    store.transaction(() => {
      store.sync.resolveErrors(direction, at)
      store.sync.resolveUnreachable(at)
    })
    wakePull?.()
  }

  const status = (): SyncStatus => syncStatus(store, clock.now(), { offlineSince, pushing })

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
          ...(resendFrom !== null ? { resendFrom } : {}),
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
      resendFrom = null
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
    if (!running || loopsFor === null) return
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
    const tillId = loopsFor
    while (running && tillId !== null && loopsFor === tillId) {
      // Un-enrolled (or enrolled as another till) by another process: pullNow would return at once
      // and this loop would spin on microtasks, starving every timer — the app froze. Hand over.
      if ((store.sync.state()?.tillId ?? null) !== tillId) {
        watchEnrolment()
        return
      }
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
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, delay)
          wakePull = () => {
            clearTimeout(timer)
            pullFailures = 0
            resolve()
          }
        })
        wakePull = null
      }
    }
  }

  /** Starts the push and pull loops for the till's enrolment, if it has one and they are not running for it. */
  function startLoops(): void {
    const tillId = store.sync.state()?.tillId ?? null
    if (!running || tillId === null || loopsFor === tillId) return
    loopsFor = tillId
    pushFailures = 0
    pullFailures = 0
    offlineSince = null
    void runPush()
    void pullLoop()
  }

  /** Stops the loops (a push in flight finishes; the waiting pull is aborted). */
  function stopLoops(): void {
    loopsFor = null
    if (pushTimer) clearTimeout(pushTimer)
    pushTimer = null
    pullAbort?.abort()
    wakePull?.()
  }

  /** Follows an enrolment or un-enrolment made by another process on the same data dir. */
  function watchEnrolment(): void {
    const tillId = store.sync.state()?.tillId ?? null
    if (tillId === loopsFor) return
    logger.info('sync.enrolment_changed', { tillId })
    stopLoops()
    offlineSince = null
    startLoops()
    announce()
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
      startLoops()
      watchTimer = setInterval(watchEnrolment, options.watchEnrolmentMs ?? 2000)
      watchTimer.unref?.()
    },

    /** Stops the loops: clears the push timer and aborts a waiting pull. An in-flight push finishes. */
    async stop(): Promise<void> {
      running = false
      if (watchTimer) clearInterval(watchTimer)
      watchTimer = null
      stopLoops()
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
      resendFrom = (answer.highestContiguousSeq ?? 0) + 1
      logger.info('sync.enrolled', {
        hqUrl,
        tillId: answer.tillId,
        tillCode: answer.tillCode,
        reenrolled: answer.reenrolled === true
      })
      if (running) {
        stopLoops()
        startLoops()
      } else {
        await pushNow().catch(() => undefined)
        await pullNow(0).catch(() => undefined)
      }
      announce()
      return status()
    },

    /**
     * Disconnects the till from its head office; its own code returns to its order numbers. Refused
     * while a shift is open (its sales, voids and close would be written after the till left: the
     * head office would keep the day open and incomplete) and while any event is unsynced, both
     * checked again inside the transaction that un-enrols, so an event written meanwhile — by this
     * app or by another process on the data dir — is seen. The enrolment, terminal code and audit
     * entry change in one transaction. The key pair stays: enrolling again with the same head office
     * signs with it and continues as the same till (`enrol-till.ts`), its history never re-sent.
     * @throws DomainError CONFLICT (no field) `errors.sync.notEnrolled`; `errors.sync.unenrolShiftOpen`;
     *   `errors.sync.unsyncedEvents` { count } while any event is unsynced (sync or export them first)
     */
    async unenrol(actor: Actor): Promise<SyncStatus> {
      unenrolTill(ctx, actor)
      stopLoops()
      offlineSince = null
      announce()
      return status()
    },

    /**
     * The unsynced events, exactly as they would be pushed, as a JSON file a person can keep
     * (`kassa-outbox-<till code>-<instant>.json`), enrolled or not. Raises nothing.
     */
    exportOutbox: () => exportOutbox(ctx)
  }
}

export type SyncService = ReturnType<typeof createSyncService>
