import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../../src/main/app/create-core'
import { generatedCsv, generatedProduct } from '../../support/generated-catalog'
import { ok, openCatalogShop, query } from './catalog-fixture'

// One shop with 20,000 generated products (plus the 200 demo ones), imported once for every search below.
const COUNT = 20_000
let core: Core
let cashier: string
let dataDir: string
let close = (): void => {}

beforeAll(async () => {
  const shop = await openCatalogShop({ keepOpen: true })
  ;({ core, cashier, dataDir, close } = shop)
  const result = await ok(core, shop.manager, 'catalog:import-commit', {
    csv: generatedCsv(COUNT, 'SNACKS'),
    mode: 'all-or-nothing'
  })
  expect(result).toMatchObject({ created: COUNT, updated: 0, skipped: 0 })
}, 120_000)

afterAll(() => close())

/** How many active products SQLite itself finds with a plain LIKE scan: the oracle for the index. */
function likeCount(term: string): number {
  const pattern = `%${term}%`
  return query<{ n: number }>(
    dataDir,
    'SELECT count(*) AS n FROM products WHERE active = 1 AND (name_zh LIKE ? OR name_en LIKE ? OR sku LIKE ?)',
    pattern,
    pattern,
    pattern
  )[0]!.n
}

const search = (input: Parameters<typeof ok<'catalog:search'>>[3]) =>
  ok(core, cashier, 'catalog:search', input)

describe('catalog search over 20,000 products', () => {
  it('finds a two-character Chinese word anywhere in a name', async () => {
    const result = await search({ query: '牛肉', limit: 500 })
    expect(result.total).toBe(likeCount('牛肉'))
    expect(result.total).toBeGreaterThan(1000)
    expect(result.products).toHaveLength(500)
    expect(result.products.every((p) => p.nameZh.includes('牛肉'))).toBe(true)
  })

  it('finds a longer Chinese substring that starts mid-word (trigram index)', async () => {
    const result = await search({ query: '辣牛肉面', limit: 500 })
    expect(result.total).toBe(likeCount('辣牛肉面'))
    expect(result.total).toBeGreaterThan(100)
    expect(result.products.every((p) => p.nameZh.includes('辣牛肉面'))).toBe(true)
    // "香辣牛肉面…" and "麻辣牛肉面…" both match, sorted in pinyin order (má before xiāng).
    expect(new Set(result.products.map((p) => p.nameZh.slice(0, 2)))).toEqual(new Set(['香辣', '麻辣']))
    expect(result.products[0]!.nameZh.startsWith('麻辣')).toBe(true)
  })

  it('finds English words by prefix, in any case, ranking names that start with a matching word first', async () => {
    const result = await search({ query: 'CHOCO', limit: 500, language: 'en' })
    expect(result.total).toBe(likeCount('choco'))
    expect(result.products.every((p) => /\bchoco/i.test(p.nameEn))).toBe(true)
    const demo = await search({ query: 'yogu', limit: 5, language: 'en' })
    expect(demo.products[0]!.nameEn).toMatch(/yogurt/i)
  })

  it('requires every word of a query to match', async () => {
    const result = await search({ query: 'organic coffee 120g', limit: 500, language: 'en' })
    expect(result.total).toBeGreaterThan(0)
    expect(result.products.every((p) => /organic coffee 120g/i.test(p.nameEn))).toBe(true)
    const mixed = await search({ query: '有机 coffee', limit: 500 })
    expect(mixed.total).toBe(
      query<{ n: number }>(
        dataDir,
        "SELECT count(*) AS n FROM products WHERE name_zh LIKE '%有机%' AND name_en LIKE '%coffee%'"
      )[0]!.n
    )
  })

  it('puts the product with an exact SKU or barcode first', async () => {
    const target = generatedProduct(12_344)
    const bySku = await search({ query: target.sku.toLowerCase(), limit: 5 })
    expect(bySku.products[0]!.sku).toBe('GEN-12345')
    const byBarcode = await search({ query: target.barcode, limit: 5 })
    expect(byBarcode.products[0]).toMatchObject({ sku: 'GEN-12345', barcodes: [target.barcode] })
    expect(byBarcode.total).toBe(1)
    expect((await ok(core, cashier, 'catalog:lookup-code', { code: target.barcode })).sku).toBe('GEN-12345')
  })

  it('finds part of a SKU and the start of a barcode', async () => {
    const partialSku = await search({ query: 'GEN-1234', limit: 50 })
    expect(partialSku.products.map((p) => p.sku).sort()).toEqual(
      Array.from({ length: 10 }, (_, d) => `GEN-1234${d}`)
    )
    const prefix = generatedProduct(15_000).barcode.slice(0, 11)
    const byPrefix = await search({ query: prefix, limit: 50 })
    expect(byPrefix.products.length).toBeGreaterThan(0)
    expect(byPrefix.products.every((p) => p.barcodes.some((b) => b.startsWith(prefix)))).toBe(true)
  })

  it('filters by category and leaves out inactive products unless asked', async () => {
    const categories = await ok(core, cashier, 'catalog:list-categories', {})
    const drinks = categories.find((c) => c.code === 'DRINKS')!
    const result = await search({ query: '茶', categoryId: drinks.id, limit: 100 })
    expect(result.products.length).toBeGreaterThan(0)
    expect(result.products.every((p) => p.categoryId === drinks.id && p.nameZh.includes('茶'))).toBe(true)
    expect(categories.find((c) => c.code === 'SNACKS')!.productCount).toBe(COUNT + 20)
  })

  it('lists everything for an empty query, honouring the limit and counting all', async () => {
    const result = await search({ query: '', limit: 25 })
    expect(result.total).toBe(COUNT + 200)
    expect(result.products).toHaveLength(25)
  })

  it('treats quotes, wildcards and FTS operators in a query as plain text', async () => {
    for (const text of ['"牛肉', 'beef AND', 'NEAR(x', '*', 'a"b"c', 'no. 1"']) {
      const result = await search({ query: text, limit: 5 })
      expect(
        result.products.every((p) =>
          `${p.nameZh} ${p.nameEn} ${p.sku}`.toLowerCase().includes(text.toLowerCase())
        )
      ).toBe(true)
    }
    expect((await search({ query: '%', limit: 5 })).total).toBe(0)
    expect((await search({ query: '_', limit: 5 })).total).toBe(0)
    expect((await search({ query: 'beef AND', limit: 5 })).total).toBe(0)
  })
})
