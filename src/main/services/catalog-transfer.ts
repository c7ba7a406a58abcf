import { businessDate } from '@shared/time/zone'
import {
  CATALOG_MESSAGES as M,
  type ImportMode,
  type ImportPreview,
  type ImportResult,
  type ImportRowError
} from '@shared/contract'
import { systemTimeZone } from '@shared/contract/channels/settings'
import { minorToDecimalString } from '@shared/money/format'
import { newId } from '../core/ids'
import { conflict, DomainError, invalid } from '../domain/errors'
import type { NewProductRecord } from '../store/repos/catalog-repo'
import { writeCatalogCsv } from '@shared/catalog-csv/read'
import { csvSourceText } from '@shared/catalog-csv/decode'
import {
  describePlan,
  describeRowError,
  plannedProduct,
  planImport,
  type ImportPlan,
  type PlannedRow
} from '@shared/catalog-csv/plan'
import type { CatalogWrites } from './catalog-writes'
import type { Actor, ServiceContext } from './service-context'

/** Rows per import transaction: small enough that the till stays responsive between them. */
export const IMPORT_CHUNK_ROWS = 500

export interface ImportOptions {
  mode: ImportMode
  importId?: string
  /** Who imports: the signed-in person (the API), or nobody (`kassa import-products`). */
  actor: Actor
  /** Called after each committed chunk (the API emits `catalog:import-progress`, the CLI prints). */
  onProgress?: (done: number, total: number) => void
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/**
 * The catalog in and out as CSV: the import's preview, the import itself in chunks (each a transaction of
 * rows, audit entries and outbox events) and the export.
 */
export function createCatalogTransfer(ctx: ServiceContext, writes: CatalogWrites) {
  const { store } = ctx
  const repo = store.catalog
  const { currency, writeProduct, writeCategory, emitChanged } = writes

  /** Upserts one planned import row inside the chunk's transaction; returns whether it created. */
  const importRow = (
    row: PlannedRow,
    categoryIds: Map<string, string>,
    importId: string,
    actor: Actor
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
      ...plannedProduct(row, categoryIds),
      barcodes: row.input.barcodes,
      // Left out (no scale_code column), the product keeps its scale code.
      ...(row.input.scaleCode === undefined ? {} : { scaleCode: row.input.scaleCode }),
      createdAt: existing?.createdAt ?? at,
      updatedAt: at
    }
    writeProduct(record, existing, existing ? 'product.updated' : 'product.created', actor, {
      importId,
      line: row.line
    })
    return existing === null
  }

  return {
    /**
     * What an import of `csv` would do, writing nothing: counts, the first `previewRows` planned rows
     * and up to `errorLimit` row errors (`errors.catalog.*` keys per row, not thrown).
     * @throws FieldError `csv` (the router answers VALIDATION): `errors.import.notBase64`,
     *   `errors.import.undecodable`, `errors.import.utf16NoBom`, `errors.validation.fileEmpty`,
     *   `errors.catalog.missingColumns`
     */
    previewImport(
      csv: string,
      previewRows: number,
      errorLimit: number,
      encoding: 'text' | 'base64' = 'text'
    ): ImportPreview {
      return describePlan(planImport(repo, currency(), csvSourceText(csv, encoding)), previewRows, errorLimit)
    },

    /**
     * Checks the whole file first, then writes it; see `commitPlan`.
     * @throws the file errors of `previewImport`, and `commitPlan`'s
     */
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
     * invalid. A file cut short by a crash is safe to import again: rows are upserted by SKU. A row
     * refused while writing (a barcode taken since the check) is skipped and reported in `errors`.
     * @throws DomainError VALIDATION `csv` `errors.catalog.importRefused` { line, column, more }
     *   (all-or-nothing with any bad row), `errors.catalog.noValidRows`
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
                options.actor
              )
              categoryIds.set(code.toLowerCase(), id)
              categoriesCreated++
            }
          }
          for (const row of chunk) {
            try {
              // A savepoint per row: a barcode taken since the check skips that row, not the chunk.
              const isNew = store.transaction(() => importRow(row, categoryIds, importId, options.actor))
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

    /**
     * Every product (inactive ones too when asked) as the import's CSV (prices as decimals of the
     * store currency), named `kassa-products-<today in the store's zone>.csv`. Raises nothing.
     */
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
    }
  }
}
