import { z } from 'zod'
import { scanDecimal } from '../../money/decimal-scan'
import { NEGATIVE, NOT_A_DECIMAL } from '../../money/messages'
import { checkDigitMessage, checkDigitProblem } from '../../barcodes/gtin'
import { channel } from '../channel'
import { text } from '../text'
import { UI_LANGUAGES } from './settings'

// The catalog: products (with their barcodes) and categories. Prices cross the API twice: as an integer
// of minor units (`priceMinor`, for arithmetic in main) and as a decimal string in the store currency
// (`price`, for forms and CSV). Inputs carry the decimal string only; main parses it with the currency.

export const PRODUCT_UNITS = ['piece', 'kg'] as const
export type ProductUnit = (typeof PRODUCT_UNITS)[number]

export const CATALOG_MESSAGES = {
  required: 'is required',
  empty: 'must not be empty',
  skuFormat: 'use 1 to 40 characters without spaces, commas or |',
  barcodeFormat: 'use 1 to 32 letters, digits, dots, dashes or underscores',
  barcodeRepeated: 'lists the same barcode twice',
  tooManyBarcodes: 'at most 20 barcodes',
  nameTooLong: 'must be at most 120 characters',
  priceFormat: NOT_A_DECIMAL,
  priceNegative: NEGATIVE,
  taxRateFormat: 'must be a rate from 0 to less than 1 with at most 4 decimals, such as 0.13',
  unit: 'must be piece or kg',
  categoryCode: 'use 1 to 20 letters, digits, dashes or underscores',
  sortOrder: 'must be a whole number from 0 to 9999',
  skuTaken: 'is already used by another product',
  barcodeTaken: 'is already used by another product',
  categoryCodeTaken: 'is already used by another category',
  unknownCategory: 'no such category',
  active: 'must be true or false (also yes/no, 1/0)',
  scaleCode: 'use 4 to 6 digits, as the scale prints the item code',
  scaleCodeTaken: 'is already the scale code of another product'
} as const

const M = CATALOG_MESSAGES

/** Rates are kept in one spelling (`"0.130"` → `"0.13"`, `"0.0"` → `"0"`), so equal rates compare equal. */
export function normalizeRate(text: string): string {
  if (!text.includes('.')) return String(Number.parseInt(text, 10))
  const trimmed = text.replace(/0+$/, '').replace(/\.$/, '')
  return trimmed === '' ? '0' : trimmed
}

export const nameSchema = text({ error: M.required, trim: true, max: 120, tooLong: M.nameTooLong }).min(
  1,
  M.empty
)

export const skuSchema = text({ error: M.required })
  .trim()
  .min(1, M.empty)
  .regex(/^[^\s,|]{1,40}$/u, M.skuFormat)

/**
 * A barcode as typed: a GTIN (8, 12, 13 or 14 digits) must carry its right check digit, anything else
 * is an in-store code (see `shared/barcodes/gtin.ts`).
 */
export const barcodeSchema = text({ error: M.required })
  .trim()
  .regex(/^[0-9A-Za-z._-]{1,32}$/, M.barcodeFormat)
  .superRefine((code, ctx) => {
    const problem = checkDigitProblem(code)
    if (problem === undefined) return
    ctx.addIssue({
      code: 'custom',
      message: checkDigitMessage(problem),
      input: code,
      params: { key: 'errors.catalog.checkDigit', expected: problem.expected, corrected: problem.corrected }
    })
  })

export const barcodesSchema = z
  .array(barcodeSchema, { error: M.required })
  .max(20, M.tooManyBarcodes)
  .refine((codes) => new Set(codes).size === codes.length, M.barcodeRepeated)

/** A non-negative decimal; the currency's digits are checked in main (`parseDecimalToMinor`). */
/** A price: a plain decimal (else `priceFormat`), not below zero (else `priceNegative`, the true reason). */
export const priceSchema = text({ error: M.required })
  .refine((text) => scanDecimal(text) !== undefined, M.priceFormat)
  .refine((text) => scanDecimal(text)?.negative !== true, M.priceNegative)

