import {
  CATALOG_MESSAGES as M,
  type CatalogSearch,
  type CatalogSearchResult,
  type Category,
  type CategoryInput,
  type CategoryUpdate,
  type Product,
  type ProductInput,
  type ProductUpdate
} from '@shared/contract'
import { parseDecimalToMinor } from '@shared/money/format'
import { conflict, DomainError } from '../domain/errors'
import { assertPriceUsual } from '../domain/money/unusual-amount'
import { newId } from '../core/ids'
import type { NewProductRecord } from '../store/repos/catalog-repo'
import { createCatalogTransfer } from './catalog-transfer'
import { createCatalogWrites, snapshot } from './catalog-writes'
import { DEMO_CATEGORIES, demoProducts } from './demo-catalog'
import type { Actor, ServiceContext } from './service-context'
import { DEMO_STORE_PROFILE } from './settings-service'

/**
 * The catalog's use cases. Every write is one transaction holding the rows, the audit entry and the
 * outbox event (`product.created`, `product.updated`, `product.deactivated`, `category.*`).
 */
export function createCatalogService(ctx: ServiceContext) {
  const { store } = ctx
  const repo = store.catalog
  const writes = createCatalogWrites(ctx)
  const {
    currency,
    toProduct,
    toCategory,
    requireProduct,
    requireCategory,
    assertCodesFree,
    emitChanged,
    writeProduct,
    writeCategory
  } = writes

  /**
   * A price as a manager typed it, in minor units: a 0 or a very large one asked about first
   * (`assertPriceUsual`). A price left as it was (`unchanged`) is not asked about again.
   */
  const typedPrice = (text: string, confirmed: boolean | undefined, unchanged: number | null): number => {
    const minor = parseDecimalToMinor(text, currency(), 'price')
    if (minor === unchanged) return minor
    const locale = (store.settings.getProfile() ?? DEMO_STORE_PROFILE).locale
    assertPriceUsual(minor, currency(), 'price', confirmed === true, locale)
    return minor
  }

  return {
    ...createCatalogTransfer(ctx, writes),

    currency,

    /**
     * Products matching `query` (any part of either name or the SKU, a barcode exactly or by its start), ranked and sorted as `catalog-search.ts` says; prices in minor units.
     */
    search(input: CatalogSearch): CatalogSearchResult {
      const code = currency()
      const { products, total } = repo.search(input)
      return { products: products.map((record) => toProduct(record, code)), total }
    },

    /**
     * The scanner's lookup: a product by exact barcode (GTINs compared in 14-digit form) or SKU.
     * @throws DomainError NOT_FOUND `code` (`errors.catalog.noSuchCode`); CONFLICT `code` (`errors.catalog.notOnSale`) for an inactive one unless `includeInactive`
     */
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

    /**
     * One product (price in minor units and as decimal text).
     * @throws DomainError NOT_FOUND `id` (`errors.notFound.product`)
     */
    getProduct(id: string): Product {
      return toProduct(requireProduct(id))
    },

    /**
     * Categories with their product counts, by sort order.
     */
    listCategories(includeInactive: boolean): Category[] {
      return repo.listCategories(includeInactive).map(toCategory)
    },

    /**
     * Creates a product (price decimal text → minor units), one transaction with its audit entry and `product.created` event; emits `catalog:changed`.
     * @throws DomainError CONFLICT `sku` (`errors.catalog.skuTaken`), `barcodes` (`errors.catalog.barcodeTakenBy`), `scaleCode` (`errors.catalog.scaleCodeTakenBy`); VALIDATION `categoryId` (`errors.catalog.unknownCategory`), `price` (not an amount of the store currency; `errors.money.zeroPrice`/`largePrice` unless `confirmUnusualPrice`, `errors.money.priceOverCap`)
     */
    createProduct(input: ProductInput, actor: Actor): Product {
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
          priceMinor: typedPrice(input.price, input.confirmUnusualPrice, null),
          taxRate: input.taxRate,
          unit: input.unit,
          active: input.active,
          scaleCode: input.scaleCode ?? null,
          createdAt: at,
          updatedAt: at
        }
        return writeProduct(record, null, 'product.created', actor)
      })
      emitChanged('product', [product.id])
      return product
    },

    /**
     * Changes the fields given, one transaction with its audit entry and `product.updated` event.
     * @throws DomainError NOT_FOUND `id` (`errors.notFound.product`); CONFLICT `sku` (`errors.catalog.skuTaken`), `barcodes` (`errors.catalog.barcodeTakenBy`), `scaleCode` (`errors.catalog.scaleCodeTakenBy`); VALIDATION `categoryId` (`errors.catalog.unknownCategory`), `price` (as in `createProduct`, asked only when it changes)
     */
    updateProduct(input: ProductUpdate, actor: Actor): Product {
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
              : typedPrice(input.price, input.confirmUnusualPrice, before.priceMinor),
          taxRate: input.taxRate ?? before.taxRate,
          unit: input.unit ?? before.unit,
          active: input.active ?? before.active,
          scaleCode: input.scaleCode === undefined ? (before.scaleCode ?? null) : input.scaleCode,
          createdAt: before.createdAt,
          updatedAt: ctx.clock.now().toISOString()
        }
        assertCodesFree(record.id, record.sku, record.barcodes, record.scaleCode)
        return writeProduct(record, before, 'product.updated', actor)
      })
      emitChanged('product', [product.id])
      return product
    },

    /**
     * Takes a product off sale (never deleted: past orders keep pointing at it), with `product.deactivated`.
     * @throws DomainError NOT_FOUND `id` (`errors.notFound.product`)
     */
    deactivateProduct(id: string, actor: Actor): Product {
      const product = store.transaction(() => {
        const before = requireProduct(id)
        if (!before.active) return toProduct(before)
        const record = { ...snapshot(before), active: false, updatedAt: ctx.clock.now().toISOString() }
        return writeProduct(record, before, 'product.deactivated', actor)
      })
      emitChanged('product', [product.id])
      return product
    },

    /**
     * Creates a category, with its audit entry and `category.created` event.
     * @throws DomainError CONFLICT `code` (`errors.catalog.categoryCodeTaken`)
     */
    createCategory(input: CategoryInput, actor: Actor): Category {
      const category = store.transaction(() => {
        if (repo.getCategoryByCode(input.code))
          throw conflict(`code: ${M.categoryCodeTaken}`, 'code', { key: 'errors.catalog.categoryCodeTaken' })
        const at = ctx.clock.now().toISOString()
        return writeCategory(
          { id: newId(), ...input, createdAt: at, updatedAt: at },
          null,
          'category.created',
          actor
        )
      })
      emitChanged('category', [category.id])
      return category
    },

    /**
     * Changes a category's fields given, with `category.updated`.
     * @throws DomainError NOT_FOUND `id`; CONFLICT `code` (`errors.catalog.categoryCodeTaken`)
     */
    updateCategory(input: CategoryUpdate, actor: Actor): Category {
      const category = store.transaction(() => {
        const before = requireCategory(input.id)
        const holder = input.code === undefined ? null : repo.getCategoryByCode(input.code)
        if (holder && holder.id !== before.id)
          throw conflict(`code: ${M.categoryCodeTaken}`, 'code', { key: 'errors.catalog.categoryCodeTaken' })
        const { id: _id, ...changes } = input
        const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined))
        const record = { ...before, ...defined, updatedAt: ctx.clock.now().toISOString() }
        return writeCategory(record, before, 'category.updated', actor)
      })
      emitChanged('category', [category.id])
      return category
    },

    /**
     * Retires a category (its products keep it), with `category.deactivated`.
     * @throws DomainError NOT_FOUND `id`
     */
    deactivateCategory(id: string, actor: Actor): Category {
      const category = store.transaction(() => {
        const before = requireCategory(id)
        if (!before.active) return toCategory(before)
        const record = { ...before, active: false, updatedAt: ctx.clock.now().toISOString() }
        return writeCategory(record, before, 'category.deactivated', actor)
      })
      emitChanged('category', [category.id])
      return category
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
