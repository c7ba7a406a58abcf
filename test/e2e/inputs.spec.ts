import iconv from 'iconv-lite'
import { expect, snap, test } from './fixtures'
import { api, openShopAsOwner } from './helpers/api'
import { DEFAULT_SCALE_LABELS, makeScaleLabel } from '../../src/shared/barcodes/scale-label'

// Issue 13's screens: store settings (cash rounding mode, time zone, scale labels), the product dialog
// (scale code, check digits) and the import preview (a GBK file, a decimal comma), each walked at the
// two counter sizes in both languages.

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1366, height: 860 }
]
const GBK_CSV = iconv.encode(
  [
    'sku,barcodes,name_zh,name_en,category,price,tax_rate,unit,active',
    'GBK-001,6901234567892,可口可乐 330ml,Coca-Cola 330ml,DRINKS,3.00,0.13,piece,true',
    'GBK-002,6901234567890,雪碧 330ml,Sprite 330ml,DRINKS,3.00,0.13,piece,true',
    'GBK-003,,鲜牛奶,Fresh milk,DAIRY,0.13,3,50,piece,true'
  ].join('\r\n'),
  'gbk'
)

for (const language of ['en', 'zh-CN'] as const) {
  const en = language === 'en'
  test(`settings, product dialog and import preview (${language})`, async ({ page, kassa }) => {
    await openShopAsOwner(page, kassa.url)
    if (!en) await page.getByRole('button', { name: '中文' }).click()
    const nav = page.getByRole('navigation', { name: en ? 'Main navigation' : '主导航' })
    await expect(nav).toBeVisible()

    // Settings: 抹零, and the scale label layouts.
    await nav.getByRole('button', { name: en ? 'Settings' : '设置' }).click()
    await page.getByLabel(en ? 'Cash rounding' : '现金抹零', { exact: true }).selectOption('0.10')
    const mode = page.getByLabel(en ? 'Round cash totals' : '现金取整方式')
    await mode.selectOption('down')
    await expect(page.getByRole('group', { name: en ? 'Layout 1' : '格式 1' })).toContainText(
      '21 IIIII WWWWW C'
    )
    await expect(page.getByLabel(en ? 'Time zone' : '时区')).not.toHaveValue('')
    for (const size of SIZES) {
      await page.setViewportSize(size)
      await snap(page, `inputs-settings-${language}-${size.width}`)
      await page.getByRole('group', { name: en ? 'Layout 2' : '格式 2' }).scrollIntoViewIfNeeded()
      await snap(page, `inputs-settings-scale-${language}-${size.width}`)
    }
    await page.getByRole('button', { name: en ? 'Save settings' : '保存设置' }).click()
    await expect(
      page.getByRole('status').filter({ hasText: en ? 'Settings saved' : '设置已保存' })
    ).toBeVisible()
    expect(await api<{ cashRoundingMode: string }>(page, 'settings:get', {})).toMatchObject({
      cashRoundingMode: 'down',
      cashIncrement: '0.10'
    })

    // Product dialog: a wrong check digit is refused naming the right one; kg goods get a scale code.
    await nav.getByRole('button', { name: en ? 'Products' : '商品' }).click()
    await page.getByRole('button', { name: en ? 'Add product' : '新增商品' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel(en ? 'Name (Chinese)' : '中文名称').fill('散装红枣')
    await dialog.getByLabel(en ? 'Name (English)' : '英文名称').fill('Loose red dates')
    await dialog.getByLabel(en ? 'SKU' : '货号').fill('DATE-KG')
    await dialog.getByLabel(en ? 'Barcodes' : '条码').fill('6954767412345')
    await dialog.getByLabel(en ? 'Sold by' : '销售方式').selectOption('kg')
    await dialog.getByLabel(en ? 'Scale code' : '秤码').fill('09001')
    await dialog.getByLabel(/Price|售价/).fill('29.80')
    await dialog.getByRole('button', { name: en ? 'Save product' : '保存商品' }).click()
    await expect(dialog.getByRole('alert')).toContainText(
      en ? 'check digit should be 4: 6954767412344' : '校验位应为 4：6954767412344'
    )
    for (const size of SIZES) {
      await page.setViewportSize(size)
      await snap(page, `inputs-product-${language}-${size.width}`)
    }
    await dialog.getByLabel(en ? 'Barcodes' : '条码').fill('6954767412344')
    await dialog.getByRole('button', { name: en ? 'Save product' : '保存商品' }).click()
    await expect(dialog).toBeHidden()

    // Import preview: a GBK file reads as Chinese; a wrong check digit and a decimal comma are refused.
    await page.getByRole('button', { name: en ? 'Import CSV' : '导入 CSV' }).click()
    const importer = page.getByRole('dialog')
    await importer
      .getByLabel(en ? 'CSV file' : 'CSV 文件')
      .setInputFiles({ name: 'excel.csv', mimeType: 'text/csv', buffer: GBK_CSV })
    await expect(importer).toContainText('可口可乐 330ml')
    await expect(importer).toContainText(
      en ? 'check digit should be 2: 6901234567892' : '校验位应为 2：6901234567892'
    )
    await expect(importer).toContainText(
      en ? 'has 10 cells but the header has 9' : '有 10 个单元格，但表头有 9 列'
    )
    for (const size of SIZES) {
      await page.setViewportSize(size)
      await snap(page, `inputs-import-${language}-${size.width}`)
    }
  })
}

test('the demo shop’s apples scan from a scale label at the till; a misread label is refused', async ({
  page,
  kassa
}) => {
  await openShopAsOwner(page, kassa.url)
  const apples = await api<{ scaleCode: string; nameEn: string }>(page, 'catalog:lookup-code', {
    code: 'PRO-001'
  })
  await expect(page.getByLabel('Scan a barcode or search')).toBeFocused()
  const label = makeScaleLabel(DEFAULT_SCALE_LABELS[0]!, '21', apples.scaleCode, 1234)
  await page.keyboard.type(label)
  await page.keyboard.press('Enter')
  const cart = page.getByRole('region', { name: 'Cart' })
  await expect(cart.getByRole('row', { name: new RegExp(apples.nameEn) })).toContainText('1.234')
  await snap(page, 'inputs-sell-scale-label-en')

  const misread = `${label.slice(0, 12)}${(Number(label[12]) + 1) % 10}`
  await page.keyboard.type(misread)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('alert')).toContainText('Scan it again')
})
