import { describe, expect, it } from 'vitest'
import { call, COLA, count, ok, openCatalogShop, query, refused } from './catalog-fixture'

describe('products and categories through the router', () => {
  it('creates a product: the row, its barcodes, an audit entry and a product.created outbox event, together', async () => {
    const { core, manager, dataDir } = await openCatalogShop()
    const audit = count(dataDir, 'audit_log')
    const outbox = count(dataDir, 'outbox')
    const drinks = (await ok(core, manager, 'catalog:list-categories', {})).find((c) => c.code === 'DRINKS')!

    const product = await ok(core, manager, 'catalog:create-product', { ...COLA, categoryId: drinks.id })
    expect(product).toMatchObject({
      sku: 'TEST-COLA',
      barcodes: ['6954767412344'],
      nameZh: '测试可乐 330ml',
      nameEn: 'Test Cola 330ml',
      categoryId: drinks.id,
      priceMinor: 350,
      price: '3.50',
      taxRate: '0.13',
      unit: 'piece',
      active: true
    })
    expect(product.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/)
    expect(count(dataDir, 'audit_log')).toBe(audit + 1)
    expect(count(dataDir, 'outbox')).toBe(outbox + 1)
    const [event] = query<{ type: string; aggregate_id: string; payload: string }>(
      dataDir,
      'SELECT type, aggregate_id, payload FROM outbox ORDER BY seq DESC LIMIT 1'
    )
    expect(event).toMatchObject({ type: 'product.created', aggregate_id: product.id })
    expect(JSON.parse(event!.payload)).toMatchObject({ sku: 'TEST-COLA', priceMinor: 350 })
    const [entry] = query<{ action: string; actor_user_id: string }>(
      dataDir,
      'SELECT action, actor_user_id FROM audit_log ORDER BY seq DESC LIMIT 1'
    )
    expect(entry!.action).toBe('product.created')
    expect(entry!.actor_user_id).toBeTruthy()
    expect(await ok(core, manager, 'catalog:lookup-code', { code: '6954767412344' })).toEqual(product)
  })

  it('updates a product (barcodes replaced) and deactivates it, each with its audit entry and outbox event', async () => {
    const { core, manager, cashier, dataDir } = await openCatalogShop()
    const product = await ok(core, manager, 'catalog:create-product', COLA)
    const updated = await ok(core, manager, 'catalog:update-product', {
      id: product.id,
      price: '3.80',
      barcodes: ['6954767412351', '6954767412344'],
      taxRate: '0.130'
    })
    expect(updated).toMatchObject({
      priceMinor: 380,
      price: '3.80',
      taxRate: '0.13',
      barcodes: ['6954767412351', '6954767412344']
    })
    expect((await ok(core, cashier, 'catalog:lookup-code', { code: '6954767412351' })).id).toBe(product.id)

    const deactivated = await ok(core, manager, 'catalog:deactivate-product', { id: product.id })
    expect(deactivated.active).toBe(false)
    expect(await refused(core, cashier, 'catalog:lookup-code', { code: 'TEST-COLA' })).toMatchObject({
      code: 'NOT_FOUND'
    })
    expect(
      (await ok(core, cashier, 'catalog:lookup-code', { code: 'test-cola', includeInactive: true })).id
    ).toBe(product.id)
    expect((await ok(core, cashier, 'catalog:search', { query: 'Test Cola' })).products).toEqual([])

    const events = query<{ type: string }>(
      dataDir,
      'SELECT type FROM outbox WHERE aggregate_id = ? ORDER BY seq',
      product.id
    )
    expect(events.map((e) => e.type)).toEqual(['product.created', 'product.updated', 'product.deactivated'])
    const actions = query<{ action: string; details: string }>(
      dataDir,
      'SELECT action, details FROM audit_log WHERE subject = ? ORDER BY seq',
      `product:${product.id}`
    )
    expect(actions.map((a) => a.action)).toEqual([
      'product.created',
      'product.updated',
      'product.deactivated'
    ])
    expect(JSON.parse(actions[1]!.details)).toMatchObject({
      before: { priceMinor: 350 },
      after: { priceMinor: 380 }
    })
  })

  it('refuses a duplicate SKU (any case) or barcode with CONFLICT naming the field, writing nothing', async () => {
    const { core, manager, dataDir } = await openCatalogShop()
    const first = await ok(core, manager, 'catalog:create-product', COLA)
    const before = [count(dataDir, 'products'), count(dataDir, 'audit_log'), count(dataDir, 'outbox')]

    const sku = await refused(core, manager, 'catalog:create-product', {
      ...COLA,
      sku: 'test-cola',
      barcodes: []
    })
    expect(sku).toMatchObject({ code: 'CONFLICT', field: 'sku' })
    expect(sku.message).toContain('already used')

    const barcode = await refused(core, manager, 'catalog:create-product', {
      ...COLA,
      sku: 'OTHER',
      barcodes: ['6954767412009', '6954767412344']
    })
    expect(barcode).toMatchObject({ code: 'CONFLICT', field: 'barcodes[1]' })

    const other = await ok(core, manager, 'catalog:create-product', { ...COLA, sku: 'OTHER', barcodes: [] })
    expect(
      await refused(core, manager, 'catalog:update-product', { id: other.id, sku: 'TEST-COLA' })
    ).toMatchObject({
      code: 'CONFLICT',
      field: 'sku'
    })
    expect(
      await refused(core, manager, 'catalog:update-product', { id: other.id, barcodes: COLA.barcodes })
    ).toMatchObject({
      code: 'CONFLICT',
      field: 'barcodes[0]'
    })
    expect(count(dataDir, 'products')).toBe(before[0]! + 1)
    expect(count(dataDir, 'audit_log')).toBe(before[1]! + 1)
    expect(count(dataDir, 'outbox')).toBe(before[2]! + 1)
    expect((await ok(core, manager, 'catalog:get-product', { id: first.id })).barcodes).toEqual(COLA.barcodes)
  })

  it.each([
    [{ sku: '' }, 'sku', 'must not be empty'],
    [{ sku: 'has space' }, 'sku', 'without spaces'],
    [{ nameZh: '  ' }, 'nameZh', 'must not be empty'],
    [{ nameEn: 'x'.repeat(121) }, 'nameEn', 'at most 120'],
    [{ price: '-1.00' }, 'price', 'must not be negative'],
    [{ price: 'abc' }, 'price', 'decimal number'],
    [{ price: '1.005' }, 'price', 'at most 2 decimal places for CNY'],
    [{ taxRate: '13%' }, 'taxRate', 'rate from 0'],
    [{ taxRate: '1.2' }, 'taxRate', 'rate from 0'],
    [{ unit: 'box' }, 'unit', 'piece or kg'],
    [{ barcodes: ['12 34'] }, 'barcodes[0]', 'letters, digits'],
    [{ barcodes: ['123', '123'] }, 'barcodes', 'same barcode twice'],
    [{ categoryId: 'nope' }, 'categoryId', 'no such category'],
    [{ colour: 'red' }, 'colour', 'not a known field']
  ])('refuses bad input naming the field (%#), writing nothing', async (patch, field, message) => {
    const { core, manager, dataDir } = await openCatalogShop()
    const before = [count(dataDir, 'products'), count(dataDir, 'audit_log'), count(dataDir, 'outbox')]
    const error = await refused(core, manager, 'catalog:create-product', { ...COLA, ...patch } as typeof COLA)
    expect(error.code).toBe('VALIDATION')
    expect(error.field).toBe(field)
    expect(error.message).toContain(message)
    expect([count(dataDir, 'products'), count(dataDir, 'audit_log'), count(dataDir, 'outbox')]).toEqual(
      before
    )
  })

  it('creates, renames and deactivates categories; the list is in display order with active product counts', async () => {
    const { core, manager, dataDir } = await openCatalogShop()
    const categories = await ok(core, manager, 'catalog:list-categories', {})
    expect(categories.map((c) => c.code)).toEqual([
      'DRINKS',
      'DAIRY',
      'SNACKS',
      'INSTANT',
      'PANTRY',
      'PRODUCE',
      'BAKERY',
      'FROZEN',
      'HOUSEHOLD',
      'CARE'
    ])
    expect(categories.every((c) => c.productCount === 20)).toBe(true)

    const tea = await ok(core, manager, 'catalog:create-category', {
      code: 'TEA',
      nameZh: '茶叶',
      nameEn: 'Tea',
      sortOrder: 15
    })
    expect(
      await refused(core, manager, 'catalog:create-category', { code: 'tea', nameZh: '茶', nameEn: 'Tea' })
    ).toMatchObject({
      code: 'CONFLICT',
      field: 'code'
    })
    const renamed = await ok(core, manager, 'catalog:update-category', { id: tea.id, nameEn: 'Loose tea' })
    expect(renamed).toMatchObject({ code: 'TEA', nameZh: '茶叶', nameEn: 'Loose tea', sortOrder: 15 })
    expect((await ok(core, manager, 'catalog:list-categories', {}))[1]!.code).toBe('TEA')
    await ok(core, manager, 'catalog:deactivate-category', { id: tea.id })
    expect((await ok(core, manager, 'catalog:list-categories', {})).map((c) => c.code)).not.toContain('TEA')
    expect(
      (await ok(core, manager, 'catalog:list-categories', { includeInactive: true })).map((c) => c.code)
    ).toContain('TEA')
    expect(
      query<{ type: string }>(
        dataDir,
        "SELECT type FROM outbox WHERE type LIKE 'category.%' ORDER BY seq"
      ).map((e) => e.type)
    ).toEqual(['category.created', 'category.updated', 'category.deactivated'])
  })

  it('lets a cashier search and scan but not change the catalog', async () => {
    const { core, cashier } = await openCatalogShop()
    expect((await ok(core, cashier, 'catalog:search', { query: '可乐' })).total).toBeGreaterThan(0)
    expect(await refused(core, cashier, 'catalog:create-product', COLA)).toMatchObject({ code: 'FORBIDDEN' })
    expect(await refused(core, cashier, 'catalog:import-preview', { csv: 'sku\n' })).toMatchObject({
      code: 'FORBIDDEN'
    })
    expect(await refused(core, cashier, 'catalog:export-csv', {})).toMatchObject({ code: 'FORBIDDEN' })
    const signedOut = `${cashier}-nobody`
    core.sessions.open(signedOut, core.clock.now())
    expect((await call(core, signedOut, 'catalog:search', { query: '' })).ok).toBe(false)
  })

  it('answers an unknown code with NOT_FOUND naming the code', async () => {
    const { core, cashier } = await openCatalogShop()
    expect(await refused(core, cashier, 'catalog:lookup-code', { code: '0000000000000' })).toMatchObject({
      code: 'NOT_FOUND',
      field: 'code'
    })
  })

  it('lists a category for the product grid sorted by name, in either language', async () => {
    const { core, cashier } = await openCatalogShop()
    const produce = (await ok(core, cashier, 'catalog:list-categories', {})).find(
      (c) => c.code === 'PRODUCE'
    )!
    const en = await ok(core, cashier, 'catalog:search', {
      query: '',
      categoryId: produce.id,
      limit: 100,
      language: 'en'
    })
    expect(en.total).toBe(20)
    const names = en.products.map((p) => p.nameEn)
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')))
    expect(names[0]).toBe('Bananas')
    const apples = en.products.find((p) => p.nameEn === 'Fuji apples')!
    expect(apples).toMatchObject({
      unit: 'kg',
      taxRate: '0',
      priceMinor: 1280,
      price: '12.80',
      categoryId: produce.id
    })
    const zh = await ok(core, cashier, 'catalog:search', {
      query: '',
      categoryId: produce.id,
      limit: 100,
      language: 'zh-CN'
    })
    const zhNames = zh.products.map((p) => p.nameZh)
    expect(zhNames).toEqual([...zhNames].sort(new Intl.Collator('zh-CN').compare))
  })
})
