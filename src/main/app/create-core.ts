import {
  events as eventSpecs,
  notificationPermission,
  roleCan,
  type AppInfo,
  type EventName
} from '@shared/contract'
import { roleGate, sessionGate } from '../api/gate'
import { registerAppHandlers } from '../api/handlers/app-handlers'
import { registerAuthHandlers } from '../api/handlers/auth-handlers'
import { registerCatalogHandlers } from '../api/handlers/catalog-handlers'
import { registerSettingsHandlers } from '../api/handlers/settings-handlers'
import { registerSellHandlers } from '../api/handlers/sell-handlers'
import { registerReconciliationHandlers } from '../api/handlers/reconciliation-handlers'
import { registerSettlementHandlers } from '../api/handlers/settlement-handlers'
import { registerUsersHandlers } from '../api/handlers/users-handlers'
import { registerSyncHandlers } from '../api/handlers/sync-handlers'
import type { SecretProtector } from '../sync/key-store'
import { masterDataGuard } from '../sync/master-data-guard'
import { unsyncedGuard } from '../sync/unsynced-guard'
import { createSyncService } from '../sync/sync-service'
import { createRouter, type Approver, type Gate, type Router } from '../api/router'
import type { StartPushChild } from '../sync/push-child'
import { createSellingSignal } from '../sync/selling-signal'
import { createAccountsService } from '../services/accounts-service'
import { createCatalogService } from '../services/catalog-service'
import type { HashParams } from '../services/secret-hash'
import { createUsersService } from '../services/users-service'
import { createSettingsService } from '../services/settings-service'
import { catalogProductSource } from '../services/sell/catalog-product-source'
import { createSellServices } from '../services/sell/create-sell'
import { createReceiptService } from '../services/sell/receipt-service'
import { createEvaluationsService } from '../services/evaluations/evaluations-service'
import { createNotificationsService } from '../services/notifications-service'
import { createReconciliationService } from '../services/reconciliation/reconciliation-service'
import { createSettlementService } from '../services/settlement/settlement-service'
import { createShiftsService } from '../services/shifts/shifts-service'
import type { Platform } from '../core/platform'
import type { PaymentFlow } from '../payments/provider'
import type { ScenarioInput } from '../payments/sandbox/scenarios'
import { createPaymentsRuntime } from '../services/payments/payments-runtime'
import type { TenderTiming } from '../services/sell/tenders-service'
import type { ServiceContext } from '../services/service-context'
import { backupIfDue } from '../store/backup'
import { openDatabase } from '../store/database'
import { DatabaseDamagedError, DatabaseTooNewError } from '../store/errors'
import { createStore } from '../store/store'
import { registerApprovalsHandlers } from '../api/handlers/approvals-handlers'
import { createLossPreventionService } from '../services/loss-prevention-service'
import { systemClock, type Clock } from '../core/clock'
import { dataPaths } from '../core/data-dir'
import { createEventBus, type EventBus } from '../core/event-bus'
import { createFileLogger, type Logger } from '../core/logger'
import { createSessionRegistry, type SessionRegistry } from '../core/sessions'

export interface CoreOptions {
  dataDir: string
  mode: AppInfo['mode']
  version: string
  clock?: Clock
  logger?: Logger
  /** scrypt cost; tests lower it to stay quick. */
  hashParams?: HashParams
  /** Desktop-only abilities (printing to PDF); web mode has none. */
  platform?: Platform
  /** Card and QR payments: the sandbox gateway by default. */
  payments?: {
    mode?: 'sandbox' | 'off'
    offline?: boolean
    timing?: TenderTiming
    scenarioFor?: (flow: PaymentFlow) => ScenarioInput
  }
  /**
   * Sync with the head office: `background` runs the push and pull loops (the desktop app and web
   * mode; never the `kassa` command or `simulate`). `protector` seals the till's key (safeStorage);
   * `startPushChild` starts the push process (Electron's utilityProcess; plain Node's fork by default).
   */
  sync?: {
    background?: boolean
    protector?: SecretProtector
    startPushChild?: StartPushChild
    pushIntervalMs?: number
    pullWaitSeconds?: number
    backoff?: { minMs: number; maxMs: number }
    maxBatchEvents?: number
  }
}

