import { gtinLookupKey } from '@shared/barcodes/gtin'
import {
  CATALOG_MESSAGES as M,
  productInputSchema,
  type CatalogCsvColumn,
  type ImportPreview,
  type ImportRowError,
  type ProductInput
} from '@shared/contract'
import { reasonKey, zodRefusal } from '@shared/contract/error-reasons'
import { FieldError } from '@shared/money/field-error'
import { minorToDecimalString, parseDecimalToMinor } from '@shared/money/format'
import { PRICE_CAP } from '@shared/money/unusual-amounts'
import { readCatalogCsv, type CsvRow } from './read'

/** A refusal's stable i18n key and its parameters. */
interface ErrorKey {
  key: string
  params?: Record<string, string | number>
}

/**
 * What an import is checked against: the catalog as it is now. The till's `CatalogRepo` is one;
 * the head office reads a store's published master data as another.
 */
export interface CatalogLookup {
  listCategories(includeInactive: true): ReadonlyArray<{ code: string; nameZh: string; nameEn: string }>
  getProductBySku(sku: string): { id: string } | null
  getProductByScaleCode(code: string): { id: string; sku: string } | null
  /** The product holding `barcode` (compared in its GTIN lookup form), or null. */
  barcodeOwner(barcode: string): string | null
  getProduct(id: string): { sku: string } | null
}

/** A row that passed every check: what to write, and whether its SKU is new. */
export interface PlannedRow {
  line: number
  input: ProductInput
  priceMinor: number
  /** The category's code as written (resolved to an id when committing, after new ones exist). */
  categoryCode: string | null
  existingId: string | null
}

/** The fields of a product a planned row writes, the same at the till and the head office. */
export type PlannedProduct = Pick<
  ProductInput,
  'sku' | 'nameZh' | 'nameEn' | 'taxRate' | 'unit' | 'active'
> & {
  categoryId: string | null
  priceMinor: number
}

/**
 * The product `row` writes. `categoryIds` maps each category code, in lower case, to its id — the
 * new categories' too, created before the products; a row whose code has none gets no category.
 * The row's id, barcodes and scale code are each side's own business (the head office keeps no
 * scale code; the till keeps a product's when the file has no such column).
 */
export function plannedProduct(row: PlannedRow, categoryIds: ReadonlyMap<string, string>): PlannedProduct {
  return {
    sku: row.input.sku,
    nameZh: row.input.nameZh,
    nameEn: row.input.nameEn,
    categoryId: row.categoryCode === null ? null : (categoryIds.get(row.categoryCode.toLowerCase()) ?? null),
    priceMinor: row.priceMinor,
    taxRate: row.input.taxRate,
    unit: row.input.unit,
    active: row.input.active
  }
}

export interface ImportPlan {
  totalRows: number
  valid: PlannedRow[]
  /** Lines with at least one error. */
  invalidLines: Set<number>
  errors: ImportRowError[]
  /** Category codes no category has yet, as first written. */
  newCategories: string[]
  /** Every row, valid or not, for the preview table. */
  rows: Array<{
    line: number
    sku: string
    nameZh: string
    nameEn: string
    price: string
    valid: boolean
    existing: boolean
  }>
}

const FIELD_TO_COLUMN: Record<string, CatalogCsvColumn> = {
  sku: 'sku',
  barcodes: 'barcodes',
  nameZh: 'name_zh',
  nameEn: 'name_en',
  price: 'price',
  taxRate: 'tax_rate',
  unit: 'unit',
  active: 'active',
  scaleCode: 'scale_code'
}

const TRUE = new Set(['', 'true', '1', 'yes', 'y', '是', 'active'])
const FALSE = new Set(['false', '0', 'no', 'n', '否', 'inactive'])
const UNITS: Record<string, string> = {
  '': 'piece',
  piece: 'piece',
  pcs: 'piece',
  件: 'piece',
  个: 'piece',
  kg: 'kg',
  千克: 'kg',
  公斤: 'kg'
}
const CATEGORY_CODE = /^[A-Za-z0-9_-]{1,20}$/

/**
 * Checks every row of a products CSV against the catalog as it is now, collecting every problem
 * (not just the first) with its line and column. Nothing is written. The one set of import rules,
 * for the till (`catalog:import-*`, `kassa import-products`) and the head office alike.
 */