export const taxRateSchema = text({ error: M.required })
  .refine((text) => {
    const scan = scanDecimal(text)
    return (
      scan !== undefined && !scan.negative && scan.integerValue === 0 && scan.significantFractionDigits <= 4
    )
  }, M.taxRateFormat)
  .transform(normalizeRate)

export const unitSchema = z.enum(PRODUCT_UNITS, { error: M.unit })

/** The item code the shop scale prints inside its labels; an empty string means none. */
const scaleCodeSchema = text({ error: M.scaleCode })
  .trim()
  .regex(/^(\d{4,6})?$/, M.scaleCode)
  .transform((code) => (code === '' ? null : code))
  .nullable()

export const productSchema = z.object({
  id: text(),
  sku: text(),
  barcodes: z.array(text()),
  nameZh: text(),
  nameEn: text(),
  categoryId: text().nullable(),
  /** Integer minor units of the store currency. */
  priceMinor: z.number().int(),
  /** The same price as a decimal string with the currency's digits, e.g. `"3.50"`. */
  price: text(),
  taxRate: text(),
  unit: z.enum(PRODUCT_UNITS),
  active: z.boolean(),
  /** The scale's item code for weighed goods (`21 IIIII WWWWW C` labels), or null. */
  scaleCode: text().nullable().optional(),
  createdAt: text(),
  updatedAt: text()
})
export type Product = z.infer<typeof productSchema>

export const productInputSchema = z
  .object({
    sku: skuSchema,
    barcodes: barcodesSchema.default([]),
    nameZh: nameSchema,
    nameEn: nameSchema,
    categoryId: text().trim().min(1, M.empty).nullable().default(null),
    price: priceSchema,
    taxRate: taxRateSchema,
    unit: unitSchema.default('piece'),
    active: z.boolean({ error: M.active }).default(true),
    scaleCode: scaleCodeSchema.optional(),
    /** The manager said yes to a price of 0 or above `PRICE_CONFIRM_ABOVE` (`errors.money.zeroPrice`/`largePrice`). */
    confirmUnusualPrice: z.boolean().optional()
  })
  .strict()
export type ProductInput = z.output<typeof productInputSchema>

export const productUpdateSchema = z
  .object({
    id: text().trim().min(1, M.empty),
    sku: skuSchema.optional(),
    barcodes: barcodesSchema.optional(),
    nameZh: nameSchema.optional(),
    nameEn: nameSchema.optional(),
    categoryId: text().trim().min(1, M.empty).nullable().optional(),
    price: priceSchema.optional(),
    taxRate: taxRateSchema.optional(),
    unit: unitSchema.optional(),
    active: z.boolean({ error: M.active }).optional(),
    scaleCode: scaleCodeSchema.optional(),
    /** As in `productInputSchema`; asked only when the price changes. */
    confirmUnusualPrice: z.boolean().optional()
  })
  .strict()
export type ProductUpdate = z.output<typeof productUpdateSchema>

export const categorySchema = z.object({
  id: text(),
  code: text(),
  nameZh: text(),
  nameEn: text(),
  sortOrder: z.number().int(),
  active: z.boolean(),
  /** Active products in it. */
  productCount: z.number().int()
})
export type Category = z.infer<typeof categorySchema>

export const categoryCodeSchema = text({ error: M.required })
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,20}$/, M.categoryCode)
export const sortOrderSchema = z
  .number({ error: M.sortOrder })
  .int(M.sortOrder)
  .min(0, M.sortOrder)
  .max(9999, M.sortOrder)

export const categoryInputSchema = z
  .object({
    code: categoryCodeSchema,
    nameZh: nameSchema,
    nameEn: nameSchema,
    sortOrder: sortOrderSchema.default(0),
    active: z.boolean({ error: M.active }).default(true)
  })
  .strict()
export type CategoryInput = z.output<typeof categoryInputSchema>

export const categoryUpdateSchema = z
  .object({
    id: text().trim().min(1, M.empty),
    code: categoryCodeSchema.optional(),
    nameZh: nameSchema.optional(),
    nameEn: nameSchema.optional(),
    sortOrder: sortOrderSchema.optional(),
    active: z.boolean({ error: M.active }).optional()
  })
  .strict()
