import { describe, expect, it } from 'vitest'
import type { EventPayload } from '@shared/contract'
import { count, ok, openCatalogShop, query, refused } from './catalog-fixture'

const HEADER = 'sku,barcodes,name_zh,name_en,category,price,tax_rate,unit,active'

// Line 1 is the header; line 4 spans two lines (a quoted name with a line break), so line 6 is row 5.
const MIXED = [
  HEADER,
  'IMP-001,6970000000017|6970000000024,乌龙茶 500ml,Oolong tea 500ml,DRINKS,4.50,0.13,piece,true',
  'IMP-002,6970000000031,苹果,Apples,produce,12.80,0,kg,',
  'IMP-003,,"礼盒',
  '装",Gift box,GIFTS,88.00,0.13,piece,yes',
  'IMP-004,6970000000048,坏价格,Bad price,DRINKS,12.345,0.13,piece,true',
  'IMP-005,6970000000055,,No Chinese name,DRINKS,2.00,13%,box,maybe',
  'IMP-001,6970000000062,重复,Duplicate SKU,DRINKS,1.00,0.13,piece,true',
  'IMP-007,6970000000017,重复条码,Duplicate barcode,DRINKS,1.00,0.13,piece,true',
  'IMP-008,6923456010017,演示条码,Demo barcode taken,DRINKS,1.00,0.13,piece,true',
  'DRK-001,6923456010017,饮用天然水 550ml,Spring water 550ml (new price),DRINKS,2.20,0.13,piece,true',
  ''
].join('\n')

