import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import type { Core } from '../../../src/main/app/create-core'
import { addStaff, callOk, loginAs, openTestCore, setupOwner, STAFF } from '../../support/accounts'

/** Products the sell tests scan. Prices are decimal strings in CNY. */
export const GOODS = {
  cola: {
    sku: 'COLA-330',
    barcodes: ['6901234567892'],
    nameZh: '可乐 330ml',
    nameEn: 'Cola 330ml',
    price: '3.50',
    taxRate: '0.13'
  },
  rice: {
    sku: 'RICE-5KG',
    barcodes: ['6907654321090'],
    nameZh: '大米 5kg',
    nameEn: 'Rice 5kg',
    price: '39.90',
    taxRate: '0.09'
  },
  apple: {
    sku: 'APPLE-KG',
    barcodes: ['2000000000015'],
    nameZh: '苹果',
    nameEn: 'Apples',
    price: '12.80',
    taxRate: '0.09',
    unit: 'kg' as const
  }
}

/** A shop with an owner, a cashier and a manager, three products and two coupons. */
export async function openShop(
  options: {
    dataDir?: string
    start?: string
    openShift?: boolean
    /** `defaults`: keep the shipped loss-prevention policy instead of a permissive one. */
    lossPrevention?: 'defaults'
    payments?: NonNullable<Parameters<typeof openTestCore>[0]>['payments']
  } = {}
) {
  const test = await openTestCore(options)
  const { core } = test
  const owner = await setupOwner(core)
  await addStaff(core, owner)
  for (const product of Object.values(GOODS)) await callOk(core, owner, 'catalog:create-product', product)
  await callOk(core, owner, 'coupons:create', {
    code: 'SAVE10',
    type: 'rate',
    rate: '0.1',
    minSpend: '20.00'
  })
  await callOk(core, owner, 'coupons:create', {
    code: 'ONCE5',
    type: 'amount',
    amount: '5.00',
    usageLimit: 1
  })
  // These shops test money, not approvals: a cashier may pay small refunds out in cash and give
  // any line discount alone (loss prevention has its own tests, with the shipped defaults).
  if (options.lossPrevention !== 'defaults')
    await callOk(core, owner, 'approvals:update-policy', {
      refundApprovalThreshold: '100.00',
      shiftRefundLimit: null,
      cashRefundThreshold: '100.00',
      lineDiscountLimit: '1',
      blindClose: false
    })
  const cashier = await loginAs(core, STAFF.cashier.username, STAFF.cashier.password)
  const manager = await loginAs(core, STAFF.manager.username, STAFF.manager.password)
  // A till sells only with an open shift; no float, so the drawer holds exactly the sales.
  if (options.openShift !== false) await callOk(core, cashier, 'shifts:open', { counts: {} })
  return { ...test, owner, cashier, manager }
}

export function rowCounts(dataDir: string): Record<string, number> {
  const db = new BetterSqlite3(join(dataDir, 'kassa.sqlite'), { readonly: true })
  try {
    const count = (table: string, where = ''): number =>
      (db.prepare(`SELECT count(*) AS n FROM ${table} ${where}`).get() as { n: number }).n
    return {
      paidOrders: count('orders', "WHERE status <> 'draft'"),
      payments: count('payments'),
      journalEntries: count('journal_entries'),
      outbox: count('outbox', "WHERE type LIKE 'order.%'"),
      redemptions: (
        db.prepare('SELECT coalesce(sum(used_count), 0) AS n FROM coupons').get() as { n: number }
      ).n
    }
  } finally {
    db.close()
  }
}

export function ledgerBalances(dataDir: string): Record<string, number> {
  const db = new BetterSqlite3(join(dataDir, 'kassa.sqlite'), { readonly: true })
  try {
    const rows = db
      .prepare('SELECT account, sum(debit) - sum(credit) AS net FROM journal_lines GROUP BY account')
      .all() as Array<{
      account: string
      net: number
    }>
    const unbalanced = db
      .prepare('SELECT entry_id FROM journal_lines GROUP BY entry_id HAVING sum(debit) <> sum(credit)')
      .all()
    if (unbalanced.length > 0) throw new Error(`unbalanced journal entries: ${JSON.stringify(unbalanced)}`)
    return Object.fromEntries(rows.map((row) => [row.account, row.net]))
  } finally {
    db.close()
  }
}

let cashSales = 0
/**
 * One whole sale in cash, as the F12 key makes it: opens a cart, adds `items` (a code with an
 * optional decimal quantity), and pays with `checkout:begin` and `cash: { tendered }` (decimal text
 * in the store currency). Returns the paid order.
 */
export async function sellForCash(
  core: Core,
  session: string,
  items: Array<{ code: string; quantity?: string }>,
  tendered: string
) {
  const cart = await callOk(core, session, 'cart:open', {})
  for (const item of items) await callOk(core, session, 'cart:add-item', { cartId: cart.id, ...item })
  return (
    await callOk(core, session, 'checkout:begin', {
      cartId: cart.id,
      cash: { tendered },
      checkoutKey: `cash-sale-${++cashSales}`
    })
  ).order
}
