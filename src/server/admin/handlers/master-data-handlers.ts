import type { masterDataApi } from '@shared/hq-api/master-data'
import { commitStoreImport, previewStoreImport } from '../../master/catalog-import'
import {
  productPrices,
  saveCategory,
  saveProduct,
  setPrices,
  storeCatalog
} from '../../master/catalog-service'
import { listCoupons, saveCoupon } from '../../master/coupons-service'
import { asRefusal } from '../../master/errors'
import { allStoreIds, requireStore } from '../../master/records'
import { listStaff, saveStaff } from '../../master/staff-service'
import type { MasterDeps } from '../../master/types'
import type { AreaHandlers, HqContext } from '../context'
import { HqRefusal } from '../refusal'

const deps = (ctx: HqContext): MasterDeps => ({
  db: ctx.db,
  clock: ctx.clock,
  wakeups: ctx.wakeups,
  audit: ctx.audit
})

/** A manager may name only their own stores: 403 on `field[i]` for the first that is not. */
function requireOwnStores(ctx: HqContext, storeIds: readonly string[], field: string): void {
  storeIds.forEach((id, i) => requireOwnStore(ctx, id, `${field}[${i}]`))
}

function requireOwnStore(ctx: HqContext, storeId: string, field: string): void {
  if (!ctx.canSeeStore(storeId))
    throw new HqRefusal('FORBIDDEN', `${field}: not one of your stores`, 'errors.hq.auth.notYourStore', field)
}

/** Runs a service call, answering the till's shared-rule refusals (`FieldError`) as VALIDATION. */
async function run<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    throw asRefusal(error)
  }
}

/** Master data (see `masterDataApi`): thin — the services in `src/server/master` own the rules. */
export const masterDataHandlers: AreaHandlers<typeof masterDataApi> = {
  catalog: (input, ctx) => run(() => storeCatalog(ctx.db, input.storeId)),

  saveCategory(input, ctx) {
    requireOwnStores(ctx, input.storeIds, 'storeIds')
    return run(() => saveCategory(deps(ctx), input))
  },

  saveProduct(input, ctx) {
    requireOwnStores(ctx, input.storeIds, 'storeIds')
    return run(() => saveProduct(deps(ctx), input))
  },

  async prices(input, ctx) {
    const visible = (await allStoreIds(ctx.db)).filter((id) => ctx.canSeeStore(id))
    return run(() => productPrices(ctx.db, input.productId, visible))
  },

  setPrices(input, ctx) {
    input.prices.forEach((p, i) => requireOwnStore(ctx, p.storeId, `prices[${i}].storeId`))
    return run(() => setPrices(deps(ctx), input))
  },

  importPreview: (input, ctx) => run(() => previewStoreImport(ctx.db, input)),

  importCommit: (input, ctx) => run(() => commitStoreImport(deps(ctx), input)),

  coupons: async (input, ctx) => ({
    coupons: await run(() => listCoupons(ctx.db, input.storeId)),
    currency: (await requireStore(ctx.db, input.storeId, 'storeId')).currency
  }),

  saveCoupon: (input, ctx) => run(() => saveCoupon(deps(ctx), input)),

  staff: async (input, ctx) => ({ staff: await run(() => listStaff(ctx.db, [input.storeId])) }),

  saveStaff(input, ctx) {
    requireOwnStores(ctx, input.storeIds, 'storeIds')
    return run(() =>
      saveStaff(deps(ctx), input, {
        mayGrantOwner: ctx.user.role === 'owner',
        writableStoreIds: ctx.user.role === 'owner' ? null : ctx.user.storeIds,
        ...(ctx.hashParams ? { hashParams: ctx.hashParams } : {})
      })
    )
  }
}