export function planImport(repo: CatalogLookup, currency: string, text: string): ImportPlan {
  const csvRows = readCatalogCsv(text)
  const errors: ImportRowError[] = []
  const invalidLines = new Set<number>()
  const valid: PlannedRow[] = []
  const rows: ImportPlan['rows'] = []
  const skuLines = new Map<string, number>()
  const barcodeLines = new Map<string, number>()
  const scaleLines = new Map<string, number>()
  const newCategories = new Map<string, string>()
  const categoryByKey = new Map<string, string | null>()
  for (const category of repo.listCategories(true)) {
    categoryByKey.set(category.code.toLowerCase(), category.code)
    categoryByKey.set(category.nameZh.toLowerCase(), category.code)
    categoryByKey.set(category.nameEn.toLowerCase(), category.code)
  }

  const fail = (row: CsvRow, field: CatalogCsvColumn | '', message: string, reason?: ErrorKey): void => {
    invalidLines.add(row.line)
    const { key, params } = reason ?? reasonKey(message)
    const value = field === '' ? '' : row.cells[field]
    errors.push({ line: row.line, field, message, key, ...(params ? { params } : {}), value })
  }

  for (const row of csvRows) {
    const { cells } = row
    const rowErrorsBefore = errors.length
    if (row.cellCount !== row.headerCount) {
      // `…,0.13,3,50` under a five-column header: every cell after the decimal comma has moved, so
      // nothing in the row can be trusted — refuse it as a whole rather than read price 3.00.
      fail(
        row,
        '',
        `has ${row.cellCount} cell${row.cellCount === 1 ? '' : 's'} but the header has ${row.headerCount} (a comma inside a number? quote the cell or use a decimal point)`,
        { key: 'errors.catalog.cellCount', params: { cells: row.cellCount, header: row.headerCount } }
      )
      rows.push({
        line: row.line,
        sku: cells.sku,
        nameZh: cells.name_zh,
        nameEn: cells.name_en,
        price: cells.price,
        valid: false,
        existing: false
      })
      continue
    }
    const active = cells.active.toLowerCase()
    if (!TRUE.has(active) && !FALSE.has(active)) fail(row, 'active', M.active)
    const unit = UNITS[cells.unit.toLowerCase()]
    const parsed = productInputSchema.safeParse({
      sku: cells.sku,
      barcodes: cells.barcodes
        .split('|')
        .map((code) => code.trim())
        .filter((code) => code !== ''),
      nameZh: cells.name_zh,
      nameEn: cells.name_en,
      price: cells.price,
      taxRate: cells.tax_rate,
      unit: unit ?? cells.unit,
      active: !FALSE.has(active),
      ...(row.present.has('scale_code') ? { scaleCode: cells.scale_code } : {})
    })
    if (!parsed.success) {
      const seen = new Set<string>()
      for (const issue of parsed.error.issues) {
        const column = FIELD_TO_COLUMN[String(issue.path[0])] ?? ''
        // One message per column: "price: must be a decimal" once, not once per failed check.
        if (seen.has(column)) continue
        seen.add(column)
        const { key, params } = zodRefusal(issue)
        fail(row, column, issue.message, { key: key!, ...(params ? { params } : {}) })
      }
    }

    let priceMinor = 0
    // The currency's precision (1.999 yuan) is checked whenever the price reads as a decimal, not
    // only when the rest of the line is good: every bad field of a line is reported at once.
    const priceRead = parsed.success || !parsed.error.issues.some((issue) => issue.path[0] === 'price')
    if (priceRead) {
      try {
        const price = parsed.success ? parsed.data.price : cells.price
        priceMinor = parseDecimalToMinor(price, currency, 'price')
        // A file cannot be asked "are you sure?", but no price above the cap is taken from anywhere.
        if (priceMinor > PRICE_CAP) {
          const limit = minorToDecimalString(PRICE_CAP, currency)
          fail(row, 'price', `is ${price}, above the ${limit} a till takes`, {
            key: 'errors.money.priceOverCap',
            params: { amount: price, limit }
          })
        }
      } catch (error) {
        if (!(error instanceof FieldError)) throw error
        fail(row, 'price', error.message, error.reason)
      }
    }

    let categoryCode: string | null = null
    if (cells.category !== '') {
      const known = categoryByKey.get(cells.category.toLowerCase())
      if (known) categoryCode = known
      else if (CATEGORY_CODE.test(cells.category)) {
        categoryCode = newCategories.get(cells.category.toLowerCase()) ?? cells.category
        newCategories.set(cells.category.toLowerCase(), categoryCode)
      } else {
        fail(
          row,
          'category',
          `${M.unknownCategory}; use a category's code or name, or a new code of letters and digits`,
          { key: 'errors.catalog.unknownCategoryLong' }
        )
      }
    }

    const skuKey = cells.sku.toLowerCase()
    const earlier = skuKey === '' ? undefined : skuLines.get(skuKey)
    if (earlier !== undefined)
      fail(row, 'sku', `appears again (first on line ${earlier})`, {
        key: 'errors.catalog.repeatedSku',
        params: { line: earlier }
      })
    else if (skuKey !== '') skuLines.set(skuKey, row.line)

    const existing = parsed.success ? repo.getProductBySku(parsed.data.sku) : null
    const scaleCode = parsed.success ? parsed.data.scaleCode : undefined
    if (scaleCode) {
      const before = scaleLines.get(scaleCode)
      const owner = repo.getProductByScaleCode(scaleCode)
      if (before !== undefined) fail(row, 'scale_code', `${scaleCode} is also on line ${before}`)
      else if (owner && owner.id !== existing?.id)
        fail(row, 'scale_code', `${scaleCode} ${M.scaleCodeTaken} (${owner.sku})`)
      else scaleLines.set(scaleCode, row.line)
    }
    if (parsed.success) {
      for (const code of parsed.data.barcodes) {
        const before = barcodeLines.get(gtinLookupKey(code))
        if (before !== undefined) {
          fail(row, 'barcodes', `${code} is also on line ${before}`, {
            key: 'errors.catalog.repeatedBarcode',
            params: { code, line: before }
          })
          continue
        }
        const owner = repo.barcodeOwner(code)
        if (owner !== null && owner !== existing?.id) {
          const other = repo.getProduct(owner)
          fail(row, 'barcodes', `${code} ${M.barcodeTaken} (${other?.sku ?? owner})`, {
            key: 'errors.catalog.barcodeTakenBy',
            params: { code, other: other?.sku ?? owner }
          })
          continue
        }
        barcodeLines.set(gtinLookupKey(code), row.line)
      }
    }

    const ok = errors.length === rowErrorsBefore
    rows.push({
      line: row.line,
      sku: cells.sku,
      nameZh: cells.name_zh,
      nameEn: cells.name_en,
      price: cells.price,
      valid: ok,
      existing: existing !== null
    })
    if (ok && parsed.success) {
      valid.push({
        line: row.line,
        input: parsed.data,
        priceMinor,
        categoryCode,
        existingId: existing?.id ?? null
      })
    }
  }

  // Only categories a valid row uses are created.
  const used = new Set(valid.map((row) => row.categoryCode?.toLowerCase()))
  return {
    totalRows: csvRows.length,
    valid,
    invalidLines,
    errors,
    newCategories: [...newCategories.values()].filter((code) => used.has(code.toLowerCase())),
    rows
  }
}

/** What the preview shows: counts, the first rows and up to `errorLimit` errors. */
export function describePlan(plan: ImportPlan, previewRows: number, errorLimit: number): ImportPreview {
  return {
    totalRows: plan.totalRows,
    validRows: plan.valid.length,
    invalidRows: plan.invalidLines.size,
    toCreate: plan.valid.filter((row) => row.existingId === null).length,
    toUpdate: plan.valid.filter((row) => row.existingId !== null).length,
    newCategories: plan.newCategories,
    rows: plan.rows.slice(0, previewRows).map((row) => ({
      line: row.line,
      sku: row.sku,
      nameZh: row.nameZh,
      nameEn: row.nameEn,
      price: row.price,
      action: !row.valid ? 'invalid' : row.existing ? 'update' : 'create'
    })),
    errors: plan.errors.slice(0, errorLimit),
    errorsTruncated: plan.errors.length > errorLimit
  }
}

/** `line 3, price: must be a decimal number such as "12.50"` */
export function describeRowError(error: ImportRowError): string {
  return `line ${error.line}${error.field ? `, ${error.field}` : ''}: ${error.message}${error.value ? ` (${JSON.stringify(error.value)})` : ''}`
}
