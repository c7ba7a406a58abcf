import { anomaliesApi } from './anomalies'
import { authApi } from './auth'
import { dashboardApi } from './dashboard'
import { reconciliationApi } from './reconciliation'
import type { HqRoute } from './route'
import { settlementApi } from './settlement'
import { storesApi } from './stores'
import { masterDataApi } from './master-data'

/**
 * Every area of the head office's web API. An area adds one file declaring its routes (see
 * `route.ts`) and one line here; the server registers each against its handler map and the
 * role-matrix test walks them all.
 */
export const hqApi = {
  auth: authApi,
  stores: storesApi,
  dashboard: dashboardApi,
  settlement: settlementApi,
  master: masterDataApi,
  anomalies: anomaliesApi,
  reconciliation: reconciliationApi
}

export type HqApi = typeof hqApi
export type HqArea = keyof HqApi

/** Every declared route as `{ area, name, route }`, in declaration order. */
export function allRoutes(): Array<{ area: string; name: string; route: HqRoute }> {
  return Object.entries(hqApi).flatMap(([area, routes]) =>
    Object.entries(routes as Record<string, HqRoute>).map(([name, route]) => ({ area, name, route }))
  )
}

export * from './route'
export type { HqUser } from './auth'
export type { HqStore, HqTill } from './stores'
