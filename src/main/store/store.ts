import type { Database } from 'better-sqlite3'
import { createAuditRepo } from './repos/audit-repo'
import { createCatalogRepo } from './repos/catalog-repo'
import { createCountersRepo } from './repos/counters-repo'
import { createCouponsRepo } from './repos/coupons-repo'
import { createEvaluationsRepo } from './repos/evaluations-repo'
import { createJournalRepo } from './repos/journal-repo'
import { createLossPreventionRepo } from './repos/loss-prevention-repo'
import { createOrdersRepo } from './repos/orders-repo'
import { createNotificationsRepo } from './repos/notifications-repo'
import { createOutboxRepo } from './repos/outbox-repo'
import { createPaymentsRepo } from './repos/payments-repo'
import { createPreferencesRepo } from './repos/preferences-repo'
import { createReconciliationRepo } from './repos/reconciliation-repo'
import { createReceiptSettingsRepo } from './repos/receipt-settings-repo'
import { createRefundsRepo } from './repos/refunds-repo'
import { createSecurityRepo } from './repos/security-repo'
import { createSettingsRepo } from './repos/settings-repo'
import { createSettlementRepo } from './repos/settlement-repo'
import { createShiftsRepo } from './repos/shifts-repo'
import { createUsersRepo } from './repos/users-repo'
import { createSyncRepo } from './repos/sync-repo'
import { createMasterDataRepo } from './repos/master-data-repo'
import { createReadCache } from './read-cache'

/**
 * Every repository over one open database. Services compose them inside
 * `store.transaction(...)`, which is the only way they write.
 */
export function createStore(db: Database) {
  // One transaction function for every call: better-sqlite3 builds four wrappers per `transaction()`.
  // Inside another transaction it takes a savepoint, as a fresh one would.
  const inTransaction = db.transaction((work: () => unknown) => work())
  const cache = createReadCache(db)
  return {
    db,
    settings: createSettingsRepo(db, cache),
    receiptSettings: createReceiptSettingsRepo(db),
    preferences: createPreferencesRepo(db, cache),
    audit: createAuditRepo(db),
    outbox: createOutboxRepo(db),
    users: createUsersRepo(db, cache),
    security: createSecurityRepo(db, cache),
    counters: createCountersRepo(db),
    coupons: createCouponsRepo(db),
    orders: createOrdersRepo(db),
    payments: createPaymentsRepo(db),
    journal: createJournalRepo(db),
    refunds: createRefundsRepo(db),
    catalog: createCatalogRepo(db),
    shifts: createShiftsRepo(db, cache),
    settlement: createSettlementRepo(db),
    evaluations: createEvaluationsRepo(db),
    notifications: createNotificationsRepo(db),
    reconciliation: createReconciliationRepo(db),
    lossPrevention: createLossPreventionRepo(db),
    sync: createSyncRepo(db),
    masterData: createMasterDataRepo(db),
    /** Runs `work` in one IMMEDIATE transaction: all of it commits, or none of it. */
    transaction<T>(work: () => T): T {
      return cache.around(() => inTransaction.immediate(work) as T)
    }
  }
}

export type Store = ReturnType<typeof createStore>
