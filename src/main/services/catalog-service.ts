import {
  CATALOG_MESSAGES as M,
  type CatalogSearch,
  type CatalogSearchResult,
  type Category,
  type CategoryInput,
  type CategoryUpdate,
  type ImportMode,
  type ImportPreview,
  type ImportResult,
  type ImportRowError,
  type Product,
  type ProductInput,
  type ProductUpdate
} from '@shared/contract'
import { minorToDecimalString, parseDecimalToMinor } from '@shared/money/format'
import { conflict, DomainError, invalid, notFound } from '../domain/errors'
import { newId } from '../core/ids'
import type { CategoryRecord, NewProductRecord, ProductRecord } from '../store/repos/catalog-repo'
import { writeCatalogCsv } from '@shared/catalog-csv/read'
import { csvSourceText } from '@shared/catalog-csv/decode'
import { businessDate } from '../core/business-day'
import { systemTimeZone } from '@shared/contract/channels/settings'
import {
  describePlan,
  describeRowError,
  planImport,
  type ImportPlan,
  type PlannedRow
} from '@shared/catalog-csv/plan'
import { DEMO_CATEGORIES, demoProducts } from './demo-catalog'
import { recordChange, type ServiceContext } from './service-context'
import { DEMO_STORE_PROFILE } from './settings-service'

/** Rows per import transaction: small enough that the till stays responsive between them. */
export const IMPORT_CHUNK_ROWS = 500

export interface ImportOptions {
  mode: ImportMode
  importId?: string
  actorUserId: string | null
  /** Called after each committed chunk (the API emits `catalog:import-progress`, the CLI prints). */
  onProgress?: (done: number, total: number) => void
}

