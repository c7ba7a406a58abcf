import type { HandlerMap } from '../context'
import { anomaliesHandlers } from './anomalies-handlers'
import { authHandlers } from './auth-handlers'
import { dashboardHandlers } from './dashboard-handlers'
import { settlementHandlers } from './settlement-handlers'
import { reconciliationHandlers } from './reconciliation-handlers'
import { storesHandlers } from './stores-handlers'
import { masterDataHandlers } from './master-data-handlers'

/** Every area's handlers; an area adds one line (its routes are declared in `src/shared/hq-api`). */
export const hqHandlers: HandlerMap = {
  auth: authHandlers,
  stores: storesHandlers,
  dashboard: dashboardHandlers,
  settlement: settlementHandlers,
  master: masterDataHandlers,
  anomalies: anomaliesHandlers,
  reconciliation: reconciliationHandlers
}