export type CategoryUpdate = z.output<typeof categoryUpdateSchema>

export const catalogSearchSchema = z
  .object({
    /** Name (zh or en, any part of it), SKU or barcode; empty lists everything (in `categoryId`). */
    query: text({ max: 100, tooLong: 'must be at most 100 characters' }).default(''),
    categoryId: text().min(1).nullable().default(null),
    limit: z.number().int().min(1, 'must be at least 1').max(500, 'must be at most 500').default(50),
    includeInactive: z.boolean().default(false),
    /** Whose names to sort by (the interface language). */
    language: z.enum(UI_LANGUAGES).default('zh-CN')
  })
  .strict()
export type CatalogSearch = z.output<typeof catalogSearchSchema>

export const catalogSearchResultSchema = z.object({
  products: z.array(productSchema),
  /** How many products match in all (`products` holds at most `limit` of them). */
  total: z.number().int()
})
export type CatalogSearchResult = z.infer<typeof catalogSearchResultSchema>

export const IMPORT_MODES = ['all-or-nothing', 'valid-rows-only'] as const
export type ImportMode = (typeof IMPORT_MODES)[number]

/** The CSV columns, in the order an export writes them. */
export const CATALOG_CSV_COLUMNS = [
  'sku',
  'barcodes',
  'name_zh',
  'name_en',
  'category',
  'price',
  'tax_rate',
  'unit',
  'active',
  'scale_code'
] as const
export type CatalogCsvColumn = (typeof CATALOG_CSV_COLUMNS)[number]

export const importRowErrorSchema = z.object({
  /** The CSV line the row starts on (the header is line 1). */
  line: z.number().int(),
  /** The CSV column, e.g. `price`, or `''` for the row as a whole. */
  field: text(),
  /** English, for the `kassa` command; screens show `key`. */
  message: text(),
  /** The reason's i18n key (`errors.catalog.skuFormat`) and its params. */
  key: text(),
  params: z.record(text(), z.union([text(), z.number()])).optional(),
  /** What the cell held. */
  value: text()
})
export type ImportRowError = z.infer<typeof importRowErrorSchema>

export const importPreviewRowSchema = z.object({
  line: z.number().int(),
  sku: text(),
  nameZh: text(),
  nameEn: text(),
  price: text(),
  action: z.enum(['create', 'update', 'invalid'])
})

export const importPreviewSchema = z.object({
  totalRows: z.number().int(),
  validRows: z.number().int(),
  invalidRows: z.number().int(),
  toCreate: z.number().int(),
  toUpdate: z.number().int(),
  /** Category codes the import would create. */
  newCategories: z.array(text()),
  /** The first rows, to show what the file holds. */
  rows: z.array(importPreviewRowSchema),
  /** Every problem, up to `errorLimit`, in line order. */
  errors: z.array(importRowErrorSchema),
  /** More errors than listed. */
  errorsTruncated: z.boolean()
})
export type ImportPreview = z.infer<typeof importPreviewSchema>

const csvTextSchema = text({
  error: M.required,
  max: 32 * 1024 * 1024,
  tooLong: 'the file is larger than 32 MB'
}).min(1, 'the file is empty')

/**
 * How `csv` is sent: `text` (already decoded), or `base64` of the file's bytes as read from disk, which
 * main decodes as UTF-8, UTF-16 (BOM) or GB18030/GBK — a browser's `file.text()` would turn a GBK file
 * into replacement characters before main could see it.
 */
export const CSV_ENCODINGS = ['text', 'base64'] as const
const csvEncodingSchema = z.enum(CSV_ENCODINGS, { error: 'must be text or base64' }).default('text')

export const importPreviewInputSchema = z
  .object({
    csv: csvTextSchema,
    encoding: csvEncodingSchema,
    previewRows: z.number().int().min(0).max(200).default(20),
    errorLimit: z.number().int().min(1).max(1000).default(200)
  })
  .strict()

