import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import {
  categorySaveSchema,
  productSaveSchema,
  setPricesSchema
} from '../../../src/shared/hq-api/master-data-schemas'
import { type FieldError } from '../../../src/shared/money/field-error'
import {
  productPrices,
  saveCategory,
  saveProduct,
  setPrices,
  storeCatalog
} from '../../../src/server/master/catalog-service'
import { commitStoreImport, previewStoreImport } from '../../../src/server/master/catalog-import'
import type { HqRefusal } from '../../../src/server/admin/refusal'
import { HQ_STORES, startTestHq, TestTill } from '../../support/hq'
import { makeStore, masterDeps, revisionOf } from '../../support/hq-master'

/** Every change a till of the store pulls from the start, as `entity:id → data`. */
async function pulled(till: TestTill): Promise<Map<string, unknown>> {
  const seen = new Map<string, unknown>()
  let cursor: string | undefined
  for (;;) {
    const page = await till.pull({ cursor })
    expect(page.status).toBe(200)
    for (const c of page.body.changes) {
      if (c.op === 'put') seen.set(`${c.entity}:${c.id}`, c.data)
      else seen.delete(`${c.entity}:${c.id}`)
    }
    cursor = page.body.cursor
    if (!page.body.more) return seen
  }
}

const refusal = async (work: Promise<unknown>) => {
  const error = await work.then(
    () => null,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(Error)
  return error as HqRefusal | FieldError
}

describe.each(HQ_STORES)('head office master data: catalog (%s)', (kind) => {
  it('publishes categories and products to the stores named, prices per store in exact fen, audited', async () => {
    const hq = await startTestHq(kind)
    const deps = await masterDeps(hq)
    const a = await makeStore(hq, 'North')
    const b = await makeStore(hq, 'South')
    const tillA = await TestTill.enrolled(hq, 'North')

    const drinks = await saveCategory(
      deps,
      categorySaveSchema.parse({ storeIds: [a, b], code: 'DRINK', nameZh: '饮料', nameEn: 'Drinks' })
    )
    const tea = await saveProduct(
      deps,
      productSaveSchema.parse({
        storeIds: [a, b],
        sku: 'TEA-1',
        barcodes: ['6901234567892'],
        nameZh: '绿茶',
        nameEn: 'Green tea',
        categoryId: drinks.id,
        price: '3.50',
        taxRate: '0.13'
      })
    )
    expect(tea.revisions.map((r) => r.storeId).sort()).toEqual([a, b].sort())

    // One store's price moves; the other keeps its own. 0.1 + 0.2 style inputs stay exact.
    await setPrices(
      deps,
      setPricesSchema.parse({ productId: tea.id, prices: [{ storeId: b, price: '4.30' }] })
    )
    const prices = await productPrices(hq.db, tea.id, [a, b])
    expect(prices.prices.map((p) => [p.storeName, p.priceMinor])).toEqual([
      ['North', 350],
      ['South', 430]
    ])
    const catalogA = await storeCatalog(hq.db, a)
    expect(catalogA.products).toMatchObject([{ sku: 'TEA-1', priceMinor: 350, barcodes: ['6901234567892'] }])

    // What the till of North pulls is exactly that.
    const seen = await pulled(tillA)
    expect(seen.get(`product:${tea.id}`)).toMatchObject({
      sku: 'TEA-1',
      priceMinor: 350,
      categoryId: drinks.id
    })
    expect(seen.get('barcode:6901234567892')).toMatchObject({ productId: tea.id, position: 0 })

    expect((await deps.auditRows()).map((r) => r.action).sort()).toEqual([
      'master.category.create',
      'master.product.create',
      'master.product.prices'
    ])
    expect((await deps.auditRows()).find((r) => r.action === 'master.product.prices')!.details).toEqual({
      changes: [{ storeId: b, from: 350, to: 430 }]
    })

    // Refusals name the field and write nothing: no revision, no audit row.
    const before = [await revisionOf(hq, a), await revisionOf(hq, b)]
    const tooFine = await refusal(
      setPrices(deps, setPricesSchema.parse({ productId: tea.id, prices: [{ storeId: a, price: '1.005' }] }))
    )
    expect(tooFine).toMatchObject({ field: 'prices[0].price' })
    const sku = await refusal(
      saveProduct(
        deps,
        productSaveSchema.parse({
          storeIds: [b],
          sku: 'tea-1',
          nameZh: '茶',
          nameEn: 'Tea',
          price: '1',
          taxRate: '0.13'
        })
      )
    )
    expect(sku).toMatchObject({ code: 'CONFLICT', field: 'sku', key: 'errors.hq.master.skuTaken' })
    const barcode = await refusal(
      saveProduct(
        deps,
        productSaveSchema.parse({
          storeIds: [a],
          sku: 'TEA-2',
          // The same GTIN as TEA-1's, written as GTIN-14.
          barcodes: ['06901234567892'],
          nameZh: '茶',
          nameEn: 'Tea',
          price: '1',
          taxRate: '0.13'
        })
      )
    )
    expect(barcode).toMatchObject({ code: 'CONFLICT', field: 'barcodes[0]' })
    const notSold = await refusal(
      setPrices(
        deps,
        setPricesSchema.parse({ productId: tea.id, prices: [{ storeId: crypto.randomUUID(), price: '1' }] })
      )
    )
    expect(notSold).toMatchObject({ code: 'NOT_FOUND', field: 'prices[0].storeId' })
    expect([await revisionOf(hq, a), await revisionOf(hq, b)]).toEqual(before)
    expect(await deps.auditRows()).toHaveLength(3)
    // The till's own rules refuse a bad check digit before any service runs.
    expect(
      productSaveSchema.safeParse({
        storeIds: [a],
        sku: 'X',
        barcodes: ['6901234567891'],
        nameZh: 'x',
        nameEn: 'x',
        price: '1',
        taxRate: '0.13'
      }).error?.issues[0]?.path
    ).toEqual(['barcodes', 0])

    // Changing a product's barcodes publishes the new one and deletes the old one at the tills.
    await saveProduct(
      deps,
      productSaveSchema.parse({
        id: tea.id,
        storeIds: [a],
        sku: 'TEA-1',
        barcodes: ['6970000000017'],
        nameZh: '绿茶',
        nameEn: 'Green tea',
        categoryId: drinks.id,
        price: '3.60',
        taxRate: '0.13'
      })
    )
    const after = await pulled(tillA)
    expect(after.has('barcode:6901234567892')).toBe(false)
    expect(after.get(`product:${tea.id}`)).toMatchObject({ priceMinor: 360 })
    expect((await productPrices(hq.db, tea.id, [a, b])).prices.map((p) => p.priceMinor)).toEqual([360, 430])
  })

  it('reports every bad field of every line at once: a bad barcode hides neither the price nor active', async () => {
    const hq = await startTestHq(kind)
    const store = await makeStore(hq, 'North')
    const csv = [
      'sku,barcodes,name_zh,name_en,category,price,tax_rate,unit,active',
      'MANY,6901234567891,多,Many,DRINK,1.999,0.13,piece,maybe',
      'PRICE,,价,Price,DRINK,2.001,0.13,piece,yes',
      'TWO,6901234567891,二,Two,DRINK,abc,2,piece,true'
    ].join('\n')
    const preview = await previewStoreImport(hq.db, {
      storeId: store,
      csv,
      encoding: 'text',
      previewRows: 10,
      errorLimit: 50
    })
    expect(preview.errors.map((e) => [e.line, e.field, e.key])).toEqual([
      [2, 'active', expect.any(String)],
      [2, 'barcodes', expect.any(String)],
      [2, 'price', 'errors.validation.tooManyDecimalsFor'],
      // "yes" is one of the spellings of true the file takes: only the price is wrong.
      [3, 'price', 'errors.validation.tooManyDecimalsFor'],
      [4, 'barcodes', expect.any(String)],
      [4, 'price', expect.any(String)],
      [4, 'tax_rate', expect.any(String)]
    ])
  })

  it('imports a products CSV with the till rules: preview with lines and columns, all-or-nothing, valid rows only', async () => {
    const hq = await startTestHq(kind)
    const deps = await masterDeps(hq)
    const store = await makeStore(hq, 'North')
    const csv = [
      'sku,barcodes,name_zh,name_en,category,price,tax_rate,unit,active',
      'COLA,6901234567892,可口可乐,Coca-Cola,DRINK,3.00,0.13,piece,true',
      'APPLE,,苹果,Apple,FRUIT,12.8,0.09,kg,true',
      'BAD,,坏,Bad,DRINK,1.005,0.13,piece,true',
      'COLA,,重复,Again,DRINK,1,0.13,piece,true',
      'SHIFT,,移,Shift,DRINK,3,50,0.13,piece,true',
      'DIGIT,6901234567891,错,Digit,DRINK,1,0.13,piece,true'
    ].join('\n')
    const preview = await previewStoreImport(hq.db, {
      storeId: store,
      csv,
      encoding: 'text',
      previewRows: 10,
      errorLimit: 50
    })
    expect(preview).toMatchObject({
      totalRows: 6,
      validRows: 2,
      invalidRows: 4,
      toCreate: 2,
      newCategories: ['DRINK', 'FRUIT']
    })
    expect(preview.errors.map((e) => [e.line, e.field])).toEqual([
      [4, 'price'],
      [5, 'sku'],
      [6, ''],
      [7, 'barcodes']
    ])
    const revision = await revisionOf(hq, store)

    const all = await refusal(
      commitStoreImport(deps, { storeId: store, csv, encoding: 'text', mode: 'all-or-nothing' })
    )
    expect(all).toMatchObject({ code: 'VALIDATION', field: 'csv', key: 'errors.hq.master.importInvalid' })
    expect(await revisionOf(hq, store)).toBe(revision)
    expect((await storeCatalog(hq.db, store)).products).toEqual([])

    const done = await commitStoreImport(deps, {
      storeId: store,
      csv,
      encoding: 'text',
      mode: 'valid-rows-only'
    })
    expect(done).toMatchObject({ created: 2, updated: 0, skipped: 4, categoriesCreated: 2 })
    const catalog = await storeCatalog(hq.db, store)
    expect(catalog.products.map((p) => [p.sku, p.priceMinor, p.unit])).toEqual([
      ['APPLE', 1280, 'kg'],
      ['COLA', 300, 'piece']
    ])
    expect(catalog.categories.map((c) => c.code)).toEqual(['DRINK', 'FRUIT'])

    // Again, as Chinese Excel saves it (GBK bytes, base64): upserted by SKU, the category found by name.
    const gbk = iconv.encode(
      'sku,name_zh,name_en,category,price,tax_rate\nCOLA,可口可乐,Coke,DRINK,3.20,0.13\n',
      'gbk'
    )
    const again = await commitStoreImport(deps, {
      storeId: store,
      csv: gbk.toString('base64'),
      encoding: 'base64',
      mode: 'all-or-nothing'
    })
    expect(again).toMatchObject({ created: 0, updated: 1, categoriesCreated: 0 })
    const cola = (await storeCatalog(hq.db, store)).products.find((p) => p.sku === 'COLA')!
    expect(cola).toMatchObject({ nameZh: '可口可乐', nameEn: 'Coke', priceMinor: 320 })
    // Its barcodes column was left out: an upsert without barcodes clears them, as on the till.
    expect(cola.barcodes).toEqual([])
    expect((await deps.auditRows()).map((r) => r.action).sort()).toEqual([
      'master.import.categories',
      'master.import.products',
      'master.import.products'
    ])

    // A scale code is a till setting: refused at the head office, naming the column.
    const scale = await previewStoreImport(hq.db, {
      storeId: store,
      csv: 'sku,name_zh,name_en,price,tax_rate,unit,scale_code\nPORK,猪肉,Pork,30,0.09,kg,10001\n',
      encoding: 'text',
      previewRows: 5,
      errorLimit: 5
    })
    expect(scale.errors).toMatchObject([
      { line: 2, field: 'scale_code', key: 'errors.hq.master.scaleCodeAtTill' }
    ])
    // A file without the required columns is refused as a whole, naming them.
    const columns = await refusal(
      previewStoreImport(hq.db, {
        storeId: store,
        csv: 'sku,name\nX,Y',
        encoding: 'text',
        previewRows: 5,
        errorLimit: 5
      })
    )
    expect(columns).toMatchObject({ field: 'csv', reason: { key: 'errors.catalog.missingColumns' } })
  })
})