describe('products CSV import', () => {
  it('previews counts, the first rows and every error with its CSV line and column, writing nothing', async () => {
    const { core, manager, dataDir } = await openCatalogShop()
    const before = [count(dataDir, 'products'), count(dataDir, 'audit_log'), count(dataDir, 'outbox')]
    const preview = await ok(core, manager, 'catalog:import-preview', { csv: MIXED, previewRows: 3 })
    expect(preview).toMatchObject({
      totalRows: 9,
      validRows: 4,
      invalidRows: 5,
      toCreate: 3,
      toUpdate: 1,
      newCategories: ['GIFTS'],
      errorsTruncated: false
    })
    expect(preview.rows).toEqual([
      {
        line: 2,
        sku: 'IMP-001',
        nameZh: '乌龙茶 500ml',
        nameEn: 'Oolong tea 500ml',
        price: '4.50',
        action: 'create'
      },
      { line: 3, sku: 'IMP-002', nameZh: '苹果', nameEn: 'Apples', price: '12.80', action: 'create' },
      { line: 4, sku: 'IMP-003', nameZh: '礼盒\n装', nameEn: 'Gift box', price: '88.00', action: 'create' }
    ])
    expect(preview.errors.map((e) => [e.line, e.field])).toEqual([
      [6, 'price'],
      [7, 'active'],
      [7, 'name_zh'],
      [7, 'tax_rate'],
      [7, 'unit'],
      [8, 'sku'],
      [9, 'barcodes'],
      [10, 'barcodes']
    ])
    expect(preview.errors[0]).toMatchObject({
      message: 'must have at most 2 decimal places for CNY',
      value: '12.345'
    })
    expect(preview.errors.find((e) => e.line === 8)!.message).toContain('first on line 2')
    expect(preview.errors.find((e) => e.line === 9)!.message).toContain('also on line 2')
    expect(preview.errors.find((e) => e.line === 10)!.message).toContain('DRK-001')
    expect([count(dataDir, 'products'), count(dataDir, 'audit_log'), count(dataDir, 'outbox')]).toEqual(
      before
    )
  })

  it('all-or-nothing refuses a file with any invalid row and writes nothing', async () => {
    const { core, manager, dataDir } = await openCatalogShop()
    const before = [
      count(dataDir, 'products'),
      count(dataDir, 'categories'),
      count(dataDir, 'audit_log'),
      count(dataDir, 'outbox')
    ]
    const error = await refused(core, manager, 'catalog:import-commit', {
      csv: MIXED,
      mode: 'all-or-nothing'
    })
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'csv' })
    expect(error.message).toContain('line 6, price')
    expect(error.message).toContain('nothing was imported')
    expect([
      count(dataDir, 'products'),
      count(dataDir, 'categories'),
      count(dataDir, 'audit_log'),
      count(dataDir, 'outbox')
    ]).toEqual(before)
  })

  it('valid-rows-only writes just the valid rows (upserting by SKU), with their audit and outbox rows', async () => {
    const { core, manager, cashier, dataDir } = await openCatalogShop()
    const products = count(dataDir, 'products')
    const progress: Array<EventPayload<'catalog:import-progress'>> = []
    core.events.subscribe((event, payload) => {
      if (event === 'catalog:import-progress')
        progress.push(payload as EventPayload<'catalog:import-progress'>)
    })
    const result = await ok(core, manager, 'catalog:import-commit', {
      csv: MIXED,
      mode: 'valid-rows-only',
      importId: 'imp-1'
    })
    expect(result).toMatchObject({
      importId: 'imp-1',
      created: 3,
      updated: 1,
      skipped: 5,
      categoriesCreated: 1
    })
    expect(result.errors).toHaveLength(8)
    expect(progress).toEqual([
      { importId: 'imp-1', done: 0, total: 4 },
      { importId: 'imp-1', done: 4, total: 4 }
    ])
    expect(count(dataDir, 'products')).toBe(products + 3)
    expect(
      query<{ sku: string }>(dataDir, "SELECT sku FROM products WHERE sku LIKE 'IMP-%' ORDER BY sku").map(
        (r) => r.sku
      )
    ).toEqual(['IMP-001', 'IMP-002', 'IMP-003'])
    const oolong = await ok(core, cashier, 'catalog:lookup-code', { code: '6970000000024' })
    expect(oolong).toMatchObject({
      sku: 'IMP-001',
      priceMinor: 450,
      barcodes: ['6970000000017', '6970000000024']
    })
    const apples = await ok(core, cashier, 'catalog:lookup-code', { code: 'IMP-002' })
    const produce = (await ok(core, cashier, 'catalog:list-categories', {})).find(
      (c) => c.code === 'PRODUCE'
    )!
    expect(apples).toMatchObject({ unit: 'kg', taxRate: '0', categoryId: produce.id, active: true })
    const water = await ok(core, cashier, 'catalog:lookup-code', { code: 'DRK-001' })
    expect(water).toMatchObject({ nameEn: 'Spring water 550ml (new price)', priceMinor: 220 })
    const gifts = (await ok(core, cashier, 'catalog:list-categories', {})).find((c) => c.code === 'GIFTS')!
    expect(gifts.productCount).toBe(1)

    const events = query<{ type: string }>(
      dataDir,
      "SELECT type FROM outbox WHERE type LIKE 'product.%' OR type LIKE 'category.%'"
    )
    expect(events.map((e) => e.type).sort()).toEqual([
      'category.created',
      'product.created',
      'product.created',
      'product.created',
      'product.updated'
    ])
    const audit = query<{ details: string }>(
      dataDir,
      "SELECT details FROM audit_log WHERE action LIKE 'product.%'"
    )
    expect(audit.map((a) => JSON.parse(a.details).importId)).toEqual(['imp-1', 'imp-1', 'imp-1', 'imp-1'])
  })

  it('imports in chunks, reporting progress after each', async () => {
    const { core, manager } = await openCatalogShop()
    const rows = Array.from(
      { length: 1200 },
      (_, i) => `BULK-${i},,批量商品${i},Bulk item ${i},,1.00,0.13,piece,true`
    )
    const seen: number[] = []
    core.events.subscribe((event, payload) => {
      if (event === 'catalog:import-progress') seen.push((payload as { done: number }).done)
    })
    const result = await ok(core, manager, 'catalog:import-commit', {
      csv: [HEADER, ...rows].join('\r\n'),
      mode: 'all-or-nothing',
      importId: 'bulk'
    })
    expect(result.created).toBe(1200)
    expect(seen).toEqual([0, 500, 1000, 1200])
  })

  it('refuses a file without the required columns, naming them', async () => {
    const { core, manager } = await openCatalogShop()
    const error = await refused(core, manager, 'catalog:import-preview', { csv: 'sku,name\nA,B\n' })
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'csv' })
    expect(error.message).toContain('missing columns name_zh, name_en, price, tax_rate')
  })

  it('reads what it exports: every product round-trips, Chinese names and all', async () => {
    const { core, manager, dataDir } = await openCatalogShop()
    const exported = await ok(core, manager, 'catalog:export-csv', {})
    expect(exported.rows).toBe(200)
    expect(exported.fileName).toMatch(/^kassa-products-\d{4}-\d{2}-\d{2}\.csv$/)
    expect(
      exported.csv.startsWith(
        '\ufeffsku,barcodes,name_zh,name_en,category,price,tax_rate,unit,active,scale_code\r\n'
      )
    ).toBe(true)
    expect(exported.csv).toContain('DRK-001,')
    expect(exported.csv).toContain('饮用天然水 550ml')
    const outbox = count(dataDir, 'outbox')
    const preview = await ok(core, manager, 'catalog:import-preview', { csv: exported.csv })
    expect(preview).toMatchObject({ totalRows: 200, validRows: 200, toUpdate: 200, toCreate: 0, errors: [] })
    const result = await ok(core, manager, 'catalog:import-commit', {
      csv: exported.csv,
      mode: 'all-or-nothing'
    })
    expect(result).toMatchObject({ created: 0, updated: 200 })
    expect(count(dataDir, 'outbox')).toBe(outbox + 200)
    expect((await ok(core, manager, 'catalog:export-csv', {})).csv).toBe(exported.csv)
  })
})
