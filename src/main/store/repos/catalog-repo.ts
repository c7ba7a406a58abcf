import { gtinLookupKey } from '@shared/barcodes/gtin'
import type { Database } from 'better-sqlite3'
import { createCatalogSearch } from './catalog-search'

export type { SearchOptions } from './catalog-search'
import type { ProductUnit } from '@shared/contract'

/** A product as stored: money in minor units, the rate as its decimal string. */
export interface ProductRecord {
  seq: number
  id: string
  sku: string
  barcodes: string[]
  nameZh: string
  nameEn: string
  categoryId: string | null
  priceMinor: number
  taxRate: string
  unit: ProductUnit
  active: boolean
  createdAt: string
  updatedAt: string
  /** The item code the shop scale prints in its labels (`21 IIIII WWWWW C`); null for none. */
  scaleCode?: string | null
}

export type NewProductRecord = Omit<ProductRecord, 'seq'>

export interface CategoryRecord {
  id: string
  code: string
  nameZh: string
  nameEn: string
  sortOrder: number
  active: boolean
  createdAt: string
  updatedAt: string
  productCount: number
}

export type NewCategoryRecord = Omit<CategoryRecord, 'productCount'>

interface ProductRow {
  seq: number
  id: string
  sku: string
  name_zh: string
  name_en: string
  category_id: string | null
  price_minor: number
  tax_rate: string
  unit: string
  active: number
  created_at: string
  updated_at: string
  scale_code: string | null
}

interface CategoryRow {
  id: string
  code: string
  name_zh: string
  name_en: string
  sort_order: number
  active: number
  created_at: string
  updated_at: string
  product_count: number
}

const PRODUCT_COLUMNS =
  'p.seq, p.id, p.sku, p.name_zh, p.name_en, p.category_id, p.price_minor, p.tax_rate, p.unit, p.active, p.created_at, p.updated_at, p.scale_code'

function fromProductRow(row: ProductRow, barcodes: string[]): ProductRecord {
  return {
    seq: row.seq,
    id: row.id,
    sku: row.sku,
    barcodes,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    categoryId: row.category_id,
    priceMinor: row.price_minor,
    taxRate: row.tax_rate,
    unit: row.unit as ProductUnit,
    active: row.active === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    scaleCode: row.scale_code
  }
}

function fromCategoryRow(row: CategoryRow): CategoryRecord {
  return {
    id: row.id,
    code: row.code,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    sortOrder: row.sort_order,
    active: row.active === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    productCount: row.product_count
  }
}

/**
 * Products, their barcodes and categories. Searches answer from indexes: exact codes by the
 * primary keys, names and SKUs through the trigram FTS table.
 */
