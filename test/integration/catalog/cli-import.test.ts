import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { kassa } from '../../support/kassa-cli'
import { tempDir } from '../../support/temp-dir'
import { count, query } from './catalog-fixture'

const HEADER = 'sku,barcodes,name_zh,name_en,category,price,tax_rate,unit,active'
const GOOD = [
  'CLI-001,6971234500014,茉莉花茶 500ml,Jasmine tea 500ml,TEA,4.00,0.13,piece,true',
  'CLI-002,6971234500021,龙井 250g,Longjing green tea 250g,TEA,128.00,0.13,piece,true'
]
const BAD = 'CLI-003,,碧螺春,Biluochun,TEA,12.5.0,0.13,piece,true'

describe('kassa import-products', () => {
  it('refuses a file with an invalid row: names its line and column, exits 2 and imports nothing', () => {
    const dataDir = tempDir()
    const file = join(dataDir, 'products.csv')
    writeFileSync(file, [HEADER, GOOD[0], BAD, GOOD[1]].join('\n'))
    const run = kassa(['--data-dir', dataDir, 'import-products', file])
    expect(run.status).toBe(2)
    expect(run.stdout).toContain('checked 3 rows: 2 valid (2 new, 0 to update), 1 invalid')
    expect(run.stderr).toContain('line 3, price: must be a decimal number')
    expect(run.stderr).toContain('error: 1 invalid row; nothing was imported')
    expect(count(dataDir, 'products')).toBe(0)
  }, 30_000)

  it('imports only the valid rows with --valid-rows-only, then updates by SKU on a second run', () => {
    const dataDir = tempDir()
    const file = join(dataDir, 'products.csv')
    writeFileSync(file, [HEADER, GOOD[0], BAD, GOOD[1]].join('\n'))
    const run = kassa(['--data-dir', dataDir, 'import-products', file, '--valid-rows-only'])
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('imported 2 products: 2 created, 0 updated, 1 skipped, 1 new category')
    expect(run.stderr).toContain('line 3, price')
    expect(
      query<{ sku: string; price_minor: number }>(
        dataDir,
        'SELECT sku, price_minor FROM products ORDER BY sku'
      )
    ).toEqual([
      { sku: 'CLI-001', price_minor: 400 },
      { sku: 'CLI-002', price_minor: 12800 }
    ])
    expect(count(dataDir, 'outbox', "WHERE type = 'product.created'")).toBe(2)

    writeFileSync(file, [HEADER, GOOD[0]!.replace('4.00', '4.50')].join('\n'))
    const again = kassa(['--data-dir', dataDir, 'import-products', file])
    expect(again.status).toBe(0)
    expect(again.stdout).toContain('imported 1 product: 0 created, 1 updated, 0 skipped')
    expect(
      query<{ price_minor: number }>(dataDir, "SELECT price_minor FROM products WHERE sku = 'CLI-001'")[0]!
        .price_minor
    ).toBe(450)
  }, 30_000)

  it('explains its usage', () => {
    const run = kassa(['import-products'])
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('error: import-products needs one FILE')
  }, 30_000)
})
