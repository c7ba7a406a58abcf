import { randomUUID } from 'node:crypto'
import { gtinLookupKey } from '@shared/barcodes/gtin'
import { csvSourceText } from '@shared/catalog-csv/decode'
import {
  describePlan,
  plannedProduct,
  planImport,
  type CatalogLookup,
  type ImportPlan
} from '@shared/catalog-csv/plan'
import type { ImportPreview } from '@shared/contract'
import type { CatalogImportResult } from '@shared/hq-api/master-data-schemas'
import type { MasterData } from '@shared/sync/protocol'
import { barcodesByProduct, productWrites } from './catalog-service'
import { refuse } from './errors'
import { publishChange, readRecords, requireStore, type StoreInfo } from './records'
import type { MasterDeps, Reader } from './types'

/** Rows per publishing transaction, as on the till: each chunk is a revision the tills can take. */
export const HQ_IMPORT_CHUNK_ROWS = 500

/** A store's published catalog as the till's import rules look things up (`CatalogLookup`). */
export async function storeLookup(
  q: Reader,
  storeId: string
): Promise<CatalogLookup & { categoryIdByCode: Map<string, string> }> {
  const categories = (await readRecords(q, storeId, 'category')).map((r) => r.data)
  const products = (await readRecords(q, storeId, 'product')).map((r) => r.data)
  const bySku = new Map(products.map((p) => [p.sku.toLowerCase(), p]))
  const byId = new Map(products.map((p) => [p.id, p]))
  const owners = new Map(
    (await readRecords(q, storeId, 'barcode')).map((r) => [gtinLookupKey(r.data.barcode), r.data.productId])
  )
  return {
    listCategories: () => categories,
    getProductBySku: (sku) => bySku.get(sku.toLowerCase()) ?? null,
    // The head office does not publish scale codes (a till setting): none is ever taken here.
    getProductByScaleCode: () => null,
    barcodeOwner: (code) => owners.get(gtinLookupKey(code)) ?? null,
    getProduct: (id) => byId.get(id) ?? null,
    categoryIdByCode: new Map(categories.map((c) => [c.code.toLowerCase(), c.id]))
  }
}

/**
 * Checks a products CSV against one store's published catalog with the till's own import rules
 * (`planImport`: columns, encodings, GTIN check digits, prices in the store currency, repeated SKUs
 * and barcodes, categories by code or name) — and one rule of the head office: a `scale_code` cell is
 * refused, since scale codes stay a till setting the sync does not carry. Nothing is written.
 */
export async function planStoreImport(
  q: Reader,
  storeId: string,
  csv: string,
  encoding: 'text' | 'base64'
): Promise<{ plan: ImportPlan; store: StoreInfo; lookup: Awaited<ReturnType<typeof storeLookup>> }> {
  const store = await requireStore(q, storeId, 'storeId')
  const lookup = await storeLookup(q, storeId)
  const plan = planImport(lookup, store.currency, csvSourceText(csv, encoding))
  for (const row of plan.valid.filter((r) => r.input.scaleCode)) {
    plan.invalidLines.add(row.line)
    plan.errors.push({
      line: row.line,
      field: 'scale_code',
      message: 'scale codes are set on each till; leave the column empty at the head office',
      key: 'errors.hq.master.scaleCodeAtTill',
      value: row.input.scaleCode ?? ''
    })
    const shown = plan.rows.find((r) => r.line === row.line)
    if (shown) shown.valid = false
  }
  plan.valid = plan.valid.filter((r) => !r.input.scaleCode)
  plan.errors.sort((a, b) => a.line - b.line)
  return { plan, store: store, lookup }
}

/** The preview: counts, the first `previewRows` rows and up to `errorLimit` errors (line and column). */
export async function previewStoreImport(
  q: Reader,
  input: {
    storeId: string
    csv: string
    encoding: 'text' | 'base64'
    previewRows: number
    errorLimit: number
  }
): Promise<ImportPreview> {
  const { plan } = await planStoreImport(q, input.storeId, input.csv, input.encoding)
  return describePlan(plan, input.previewRows, input.errorLimit)
}

/**
 * Imports a products CSV into one store, upserting by SKU: `all-or-nothing` refuses the whole file
 * (VALIDATION on `csv`, key `errors.hq.master.importInvalid` with the first error) when any row is
 * invalid; `valid-rows-only` publishes the valid ones. Categories the file names by a new code are
 * created first. Published in chunks of `HQ_IMPORT_CHUNK_ROWS` rows, each one transaction with its
 * revision and audit row, so tills take a large file in steps; an import cut short can be run again.
 */
export async function commitStoreImport(
  deps: MasterDeps,
  input: {
    storeId: string
    csv: string
    encoding: 'text' | 'base64'
    mode: 'all-or-nothing' | 'valid-rows-only'
  }
): Promise<CatalogImportResult> {
  const { plan, store, lookup } = await planStoreImport(deps.db, input.storeId, input.csv, input.encoding)
  if (input.mode === 'all-or-nothing' && plan.errors.length > 0) {
    const first = plan.errors[0]!
    throw refuse(
      'VALIDATION',
      'csv',
      'errors.hq.master.importInvalid',
      `${plan.invalidLines.size} invalid row(s), nothing imported; first: line ${first.line}${first.field ? `, ${first.field}` : ''}: ${first.message}`,
      { rows: plan.invalidLines.size, line: first.line, column: first.field }
    )
  }
  const importId = randomUUID()
  const categoryIds = new Map(lookup.categoryIdByCode)
  let revision = 0
  if (plan.newCategories.length > 0) {
    revision = await publishChange(deps, async (tx, publish) => {
      const writes = plan.newCategories.map((code) => {
        const id = randomUUID()
        categoryIds.set(code.toLowerCase(), id)
        const data: MasterData<'category'> = {
          id,
          code,
          nameZh: code,
          nameEn: code,
          sortOrder: 0,
          active: true
        }
        return { entity: 'category' as const, id, op: 'put' as const, data }
      })
      const r = await publish(store.id, writes)
      await deps.audit(tx, {
        action: 'master.import.categories',
        subject: importId,
        details: { storeId: store.id, codes: plan.newCategories }
      })
      return r
    })
  }
  let created = 0
  let updated = 0
  for (let at = 0; at < plan.valid.length; at += HQ_IMPORT_CHUNK_ROWS) {
    const chunk = plan.valid.slice(at, at + HQ_IMPORT_CHUNK_ROWS)
    revision = await publishChange(deps, async (tx, publish) => {
      const before = await barcodesByProduct(tx, store.id)
      const writes = chunk.flatMap((row) => {
        const data: MasterData<'product'> = {
          id: row.existingId ?? randomUUID(),
          ...plannedProduct(row, categoryIds)
        }
        return productWrites(data, row.input.barcodes, before.get(data.id) ?? [])
      })
      // One revision per chunk: every product of the chunk is published under it.
      const published = await publish(store.id, writes)
      await deps.audit(tx, {
        action: 'master.import.products',
        subject: importId,
        details: {
          storeId: store.id,
          rows: chunk.length,
          firstLine: chunk[0]!.line,
          lastLine: chunk.at(-1)!.line
        }
      })
      return published
    })
    for (const row of chunk) {
      if (row.existingId === null) created++
      else updated++
    }
  }
  return {
    created,
    updated,
    skipped: plan.invalidLines.size,
    categoriesCreated: plan.newCategories.length,
    revision
  }
}