export function createCatalogRepo(db: Database) {
  const productById = db.prepare<[string], ProductRow>(
    `SELECT ${PRODUCT_COLUMNS} FROM products p WHERE p.id = ?`
  )
  const productBySku = db.prepare<[string], ProductRow>(
    `SELECT ${PRODUCT_COLUMNS} FROM products p WHERE p.sku = ?`
  )
  const productByBarcode = db.prepare<[string], ProductRow>(
    `SELECT ${PRODUCT_COLUMNS} FROM product_barcodes b JOIN products p ON p.id = b.product_id WHERE b.lookup_key = ?`
  )
  const productByScaleCode = db.prepare<[string], ProductRow>(
    `SELECT ${PRODUCT_COLUMNS} FROM products p WHERE p.scale_code = ?`
  )
  const productsBySeqs = db.prepare<[string], ProductRow>(
    `SELECT ${PRODUCT_COLUMNS} FROM products p WHERE p.seq IN (SELECT value FROM json_each(?))`
  )
  const barcodesOf = db.prepare<[string], { barcode: string }>(
    'SELECT barcode FROM product_barcodes WHERE product_id = ? ORDER BY position'
  )
  const barcodesOfMany = db.prepare<[string], { product_id: string; barcode: string }>(
    'SELECT product_id, barcode FROM product_barcodes WHERE product_id IN (SELECT value FROM json_each(?)) ORDER BY product_id, position'
  )
  const barcodeOwner = db.prepare<[string], { product_id: string }>(
    'SELECT product_id FROM product_barcodes WHERE lookup_key = ?'
  )
  const insertProduct = db.prepare(`
    INSERT INTO products (id, sku, name_zh, name_en, category_id, price_minor, tax_rate, unit, active, created_at, updated_at, scale_code)
    VALUES (@id, @sku, @nameZh, @nameEn, @categoryId, @priceMinor, @taxRate, @unit, @active, @createdAt, @updatedAt, @scaleCode)
  `)
  const updateProduct = db.prepare(`
    UPDATE products SET sku = @sku, name_zh = @nameZh, name_en = @nameEn, category_id = @categoryId,
      price_minor = @priceMinor, tax_rate = @taxRate, unit = @unit, active = @active, updated_at = @updatedAt,
      scale_code = CASE WHEN @scaleCodeGiven = 1 THEN @scaleCode ELSE scale_code END
    WHERE id = @id
  `)
  const deleteBarcodes = db.prepare<[string]>('DELETE FROM product_barcodes WHERE product_id = ?')
  const insertBarcode = db.prepare<[string, string, string, number]>(
    'INSERT INTO product_barcodes (barcode, lookup_key, product_id, position) VALUES (?, ?, ?, ?)'
  )
  const countProducts = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM products')
  const allProducts = db.prepare<[number], ProductRow>(
    `SELECT ${PRODUCT_COLUMNS} FROM products p WHERE p.active >= ? ORDER BY p.sku`
  )
  const allBarcodes = db.prepare<[], { product_id: string; barcode: string }>(
    'SELECT product_id, barcode FROM product_barcodes ORDER BY product_id, position'
  )

  const categoryColumns = `c.id, c.code, c.name_zh, c.name_en, c.sort_order, c.active, c.created_at, c.updated_at,
    (SELECT count(*) FROM products p WHERE p.category_id = c.id AND p.active = 1) AS product_count`
  const categoryById = db.prepare<[string], CategoryRow>(
    `SELECT ${categoryColumns} FROM categories c WHERE c.id = ?`
  )
  const categoryByCode = db.prepare<[string], CategoryRow>(
    `SELECT ${categoryColumns} FROM categories c WHERE c.code = ?`
  )
  const categoriesAll = db.prepare<[number], CategoryRow>(
    `SELECT ${categoryColumns} FROM categories c WHERE c.active >= ? ORDER BY c.sort_order, c.code`
  )
  const insertCategory = db.prepare(`
    INSERT INTO categories (id, code, name_zh, name_en, sort_order, active, created_at, updated_at)
    VALUES (@id, @code, @nameZh, @nameEn, @sortOrder, @active, @createdAt, @updatedAt)
  `)
  const updateCategory = db.prepare(`
    UPDATE categories SET code = @code, name_zh = @nameZh, name_en = @nameEn, sort_order = @sortOrder,
      active = @active, updated_at = @updatedAt
    WHERE id = @id
  `)
  const countCategories = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM categories')

  const withBarcodes = (row: ProductRow): ProductRecord =>
    fromProductRow(
      row,
      barcodesOf.all(row.id).map((b) => b.barcode)
    )

  const loadMany = (rows: ProductRow[]): ProductRecord[] => {
    const byProduct = new Map<string, string[]>()
    for (const { product_id, barcode } of barcodesOfMany.all(JSON.stringify(rows.map((r) => r.id)))) {
      const list = byProduct.get(product_id)
      if (list) list.push(barcode)
      else byProduct.set(product_id, [barcode])
    }
    return rows.map((row) => fromProductRow(row, byProduct.get(row.id) ?? []))
  }

  const loadBySeqs = (seqs: number[]): ProductRecord[] => {
    const rows = new Map(productsBySeqs.all(JSON.stringify(seqs)).map((row) => [row.seq, row]))
    return loadMany(seqs.map((seq) => rows.get(seq)!))
  }
  const search = createCatalogSearch(db, loadBySeqs)

  const toRow = (record: NewProductRecord) => ({
    id: record.id,
    sku: record.sku,
    nameZh: record.nameZh,
    nameEn: record.nameEn,
    categoryId: record.categoryId,
    priceMinor: record.priceMinor,
    taxRate: record.taxRate,
    unit: record.unit,
    active: record.active ? 1 : 0,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    scaleCode: record.scaleCode ?? null,
    // A record that does not say (an import without the column) keeps the product's scale code.
    scaleCodeGiven: record.scaleCode === undefined ? 0 : 1
  })

  const setBarcodes = (productId: string, barcodes: readonly string[]): void => {
    deleteBarcodes.run(productId)
    barcodes.forEach((code, position) => insertBarcode.run(code, gtinLookupKey(code), productId, position))
  }

  return {
    getProduct(id: string): ProductRecord | null {
      const row = productById.get(id)
      return row ? withBarcodes(row) : null
    },
    getProductBySku(sku: string): ProductRecord | null {
      const row = productBySku.get(sku)
      return row ? withBarcodes(row) : null
    },
    /** The product with `barcode` in any of its GTIN forms (UPC-A, EAN-13, GTIN-14), or as typed. */
    getProductByBarcode(barcode: string): ProductRecord | null {
      const row = productByBarcode.get(gtinLookupKey(barcode))
      return row ? withBarcodes(row) : null
    },
    /** The product a scale label's item code names. */
    getProductByScaleCode(code: string): ProductRecord | null {
      const row = productByScaleCode.get(code)
      return row ? withBarcodes(row) : null
    },
    /** The id of the product holding `barcode` (in any of its GTIN forms), if any. */
    barcodeOwner(barcode: string): string | null {
      return barcodeOwner.get(gtinLookupKey(barcode))?.product_id ?? null
    },
    insertProduct(record: NewProductRecord): void {
      insertProduct.run(toRow(record))
      setBarcodes(record.id, record.barcodes)
    },
    /** Writes every field of `record` over the product with its id; barcodes are replaced. */
    updateProduct(record: NewProductRecord): void {
      updateProduct.run(toRow(record))
      setBarcodes(record.id, record.barcodes)
    },
    countProducts(): number {
      return countProducts.get()!.n
    },
    /** Every product (ordered by SKU) with its barcodes, for the CSV export. */
    allProducts(includeInactive: boolean): ProductRecord[] {
      const byProduct = new Map<string, string[]>()
      for (const { product_id, barcode } of allBarcodes.iterate()) {
        const list = byProduct.get(product_id)
        if (list) list.push(barcode)
        else byProduct.set(product_id, [barcode])
      }
      return allProducts
        .all(includeInactive ? 0 : 1)
        .map((row) => fromProductRow(row, byProduct.get(row.id) ?? []))
    },

    search,

    getCategory(id: string): CategoryRecord | null {
      const row = categoryById.get(id)
      return row ? fromCategoryRow(row) : null
    },
    getCategoryByCode(code: string): CategoryRecord | null {
      const row = categoryByCode.get(code)
      return row ? fromCategoryRow(row) : null
    },
    listCategories(includeInactive: boolean): CategoryRecord[] {
      return categoriesAll.all(includeInactive ? 0 : 1).map(fromCategoryRow)
    },
    insertCategory(record: NewCategoryRecord): void {
      insertCategory.run({ ...record, active: record.active ? 1 : 0 })
    },
    updateCategory(record: NewCategoryRecord): void {
      updateCategory.run({ ...record, active: record.active ? 1 : 0 })
    },
    countCategories(): number {
      return countCategories.get()!.n
    }
  }
}

export type CatalogRepo = ReturnType<typeof createCatalogRepo>
