import type { Page } from '@playwright/test'
import { api } from './api'

interface Product {
  id: string
  sku: string
  unit: string
  priceMinor: number
}

interface State {
  order: { id: string; number: string; status: string; payable: number }
  tenders: Array<{ tradeNo: string | null; status: string }>
}

export type TenderKind = 'cash' | 'card' | 'alipay' | 'wechat' | 'split'

/** A piece-priced product between ¥10 and ¥40, for a sale worth splitting. */
async function product(page: Page): Promise<Product> {
  const { products } = await api<{ products: Product[] }>(page, 'catalog:search', { query: '', limit: 100 })
  return products.find((p) => p.unit === 'piece' && p.priceMinor >= 1000 && p.priceMinor <= 4000)!
}

async function settle(page: Page, orderId: string, done: (s: State) => boolean): Promise<State> {
  for (let i = 0; i < 100; i++) {
    const state = await api<State>(page, 'checkout:state', { orderId })
    if (done(state)) return state
    await page.waitForTimeout(200)
  }
  throw new Error('the tender did not settle')
}

/** A provider tender paid as the customer would on the sandbox's customer device. */
async function payAtProvider(
  page: Page,
  orderId: string,
  method: 'card' | 'alipay' | 'wechat',
  key: string,
  amount?: string
) {
  const state = await api<State>(page, 'tenders:add', {
    orderId,
    attemptKey: key,
    method,
    ...(amount ? { amount } : {}),
    ...(method === 'alipay' ? { flow: 'merchant_qr' } : {}),
    ...(method === 'wechat' ? { flow: 'customer_code', authCode: '134567890123456789' } : {})
  })
  const tradeNo = state.tenders.at(-1)!.tradeNo!
  if (method === 'card')
    await api(page, 'sandbox:act', {
      provider: 'card',
      tradeNo,
      action: 'card',
      pan: '6225880000001231',
      pin: '1234'
    })
  else if (method === 'alipay')
    await api(page, 'sandbox:act', { provider: 'alipay', tradeNo, action: 'approve' })
  else await api(page, 'sandbox:act', { provider: 'wechat', tradeNo, action: 'password', password: '123456' })
}

/**
 * Arranges one paid sale through the sandbox gateway (not the step under test): cash, card on the
 * terminal, Alipay by QR, WeChat Pay by payment code, or a split of ¥5.00 by card and the rest in cash.
 */
export async function sellBy(page: Page, kind: TenderKind): Promise<State['order']> {
  const item = await product(page)
  const cart = await api<{ id: string }>(page, 'cart:open', {})
  await api(page, 'cart:add-item', { cartId: cart.id, productId: item.id })
  const key = `e2e-${kind}-${cart.id}`
  if (kind === 'cash') {
    const { order } = await api<{ order: State['order'] }>(page, 'checkout:pay-cash', {
      cartId: cart.id,
      tendered: '100',
      checkoutKey: key
    })
    return order
  }
  const { order } = await api<State>(page, 'checkout:begin', { cartId: cart.id, checkoutKey: key })
  if (kind === 'split') {
    await payAtProvider(page, order.id, 'card', `${key}-card`, '5.00')
    await settle(page, order.id, (s) => s.tenders[0]?.status === 'succeeded')
    await api(page, 'tenders:add', {
      orderId: order.id,
      attemptKey: `${key}-cash`,
      method: 'cash',
      tendered: '100'
    })
  } else await payAtProvider(page, order.id, kind, `${key}-1`)
  return (await settle(page, order.id, (s) => s.order.status === 'paid')).order
}
