import { describe, expect, it } from 'vitest'
import { hqApi } from '../../../src/shared/hq-api/index'
import { HQ_STORES, startTestHq, TestTill } from '../../support/hq'
import { HqWebClient } from '../../support/hq-web'

const FAST = { hashParams: { N: 2 ** 10, r: 8, p: 1 } }
const PASSWORD = 'owner-secret-4711'

async function signedIn(url: string, name: string, password: string) {
  const client = new HqWebClient(url)
  await client.call(hqApi.auth.login, { name, password })
  return client
}

describe.each(HQ_STORES)('head-office web API: master data (%s)', (kind) => {
  it('owner publishes everywhere, a manager only to their stores, an auditor only reads; refusals name the field', async () => {
    const hq = await startTestHq(kind, FAST)
    const owner = new HqWebClient(hq.url)
    await owner.call(hqApi.auth.setup, { name: 'Olga', password: PASSWORD })
    const north = await owner.call(hqApi.stores.create, { name: 'North', timeZone: 'Asia/Shanghai' })
    const south = await owner.call(hqApi.stores.create, { name: 'South', timeZone: 'Asia/Shanghai' })
    await owner.call(hqApi.auth.createUser, {
      name: 'Mia',
      password: PASSWORD,
      role: 'manager',
      storeIds: [north.id]
    })
    await owner.call(hqApi.auth.createUser, {
      name: 'Abe',
      password: PASSWORD,
      role: 'auditor',
      storeIds: []
    })
    const mia = await signedIn(hq.url, 'Mia', PASSWORD)
    const abe = await signedIn(hq.url, 'Abe', PASSWORD)

    // A coupon taking off more than its minimum spend is refused on its amount (it was accepted silently).
    const tooMuch = await owner.send(hqApi.master.saveCoupon, {
      storeId: north.id,
      coupon: { code: 'BIG50', type: 'amount', amount: '50', minSpend: '30' }
    })
    expect(tooMuch.status).toBe(400)
    expect(tooMuch.body.error).toMatchObject({
      code: 'VALIDATION',
      field: 'coupon.amount',
      key: 'errors.coupons.amountAboveMinSpend',
      params: { minSpend: '30' }
    })
    expect((await owner.call(hqApi.master.coupons, { storeId: north.id })).coupons).toEqual([])

    const product = {
      storeIds: [north.id, south.id],
      sku: 'TEA-1',
      barcodes: ['6901234567892'],
      nameZh: '绿茶',
      nameEn: 'Green tea',
      price: '3.50',
      taxRate: '0.13'
    }
    const tea = await owner.call(hqApi.master.saveProduct, product)
    expect(tea.revisions).toHaveLength(2)
    const rows = await hq.db.query<{ action: string; user_id: string }>(
      "SELECT action, user_id FROM hq_audit WHERE action LIKE 'master.%'"
    )
    expect(rows).toHaveLength(1)
    expect(rows[0]!.user_id).toBeTruthy()

    // A manager may not name a store that is not theirs; their own is fine.
    const foreign = await mia.send(hqApi.master.setPrices, {
      productId: tea.id,
      prices: [
        { storeId: north.id, price: '3.80' },
        { storeId: south.id, price: '3.90' }
      ]
    })
    expect(foreign.status).toBe(403)
    expect(foreign.body.error).toMatchObject({ code: 'FORBIDDEN', field: 'prices[1].storeId' })
    const own = await mia.send(hqApi.master.setPrices, {
      productId: tea.id,
      prices: [{ storeId: north.id, price: '3.80' }]
    })
    expect(own.status).toBe(200)
    expect((await mia.send(hqApi.master.catalog, { storeId: south.id })).status).toBe(403)
    // The manager sees only their store's price.
    expect(
      (await mia.call(hqApi.master.prices, { productId: tea.id })).prices.map((p) => p.priceMinor)
    ).toEqual([380])
    expect(
      (await owner.call(hqApi.master.prices, { productId: tea.id })).prices.map((p) => p.priceMinor)
    ).toEqual([380, 350])

    // An auditor reads, and may change nothing.
    expect((await abe.call(hqApi.master.catalog, { storeId: south.id })).products).toHaveLength(1)
    expect(
      (
        await abe.send(hqApi.master.setPrices, {
          productId: tea.id,
          prices: [{ storeId: north.id, price: '1' }]
        })
      ).status
    ).toBe(403)

    // Bad input: 400 naming the field, with a key the hq-web translates; nothing written.
    const fine = await owner.send(hqApi.master.setPrices, {
      productId: tea.id,
      prices: [{ storeId: north.id, price: '1.005' }]
    })
    expect(fine.status).toBe(400)
    expect(fine.body.error).toMatchObject({ code: 'VALIDATION', field: 'prices[0].price' })
    expect(fine.body.error!.key).toMatch(/^errors\./)
    const digit = await owner.send(hqApi.master.saveProduct, {
      ...product,
      sku: 'TEA-2',
      barcodes: ['6901234567891']
    })
    expect(digit.body.error).toMatchObject({
      code: 'VALIDATION',
      field: 'barcodes[0]',
      key: 'errors.catalog.checkDigit'
    })
    const taken = await owner.send(hqApi.master.saveProduct, { ...product, sku: 'tea-1', barcodes: [] })
    expect(taken.body.error).toMatchObject({
      code: 'CONFLICT',
      field: 'sku',
      key: 'errors.hq.master.skuTaken'
    })

    // A manager may not make a till owner; staff answers carry no credential.
    const bossy = await mia.send(hqApi.master.saveStaff, {
      storeIds: [north.id],
      username: 'lily',
      displayName: 'Lily',
      role: 'owner',
      password: 'long-enough-1',
      pin: '1234'
    })
    expect(bossy.body.error).toMatchObject({ code: 'FORBIDDEN', field: 'role' })
    await mia.call(hqApi.master.saveStaff, {
      storeIds: [north.id],
      username: 'lily',
      displayName: 'Lily',
      role: 'cashier',
      password: 'long-enough-1',
      pin: '1234'
    })
    const staff = await mia.send(hqApi.master.staff, { storeId: north.id })
    expect(JSON.stringify(staff.body)).not.toMatch(/scrypt|long-enough|1234/)
    expect(
      await hq.db.query(
        "SELECT id FROM hq_audit WHERE details LIKE '%scrypt%' OR details LIKE '%long-enough%'"
      )
    ).toEqual([])

    // CSV import through the API: preview, then the valid rows.
    const till = await TestTill.enrolled(hq, 'North')
    const csv =
      'sku,name_zh,name_en,category,price,tax_rate\nRICE,大米,Rice,STAPLE,25.9,0.09\nBAD,坏,Bad,STAPLE,x,0.09\n'
    const preview = await mia.call(hqApi.master.importPreview, { storeId: north.id, csv })
    expect(preview).toMatchObject({ validRows: 1, invalidRows: 1, errors: [{ line: 3, field: 'price' }] })
    const refused = await mia.send(hqApi.master.importCommit, {
      storeId: north.id,
      csv,
      mode: 'all-or-nothing'
    })
    expect(refused.body.error).toMatchObject({
      code: 'VALIDATION',
      field: 'csv',
      key: 'errors.hq.master.importInvalid'
    })
    expect(
      await mia.call(hqApi.master.importCommit, { storeId: north.id, csv, mode: 'valid-rows-only' })
    ).toMatchObject({
      created: 1,
      skipped: 1
    })
    const pulled = await till.pull()
    expect(
      pulled.body.changes.some((c) => c.entity === 'product' && c.op === 'put' && c.data.sku === 'RICE')
    ).toBe(true)
  })
})
