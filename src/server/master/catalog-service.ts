import { randomUUID } from 'node:crypto'
import { gtinLookupKey } from '@shared/barcodes/gtin'
import type {
  CategorySave,
  ProductPrices,
  ProductSave,
  Published,
  SetPrices,
  StoreCatalog
} from '@shared/hq-api/master-data-schemas'
import { FieldError } from '@shared/money/field-error'
import { minorToDecimalString, parseDecimalToMinor } from '@shared/money/format'
import { PRICE_CAP } from '@shared/money/unusual-amounts'
import type { MasterData } from '@shared/sync/protocol'
import type { MasterWrite } from '../pull/master-data'
import { refuse } from './errors'
import {
  publishChange,
  readRecord,
  readRecords,
  requireStore,
  requireStores,
  type Publish,
  type StoreInfo
} from './records'
import type { MasterDeps, Reader } from './types'

type ProductData = MasterData<'product'>
type CategoryData = MasterData<'category'>

/**
 * A store's catalog as its tills pull it: categories, products with this store's price (fen) and
 * their barcodes in scanning order. NOT_FOUND on `storeId` for an unknown store.
 */
export async function storeCatalog(q: Reader, storeId: string): Promise<StoreCatalog> {
  const store = await requireStore(q, storeId, 'storeId')
  const categories = await readRecords(q, storeId, 'category')
  const products = await readRecords(q, storeId, 'product')
  const barcodes = await readRecords(q, storeId, 'barcode')
  const byProduct = new Map<string, Array<{ code: string; position: number }>>()
  for (const { data } of barcodes) {
    const list = byProduct.get(data.productId) ?? []
    list.push({ code: data.barcode, position: data.position })
    byProduct.set(data.productId, list)
  }
  return {
    storeId,
    currency: store.currency,
    revision: store.revision,
    categories: categories
      .map((r) => r.data)
      .sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code)),
    products: products
      .map(({ data }) => ({
        ...data,
        barcodes: (byProduct.get(data.id) ?? []).sort((a, b) => a.position - b.position).map((b) => b.code)
      }))
      .sort((a, b) => a.sku.localeCompare(b.sku))
  }
}

/**
 * Yuan text to fen in the store's currency, exactly; a FieldError names `field` otherwise — also a
 * price above `PRICE_CAP` (¥999,999.99, `errors.money.priceOverCap`), which no till takes from
 * anywhere (its catalog, 改价, a CSV), so the head office publishes none either.
 */
export function toMinor(price: string, store: StoreInfo, field: string): number {
  let minor: number
  try {
    minor = parseDecimalToMinor(price, store.currency, field)
  } catch (error) {
    if (error instanceof FieldError) throw new FieldError(field, error.message, error.reason)
    throw error
  }
  if (minor > PRICE_CAP) {
    const limit = minorToDecimalString(PRICE_CAP, store.currency)
    throw new FieldError(field, `is ${price}, above the ${limit} a till takes`, {
      key: 'errors.money.priceOverCap',
      params: { amount: price, limit }
    })
  }
  return minor
}

/**
 * Creates or changes a category in every store named (the same id in each), one revision per
 * store, with its audit row — one transaction. CONFLICT on `code` when another category of a store
 * has that code (case-insensitive, as on the till); NOT_FOUND on `id` for an update of a category
 * no store named holds.
 */
export async function saveCategory(
  deps: MasterDeps,
  input: CategorySave
): Promise<Published & { id: string }> {
  return publishChange(deps, async (tx, publish) => {
    const stores = await requireStores(tx, input.storeIds, 'storeIds')
    const id = input.id ?? randomUUID()
    if (input.id && !(await anyStoreHas(tx, stores, 'category', input.id)))
      throw refuse('NOT_FOUND', 'id', 'errors.hq.master.unknownCategory', `no category ${input.id}`)
    const data: CategoryData = {
      id,
      code: input.code,
      nameZh: input.nameZh,
      nameEn: input.nameEn,
      sortOrder: input.sortOrder,
      active: input.active
    }
    const revisions: Published['revisions'] = []
    for (const store of stores) {
      const clash = (await readRecords(tx, store.id, 'category')).find(
        (c) => c.id !== id && c.data.code.toLowerCase() === input.code.toLowerCase()
      )
      if (clash)
        throw refuse(
          'CONFLICT',
          'code',
          'errors.hq.master.categoryCodeTaken',
          `code ${input.code} is taken in ${store.name}`,
          {
            code: input.code,
            store: store.name
          }
        )
      revisions.push({ storeId: store.id, revision: await publish(store.id, [put('category', id, data)]) })
    }
    await deps.audit(tx, {
      action: input.id ? 'master.category.update' : 'master.category.create',
      subject: id,
      details: { code: input.code, storeIds: input.storeIds }
    })
    return { id, revisions }
  })
}

