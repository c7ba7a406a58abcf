import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import type { CheckoutSession } from '@shared/contract/channels/tenders'
import type { Core } from '../../../src/main/app/create-core'
import { callOk } from '../../support/accounts'
import { GOODS, type openShop } from '../sell/sell-fixture'

export const TIMING = { pollMs: 100, giveUpMs: 30_000 }

export type Shop = Awaited<ReturnType<typeof openShop>>

/** Lets the till's watcher run: move its clock past a poll and give the timer a turn. */
export async function waitForState(
  shop: Shop,
  orderId: string,
  done: (s: CheckoutSession) => boolean
): Promise<CheckoutSession> {
  for (let i = 0; i < 80; i++) {
    const state = await callOk(shop.core, shop.cashier, 'checkout:state', { orderId })
    if (done(state)) return state
    shop.clock.advance(TIMING.pollMs)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('timed out waiting for the tender')
}

/**
 * One sale of `sku` paid wholly by `method` through the sandbox: card on the terminal, Alipay by
 * QR (the customer scans and pays), WeChat Pay by payment code (the customer types the password).
 * `settle: false` leaves the till unaware of the outcome (nothing polls until its clock moves).
 */
export async function sellWith(
  shop: Shop,
  method: 'card' | 'alipay' | 'wechat',
  sku: string = GOODS.rice.sku,
  options: { settle?: boolean } = {}
): Promise<{ orderId: string; tradeNo: string; amount: number }> {
  const { core, cashier } = shop
  const cart = await callOk(core, cashier, 'cart:open', {})
  await callOk(core, cashier, 'cart:add-item', { cartId: cart.id, code: sku })
  const begun = await callOk(core, cashier, 'checkout:begin', {
    cartId: cart.id,
    checkoutKey: `begin-${cart.id}`
  })
  const orderId = begun.order.id
  const attemptKey = `attempt-${cart.id}`
  const state =
    method === 'card'
      ? await callOk(core, cashier, 'tenders:add', { orderId, attemptKey, method })
      : method === 'alipay'
        ? await callOk(core, cashier, 'tenders:add', { orderId, attemptKey, method, flow: 'merchant_qr' })
        : await callOk(core, cashier, 'tenders:add', {
            orderId,
            attemptKey,
            method,
            flow: 'customer_code',
            authCode: '134567890123456789'
          })
  const tender = state.tenders[0]!
  const tradeNo = tender.tradeNo!
  if (method === 'card')
    await act(shop, { provider: 'card', tradeNo, action: 'card', pan: '6225880000001231', pin: '1234' })
  else if (method === 'alipay') await act(shop, { provider: 'alipay', tradeNo, action: 'approve' })
  else await act(shop, { provider: 'wechat', tradeNo, action: 'password', password: '123456' })
  if (options.settle !== false) await waitForState(shop, orderId, (s) => s.order.status === 'paid')
  return { orderId, tradeNo, amount: tender.amount }
}

async function act(shop: Shop, input: Parameters<typeof callOk<'sandbox:act'>>[3]): Promise<void> {
  await callOk(shop.core, shop.cashier, 'sandbox:act', input)
}

/** A refund of `amount` (yuan) of a provider-paid order, waited for until the provider confirms it. */
export async function refundAmount(shop: Shop, orderId: string, amount: string): Promise<string> {
  const refund = await callOk(shop.core, shop.manager, 'refunds:create', {
    orderId,
    refundKey: `refund-${orderId}-${amount}`,
    reason: 'test',
    amount
  })
  for (let i = 0; i < 60; i++) {
    const tender = db(shop.dataDir, (d) =>
      d.prepare('SELECT id, status FROM refund_tenders WHERE refund_id = ?').get(refund.id)
    ) as { id: string; status: string }
    if (tender.status === 'succeeded') return tender.id
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('the refund did not finish')
}

export function db<T>(dataDir: string, read: (d: BetterSqlite3.Database) => T): T {
  const handle = new BetterSqlite3(join(dataDir, 'kassa.sqlite'), { readonly: true })
  try {
    return read(handle)
  } finally {
    handle.close()
  }
}

export function paymentStatus(dataDir: string, tradeNo: string): string {
  return db(
    dataDir,
    (d) =>
      (d.prepare('SELECT status FROM payments WHERE trade_no = ?').get(tradeNo) as { status: string }).status
  )
}

/** Account balances as debit − credit, and the fee entries the journal holds. */
export function ledger(dataDir: string): { balances: Record<string, number>; feeEntries: number } {
  return db(dataDir, (d) => {
    const rows = d
      .prepare('SELECT account, sum(debit) - sum(credit) AS net FROM journal_lines GROUP BY account')
      .all() as Array<{ account: string; net: number }>
    const unbalanced = d
      .prepare('SELECT entry_id FROM journal_lines GROUP BY entry_id HAVING sum(debit) <> sum(credit)')
      .all()
    if (unbalanced.length > 0) throw new Error('unbalanced journal entries')
    const feeEntries = (
      d.prepare("SELECT count(*) AS n FROM journal_entries WHERE kind = 'provider_fees'").get() as {
        n: number
      }
    ).n
    return { balances: Object.fromEntries(rows.map((r) => [r.account, r.net])), feeEntries }
  })
}

export async function notifications(core: Core, session: string) {
  return (await callOk(core, session, 'notifications:list', {})).items
}
