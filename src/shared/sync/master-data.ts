import { z } from 'zod'
import { isoTime, uuid } from './fields'

/**
 * The master data the head office sends a till (`GET /sync/v1/pull`): one schema per entity, and
 * one change (`put` or `delete`) of any of them. Part of `protocol.ts`, which re-exports it; the
 * same stability rule holds (this file only grows).
 */

const decimalString = z.string().regex(/^\d+(\.\d+)?$/, 'must be a decimal string such as 0.13')
const minor = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)

/** A product category; `sortOrder` orders the till's category list. */
export const categoryDataSchema = z.object({
  id: uuid,
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  sortOrder: z.number().int(),
  active: z.boolean()
})

/** A product with the store's price: a price change is a new revision of its product. */
export const productDataSchema = z.object({
  id: uuid,
  sku: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  categoryId: uuid.nullable(),
  /** This store's price, minor units. */
  priceMinor: minor,
  taxRate: decimalString,
  unit: z.enum(['piece', 'kg']),
  active: z.boolean()
})

/** The change's `id` is the barcode itself. */
export const barcodeDataSchema = z.object({
  barcode: z.string(),
  productId: uuid,
  position: z.number().int().min(0)
})

/** A coupon: `rate` or `amount` (minor units), with its optional minimum spend and validity window. */
export const couponDataSchema = z.object({
  id: uuid,
  code: z.string(),
  type: z.enum(['rate', 'amount']),
  /** For `rate`: a decimal fraction such as `0.10`. */
  rate: decimalString.nullable(),
  amountMinor: minor.nullable(),
  minSpendMinor: minor.nullable(),
  validFrom: isoTime.nullable(),
  validTo: isoTime.nullable(),
  /** The chain-wide limit; each till may use only its `coupon_allotment`. Null = unlimited. */
  usageLimit: z.number().int().min(1).nullable(),
  active: z.boolean()
})

/**
 * This till's share of a limited coupon (only the pulling till's allotments are sent). `uses` is
 * the total number of redemptions this till may have made, counting those already made: the till
 * redeems while its own count is below it. The head office raises it as other tills sync; a use
 * beyond it that still happens (a restored till) is an anomaly at the head office, never refused.
 * The change's `id` is the coupon id.
 */
export const couponAllotmentDataSchema = z.object({
  couponId: uuid,
  tillId: uuid,
  uses: z.number().int().min(0)
})

/** Staff: hashes only, in the till's own scrypt format; never a password or PIN. */
export const staffDataSchema = z.object({
  id: uuid,
  username: z.string(),
  displayName: z.string(),
  role: z.enum(['cashier', 'manager', 'owner']),
  passwordHash: z.string(),
  pinHash: z.string(),
  active: z.boolean()
})

/** Store settings; the change's `id` is `store`. */
export const settingsDataSchema = z.object({
  storeName: z.string(),
  currency: z.string(),
  locale: z.string(),
  rounding: z.enum(['half-up', 'half-even']),
  taxMode: z.enum(['inclusive', 'exclusive']),
  cashIncrement: decimalString.nullable(),
  /**
   * The store's IANA time zone, the head office's master data: an enrolled till keeps its business
   * days in it (absent from an older head office: the till keeps its own).
   */
  timeZone: z.string().optional(),
  /**
   * What the till may still edit locally while enrolled (the head office owns master data; an
   * owner may allow local edits for a store). Refuse local edits where false, and say so on screen.
   */
  localEdits: z.object({ catalog: z.boolean(), coupons: z.boolean(), staff: z.boolean() })
})

/** Every kind of master-data row a pull may carry (the head office orders a page so a referenced row comes first). */
export const MASTER_ENTITIES = [
  'category',
  'product',
  'barcode',
  'coupon',
  'coupon_allotment',
  'staff',
  'settings'
] as const
export type MasterEntity = (typeof MASTER_ENTITIES)[number]

/** The data of a `put`, by entity. */
export const masterDataSchemas = {
  category: categoryDataSchema,
  product: productDataSchema,
  barcode: barcodeDataSchema,
  coupon: couponDataSchema,
  coupon_allotment: couponAllotmentDataSchema,
  staff: staffDataSchema,
  settings: settingsDataSchema
} as const satisfies Record<MasterEntity, z.ZodType>

export type MasterData<E extends MasterEntity> = z.infer<(typeof masterDataSchemas)[E]>

const putOf = <E extends MasterEntity>(entity: E) =>
  z.object({
    entity: z.literal(entity),
    id: z.string(),
    op: z.literal('put'),
    /** The store revision that produced this version of the row. */
    revision: z.number().int().min(1),
    data: masterDataSchemas[entity]
  })

/**
 * One change to apply on the till. A `put` replaces the whole row (insert or update by id); a
 * `delete` removes it (or deactivates it where the till's history still points at it).
 */
export const masterChangeSchema = z.union([
  putOf('category'),
  putOf('product'),
  putOf('barcode'),
  putOf('coupon'),
  putOf('coupon_allotment'),
  putOf('staff'),
  putOf('settings'),
  z.object({
    entity: z.enum(MASTER_ENTITIES),
    id: z.string(),
    op: z.literal('delete'),
    revision: z.number().int().min(1)
  })
])
export type MasterChange = z.infer<typeof masterChangeSchema>