/**
 * Creates or changes a product (with its barcodes, in order) in every store named, at the same
 * price in each (`price`, yuan text → fen exactly); one transaction, one revision per store and one
 * audit row. Refusals, nothing written: VALIDATION on `price` (too many decimals for the currency),
 * NOT_FOUND on `categoryId` (not in a store) or `id`, CONFLICT on `sku` (another product of a store
 * has it) or `barcodes[i]` (another product of a store scans to it, in any GTIN form).
 */
export async function saveProduct(deps: MasterDeps, input: ProductSave): Promise<Published & { id: string }> {
  return publishChange(deps, async (tx, publish) => {
    const stores = await requireStores(tx, input.storeIds, 'storeIds')
    const id = input.id ?? randomUUID()
    if (input.id && !(await anyStoreHas(tx, stores, 'product', input.id)))
      throw refuse('NOT_FOUND', 'id', 'errors.hq.master.unknownProduct', `no product ${input.id}`)
    const revisions: Published['revisions'] = []
    for (const store of stores) {
      const data: ProductData = {
        id,
        sku: input.sku,
        nameZh: input.nameZh,
        nameEn: input.nameEn,
        categoryId: input.categoryId,
        priceMinor: toMinor(input.price, store, 'price'),
        taxRate: input.taxRate,
        unit: input.unit,
        active: input.active
      }
      await checkProduct(tx, store, data, input.barcodes)
      revisions.push({
        storeId: store.id,
        revision: await publishProduct(tx, publish, store, data, input.barcodes)
      })
    }
    await deps.audit(tx, {
      action: input.id ? 'master.product.update' : 'master.product.create',
      subject: id,
      details: { sku: input.sku, price: input.price, storeIds: input.storeIds }
    })
    return { id, revisions }
  })
}

/**
 * Sets a product's price per store (yuan text → fen exactly). One transaction: each store a new
 * revision of its product record, one audit row with every old and new price. NOT_FOUND on
 * `prices[i].storeId` where that store does not sell the product; VALIDATION on `prices[i].price`.
 */
export async function setPrices(deps: MasterDeps, input: SetPrices): Promise<Published> {
  return publishChange(deps, async (tx, publish) => {
    const revisions: Published['revisions'] = []
    const changes: Array<{ storeId: string; from: number; to: number }> = []
    for (const [i, entry] of input.prices.entries()) {
      const store = await requireStore(tx, entry.storeId, `prices[${i}].storeId`)
      const product = await readRecord(tx, store.id, 'product', input.productId)
      if (!product)
        throw refuse(
          'NOT_FOUND',
          `prices[${i}].storeId`,
          'errors.hq.master.notSoldInStore',
          `${store.name} does not sell this product`,
          {
            store: store.name
          }
        )
      const priceMinor = toMinor(entry.price, store, `prices[${i}].price`)
      changes.push({ storeId: store.id, from: product.priceMinor, to: priceMinor })
      revisions.push({
        storeId: store.id,
        revision: await publish(store.id, [put('product', product.id, { ...product, priceMinor })])
      })
    }
    await deps.audit(tx, { action: 'master.product.prices', subject: input.productId, details: { changes } })
    return { revisions }
  })
}

