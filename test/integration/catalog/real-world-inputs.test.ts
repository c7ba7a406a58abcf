import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { makeScaleLabel, DEFAULT_SCALE_LABELS } from '@shared/barcodes/scale-label'
import { callOk } from '../../support/accounts'
import { count, ok, openCatalogShop, refused } from './catalog-fixture'

// Issue 13: inputs real shops meet — GTINs in several forms, wrong check digits, Chinese Excel's CSV
// encodings, rows with a decimal comma, and the shop scale's labels.

const HEADER = 'sku,barcodes,name_zh,name_en,category,price,tax_rate,unit,active'
const product = (barcodes: string[], sku = 'UPC-1') => ({
  sku,
  barcodes,
  nameZh: '进口薯片',
  nameEn: 'Imported crisps',
  price: '9.90',
  taxRate: '0.13'
})
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')

describe('GTIN forms', () => {
  it('finds a UPC-A product when the scanner sends its EAN-13 or GTIN-14 form, and the other way round', async () => {
    const { core, manager, cashier } = await openCatalogShop()
    await ok(core, manager, 'catalog:create-product', product(['012345678905']))
    for (const code of ['012345678905', '0012345678905', '00012345678905']) {
      const found = await ok(core, cashier, 'catalog:lookup-code', { code })
      expect(found).toMatchObject({ sku: 'UPC-1', barcodes: ['012345678905'] })
    }
    await ok(core, manager, 'catalog:create-product', product(['00000096385272'], 'EAN8-AS-14'))
    expect(await ok(core, cashier, 'catalog:lookup-code', { code: '96385272' })).toMatchObject({
      sku: 'EAN8-AS-14',
      barcodes: ['00000096385272']
    })
  })

  it('refuses the same GTIN in another form on a second product', async () => {
    const { core, manager } = await openCatalogShop()
    await ok(core, manager, 'catalog:create-product', product(['012345678905']))
    const error = await refused(core, manager, 'catalog:create-product', product(['0012345678905'], 'UPC-2'))
    expect(error).toMatchObject({ code: 'CONFLICT', field: 'barcodes[0]' })
  })

  it('a cart scans the EAN-13 form of a UPC-A product', async () => {
    const { core, manager, cashier } = await openCatalogShop()
    await ok(core, manager, 'catalog:create-product', product(['012345678905']))
    await callOk(core, cashier, 'shifts:open', { counts: {} })
    const cart = await callOk(core, cashier, 'cart:open', {})
    const after = await callOk(core, cashier, 'cart:add-item', { cartId: cart.id, code: '0012345678905' })
    expect(after.lines.map((l) => l.sku)).toEqual(['UPC-1'])
  })
})

describe('check digits', () => {
  it('the product dialog’s channel refuses a wrong check digit naming the right one, and writes nothing', async () => {
    const { core, manager, dataDir } = await openCatalogShop()
    const before = count(dataDir, 'products')
    for (const [code, message, i] of [
      ['6901234567890', 'check digit should be 2: 6901234567892', 0],
      ['96385271', 'check digit should be 2: 96385272', 1],
      ['012345678900', 'check digit should be 5: 012345678905', 1],
      ['75395145284230', 'check digit should be 6: 75395145284236', 1]
    ] as const) {
      const barcodes = i === 0 ? [code] : ['A-100', code]
      const error = await refused(core, manager, 'catalog:create-product', product(barcodes))
      expect(error).toMatchObject({
        code: 'VALIDATION',
        field: `barcodes[${i}]`,
        message: `barcodes[${i}]: ${message}`,
        key: 'errors.catalog.checkDigit'
      })
    }
    expect(count(dataDir, 'products')).toBe(before)
  })

  it('in-store codes that are no GTIN (letters, or another length) are kept as typed', async () => {
    const { core, manager, cashier } = await openCatalogShop()
    await ok(core, manager, 'catalog:create-product', product(['A-100', '4011', '123456'], 'IN-STORE'))
    expect(await ok(core, cashier, 'catalog:lookup-code', { code: '4011' })).toMatchObject({
      sku: 'IN-STORE'
    })
  })

  it('the CSV preview and import refuse the row, naming the right digit', async () => {
    const { core, manager } = await openCatalogShop()
    const csv = [HEADER, 'CD-1,6901234567890,可口可乐,Coca-Cola,DRINKS,3.00,0.13,piece,true'].join('\n')
    const preview = await ok(core, manager, 'catalog:import-preview', { csv })
    expect(preview.errors).toEqual([
      {
        line: 2,
        field: 'barcodes',
        message: 'check digit should be 2: 6901234567892',
        key: 'errors.catalog.checkDigit',
        params: { expected: 2, corrected: '6901234567892' },
        value: '6901234567890'
      }
    ])
    const error = await refused(core, manager, 'catalog:import-commit', { csv, mode: 'all-or-nothing' })
    expect(error.message).toContain('check digit should be 2: 6901234567892')
  })
})

