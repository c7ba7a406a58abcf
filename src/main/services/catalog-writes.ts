import { CATALOG_MESSAGES as M, type Category, type Product } from '@shared/contract'
import { minorToDecimalString } from '@shared/money/format'
import { conflict, DomainError, notFound } from '../domain/errors'
import type { CategoryRecord, NewProductRecord, ProductRecord } from '../store/repos/catalog-repo'
import { recordChange, type Actor, type ServiceContext } from './service-context'
import { DEMO_STORE_PROFILE } from './settings-service'

/** A product as the audit log's before/after keeps it: the record without its sync sequence number. */
export function snapshot(record: ProductRecord | NewProductRecord): Omit<ProductRecord, 'seq'> {
  const { seq: _seq, ...rest } = record as ProductRecord
  return rest
}

/**
 * What every catalog write shares: the records as the contract shows them, the checks (the product or
 * category exists, its SKU, barcodes and scale code are free) and the write itself with its audit entry
 * and outbox event (`product.*`, `category.*`). Call the writes inside a transaction.
 */
export function createCatalogWrites(ctx: ServiceContext) {
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

  /** @throws DomainError NOT_FOUND `id` `errors.notFound.product` */
  const requireProduct = (id: string): ProductRecord => {
    const record = repo.getProduct(id)
    if (!record) throw notFound('product', 'id', 'product')
    return record
  }

  /**
   * The category `id` names. Unknown: NOT_FOUND when it is the subject (`field` `id`), VALIDATION when
   * another record refers to it (`categoryId`).
   * @throws DomainError NOT_FOUND `id` / VALIDATION `field`, `errors.catalog.unknownCategory`
   */
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

  /**
   * Refuses a SKU, barcode (in any GTIN form) or scale code another product holds, naming the field.
   * @throws DomainError CONFLICT `scaleCode` `errors.catalog.scaleCodeTakenBy` { code, sku }, `sku`
   *   `errors.catalog.skuTaken`, `barcodes[i]` `errors.catalog.barcodeTakenBy` { code, other }
   */
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

  /**
   * Inserts or (with `before`) updates a product and records `action` with before/after in the audit
   * log and the outbox. Checks nothing itself: callers run `assertCodesFree` first.
   */
  const writeProduct = (
    record: NewProductRecord,
    before: ProductRecord | null,
    action: 'product.created' | 'product.updated' | 'product.deactivated',
    actor: Actor,
    extra: Record<string, unknown> = {}
  ): Product => {
    if (before) repo.updateProduct(record)
    else repo.insertProduct(record)
    const product = toProduct(record)
    recordChange(ctx, {
      actorUserId: actor.userId,
      approverUserId: actor.approverUserId ?? null,
      action,
      subject: `product:${record.id}`,
      details: { ...extra, ...(before ? { before: snapshot(before) } : {}), after: snapshot(record) },
      event: { type: action, aggregateId: record.id, payload: product }
    })
    return product
  }

  /** As `writeProduct`, for a category (`category.*`). */
  const writeCategory = (
    record: CategoryRecord | Omit<CategoryRecord, 'productCount'>,
    before: CategoryRecord | null,
    action: 'category.created' | 'category.updated' | 'category.deactivated',
    actor: Actor
  ): Category => {
    const { productCount: _count, ...row } = record as CategoryRecord
    if (before) repo.updateCategory(row)
    else repo.insertCategory(row)
    const category = toCategory(repo.getCategory(row.id)!)
    recordChange(ctx, {
      actorUserId: actor.userId,
      approverUserId: actor.approverUserId ?? null,
      action,
      subject: `category:${row.id}`,
      details: { ...(before ? { before } : {}), after: row },
      event: { type: action, aggregateId: row.id, payload: category }
    })
    return category
  }

  return {
    currency,
    toProduct,
    toCategory,
    requireProduct,
    requireCategory,
    assertCodesFree,
    emitChanged,
    writeProduct,
    writeCategory
  }
}

export type CatalogWrites = ReturnType<typeof createCatalogWrites>