function snapshot(record: ProductRecord | NewProductRecord): Omit<ProductRecord, 'seq'> {
  const { seq: _seq, ...rest } = record as ProductRecord
  return rest
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/**
 * The catalog's use cases. Every write is one transaction holding the rows, the audit entry and the
 * outbox event (`product.created`, `product.updated`, `product.deactivated`, `category.*`).
 */
export function createCatalogService(ctx: ServiceContext) {
  const { store } = ctx
  const repo = store.catalog
  const currency = (): string => (store.settings.getProfile() ?? DEMO_STORE_PROFILE).currency

  const toProduct = (record: ProductRecord | NewProductRecord, code = currency()): Product => ({
    id: record.id,
    sku: record.sku,
    barcodes: record.barcodes,
    nameZh: record.nameZh,
    nameEn: record.nameEn,
    categoryId: record.categoryId,
    priceMinor: record.priceMinor,
    price: minorToDecimalString(record.priceMinor, code),
    taxRate: record.taxRate,
    unit: record.unit,
    active: record.active,
    scaleCode: record.scaleCode ?? null,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt
  })

  const toCategory = (record: CategoryRecord): Category => ({
    id: record.id,
    code: record.code,
    nameZh: record.nameZh,
    nameEn: record.nameEn,
    sortOrder: record.sortOrder,
    active: record.active,
    productCount: record.productCount
  })

  const requireProduct = (id: string): ProductRecord => {
    const record = repo.getProduct(id)
    if (!record) throw notFound('product', 'id', 'product')
    return record
  }

  const requireCategory = (id: string, field = 'id'): CategoryRecord => {
    const record = repo.getCategory(id)
    if (!record)
      throw new DomainError(
        field === 'id' ? 'NOT_FOUND' : 'VALIDATION',
        `${field}: ${M.unknownCategory}`,
        field,
        { key: 'errors.catalog.unknownCategory' }
      )
    return record
  }

  /** Refuses a SKU, barcode (in any GTIN form) or scale code another product holds, naming the field. */
  const assertCodesFree = (
    productId: string,
    sku: string,
    barcodes: readonly string[],
    scaleCode: string | null | undefined = null
  ): void => {
    if (scaleCode) {
      const other = repo.getProductByScaleCode(scaleCode)
      if (other && other.id !== productId)
        throw new DomainError(
          'CONFLICT',
          `scaleCode: ${scaleCode} ${M.scaleCodeTaken} (${other.sku})`,
          'scaleCode',
          { key: 'errors.catalog.scaleCodeTakenBy', params: { code: scaleCode, sku: other.sku } }
        )
    }
    const skuOwner = repo.getProductBySku(sku)
    if (skuOwner && skuOwner.id !== productId) {
      throw conflict(`sku: ${M.skuTaken} (${skuOwner.nameZh} / ${skuOwner.nameEn})`, 'sku', {
        key: 'errors.catalog.skuTaken'
      })
    }
    barcodes.forEach((code, i) => {
      const owner = repo.barcodeOwner(code)
      if (owner !== null && owner !== productId) {
        const other = repo.getProduct(owner)
        throw conflict(
          `barcodes[${i}]: ${code} ${M.barcodeTaken} (${other?.sku ?? owner})`,
          `barcodes[${i}]`,
          {
            key: 'errors.catalog.barcodeTakenBy',
            params: { code, other: other?.sku ?? owner }
          }
        )
      }
    })
  }

  const emitChanged = (what: 'product' | 'category' | 'import', ids: string[]): void => {
    ctx.events.emit('catalog:changed', { what, ids })
  }

  const writeProduct = (
    record: NewProductRecord,
    before: ProductRecord | null,
    action: 'product.created' | 'product.updated' | 'product.deactivated',
    actorUserId: string | null,
    extra: Record<string, unknown> = {}
  ): Product => {
    if (before) repo.updateProduct(record)
    else repo.insertProduct(record)
    const product = toProduct(record)
    recordChange(ctx, {
      actorUserId,
      action,
      subject: `product:${record.id}`,
      details: { ...extra, ...(before ? { before: snapshot(before) } : {}), after: snapshot(record) },
      event: { type: action, aggregateId: record.id, payload: product }
    })
    return product
  }

  const writeCategory = (
    record: CategoryRecord | Omit<CategoryRecord, 'productCount'>,
    before: CategoryRecord | null,
    action: 'category.created' | 'category.updated' | 'category.deactivated',
    actorUserId: string | null
  ): Category => {
    const { productCount: _count, ...row } = record as CategoryRecord
    if (before) repo.updateCategory(row)
    else repo.insertCategory(row)
    const category = toCategory(repo.getCategory(row.id)!)
    recordChange(ctx, {
      actorUserId,
      action,
      subject: `category:${row.id}`,
      details: { ...(before ? { before } : {}), after: row },
      event: { type: action, aggregateId: row.id, payload: category }
    })
    return category
  }

  /** Upserts one planned import row inside the chunk's transaction; returns whether it created. */
  const importRow = (
    row: PlannedRow,
    categoryIds: Map<string, string>,
    importId: string,
    actorUserId: string | null
  ): boolean => {
    const at = ctx.clock.now().toISOString()
    const existing = repo.getProductBySku(row.input.sku)
    for (const code of row.input.barcodes) {
      const owner = repo.barcodeOwner(code)
      if (owner !== null && owner !== existing?.id)
        throw conflict(`barcodes: ${code} ${M.barcodeTaken}`, 'barcodes', {
          key: 'errors.catalog.barcodeTaken'
        })
    }
    const record: NewProductRecord = {
      id: existing?.id ?? newId(),
      sku: row.input.sku,
      barcodes: row.input.barcodes,
      nameZh: row.input.nameZh,
      nameEn: row.input.nameEn,
      categoryId:
        row.categoryCode === null ? null : (categoryIds.get(row.categoryCode.toLowerCase()) ?? null),
      priceMinor: row.priceMinor,
      taxRate: row.input.taxRate,
      unit: row.input.unit,
      active: row.input.active,
      // Left out (no scale_code column), the product keeps its scale code.
      ...(row.input.scaleCode === undefined ? {} : { scaleCode: row.input.scaleCode }),
      createdAt: existing?.createdAt ?? at,
      updatedAt: at
    }
    writeProduct(record, existing, existing ? 'product.updated' : 'product.created', actorUserId, {
      importId,
      line: row.line
    })
    return existing === null
  }

  return {
    currency,

    search(input: CatalogSearch): CatalogSearchResult {
      const code = currency()
      const { products, total } = repo.search(input)
      return { products: products.map((record) => toProduct(record, code)), total }
    },

    lookupCode(code: string, includeInactive: boolean): Product {
      const record = repo.getProductByBarcode(code) ?? repo.getProductBySku(code)
      if (!record)
        throw new DomainError('NOT_FOUND', `code: no product has barcode or SKU ${code}`, 'code', {
          key: 'errors.catalog.noSuchCode',
          params: { code }
        })
      if (!record.active && !includeInactive) {
        throw new DomainError('NOT_FOUND', `code: ${record.sku} (${record.nameZh}) is not on sale`, 'code', {
          key: 'errors.catalog.notOnSale',
          params: { name: record.nameZh, sku: record.sku }
        })
      }
      return toProduct(record)
    },

    getProduct(id: string): Product {
      return toProduct(requireProduct(id))
    },

    listCategories(includeInactive: boolean): Category[] {
      return repo.listCategories(includeInactive).map(toCategory)
    },

    createProduct(input: ProductInput, actorUserId: string | null): Product {
      const product = store.transaction(() => {
        const at = ctx.clock.now().toISOString()
        const id = newId()
        if (input.categoryId !== null) requireCategory(input.categoryId, 'categoryId')
        assertCodesFree(id, input.sku, input.barcodes, input.scaleCode)
        const record: NewProductRecord = {
          id,
          sku: input.sku,
          barcodes: input.barcodes,
          nameZh: input.nameZh,
          nameEn: input.nameEn,
          categoryId: input.categoryId,
          priceMinor: parseDecimalToMinor(input.price, currency(), 'price'),
          taxRate: input.taxRate,
          unit: input.unit,
          active: input.active,
          scaleCode: input.scaleCode ?? null,
          createdAt: at,
          updatedAt: at
        }
        return writeProduct(record, null, 'product.created', actorUserId)
      })
      emitChanged('product', [product.id])
      return product
    },

    updateProduct(input: ProductUpdate, actorUserId: string | null): Product {
      const product = store.transaction(() => {
        const before = requireProduct(input.id)
        if (input.categoryId !== undefined && input.categoryId !== null)
          requireCategory(input.categoryId, 'categoryId')
        const record: NewProductRecord = {
          id: before.id,
          sku: input.sku ?? before.sku,
          barcodes: input.barcodes ?? before.barcodes,
          nameZh: input.nameZh ?? before.nameZh,
          nameEn: input.nameEn ?? before.nameEn,
          categoryId: input.categoryId === undefined ? before.categoryId : input.categoryId,
          priceMinor:
            input.price === undefined
              ? before.priceMinor
              : parseDecimalToMinor(input.price, currency(), 'price'),
          taxRate: input.taxRate ?? before.taxRate,
          unit: input.unit ?? before.unit,
          active: input.active ?? before.active,
          scaleCode: input.scaleCode === undefined ? (before.scaleCode ?? null) : input.scaleCode,
          createdAt: before.createdAt,
          updatedAt: ctx.clock.now().toISOString()
        }
        assertCodesFree(record.id, record.sku, record.barcodes, record.scaleCode)
        return writeProduct(record, before, 'product.updated', actorUserId)
      })
      emitChanged('product', [product.id])
      return product
    },

    deactivateProduct(id: string, actorUserId: string | null): Product {
      const product = store.transaction(() => {
        const before = requireProduct(id)
        if (!before.active) return toProduct(before)
        const record = { ...snapshot(before), active: false, updatedAt: ctx.clock.now().toISOString() }
        return writeProduct(record, before, 'product.deactivated', actorUserId)
      })
      emitChanged('product', [product.id])
      return product
    },

    createCategory(input: CategoryInput, actorUserId: string | null): Category {
      const category = store.transaction(() => {
        if (repo.getCategoryByCode(input.code))
          throw conflict(`code: ${M.categoryCodeTaken}`, 'code', { key: 'errors.catalog.categoryCodeTaken' })
        const at = ctx.clock.now().toISOString()
        return writeCategory(
          { id: newId(), ...input, createdAt: at, updatedAt: at },
          null,
          'category.created',
          actorUserId
        )
      })
      emitChanged('category', [category.id])
      return category
    },

    updateCategory(input: CategoryUpdate, actorUserId: string | null): Category {
      const category = store.transaction(() => {
        const before = requireCategory(input.id)
        const holder = input.code === undefined ? null : repo.getCategoryByCode(input.code)
        if (holder && holder.id !== before.id)
          throw conflict(`code: ${M.categoryCodeTaken}`, 'code', { key: 'errors.catalog.categoryCodeTaken' })
        const { id: _id, ...changes } = input
        const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined))
        const record = { ...before, ...defined, updatedAt: ctx.clock.now().toISOString() }
        return writeCategory(record, before, 'category.updated', actorUserId)
      })
      emitChanged('category', [category.id])
      return category
    },

    deactivateCategory(id: string, actorUserId: string | null): Category {
      const category = store.transaction(() => {
        const before = requireCategory(id)
        if (!before.active) return toCategory(before)
        const record = { ...before, active: false, updatedAt: ctx.clock.now().toISOString() }
        return writeCategory(record, before, 'category.deactivated', actorUserId)
      })
      emitChanged('category', [category.id])
      return category
    },

    previewImport(
      csv: string,
      previewRows: number,
      errorLimit: number,
      encoding: 'text' | 'base64' = 'text'
    ): ImportPreview {
      return describePlan(planImport(repo, currency(), csvSourceText(csv, encoding)), previewRows, errorLimit)
    },

    /** Checks the whole file first; see `commitPlan`. */
    async importCsv(
      csv: string,
      options: ImportOptions,
      encoding: 'text' | 'base64' = 'text'
    ): Promise<ImportResult> {
      return this.commitPlan(planImport(repo, currency(), csvSourceText(csv, encoding)), options)
    },

    /**
     * Writes a checked import in chunks of `IMPORT_CHUNK_ROWS`, each its own transaction (rows, audit
     * entries and outbox events together), yielding between chunks so progress reaches the screen and
     * the till keeps answering. `all-or-nothing` refuses the file before writing anything if any row is
     * invalid. A file cut short by a crash is safe to import again: rows are upserted by SKU.
     */
    async commitPlan(plan: ImportPlan, options: ImportOptions): Promise<ImportResult> {
      const importId = options.importId ?? newId()
      if (options.mode === 'all-or-nothing' && plan.errors.length > 0) {
        const first = plan.errors[0]!
        const more = plan.errors.length - 1
        throw invalid(
          'csv',
          `csv: ${describeRowError(first)}${more > 0 ? ` (and ${more} more problem${more > 1 ? 's' : ''})` : ''}; nothing was imported`,
          {
            key: 'errors.catalog.importRefused',
            params: { line: first.line, column: first.field, more }
          }
        )
      }
      if (plan.valid.length === 0)
        throw invalid('csv', 'csv: no valid rows to import; nothing was imported', {
          key: 'errors.catalog.noValidRows'
        })

      const total = plan.valid.length
      const categoryIds = new Map<string, string>()
      for (const category of repo.listCategories(true))
        categoryIds.set(category.code.toLowerCase(), category.id)
      const errors: ImportRowError[] = [...plan.errors]
      let created = 0
      let updated = 0
      let categoriesCreated = 0
      let done = 0
      options.onProgress?.(0, total)

      for (let start = 0; start < total; start += IMPORT_CHUNK_ROWS) {
        const chunk = plan.valid.slice(start, start + IMPORT_CHUNK_ROWS)
        store.transaction(() => {
          if (start === 0) {
            for (const code of plan.newCategories) {
              if (categoryIds.has(code.toLowerCase())) continue
              const at = ctx.clock.now().toISOString()
              const id = newId()
              writeCategory(
                {
                  id,
                  code,
                  nameZh: code,
                  nameEn: code,
                  sortOrder: 0,
                  active: true,
                  createdAt: at,
                  updatedAt: at
                },
                null,
                'category.created',
                options.actorUserId
              )
              categoryIds.set(code.toLowerCase(), id)
              categoriesCreated++
            }
          }
          for (const row of chunk) {
            try {
              // A savepoint per row: a barcode taken since the check skips that row, not the chunk.
              const isNew = store.transaction(() =>
                importRow(row, categoryIds, importId, options.actorUserId)
              )
              if (isNew) created++
              else updated++
            } catch (error) {
              if (!(error instanceof DomainError)) throw error
              errors.push({
                line: row.line,
                field: error.field ?? '',
                message: error.message,
                key: error.i18n.key,
                ...(error.i18n.params ? { params: error.i18n.params } : {}),
                value: ''
              })
            }
          }
        })
        done += chunk.length
        options.onProgress?.(done, total)
        if (done < total) await yieldToEventLoop()
      }

      emitChanged('import', [])
      return {
        importId,
        created,
        updated,
        skipped: total - created - updated + plan.invalidLines.size,
        categoriesCreated,
        errors
      }
    },

    exportCsv(includeInactive: boolean): { csv: string; rows: number; fileName: string } {
      const code = currency()
      const categories = new Map(repo.listCategories(true).map((c) => [c.id, c.code]))
      const products = repo.allProducts(includeInactive)
      const csv = writeCatalogCsv(
        products.map((p) => ({
          sku: p.sku,
          barcodes: p.barcodes.join('|'),
          name_zh: p.nameZh,
          name_en: p.nameEn,
          category: p.categoryId === null ? '' : (categories.get(p.categoryId) ?? ''),
          price: minorToDecimalString(p.priceMinor, code),
          tax_rate: p.taxRate,
          unit: p.unit,
          active: p.active ? 'true' : 'false',
          scale_code: p.scaleCode ?? ''
        }))
      )
      // Today in the store's time zone, as the rest of the day's paperwork.
      const day = businessDate(ctx.clock.now(), store.settings.getProfile()?.timeZone ?? systemTimeZone())
      return { csv, rows: products.length, fileName: `kassa-products-${day}.csv` }
    },

    /**
     * Seeds the demo shop's catalog (about 200 products in 10 categories) when the catalog is empty,
     * so a fresh till can sell at once. Like the demo store profile, it is local sample data: no audit
     * entries or outbox events (nothing to sync). Returns how many products it added.
     */
    ensureDemoCatalog(): number {
      return store.transaction(() => {
        // Its prices are in CNY: a shop in another currency starts with an empty catalog instead.
        const code = currency()
        if (code !== 'CNY' || repo.countProducts() > 0 || repo.countCategories() > 0) return 0
        const at = ctx.clock.now().toISOString()
        const ids = new Map<string, string>()
        for (const category of DEMO_CATEGORIES) {
          const id = newId()
          ids.set(category.code, id)
          repo.insertCategory({ id, ...category, active: true, createdAt: at, updatedAt: at })
        }
        const products = demoProducts()
        for (const product of products) {
          repo.insertProduct({
            id: newId(),
            sku: product.sku,
            barcodes: product.barcodes,
            nameZh: product.nameZh,
            nameEn: product.nameEn,
            categoryId: ids.get(product.category)!,
            priceMinor: parseDecimalToMinor(product.price, code, 'price'),
            taxRate: product.taxRate,
            unit: product.unit,
            active: true,
            scaleCode: product.scaleCode ?? null,
            createdAt: at,
            updatedAt: at
          })
        }
        return products.length
      })
    }
  }
}

export type CatalogService = ReturnType<typeof createCatalogService>