/** A product's price in every store of the chain (null where a store does not sell it). */
export async function productPrices(
  q: Reader,
  productId: string,
  storeIds: readonly string[]
): Promise<ProductPrices> {
  const stores = await requireStores(q, storeIds, 'storeIds')
  let found: ProductData | null = null
  const prices: ProductPrices['prices'] = []
  for (const store of stores) {
    const product = await readRecord(q, store.id, 'product', productId)
    found ??= product
    prices.push({
      storeId: store.id,
      storeName: store.name,
      currency: store.currency,
      priceMinor: product?.priceMinor ?? null
    })
  }
  if (!found)
    throw refuse('NOT_FOUND', 'productId', 'errors.hq.master.unknownProduct', `no product ${productId}`)
  return { productId, sku: found.sku, nameZh: found.nameZh, nameEn: found.nameEn, prices }
}

/** Refuses a product a store could not take: unknown category, SKU or a barcode held by another product. */
export async function checkProduct(
  tx: Reader,
  store: StoreInfo,
  data: ProductData,
  barcodes: readonly string[]
): Promise<void> {
  if (data.categoryId !== null && !(await readRecord(tx, store.id, 'category', data.categoryId)))
    throw refuse(
      'NOT_FOUND',
      'categoryId',
      'errors.hq.master.categoryNotInStore',
      `${store.name} has no such category`,
      {
        store: store.name
      }
    )
  const products = await readRecords(tx, store.id, 'product')
  const sku = products.find((p) => p.id !== data.id && p.data.sku.toLowerCase() === data.sku.toLowerCase())
  if (sku)
    throw refuse(
      'CONFLICT',
      'sku',
      'errors.hq.master.skuTaken',
      `SKU ${data.sku} is taken in ${store.name}`,
      {
        sku: data.sku,
        store: store.name
      }
    )
  const owners = new Map(
    (await readRecords(tx, store.id, 'barcode')).map((b) => [gtinLookupKey(b.data.barcode), b.data.productId])
  )
  for (const [i, code] of barcodes.entries()) {
    const owner = owners.get(gtinLookupKey(code))
    if (owner !== undefined && owner !== data.id) {
      const other = products.find((p) => p.id === owner)
      throw refuse(
        'CONFLICT',
        `barcodes[${i}]`,
        'errors.hq.master.barcodeTaken',
        `${code} belongs to ${other?.data.sku ?? owner}`,
        {
          code,
          other: other?.data.sku ?? owner,
          store: store.name
        }
      )
    }
  }
}

/** Each product's barcodes in a store, by product id. */
export async function barcodesByProduct(tx: Reader, storeId: string): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>()
  for (const b of await readRecords(tx, storeId, 'barcode')) {
    const list = map.get(b.data.productId) ?? []
    list.push(b.id)
    map.set(b.data.productId, list)
  }
  return map
}

/**
 * The writes that publish a product and its barcodes: the product record, a record per barcode
 * (position = order given) and a delete for each barcode it had (`before`) no longer listed.
 */
export function productWrites(
  data: ProductData,
  barcodes: readonly string[],
  before: readonly string[]
): MasterWrite[] {
  const keep = new Set(barcodes)
  return [
    put('product', data.id, data),
    ...barcodes.map((code, position) =>
      put('barcode', code, { barcode: code, productId: data.id, position })
    ),
    ...before
      .filter((code) => !keep.has(code))
      .map((code): MasterWrite => ({ entity: 'barcode', id: code, op: 'delete' }))
  ]
}

/** Publishes a product and its barcodes to one store (see `productWrites`). */
async function publishProduct(
  tx: Reader,
  publish: Publish,
  store: StoreInfo,
  data: ProductData,
  barcodes: readonly string[]
): Promise<number> {
  const before = (await barcodesByProduct(tx, store.id)).get(data.id) ?? []
  return publish(store.id, productWrites(data, barcodes, before))
}

const put = <E extends MasterWrite['entity']>(entity: E, id: string, data: MasterData<E>): MasterWrite => ({
  entity,
  id,
  op: 'put',
  data
})

async function anyStoreHas(
  q: Reader,
  stores: readonly StoreInfo[],
  entity: 'category' | 'product',
  id: string
): Promise<boolean> {
  for (const store of stores) if (await readRecord(q, store.id, entity, id)) return true
  // An existing row of another store may be published to a new store too.
  const [row] = await q.query<{ id: string }>(
    "SELECT id FROM master_records WHERE entity = ? AND id = ? AND scope = '' AND deleted = 0 LIMIT 1",
    [entity, id]
  )
  return row !== undefined
}
