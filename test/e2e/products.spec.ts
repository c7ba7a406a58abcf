import { readFileSync } from 'node:fs'
import { expect, snap, test } from './fixtures'
import { demoProducts } from '../../src/main/services/demo-catalog'
import { api, openShopAsOwner } from './helpers/api'

const CSV = [
  'sku,barcodes,name_zh,name_en,category,price,tax_rate,unit,active',
  'TEA-JAS-250,6971234500014,茉莉花茶 250g,Jasmine tea 250g,DRINKS,36.00,0.13,piece,true',
  'TEA-BAD-001,6971234500021,坏价格的茶,Tea with a bad price,DRINKS,abc,0.13,piece,true',
  ''
].join('\n')

test('a manager searches, filters, adds a product, imports a CSV with a bad row and exports the catalog', async ({
  page,
  kassa
}) => {
  await openShopAsOwner(page, kassa.url)
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('button', { name: 'Products' })
    .click()
  await expect(page.getByRole('heading', { name: 'Products' })).toBeVisible()
  const search = page.getByLabel('Search products')
  await expect(search).toBeFocused()
  const table = page.getByRole('table', { name: 'Products' })
  await expect(table.getByRole('row')).toHaveCount(201) // header + the 200 demo products
  await snap(page, 'products-en')

  // Search by a Chinese word, then an English one, then a scanned barcode.
  await search.fill('可乐')
  await expect(table.getByRole('rowheader', { name: /Cola 500ml/ })).toBeVisible()
  await expect(table.getByRole('rowheader', { name: /Fuji apples/ })).toHaveCount(0)
  await search.fill('oolong')
  await expect(table.getByRole('rowheader')).toHaveCount(1)
  await expect(table.getByRole('rowheader', { name: /Unsweetened oolong tea/ })).toBeVisible()
  await search.fill('')
  await page.keyboard.type(demoProducts().find((p) => p.nameEn === 'Fuji apples')!.barcodes[0]!)
  await page.keyboard.press('Enter')
  await expect(table.getByRole('rowheader')).toHaveCount(1)
  await expect(table.getByRole('rowheader', { name: /Fuji apples/ })).toBeVisible()
  await expect(table.getByRole('row', { name: /Fuji apples/ })).toContainText('¥12.80/kg')

  // Filter by a category chip.
  await search.fill('')
  const chips = page.getByRole('group', { name: 'Categories' })
  await chips.getByRole('button', { name: /Fresh produce/ }).click()
  await expect(chips.getByRole('button', { name: /Fresh produce/ })).toHaveAttribute('aria-pressed', 'true')
  await expect(table.getByRole('rowheader')).toHaveCount(20)
  await expect(table.getByRole('rowheader', { name: /Bananas/ })).toBeVisible()
  await expect(table.getByRole('rowheader', { name: /Cola 500ml/ })).toHaveCount(0)
  await chips.getByRole('button', { name: 'All', exact: true }).click()

  // Add a product; a price with too many decimals is refused beside the field.
  await page.getByRole('button', { name: 'Add product' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add product' })
  await expect(dialog.getByLabel('Name (Chinese)')).toBeFocused()
  await dialog.getByLabel('Name (Chinese)').fill('桂花乌龙茶 500ml')
  await dialog.getByLabel('Name (English)').fill('Osmanthus oolong tea 500ml')
  await dialog.getByLabel('SKU').fill('TEA-OSM-500')
  await dialog.getByLabel('Barcodes').fill('6971234500038')
  await dialog.getByLabel('Category').selectOption({ label: 'Drinks' })
  await dialog.getByLabel('Price (CNY)').fill('5.505')
  await dialog.getByLabel('Tax rate').selectOption('0.13')
  await snap(page, 'products-add-en')
  await dialog.getByRole('button', { name: 'Save product' }).click()
  await expect(dialog.getByRole('alert')).toContainText('must have at most 2 decimal places')
  await dialog.getByLabel('Price (CNY)').fill('5.50')
  await dialog.getByRole('button', { name: 'Save product' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('status').filter({ hasText: 'Saved Osmanthus oolong tea 500ml' })).toBeVisible()
  await search.fill('osmanthus')
  await expect(table.getByRole('row', { name: /Osmanthus oolong tea 500ml/ })).toContainText('¥5.50')

  // Import a CSV with one bad row: its line and column are shown; import only the valid row.
  await page.getByRole('button', { name: 'Import CSV' }).click()
  const importer = page.getByRole('dialog', { name: 'Import products from CSV' })
  await importer
    .getByLabel('CSV file')
    .setInputFiles({ name: 'tea.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) })
  await expect(importer.getByRole('status')).toContainText(
    '2 rows: 1 valid (1 new, 0 updates), 1 with problems'
  )
  const problems = importer.getByRole('table', { name: 'Problems found' })
  await expect(problems.getByRole('row', { name: /3 price/ })).toContainText('must be a decimal number')
  await expect(importer.getByRole('button', { name: 'Import all 2 rows' })).toBeDisabled()
  await snap(page, 'products-import-en')
  await importer.getByRole('button', { name: 'Import only the valid row' }).click()
  await expect(importer.getByRole('status')).toContainText('Imported: 1 new, 0 updated, 1 skipped')
  await importer.getByRole('button', { name: 'Close' }).click()
  await search.fill('jasmine')
  await expect(table.getByRole('row', { name: /Jasmine tea 250g/ })).toContainText('¥36.00')
  await search.fill('bad price')
  await expect(table.getByRole('rowheader')).toHaveCount(0)

  // Export: a CSV file in the import format, with what we added.
  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export CSV' }).click()
  const file = await downloading
  expect(file.suggestedFilename()).toMatch(/^kassa-products-\d{4}-\d{2}-\d{2}\.csv$/)
  const text = readFileSync((await file.path())!, 'utf8')
  expect(text).toContain('sku,barcodes,name_zh,name_en,category,price,tax_rate,unit,active')
  expect(text).toContain(
    'TEA-OSM-500,6971234500038,桂花乌龙茶 500ml,Osmanthus oolong tea 500ml,DRINKS,5.50,0.13,piece,true'
  )
  expect(text).toContain('TEA-JAS-250')

  // Take a product off sale; it leaves the list unless asked for.
  await search.fill('osmanthus')
  await page.getByRole('button', { name: 'Take Osmanthus oolong tea 500ml off sale' }).click()
  await expect(table.getByRole('rowheader')).toHaveCount(0)
  await page.getByLabel('Show products not on sale').check()
  await expect(table.getByRole('row', { name: /Osmanthus/ })).toContainText('Not on sale')

  // The same screen in Chinese.
  await page.getByRole('button', { name: '中文' }).click()
  await page.getByLabel('显示已下架商品').uncheck()
  await page.getByLabel('搜索商品').fill('')
  await expect(page.getByRole('heading', { name: '商品' })).toBeVisible()
  await expect(
    page.getByRole('table', { name: '商品列表' }).getByRole('rowheader', { name: /饮用天然水 550ml/ })
  ).toBeVisible()
  await snap(page, 'products-zh-CN')
  await page.getByRole('button', { name: '导入 CSV' }).click()
  const importerZh = page.getByRole('dialog', { name: '从 CSV 导入商品' })
  await importerZh
    .getByLabel('CSV 文件')
    .setInputFiles({ name: '茶叶.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) })
  await expect(importerZh.getByRole('table', { name: '发现的问题' })).toContainText('必须是数字')
  await snap(page, 'products-import-zh-CN')
  await importerZh.getByRole('button', { name: '选择其他文件' }).click()
  await importerZh.getByRole('button', { name: '取消' }).click()
  await page.getByRole('button', { name: '新增商品' }).click()
  await expect(page.getByRole('dialog', { name: '新增商品' })).toBeVisible()
  await snap(page, 'products-add-zh-CN')
})

test('a cashier can look products up but not change them', async ({ page, kassa }) => {
  await openShopAsOwner(page, kassa.url)
  await api(page, 'users:create', {
    displayName: 'Cashier Li',
    username: 'cashier',
    role: 'cashier',
    password: 'cashier-pass-1',
    pin: '2222'
  })
  await page.getByRole('button', { name: 'Log out' }).click()
  await page.getByLabel('Username').fill('cashier')
  await page.getByLabel('Password').fill('cashier-pass-1')
  await page.getByRole('button', { name: 'Log in' }).click()
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('button', { name: 'Products' })
    .click()
  await page.getByLabel('Search products').fill('DRK-001')
  await expect(
    page
      .getByRole('table', { name: 'Products' })
      .getByRole('rowheader', { name: /Natural spring water 550ml/ })
  ).toBeVisible()
  await expect(page.getByRole('button', { name: 'Add product' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Import CSV' })).toHaveCount(0)
  await expect(page.getByText('You can look products up; a manager changes them.')).toBeVisible()
})

test('a manager adds and renames a category, and it becomes a chip on the Sell screen', async ({
  page,
  kassa
}) => {
  await openShopAsOwner(page, kassa.url)
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('button', { name: 'Products' })
    .click()
  await page.getByRole('button', { name: 'Categories', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Categories' })
  await dialog.getByRole('button', { name: 'New category' }).click()
  await dialog.getByLabel('Code').fill('TEA')
  await dialog.getByLabel('Name (Chinese)').fill('茶叶')
  await dialog.getByLabel('Name (English)').fill('Tea leaves')
  await dialog.getByRole('button', { name: 'Save category' }).click()
  await expect(dialog.getByRole('row', { name: /TEA/ })).toContainText('Tea leaves')

  await dialog.getByRole('button', { name: 'Edit Tea leaves' }).click()
  await dialog.getByLabel('Name (English)').fill('Loose tea')
  await dialog.getByRole('button', { name: 'Save category' }).click()
  await expect(dialog.getByRole('row', { name: /TEA/ })).toContainText('Loose tea')
  await snap(page, 'products-categories-en')
  await dialog.getByRole('button', { name: 'Done' }).click()

  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('button', { name: 'Sell' })
    .click()
  await expect(page.getByRole('button', { name: 'Loose tea' })).toBeVisible()
})