/** Everything main owns, independent of Electron: both bindings forward to `router`. */
export interface Core {
  router: Router
  events: EventBus
  sessions: SessionRegistry
  clock: Clock
  logger: Logger
  info(): AppInfo
  /**
   * Whether a session may receive an event now: someone signed in and unlocked whose role
   * holds the event's permission. Transports filter every event through this.
   */
  mayReceive(sessionId: string, event: EventName, payload?: unknown): boolean
  close(): void
  /** Like `close`, but waits until the payment gateway and listeners have let go of their sockets. */
  shutdown(): Promise<void>
}

export async function createCore(options: CoreOptions): Promise<Core> {
  const paths = dataPaths(options.dataDir)
  const logger = options.logger ?? createFileLogger(paths.logs)
  const clock = options.clock ?? systemClock
  const events = createEventBus()
  const sessions = createSessionRegistry()
  // The role gate needs the accounts, which need the database: until it is open (or when
  // it is damaged) only the session check applies.
  let gate: Gate = sessionGate(sessions)
  let approve: Approver | undefined = undefined
  let storeRef: ReturnType<typeof createStore> | null = null
  const masterData = masterDataGuard(() => storeRef)
  const unsynced = unsyncedGuard(() => storeRef)
  // What the sync's push process yields to: any call from a screen, but not the sync's own (a
  // `sync:now` lasts the whole push it would be waiting for).
  const selling = createSellingSignal()
  const router = createRouter({
    refuse: (channel) => masterData(channel) ?? unsynced(channel),
    onCall: (channel) => (channel.startsWith('sync:') ? undefined : selling.begin()),
    gate: (permission, ctx) => gate(permission, ctx),
    approve: (request) => {
      if (!approve) throw new Error('Approvals are not available')
      return approve(request)
    },
    logger
  })

  let database: AppInfo['database'] = { status: 'ok', file: paths.database }
  const info = (): AppInfo => ({
    name: 'Kassa',
    version: options.version,
    mode: options.mode,
    dataDir: paths.root,
    database
  })
  registerAppHandlers(router, { info })

  let opened
  try {
    opened = await openDatabase(paths.database, { backupDir: paths.backups })
  } catch (error) {
    if (!(error instanceof DatabaseDamagedError || error instanceof DatabaseTooNewError)) throw error
    // Keep running so the renderer can show what happened and where the backups are;
    // every other channel answers UNAVAILABLE.
    database = { status: 'damaged', message: error.message, file: paths.database }
    logger.error('store.open_failed', { error })
    return {
      router,
      events,
      sessions,
      clock,
      logger,
      info,
      mayReceive: () => false,
      close: () => {},
      shutdown: async () => {}
    }
  }

  logger.info('store.opened', { file: paths.database, applied: opened.applied, backup: opened.backupFile })
  const dailyBackup = await backupIfDue(opened.db, paths.backups, { now: clock.now() })
  if (dailyBackup) logger.info('store.backed_up', { file: dailyBackup })
  const store = createStore(opened.db)
  storeRef = store
  const ctx: ServiceContext = { store, clock, events, logger }
  const settings = createSettingsService(ctx)
  settings.ensureProfile()
  registerSettingsHandlers(router, { settings, sessions })
  registerApprovalsHandlers(router, {
    lossPrevention: createLossPreventionService(ctx, { settings }),
    sessions
  })
  const accounts = createAccountsService(ctx, {
    sessions,
    ...(options.hashParams ? { hashParams: options.hashParams } : {})
  })
  const users = createUsersService(ctx, options.hashParams ? { hashParams: options.hashParams } : {})
  gate = roleGate({ sessions, clock, resolveSession: accounts.resolveSession })
  approve = ({ channel, permission, override, ctx: call }) =>
    accounts.approve(call.sessionId, override, permission, channel)
  registerAuthHandlers(router, { accounts, users, sessions })
  registerUsersHandlers(router, { users, sessions })
  const catalog = createCatalogService(ctx)
  const seeded = catalog.ensureDemoCatalog()
  if (seeded > 0) logger.info('catalog.demo_seeded', { products: seeded })
  registerCatalogHandlers(router, { catalog, sessions, events })
  const payments = createPaymentsRuntime({
    dataDir: paths.root,
    mode: options.payments?.mode ?? 'sandbox',
    ...(options.payments?.offline ? { offline: true } : {}),
    ...(options.payments?.scenarioFor ? { scenarioFor: options.payments.scenarioFor } : {}),
    logger
  })
  const sell = createSellServices(ctx, {
    settings,
    products: catalogProductSource(store),
    payments,
    timing: options.payments?.timing ?? { pollMs: 3000, giveUpMs: 60_000 }
  })
  const recovered = Promise.all([sell.tenders.recover(), sell.refunds.recover()])
    .then(() => undefined)
    .catch((error: unknown) => logger.error('payments.recovery_failed', { error }))
  const receipts = createReceiptService({ store, platform: options.platform ?? {}, dataDir: paths.root })
  registerSellHandlers(router, { ...sell, receipts, sessions, payments, recovered })
  const notifications = createNotificationsService(ctx, { platform: options.platform ?? {} })
  registerSettlementHandlers(router, {
    shifts: createShiftsService(ctx, { settings }),
    settlement: createSettlementService(ctx, { settings, notifications }),
    notifications,
    evaluations: createEvaluationsService(ctx),
    sessions
  })
  registerReconciliationHandlers(router, {
    reconciliation: createReconciliationService(ctx, {
      runtime: payments,
      settings,
      tenders: sell.tenders,
      refunds: sell.refunds,
      notifications
    }),
    sessions
  })

  const sync = createSyncService(ctx, {
    dataDir: paths.root,
    appVersion: options.version,
    selling,
    ...(options.sync?.protector ? { protector: options.sync.protector } : {}),
    ...(options.sync?.startPushChild ? { startPushChild: options.sync.startPushChild } : {}),
    ...(options.sync?.pushIntervalMs ? { pushIntervalMs: options.sync.pushIntervalMs } : {}),
    ...(options.sync?.pullWaitSeconds !== undefined ? { pullWaitSeconds: options.sync.pullWaitSeconds } : {}),
    ...(options.sync?.backoff ? { backoff: options.sync.backoff } : {}),
    ...(options.sync?.maxBatchEvents ? { maxBatchEvents: options.sync.maxBatchEvents } : {})
  })
  registerSyncHandlers(router, { sync, sessions })
  if (options.sync?.background) sync.start()

  const missing = router.missingHandlers()
  if (missing.length > 0) throw new Error(`Channels without a handler: ${missing.join(', ')}`)

  return {
    router,
    events,
    sessions,
    clock,
    logger,
    info,
    mayReceive(sessionId, event, payload) {
      const session = sessions.get(sessionId)
      if (!session) return false
      const resolved = accounts.resolveSession(session)
      if (resolved.state !== 'active' || !roleCan(resolved.user.role, eventSpecs[event].permission))
        return false
      // A notice carrying a settled day's figures goes only to roles that may read them.
      if (event !== 'notification:raised') return true
      const key = (payload as { key?: string } | undefined)?.key
      return roleCan(resolved.user.role, notificationPermission(key))
    },
    close: () => {
      void sync.close()
      sell.tenders.close()
      sell.refunds.close()
      void payments.close()
      opened.db.close()
    },
    shutdown: async () => {
      await sync.close()
      sell.tenders.close()
      sell.refunds.close()
      await payments.close()
      opened.db.close()
    }
  }
}
