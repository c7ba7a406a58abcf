import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describeRowError, planImport } from '@shared/catalog-csv/plan'
import { createCatalogService } from '../../services/catalog-service'
import { withShop } from '../open-shop'
import { UsageError, type CliCommand } from '../command'
import { readBytes } from '../read-text'
import { decodeCsvBytes } from '@shared/catalog-csv/decode'

/**
 * `kassa --data-dir DIR import-products FILE [--valid-rows-only]`: the Products screen's CSV import
 * from a terminal, through the same checks and the same service (upsert by SKU, audit + outbox per
 * product). Prints a summary on stdout and every refused row, with its line and column, on stderr.
 * Exit 0 imported; 2 when the file is refused (any invalid row, unless --valid-rows-only: then only
 * a file with no valid row), with nothing imported.
 */
export const importProducts: CliCommand = {
  usage:
    'kassa --data-dir DIR import-products FILE [--valid-rows-only]   import products from CSV (FILE or - for stdin)',
  async run(args, { dataDir, stdin, stdout, stderr }) {
    const validRowsOnly = args.includes('--valid-rows-only')
    const rest = args.filter((arg) => arg !== '--valid-rows-only')
    const unknown = rest.find((arg) => arg.startsWith('--'))
    if (unknown !== undefined) throw new UsageError(`import-products: unknown option ${unknown}`)
    if (rest.length !== 1) throw new UsageError('import-products needs one FILE (a CSV file, or - for stdin)')
    if (dataDir === undefined)
      throw new UsageError('import-products needs --data-dir DIR (or KASSA_DATA_DIR)')
    const file = rest[0]!
    if (file !== '-' && !existsSync(file)) throw new UsageError(`no such file: ${file}`)
    // Bytes, not text: the file may be GBK (Chinese Excel's "CSV") or UTF-16; decodeCsvBytes decides.
    const { text } = decodeCsvBytes(file === '-' ? await readBytes(stdin) : readFileSync(resolve(file)))

    return withShop(dataDir, async (ctx) => {
      const { store } = ctx
      const catalog = createCatalogService(ctx)
      const plan = planImport(store.catalog, catalog.currency(), text)
      const toCreate = plan.valid.filter((row) => row.existingId === null).length
      stdout.write(
        `checked ${plan.totalRows} rows: ${plan.valid.length} valid (${toCreate} new, ${plan.valid.length - toCreate} to update), ${plan.invalidLines.size} invalid\n`
      )
      for (const error of plan.errors) stderr.write(`${describeRowError(error)}\n`)
      if (plan.errors.length > 0 && !validRowsOnly) {
        throw new UsageError(
          `${plan.invalidLines.size} invalid row${plan.invalidLines.size === 1 ? '' : 's'}; nothing was imported (fix them, or pass --valid-rows-only to import the ${plan.valid.length} valid ones)`
        )
      }
      if (plan.valid.length === 0) throw new UsageError('no valid rows; nothing was imported')

      const result = await catalog.commitPlan(plan, {
        mode: validRowsOnly ? 'valid-rows-only' : 'all-or-nothing',
        actor: { userId: null },
        onProgress: (done, total) => {
          if (total > 1000 && done > 0 && done < total) stdout.write(`imported ${done} of ${total}\n`)
        }
      })
      for (const error of result.errors.slice(plan.errors.length))
        stderr.write(`${describeRowError(error)}\n`)
      stdout.write(
        `imported ${result.created + result.updated} product${result.created + result.updated === 1 ? '' : 's'}: ${result.created} created, ${result.updated} updated, ${result.skipped} skipped` +
          `${result.categoriesCreated > 0 ? `, ${result.categoriesCreated} new categor${result.categoriesCreated === 1 ? 'y' : 'ies'}` : ''}\n`
      )
      return 0
    })
  }
}
