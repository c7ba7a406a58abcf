import type { Page } from '@playwright/test'
import { snap } from './fixtures'
import { dialogProblems } from './helpers/counter'
import { expect, setUpOwner, test, yesterday } from './helpers/hq'

const STORE = 'Harbour Street'
const SIZES = [
  { name: '1024', width: 1024, height: 768 },
  { name: '1366', width: 1366, height: 860 }
] as const
const TILL_OWNER = { username: 'owner', password: 'demo-owner-1' }

/** The page never scrolls sideways: wide tables scroll inside their own box. */
async function expectNoSideScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth
  )
  expect(overflow).toBeLessThanOrEqual(0)
}

/** The till's own Products screen, filtered to `query`: the row of the product. */
async function tillRow(page: Page, query: string) {
  const search = page.getByLabel('Search products')
  await search.fill('')
  await search.fill(query)
  return page.getByRole('table', { name: 'Products' }).getByRole('row', { name: new RegExp(query) })
}

test('a price changed at the head office reaches an enrolled web-mode till; a CSV import is checked before it is written', async ({
  page,
  context,
  hq,
  till
}) => {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone
  await page.setViewportSize({ width: 1366, height: 860 })
  await setUpOwner(page, hq, 'en')

  // A store and a code for its till.
  await page.getByRole('link', { name: 'Stores & tills' }).click()
  await page.getByRole('button', { name: 'New store' }).click()
  const create = page.getByRole('dialog', { name: 'Create a store' })
  await create.getByLabel('Store name').fill(STORE)
  await create.getByLabel('Time zone').fill(zone)
  await create.getByRole('button', { name: 'Create store' }).click()
  await page.getByRole('button', { name: 'Enrolment code' }).click()
  const enrol = page.getByRole('dialog', { name: `Enrol a till in ${STORE}` })
  await expect(enrol.getByTestId('enrol-code')).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/)
  const code = (await enrol.getByTestId('enrol-code').textContent())!.trim()
  await enrol.getByRole('button', { name: 'Close' }).click()

  // A product at the head office: the price typed in yuan; a bad one is refused beside its field.
  await page.getByRole('link', { name: 'Master data' }).click()
  await page.getByRole('button', { name: 'New product' }).click()
  const dialog = page.getByRole('dialog', { name: 'New product' })
  await dialog.getByLabel('SKU').fill('HQ-TEA-1')
  await dialog.getByLabel('Name (Chinese)').fill('龙井茶')
  await dialog.getByLabel('Name (English)').fill('Longjing tea')
  await dialog.getByLabel('Barcodes').fill('6901234567892')
  await dialog.getByLabel('Price (¥)').fill('12.505')
  await dialog.getByRole('button', { name: 'Publish' }).click()
  await expect(dialog.locator('.field--invalid').getByLabel('Price (¥)')).toBeVisible()
  await snap(page, 'hq-master-product-error-1366-en')
  await dialog.getByLabel('Price (¥)').fill('12.50')
  await dialog.getByRole('button', { name: 'Publish' }).click()
  await expect(page.getByRole('status')).toContainText('Published')
  await expect(page.getByRole('row', { name: /HQ-TEA-1/ })).toContainText('¥12.50')

  // The till: a simulated shop (yesterday's: which day does not matter here, and yesterday can
  // always be sold, even a second after midnight), enrolled, opened in web mode.
  till.simulate(yesterday(), 2, 5)
  till.enrol(hq.url, code)
  const tillPage = await context.newPage()
  await tillPage.setViewportSize({ width: 1366, height: 860 })
  await tillPage.goto(await till.openWeb())
  await tillPage.getByRole('button', { name: 'English' }).click()
  await tillPage.getByLabel('Username').fill(TILL_OWNER.username)
  await tillPage.getByLabel('Password').fill(TILL_OWNER.password)
  await tillPage.getByRole('button', { name: 'Log in' }).click()
  await tillPage
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('button', { name: 'Products' })
    .click()
  await expect(await tillRow(tillPage, 'Longjing tea')).toContainText('¥12.50')

  // The price changes at the head office; the till, online, has it without anyone pressing sync.
  await page.getByRole('button', { name: 'Prices HQ-TEA-1' }).click()
  const prices = page.getByRole('dialog', { name: 'Prices of Longjing tea' })
  await prices.getByLabel(`${STORE} (¥)`).fill('13.80')
  await snap(page, 'hq-master-prices-1366-en')
  await prices.getByRole('button', { name: 'Publish prices' }).click()
  await expect(page.getByRole('row', { name: /HQ-TEA-1/ })).toContainText('¥13.80')
  await expect(async () => {
    await expect(await tillRow(tillPage, 'Longjing tea')).toContainText('¥13.80', { timeout: 500 })
  }).toPass({ timeout: 10_000 })
  await snap(tillPage, 'hq-master-till-price-1366-en')
  await tillPage.close()

  // CSV import: checked first (every problem with its line and column), nothing written until imported.
  await page.getByRole('tab', { name: 'CSV import' }).click()
  const csv = [
    'sku,barcodes,name_zh,name_en,category,price,tax_rate,unit,active',
    'HQ-RICE,,东北大米,Rice 5kg,STAPLE,59.90,0.09,piece,true',
    'HQ-BAD,6901234567891,坏条码,Bad code,STAPLE,1.00,0.13,piece,true',
    'HQ-OIL,,花生油,Peanut oil,STAPLE,79.9,0.09,piece,true'
  ].join('\n')
  await page
    .getByLabel('CSV file')
    .setInputFiles({ name: 'products.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
  await page.getByRole('button', { name: 'Check file' }).click()
  await expect(page.getByText('3 rows: 2 valid (2 new, 0 to update), 1 invalid.')).toBeVisible()
  const problems = page.getByRole('table', { name: 'Problems' })
  await expect(problems.getByRole('row').nth(1)).toContainText('3')
  await expect(problems.getByRole('row').nth(1)).toContainText('barcodes')
  await expect(page.getByRole('button', { name: 'Import all (only if every row is valid)' })).toBeDisabled()
  await expectNoSideScroll(page)
  await snap(page, 'hq-master-import-preview-1366-en')
  await page.getByRole('button', { name: 'Import the valid rows only' }).click()
  await expect(page.getByRole('status')).toContainText(`Imported into ${STORE}: 2 new, 0 updated, 1 left out`)
  await page.getByRole('tab', { name: 'Products' }).click()
  await expect(page.getByRole('row', { name: /HQ-RICE/ })).toContainText('¥59.90')
  await expect(page.getByRole('row', { name: /HQ-BAD/ })).toHaveCount(0)

  // A coupon with a limit shared among the tills, and a person for the tills.
  await page.getByRole('tab', { name: 'Coupons' }).click()
  await page.getByRole('button', { name: 'New coupon' }).click()
  const coupon = page.getByRole('dialog', { name: 'New coupon' })
  await coupon.getByLabel('Code').fill('HQ5')
  // More off than the minimum spend is refused on the amount, in the interface's words.
  await coupon.getByLabel('Amount off (¥)').fill('50')
  await coupon.getByLabel('Minimum spend (¥)').fill('30')
  await coupon.getByRole('button', { name: 'Publish' }).click()
  await expect(coupon.getByLabel('Amount off (¥)')).toHaveAttribute('aria-invalid', 'true')
  await expect(coupon).toContainText('must not be more than the minimum spend, 30')
  await snap(page, 'hq-coupon-above-min-spend-1366-en')
  await coupon.getByLabel('Minimum spend (¥)').fill('')
  await coupon.getByLabel('Amount off (¥)').fill('5')
  await coupon.getByLabel('Usage limit (all tills)').fill('20')
  await coupon.getByRole('button', { name: 'Publish' }).click()
  await expect(page.getByRole('row', { name: /HQ5/ })).toContainText(/T\d+: \d+ handed out, 0 used/)
  await page.getByRole('tab', { name: 'Staff' }).click()
  await page.getByRole('button', { name: 'New person' }).click()
  const person = page.getByRole('dialog', { name: 'New person at the tills' })
  await person.getByLabel('Username').fill('lily')
  await person.getByLabel('Name', { exact: true }).fill('Lily')
  await person.getByLabel('Password').fill('12345678')
  await person.getByLabel('PIN').fill('2468')
  await person.getByRole('button', { name: 'Publish' }).click()
  await expect(person.locator('.field--invalid').getByLabel('Password')).toBeVisible()
  await person.getByLabel('Password').fill('tea-and-rice-9')
  await person.getByRole('button', { name: 'Publish' }).click()
  await expect(page.getByRole('row', { name: /lily/ })).toContainText('Cashier')

  // Every tab at both sizes and in both languages.
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height })
    for (const language of ['zh-CN', 'en'] as const) {
      await page.getByRole('button', { name: language === 'en' ? 'English' : '中文' }).click()
      for (const tab of ['products', 'categories', 'coupons', 'staff', 'import'] as const) {
        await page.goto(`${hq.url}#/master?tab=${tab}`)
        await expect(page.locator('.screen__title')).toBeVisible()
        if (tab !== 'import')
          await expect(
            page.locator('.hq-master__panel table, .hq-master__panel .empty-state').first()
          ).toBeVisible()
        await expectNoSideScroll(page)
        await snap(page, `hq-master-${tab}-${size.name}-${language}`)
      }
      await page.goto(`${hq.url}#/master?tab=products`)
      await page.getByRole('button', { name: language === 'en' ? 'New product' : '新建商品' }).click()
      await expect(page.getByRole('dialog')).toBeVisible()
      await expectNoSideScroll(page)
      await snap(page, `hq-master-product-dialog-${size.name}-${language}`)
      await page.keyboard.press('Escape')
    }
  }
})

