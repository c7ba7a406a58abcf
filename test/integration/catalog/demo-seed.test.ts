import { describe, expect, it } from 'vitest'
import { demoProducts, ean13CheckDigit, isValidEan13 } from '../../../src/main/services/demo-catalog'
import { openTestCore } from '../../support/accounts'
import { count, ok, openCatalogShop, query } from './catalog-fixture'

describe('EAN-13 check digits', () => {
  it.each([
    ['690123456789', 2],
    ['400638133393', 1],
    ['978030640615', 7],
    ['000000000000', 0]
  ])('%s → %i', (first12, digit) => {
    expect(ean13CheckDigit(first12)).toBe(digit)
  })

  it('refuses a code with the wrong check digit', () => {
    expect(isValidEan13('6901234567892')).toBe(true)
    expect(isValidEan13('6901234567893')).toBe(false)
    expect(isValidEan13('690123456789')).toBe(false)
  })
})

describe('the demo shop catalog', () => {
  it('is 200 products in 10 categories, with zh-CN and en names, unique SKUs and valid EAN-13 barcodes', () => {
    const products = demoProducts()
    expect(products).toHaveLength(200)
    expect(new Set(products.map((p) => p.category)).size).toBe(10)
    expect(new Set(products.map((p) => p.sku)).size).toBe(200)
    const barcodes = products.flatMap((p) => p.barcodes)
    expect(new Set(barcodes).size).toBe(barcodes.length)
    expect(barcodes.length).toBeGreaterThan(200)
    for (const product of products) {
      expect(product.nameZh).toMatch(/[\u4e00-\u9fff]/)
      expect(product.nameEn).toMatch(/^[A-Za-z]/)
      expect(product.barcodes.every(isValidEan13)).toBe(true)
      expect(product.price).toMatch(/^\d+\.\d{2}$/)
      expect(['0', '0.09', '0.13']).toContain(product.taxRate)
    }
    expect(products.filter((p) => p.unit === 'kg').length).toBeGreaterThanOrEqual(15)
    expect(new Set(products.map((p) => p.taxRate))).toEqual(new Set(['0', '0.09', '0.13']))
    // Deterministic: the same list every time.
    expect(demoProducts()).toEqual(products)
  })

  it('is seeded on first run in the store currency, without audit or outbox rows (nothing to sync)', async () => {
    const { core, cashier, dataDir } = await openCatalogShop()
    expect(count(dataDir, 'products')).toBe(200)
    expect(count(dataDir, 'categories')).toBe(10)
    expect(count(dataDir, 'outbox', "WHERE type LIKE 'product.%' OR type LIKE 'category.%'")).toBe(0)
    expect(count(dataDir, 'audit_log', "WHERE action LIKE 'product.%'")).toBe(0)
    const water = await ok(core, cashier, 'catalog:lookup-code', { code: demoProducts()[0]!.barcodes[0]! })
    expect(water).toMatchObject({
      sku: 'DRK-001',
      nameZh: '饮用天然水 550ml',
      priceMinor: 200,
      price: '2.00',
      taxRate: '0.13'
    })
  })

  it('is not seeded again: not on restart, nor once products exist', async () => {
    const first = await openTestCore()
    const { dataDir } = first
    const ids = query<{ id: string }>(dataDir, 'SELECT id FROM products ORDER BY id').map((r) => r.id)
    first.stop()
    const second = await openTestCore({ dataDir })
    expect(query<{ id: string }>(dataDir, 'SELECT id FROM products ORDER BY id').map((r) => r.id)).toEqual(
      ids
    )
    second.close()
  })
})