export const importCommitInputSchema = z
  .object({
    csv: csvTextSchema,
    encoding: csvEncodingSchema,
    mode: z.enum(IMPORT_MODES, { error: 'must be all-or-nothing or valid-rows-only' }),
    /** Echoed in `catalog:import-progress` so a window knows its own import's progress. */
    importId: text({ max: 64 }).optional()
  })
  .strict()

export const importResultSchema = z.object({
  importId: text(),
  created: z.number().int(),
  updated: z.number().int(),
  /** Invalid rows left out (valid-rows-only). */
  skipped: z.number().int(),
  categoriesCreated: z.number().int(),
  errors: z.array(importRowErrorSchema)
})
export type ImportResult = z.infer<typeof importResultSchema>

export const importProgressSchema = z.object({
  importId: text(),
  done: z.number().int(),
  total: z.number().int()
})
export type ImportProgress = z.infer<typeof importProgressSchema>

export const catalogChannels = {
  'catalog:search': channel({
    summary:
      'Products by name (zh or en, any part), SKU or barcode, optionally in one category; an empty query lists the category sorted by name.',
    input: catalogSearchSchema,
    output: catalogSearchResultSchema,
    permission: 'sell'
  }),
  'catalog:lookup-code': channel({
    summary: 'The active product with exactly this barcode or SKU (the scanner), or NOT_FOUND.',
    input: z
      .object({
        code: text({ trim: true, max: 64 }).min(1, M.empty),
        includeInactive: z.boolean().default(false)
      })
      .strict(),
    output: productSchema,
    permission: 'sell'
  }),
  'catalog:get-product': channel({
    summary: 'One product by id, active or not.',
    input: z.object({ id: text().min(1, M.empty) }).strict(),
    output: productSchema,
    permission: 'sell'
  }),
  'catalog:list-categories': channel({
    summary: 'Categories in display order, with their count of active products.',
    input: z.object({ includeInactive: z.boolean().default(false) }).strict(),
    output: z.array(categorySchema),
    permission: 'sell'
  }),
  'catalog:create-product': channel({
    summary: 'Add a product with its barcodes.',
    input: productInputSchema,
    output: productSchema,
    permission: 'catalog-manage'
  }),
  'catalog:update-product': channel({
    summary: "Change a product's fields; `barcodes` replaces the whole list.",
    input: productUpdateSchema,
    output: productSchema,
    permission: 'catalog-manage'
  }),
  'catalog:deactivate-product': channel({
    summary: 'Take a product off sale (kept for past orders; update with active: true to bring it back).',
    input: z.object({ id: text().min(1, M.empty) }).strict(),
    output: productSchema,
    permission: 'catalog-manage'
  }),
  'catalog:create-category': channel({
    summary: 'Add a category.',
    input: categoryInputSchema,
    output: categorySchema,
    permission: 'catalog-manage'
  }),
  'catalog:update-category': channel({
    summary: "Change a category's code, names, order or active flag.",
    input: categoryUpdateSchema,
    output: categorySchema,
    permission: 'catalog-manage'
  }),
  'catalog:deactivate-category': channel({
    summary: 'Hide a category (its products stay, uncategorised views still find them).',
    input: z.object({ id: text().min(1, M.empty) }).strict(),
    output: categorySchema,
    permission: 'catalog-manage'
  }),
  'catalog:import-preview': channel({
    summary:
      'Check a products CSV without saving: counts, the first rows and every error with its line and column.',
    input: importPreviewInputSchema,
    output: importPreviewSchema,
    permission: 'catalog-manage'
  }),
  'catalog:import-commit': channel({
    summary: 'Import a products CSV (upsert by SKU): all-or-nothing, or only the valid rows.',
    input: importCommitInputSchema,
    output: importResultSchema,
    permission: 'catalog-manage'
  }),
  'catalog:export-csv': channel({
    summary: 'Every product as CSV text in the import format.',
    input: z.object({ includeInactive: z.boolean().default(true) }).strict(),
    output: z.object({ csv: text(), rows: z.number().int(), fileName: text() }),
    permission: 'catalog-manage'
  })
}