/** The labels the form test types into, in each language. */
const FORM_WORDS = {
  en: {
    newProduct: 'New product',
    sku: 'SKU',
    nameZh: 'Name (Chinese)',
    nameEn: 'Name (English)',
    price: 'Price (¥)',
    taxRate: 'Tax rate',
    barcodes: 'Barcodes',
    publish: 'Publish',
    newCoupon: 'New coupon',
    code: 'Code',
    amount: 'Amount off (¥)',
    validFrom: 'Valid from',
    usageLimit: 'Usage limit (all tills)',
    notADate: 'must be a real date such as 2026-12-31',
    notALimit: 'must be a whole number of at least 1'
  },
  'zh-CN': {
    newProduct: '新建商品',
    sku: '商品编码',
    nameZh: '中文名称',
    nameEn: '英文名称',
    price: '价格（元）',
    taxRate: '税率',
    barcodes: '条码',
    publish: '发布',
    newCoupon: '新建优惠券',
    code: '券码',
    amount: '减免金额（元）',
    validFrom: '生效日期',
    usageLimit: '使用上限（全部收银台）',
    notADate: '必须是真实存在的日期，例如 2026-12-31',
    notALimit: '必须是大于或等于 1 的整数'
  }
} as const

test('the product and coupon forms show every wrong field at once, each in the interface’s own words', async ({
  page,
  hq
}) => {
  await page.setViewportSize({ width: 1024, height: 768 })
  await setUpOwner(page, hq, 'en')
  await page.getByRole('link', { name: 'Stores & tills' }).click()
  await page.getByRole('button', { name: 'New store' }).click()
  const create = page.getByRole('dialog', { name: 'Create a store' })
  await create.getByLabel('Store name').fill(STORE)
  await create.getByLabel('Time zone').fill('Asia/Shanghai')
  await create.getByRole('button', { name: 'Create store' }).click()
  await expect(page.getByRole('button', { name: 'Enrolment code' })).toBeVisible()

  for (const language of ['zh-CN', 'en'] as const) {
    const w = FORM_WORDS[language]
    await page.getByRole('button', { name: language === 'en' ? 'English' : '中文' }).click()

    // A price with a third decimal, a tax rate typed as a percentage and a bad check digit: all
    // three are marked on the first Publish (they used to come one per submit).
    await page.goto(`${hq.url}#/master?tab=products`)
    await page.getByRole('button', { name: w.newProduct }).click()
    const product = page.getByRole('dialog', { name: w.newProduct })
    await product.getByLabel(w.sku).fill('HQ-FORM-1')
    await product.getByLabel(w.nameZh).fill('龙井茶')
    await product.getByLabel(w.nameEn).fill('Longjing tea')
    await product.getByLabel(w.price).fill('8.805')
    await product.getByLabel(w.taxRate).fill('13%')
    await product.getByLabel(w.barcodes).fill('6901234567891')
    await product.getByRole('button', { name: w.publish }).click()
    for (const label of [w.price, w.taxRate, w.barcodes])
      await expect(product.getByLabel(label)).toHaveAttribute('aria-invalid', 'true')
    await expect(product.getByLabel(w.sku)).not.toHaveAttribute('aria-invalid', 'true')
    expect(await dialogProblems(page)).toEqual([])
    await snap(page, `hq-master-product-all-errors-1024-${language}`)
    await page.keyboard.press('Escape')

    // A date that does not exist and a negative limit: both named, in this language only.
    await page.goto(`${hq.url}#/master?tab=coupons`)
    await page.getByRole('button', { name: w.newCoupon }).click()
    const coupon = page.getByRole('dialog', { name: w.newCoupon })
    await coupon.getByLabel(w.code).fill('FORM5')
    await coupon.getByLabel(w.amount).fill('5')
    await coupon.getByLabel(w.validFrom).fill('2026-11-31')
    await coupon.getByLabel(w.usageLimit).fill('-3')
    await coupon.getByRole('button', { name: w.publish }).click()
    await expect(coupon.getByLabel(w.validFrom)).toHaveAttribute('aria-invalid', 'true')
    await expect(coupon.getByLabel(w.usageLimit)).toHaveAttribute('aria-invalid', 'true')
    await expect(coupon).toContainText(w.notADate)
    await expect(coupon).toContainText(w.notALimit)
    if (language === 'zh-CN') {
      await expect(coupon).not.toContainText('a real date')
      await expect(coupon).not.toContainText('必须填写')
    }
    await snap(page, `hq-coupon-all-errors-1024-${language}`)
    await page.keyboard.press('Escape')
  }
})
