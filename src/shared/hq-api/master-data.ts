import { z } from 'zod'
import { importPreviewSchema } from '../contract/channels/catalog'
import {
  catalogImportCommitSchema,
  catalogImportPreviewSchema,
  catalogImportResultSchema,
  categorySaveSchema,
  couponSaveSchema,
  hqCouponSchema,
  hqStaffSchema,
  productPricesSchema,
  productSaveSchema,
  publishedSchema,
  setPricesSchema,
  staffSaveSchema,
  storeCatalogSchema
} from './master-data-schemas'
import { ANY_ROLE, WRITERS, route } from './route'

const storeQuery = z.object({ storeId: z.string().uuid('must be an id') })
const savedSchema = publishedSchema.extend({ id: z.string() })

/**
 * Master data the tills pull: a store's catalog (categories, products with this store's price),
 * prices per store, CSV import with the till's rules and a preview, coupons with per-till
 * allotments, staff of the tills. Every change is published as a new revision of each store it
 * touches (with its `hq_audit` row, one transaction) and wakes those stores' tills. Owner: every
 * store; manager: only their stores (each store named must be theirs, else 403 on that field);
 * auditor: reads only. Schemas and their rules: `master-data-schemas.ts`.
 */
export const masterDataApi = {
  catalog: route({
    method: 'GET',
    path: '/master/catalog',
    input: storeQuery,
    output: storeCatalogSchema,
    roles: ANY_ROLE,
    storeField: 'storeId'
  }),
  saveCategory: route({
    method: 'POST',
    path: '/master/categories',
    input: categorySaveSchema,
    output: savedSchema,
    roles: WRITERS
  }),
  saveProduct: route({
    method: 'POST',
    path: '/master/products',
    input: productSaveSchema,
    output: savedSchema,
    roles: WRITERS
  }),
  prices: route({
    method: 'GET',
    path: '/master/prices',
    input: z.object({ productId: z.string().uuid('must be an id') }),
    output: productPricesSchema,
    roles: ANY_ROLE
  }),
  setPrices: route({
    method: 'POST',
    path: '/master/prices',
    input: setPricesSchema,
    output: publishedSchema,
    roles: WRITERS
  }),
  importPreview: route({
    method: 'POST',
    path: '/master/import/preview',
    input: catalogImportPreviewSchema,
    output: importPreviewSchema,
    roles: WRITERS,
    storeField: 'storeId'
  }),
  importCommit: route({
    method: 'POST',
    path: '/master/import',
    input: catalogImportCommitSchema,
    output: catalogImportResultSchema,
    roles: WRITERS,
    storeField: 'storeId'
  }),
  coupons: route({
    method: 'GET',
    path: '/master/coupons',
    input: storeQuery,
    output: z.object({ coupons: z.array(hqCouponSchema), currency: z.string() }),
    roles: ANY_ROLE,
    storeField: 'storeId'
  }),
  saveCoupon: route({
    method: 'POST',
    path: '/master/coupons',
    input: couponSaveSchema,
    output: savedSchema,
    roles: WRITERS,
    storeField: 'storeId'
  }),
  staff: route({
    method: 'GET',
    path: '/master/staff',
    input: storeQuery,
    output: z.object({ staff: z.array(hqStaffSchema) }),
    roles: ANY_ROLE,
    storeField: 'storeId'
  }),
  saveStaff: route({
    method: 'POST',
    path: '/master/staff',
    input: staffSaveSchema,
    output: savedSchema,
    roles: WRITERS
  })
}
