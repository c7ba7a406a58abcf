import { z } from 'zod'
import {
  barcodesSchema,
  categoryCodeSchema,
  importPreviewInputSchema,
  importCommitInputSchema,
  nameSchema,
  priceSchema,
  skuSchema,
  sortOrderSchema,
  taxRateSchema,
  unitSchema
} from '../contract/channels/catalog'
import { couponInputSchema } from '../contract/channels/coupons'
import { displayNameSchema, passwordSchema, pinSchema, usernameSchema } from '../contract/channels/auth'

/**
 * The head office's master-data inputs and outputs. Field rules are the till's own (SKU, GTIN
 * check digits, names, tax rate, coupon codes, usernames, PINs), imported from the till's contract,
 * so a row the head office accepts is one a till would accept. Money is typed as yuan text
 * (`"12.50"`) and converted exactly to fen on the server with the store's currency; it leaves as
 * integer minor units (`priceMinor`).
 */

const id = z.string().uuid('must be an id')
const storeIds = z.array(id).min(1, 'choose at least one store').max(1000)

export const hqCategorySchema = z.object({
  id: z.string(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  sortOrder: z.number().int(),
  active: z.boolean()
})
export type HqCategory = z.infer<typeof hqCategorySchema>

export const hqProductSchema = z.object({
  id: z.string(),
  sku: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  categoryId: z.string().nullable(),
  /** This store's price, minor units (fen). */
  priceMinor: z.number().int(),
  taxRate: z.string(),
  unit: z.enum(['piece', 'kg']),
  active: z.boolean(),
  barcodes: z.array(z.string())
})
export type HqProduct = z.infer<typeof hqProductSchema>

/** One store's catalog as its tills pull it. */
export const storeCatalogSchema = z.object({
  storeId: z.string(),
  currency: z.string(),
  /** The store's master-data revision: every published change raises it. */
  revision: z.number().int(),
  categories: z.array(hqCategorySchema),
  products: z.array(hqProductSchema)
})
export type StoreCatalog = z.infer<typeof storeCatalogSchema>

/** The revision each store got from a change (the tills of those stores pull it). */
export const publishedSchema = z.object({
  revisions: z.array(z.object({ storeId: z.string(), revision: z.number().int() }))
})
export type Published = z.infer<typeof publishedSchema>

export const categorySaveSchema = z
  .object({
    /** Absent: a new category. */
    id: id.optional(),
    storeIds,
    code: categoryCodeSchema,
    nameZh: nameSchema,
    nameEn: nameSchema,
    sortOrder: sortOrderSchema.default(0),
    active: z.boolean().default(true)
  })
  .strict()
export type CategorySave = z.output<typeof categorySaveSchema>

export const productSaveSchema = z
  .object({
    /** Absent: a new product (the same id in every store chosen). */
    id: id.optional(),
    storeIds,
    sku: skuSchema,
    barcodes: barcodesSchema.default([]),
    nameZh: nameSchema,
    nameEn: nameSchema,
    categoryId: id.nullable().default(null),
    /** Yuan as typed (`"12.50"`): the price in every store chosen (change one store's with `setPrices`). */
    price: priceSchema,
    taxRate: taxRateSchema,
    unit: unitSchema.default('piece'),
    active: z.boolean().default(true)
  })
  .strict()
export type ProductSave = z.output<typeof productSaveSchema>

export const setPricesSchema = z
  .object({
    productId: id,
    prices: z
      .array(z.object({ storeId: id, price: priceSchema }).strict())
      .min(1, 'give at least one price')
      .max(1000)
  })
  .strict()
export type SetPrices = z.output<typeof setPricesSchema>

export const productPricesSchema = z.object({
  productId: z.string(),
  sku: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  prices: z.array(
    z.object({
      storeId: z.string(),
      storeName: z.string(),
      currency: z.string(),
      /** Null where the store does not sell the product. */
      priceMinor: z.number().int().nullable()
    })
  )
})
export type ProductPrices = z.infer<typeof productPricesSchema>

export const catalogImportPreviewSchema = importPreviewInputSchema.extend({ storeId: id })
export const catalogImportCommitSchema = importCommitInputSchema
  .omit({ importId: true })
  .extend({ storeId: id })

export const catalogImportResultSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  categoriesCreated: z.number().int(),
  /** The store's revision after the last chunk (0 when nothing was written). */
  revision: z.number().int()
})
export type CatalogImportResult = z.infer<typeof catalogImportResultSchema>

export const couponSaveSchema = z
  .object({
    id: id.optional(),
    /** A coupon belongs to one store: its usage limit is shared among that store's tills. */
    storeId: id,
    coupon: couponInputSchema
  })
  .strict()
export type CouponSave = z.output<typeof couponSaveSchema>

export const hqCouponSchema = z.object({
  id: z.string(),
  storeId: z.string(),
  code: z.string(),
  type: z.enum(['rate', 'amount']),
  rate: z.string().nullable(),
  amountMinor: z.number().int().nullable(),
  minSpendMinor: z.number().int().nullable(),
  /** Calendar dates in the store's time zone. */
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  usageLimit: z.number().int().nullable(),
  active: z.boolean(),
  /** Each till's allotment of a limited coupon, and the uses it has synced. */
  allotments: z.array(
    z.object({ tillId: z.string(), tillCode: z.string(), uses: z.number().int(), used: z.number().int() })
  ),
  used: z.number().int()
})
export type HqCoupon = z.infer<typeof hqCouponSchema>

export const TILL_ROLES = ['cashier', 'manager', 'owner'] as const

export const staffSaveSchema = z
  .object({
    id: id.optional(),
    storeIds,
    username: usernameSchema,
    displayName: displayNameSchema,
    role: z.enum(TILL_ROLES, { error: 'must be cashier, manager or owner' }),
    /** Required for a new person; absent on an update keeps the current one. Hashed at once, never stored. */
    password: passwordSchema.optional(),
    pin: pinSchema.optional(),
    active: z.boolean().default(true)
  })
  .strict()
export type StaffSave = z.output<typeof staffSaveSchema>

/** A person of the tills, without any credential (hashes never leave the server's publishing path). */
export const hqStaffSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(TILL_ROLES),
  active: z.boolean(),
  storeIds: z.array(z.string())
})
export type HqStaff = z.infer<typeof hqStaffSchema>
