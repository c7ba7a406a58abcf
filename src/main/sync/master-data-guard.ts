import type { ApiError, ChannelName } from '@shared/contract'
import type { LocalEdits } from '../store/repos/sync-repo'
import type { Store } from '../store/store'

/** The channels that edit master data the head office owns once a till is enrolled. */
const OWNED_BY_HQ: Partial<Record<ChannelName, keyof LocalEdits>> = {
  'catalog:create-product': 'catalog',
  'catalog:update-product': 'catalog',
  'catalog:deactivate-product': 'catalog',
  'catalog:create-category': 'catalog',
  'catalog:update-category': 'catalog',
  'catalog:deactivate-category': 'catalog',
  'catalog:import-commit': 'catalog',
  'coupons:create': 'coupons',
  'coupons:update': 'coupons',
  'users:create': 'staff',
  'users:update': 'staff'
}

const WHAT = { catalog: 'products and categories', coupons: 'coupons', staff: 'staff' } as const

/**
 * On an enrolled till the catalog, coupons and staff belong to the head office: a local edit is
 * refused (FORBIDDEN, `errors.sync.ownedByHq.catalog|coupons|staff` with `{ store }`) unless
 * the head office allows that kind for this store (`settings.localEdits`, pulled). Checked by the
 * router before the permission gate, so no handler runs and nothing is written.
 */
export function masterDataGuard(store: () => Store | null): (channel: ChannelName) => ApiError | null {
  return (channel) => {
    const kind = OWNED_BY_HQ[channel]
    if (!kind) return null
    const state = store()?.sync.state()
    if (!state || state.localEdits[kind]) return null
    return {
      code: 'FORBIDDEN',
      message: `This till is enrolled with ${state.storeName}: its ${WHAT[kind]} are managed at the head office`,
      key: `errors.sync.ownedByHq.${kind}`,
      params: { store: state.storeName }
    }
  }
}