describe('CSV encodings', () => {
  const text = [HEADER, 'ENC-1,,可口可乐 330ml,Coca-Cola 330ml,DRINKS,3.00,0.13,piece,true'].join('\r\n')

  it.each([
    ['GB18030 (Chinese Excel’s “CSV”)', iconv.encode(text, 'gb18030')],
    ['GBK', iconv.encode(text, 'gbk')],
    ['UTF-8 without BOM', Buffer.from(text, 'utf8')],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
    [
      'UTF-16 LE with BOM (Excel’s “Unicode text”)',
      Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')])
    ],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16-be')])]
  ])('reads %s: 可口可乐 in the preview and in the catalog', async (_name, bytes) => {
    const { core, manager, cashier } = await openCatalogShop()
    const csv = base64(bytes)
    const preview = await ok(core, manager, 'catalog:import-preview', { csv, encoding: 'base64' })
    expect(preview).toMatchObject({ validRows: 1, rows: [{ nameZh: '可口可乐 330ml' }], errors: [] })
    await ok(core, manager, 'catalog:import-commit', { csv, encoding: 'base64', mode: 'all-or-nothing' })
    expect(await ok(core, cashier, 'catalog:lookup-code', { code: 'ENC-1' })).toMatchObject({
      nameZh: '可口可乐 330ml'
    })
  })

  it('refuses a file that cannot be decoded, naming the line, and stores nothing', async () => {
    const { core, manager, dataDir } = await openCatalogShop()
    const bytes = Buffer.concat([
      iconv.encode(`${HEADER}\r\nENC-1,,`, 'gb18030'),
      Buffer.from([0xff, 0xff]),
      iconv.encode(',Bad,DRINKS,3.00,0.13,piece,true', 'gb18030')
    ])
    const before = count(dataDir, 'products')
    const error = await refused(core, manager, 'catalog:import-preview', {
      csv: base64(bytes),
      encoding: 'base64'
    })
    expect(error).toMatchObject({
      code: 'VALIDATION',
      field: 'csv',
      key: 'errors.import.undecodable',
      params: { line: 2 }
    })
    expect(error.message).toContain('line 2')
    expect(count(dataDir, 'products')).toBe(before)
  })

  it('refuses text already holding replacement characters (a browser decoded GBK as UTF-8)', async () => {
    const { core, manager } = await openCatalogShop()
    const csv = iconv.encode(text, 'gbk').toString('utf8')
    const error = await refused(core, manager, 'catalog:import-preview', { csv })
    expect(error).toMatchObject({
      code: 'VALIDATION',
      field: 'csv',
      key: 'errors.import.undecodable',
      params: { line: 2 }
    })
  })
})

describe('rows with more or fewer cells than the header', () => {
  it('refuses a row with a decimal comma or a thousands separator, with its line and cell count', async () => {
    const { core, manager } = await openCatalogShop()
    const csv = [
      'sku,name_zh,name_en,price,tax_rate',
      'DC-1,牛奶,Milk,3,50,0.13',
      'DC-2,大米,Rice,1,234.50,0.09',
      'DC-3,鸡蛋,Eggs,12.00',
      'DC-4,面包,Bread,8.00,0.13'
    ].join('\n')
    const preview = await ok(core, manager, 'catalog:import-preview', { csv })
    expect(preview).toMatchObject({ totalRows: 4, validRows: 1, invalidRows: 3 })
    expect(preview.rows.map((r) => r.action)).toEqual(['invalid', 'invalid', 'invalid', 'create'])
    expect(preview.errors.map((e) => [e.line, e.message.slice(0, 38)])).toEqual([
      [2, 'has 6 cells but the header has 5 (a co'],
      [3, 'has 6 cells but the header has 5 (a co'],
      [4, 'has 4 cells but the header has 5 (a co']
    ])
  })
})

