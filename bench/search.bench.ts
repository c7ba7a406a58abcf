import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { systemClock } from '../src/main/core/clock'
import { createEventBus } from '../src/main/core/event-bus'
import { silentLogger } from '../src/main/core/logger'
import { createCatalogService } from '../src/main/services/catalog-service'
import { openDatabase } from '../src/main/store/database'
import { createStore } from '../src/main/store/store'
import { generatedCsv, generatedProduct } from '../test/support/generated-catalog'
import { medianMs, type Bench, type BenchRow } from './bench'

const PRODUCTS = 20_000

/** Median time of one call, measured over batches of `calls` calls. */
async function perCall(calls: number, work: (i: number) => unknown): Promise<number> {
  return (
    (await medianMs(9, () => {
      for (let i = 0; i < calls; i++) work(i)
    })) / calls
  )
}

export const bench: Bench = {
  title: `catalog: search and scan with ${PRODUCTS.toLocaleString('en')} products`,
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'kassa-bench-catalog-'))
    const { db } = await openDatabase(join(dir, 'kassa.sqlite'), { backupDir: join(dir, 'backups') })
    try {
      const store = createStore(db)
      const catalog = createCatalogService({
        store,
        clock: systemClock,
        events: createEventBus(),
        logger: silentLogger
      })
      catalog.ensureDemoCatalog()
      const importStart = performance.now()
      await catalog.importCsv(generatedCsv(PRODUCTS, 'SNACKS'), {
        mode: 'all-or-nothing',
        actor: { userId: null }
      })
      const importMs = performance.now() - importStart
      const drinks = catalog.listCategories(false).find((c) => c.code === 'DRINKS')!.id

      // The least any lookup costs: one prepared SELECT of a row by its integer primary key.
      const bySeq = db.prepare('SELECT * FROM products WHERE seq = ?')
      const baseline = {
        label: 'SELECT by primary key',
        ms: await perCall(2000, (i) => bySeq.get(1 + (i % PRODUCTS)))
      }
      const barcodes = Array.from({ length: 2000 }, (_, i) => generatedProduct((i * 7919) % PRODUCTS).barcode)
      const search =
        (query: string, extra: { categoryId?: string; language?: 'en' | 'zh-CN' } = {}) =>
        () =>
          catalog.search({
            query,
            categoryId: extra.categoryId ?? null,
            limit: 50,
            includeInactive: false,
            language: extra.language ?? 'zh-CN'
          })
      const count = (query: string, categoryId: string | null = null) =>
        catalog.search({ query, categoryId, limit: 1, includeInactive: false, language: 'zh-CN' }).total

      const rows: Array<[string, string, number]> = [
        [
          'scan: catalog:lookup-code by barcode',
          'product with its barcodes, mapped for the API',
          await perCall(2000, (i) => catalog.lookupCode(barcodes[i]!, false))
        ],
        [
          'search: exact barcode',
          '13 digits: exact + prefix match, top 50',
          await perCall(200, search(barcodes[0]!))
        ],
        [
          'search: FTS Chinese "辣牛肉面"',
          `trigram index, ${count('辣牛肉面')} matches, top 50`,
          await perCall(50, search('辣牛肉面'))
        ],
        [
          'search: FTS English "choco"',
          `trigram index, ${count('choco')} matches, top 50`,
          await perCall(50, search('choco', { language: 'en' }))
        ],
        [
          'search: 2 chars "牛肉"',
          `LIKE scan (under the trigram length), ${count('牛肉')} matches, top 50`,
          await perCall(20, search('牛肉'))
        ],
        [
          'search: part of a SKU "GEN-1234"',
          `trigram index, ${count('GEN-1234')} matches`,
          await perCall(100, search('GEN-1234'))
        ],
        [
          'grid: one category, empty query',
          `${count('', drinks)} products sorted by name (collator)`,
          await perCall(100, search('', { categoryId: drinks }))
        ],
        [
          'list: everything, empty query',
          `${count('')} products ranked by name, top 50`,
          await perCall(5, search(''))
        ]
      ]
      const out: BenchRow[] = rows.map(([name, label, ms]) => ({ name, figure: { label, ms }, baseline }))
      out.push({
        name: `import ${PRODUCTS.toLocaleString('en')} rows (CSV)`,
        figure: {
          label: 'parse, check, upsert in 500-row transactions with audit + outbox + FTS',
          ms: importMs
        },
        baseline: { label: 'SELECT by primary key × 20,000', ms: baseline.ms * PRODUCTS }
      })
      return out
    } finally {
      db.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