describe('weighed-goods labels', () => {
  it('the demo shop’s produce scans from a weight label and a price label', async () => {
    const { core, cashier } = await openCatalogShop()
    await callOk(core, cashier, 'shifts:open', { counts: {} })
    const apples = await ok(core, cashier, 'catalog:lookup-code', { code: 'PRO-001' })
    expect(apples).toMatchObject({ unit: 'kg', scaleCode: expect.stringMatching(/^\d{5}$/) })
    const cart = await callOk(core, cashier, 'cart:open', {})
    const weight = makeScaleLabel(DEFAULT_SCALE_LABELS[0]!, '21', apples.scaleCode!, 1234)
    let view = await callOk(core, cashier, 'cart:add-item', { cartId: cart.id, code: weight })
    expect(view.lines.at(-1)).toMatchObject({ sku: 'PRO-001', quantity: '1.234' })
    // ¥12.80/kg × 0.500 kg = ¥6.40
    const price = makeScaleLabel(DEFAULT_SCALE_LABELS[1]!, '22', apples.scaleCode!, 640)
    view = await callOk(core, cashier, 'cart:add-item', { cartId: cart.id, code: price })
    expect(view.lines.at(-1)).toMatchObject({ sku: 'PRO-001', quantity: '0.5' })
  })

  it('refuses a label with a wrong check digit, an unknown item code, and a price no weight meets', async () => {
    const { core, cashier } = await openCatalogShop()
    await callOk(core, cashier, 'shifts:open', { counts: {} })
    const apples = await ok(core, cashier, 'catalog:lookup-code', { code: 'PRO-001' })
    const cart = await callOk(core, cashier, 'cart:open', {})
    const good = makeScaleLabel(DEFAULT_SCALE_LABELS[0]!, '21', apples.scaleCode!, 1234)
    const bad = `${good.slice(0, 12)}${(Number(good[12]) + 1) % 10}`
    expect(await refused(core, cashier, 'cart:add-item', { cartId: cart.id, code: bad })).toMatchObject({
      code: 'VALIDATION',
      field: 'code',
      key: 'errors.scale.checkDigit'
    })
    const unknown = makeScaleLabel(DEFAULT_SCALE_LABELS[0]!, '21', '99999', 1234)
    expect(await refused(core, cashier, 'cart:add-item', { cartId: cart.id, code: unknown })).toMatchObject({
      code: 'NOT_FOUND',
      key: 'errors.scale.unknownItem'
    })
    const grapes = await ok(core, cashier, 'catalog:lookup-code', { code: 'PRO-006' })
    expect(grapes.price).toBe('39.80')
    const odd = makeScaleLabel(DEFAULT_SCALE_LABELS[1]!, '22', grapes.scaleCode!, 3981)
    expect(await refused(core, cashier, 'cart:add-item', { cartId: cart.id, code: odd })).toMatchObject({
      code: 'CONFLICT',
      key: 'errors.scale.priceMismatch'
    })
  })

  it('asks before a label heavier than a counter sells in one line, as a typed quantity is asked', async () => {
    const { core, cashier } = await openCatalogShop()
    await callOk(core, cashier, 'shifts:open', { counts: {} })
    const apples = await ok(core, cashier, 'catalog:lookup-code', { code: 'PRO-001' })
    const cart = await callOk(core, cashier, 'cart:open', {})
    // 30 kg is the most taken without asking (QUANTITY_LIMITS.kg); 35 kg waits for a yes.
    const thirty = makeScaleLabel(DEFAULT_SCALE_LABELS[0]!, '21', apples.scaleCode!, 30000)
    let view = await callOk(core, cashier, 'cart:add-item', { cartId: cart.id, code: thirty })
    expect(view.lines.at(-1)).toMatchObject({ sku: 'PRO-001', quantity: '30' })
    const heavy = makeScaleLabel(DEFAULT_SCALE_LABELS[0]!, '21', apples.scaleCode!, 35000)
    expect(await refused(core, cashier, 'cart:add-item', { cartId: cart.id, code: heavy })).toMatchObject({
      code: 'VALIDATION',
      field: 'code',
      key: 'errors.scale.largeQuantity',
      params: { quantity: '35', name: apples.nameZh, nameEn: apples.nameEn }
    })
    expect((await callOk(core, cashier, 'cart:get', { cartId: cart.id })).lines).toHaveLength(1)
    // A price label for as much (¥12.80/kg × 35 kg = ¥448.00) is asked the same way.
    const priced = makeScaleLabel(DEFAULT_SCALE_LABELS[1]!, '22', apples.scaleCode!, 44800)
    expect(await refused(core, cashier, 'cart:add-item', { cartId: cart.id, code: priced })).toMatchObject({
      key: 'errors.scale.largeQuantity',
      params: { quantity: '35' }
    })
    view = await callOk(core, cashier, 'cart:add-item', {
      cartId: cart.id,
      code: heavy,
      confirmLargeQuantity: true
    })
    expect(view.lines.map((line) => line.quantity)).toEqual(['30', '35'])
  })
})
