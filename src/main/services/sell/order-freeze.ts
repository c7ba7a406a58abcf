import type { OrderDetail } from '@shared/contract/channels/orders'
import type { TenderMethod } from '../../domain/ledger/accounts'
import { requireOwnCart } from './cart-owner'
import { businessDate } from '../../core/business-day'
import { newId } from '../../core/ids'
import { DomainError, invalid, notFound } from '../../domain/errors'
import { saleEntry, type TenderFigure } from '../../domain/ledger/sale-entry'
import { nextOrderStatus } from '../../domain/orders/order-status'
import type { OrderRow } from '../../store/repos/orders-repo'
import { recordChange, type ServiceContext } from '../service-context'
import { timeZoneOf, type SettingsService } from '../settings-service'
import type { StoreProfile } from '@shared/contract'
import { requireOpenShift } from '../shifts/shift-guard'
import type { Actor } from '../service-context'
import type { CartService } from './cart-service'
import { quoteRows } from './cart-quote'
import { orderDetail } from './order-views'
import { payableOf } from '../../domain/orders/payable'

export interface FreezeDeps {
  carts: CartService
  settings: SettingsService
  terminal: () => string
}

/**
 * Turns a draft into an order awaiting payment, inside the caller's transaction: quotes it
 * one last time, redeems its coupons (refusing one used up meanwhile), freezes every line's
 * figures, gives it the till's next number and stamps the open shift. `cashRounding` is
 * applied only when the sale is settled wholly in cash. `draft`: the cart's row when the caller
 * has just read it in this transaction (it is then not read again). Returns the frozen order, what
 * is payable (minor units) and the store profile it was frozen under.
 */
export function freezeOrder(
  ctx: ServiceContext,
  deps: FreezeDeps,
  input: {
    cartId: string
    checkoutKey: string
    actor: Actor
    whollyCash: boolean
    draft?: OrderRow | undefined
  }
): { order: OrderRow; payable: number; profile: StoreProfile } {
  const { store, clock } = ctx
  const order = input.draft ?? store.orders.get(input.cartId)
  if (!order) throw notFound('Cart', 'cartId', 'cart')
  requireOwnCart(order, input.actor.userId, 'cartId')
  nextOrderStatus(order.status, 'checkout')
  // A till sells only with an open shift; the sale is counted in its drawer.
  const terminal = deps.terminal()
  const shift = requireOpenShift(store, terminal)
  const lines = store.orders.lines(order.id)
  if (lines.length === 0) throw invalid('cartId', 'The cart is empty', { key: 'errors.cart.empty' })
  const unweighed = lines.find((line) => line.weight_pending === 1)
  if (unweighed)
    throw new DomainError(
      'VALIDATION',
      `${unweighed.name} is sold by the kg: enter its weight first`,
      'quantity',
      {
        key: 'errors.checkout.weightMissing',
        params: { name: unweighed.name, nameEn: unweighed.name_en ?? unweighed.name }
      }
    )

  const profile = deps.settings.getProfile()
  if (profile.currency !== order.currency)
    throw new DomainError('CONFLICT', 'The store currency changed; discard this cart', 'cartId', {
      key: 'errors.cart.currencyChanged',
      params: { currency: order.currency }
    })
  const rules = {
    currency: order.currency,
    rounding: profile.rounding,
    taxMode: profile.taxMode,
    cashIncrement: profile.cashIncrement,
    cashRoundingMode: profile.cashRoundingMode
  }
  const links = store.orders
    .coupons(order.id)
    .map((link) => ({ link, coupon: store.coupons.byId(link.coupon_id)! }))
  const quote = quoteRows(rules, lines, links)
  const cashRounding = input.whollyCash ? (quote.cashRounding ?? 0) : 0

  // The store's calendar day, worked out only when a coupon's validity needs it.
  let today: string | undefined
  quote.coupons.forEach((outcome, i) => {
    const { link, coupon } = links[i]!
    if (outcome.applied) {
      today ??= businessDate(clock.now(), timeZoneOf(profile))
      deps.carts.checkCouponUsable(coupon, today)
      if (!store.coupons.redeem(coupon.id))
        throw new DomainError('CONFLICT', `Coupon ${coupon.code} is used up`, 'code', {
          key: 'errors.coupons.usedUp',
          params: { code: coupon.code }
        })
    }
    store.orders.freezeCoupon(
      order.id,
      link.position,
      outcome.applied,
      outcome.reason ?? null,
      outcome.discount
    )
  })
  lines.forEach((line, i) => {
    const figures = quote.lines[i]!
    store.orders.freezeLine(line.id, {
      gross: figures.gross,
      line_discount: figures.lineDiscount,
      net: figures.net,
      order_discount: figures.orderDiscount,
      net_after_discount: figures.netAfterDiscount,
      tax: figures.tax,
      total: figures.total
    })
  })

  const number = `${terminal}-${String(store.counters.next(`order:${terminal}`)).padStart(6, '0')}`
  const frozen = store.orders.checkout(
    order.id,
    {
      number,
      currency: rules.currency,
      rounding: rules.rounding,
      tax_mode: rules.taxMode,
      cash_increment: rules.cashIncrement,
      cash_rounding_mode: rules.cashRoundingMode,
      checkout_key: input.checkoutKey,
      cashier_user_id: input.actor.userId,
      gross_total: quote.grossTotal,
      line_discount_total: quote.lineDiscountTotal,
      order_discount_total: quote.orderDiscountTotal,
      tax_total: quote.taxTotal,
      total: quote.total,
      cash_rounding: cashRounding,
      // Stamped with the open shift in the same write (a draft has no payments to stamp).
      shift_id: shift.id
    },
    clock.now().toISOString()
  )
  return { order: frozen, payable: payableOf(frozen), profile }
}

/**
 * Marks an order paid once its tenders cover it, inside the caller's transaction: the
 * balanced sale entry over every tender, the audit entry and the `order.paid` event. `order`: its
 * row as just read in this transaction.
 */
function completeSale(
  ctx: ServiceContext,
  input: { order: OrderRow; tenders: TenderFigure[]; actorUserId: string | null }
) {
  const { store, clock } = ctx
  const { order } = input
  nextOrderStatus(order.status, 'pay')
  const at = clock.now().toISOString()
  const paidTotal = input.tenders.reduce((sum, tender) => sum + tender.amount, 0)
  const change = input.tenders.reduce(
    (sum, tender) => sum + ((tender.tendered ?? tender.amount) - tender.amount),
    0
  )
  const row = store.orders.markPaid(order.id, paidTotal, change, at)
  store.journal.post(
    saleEntry(
      {
        grossTotal: order.gross_total,
        discountTotal: order.line_discount_total + order.order_discount_total,
        taxTotal: order.tax_total,
        total: order.total,
        cashRounding: order.cash_rounding
      },
      input.tenders
    ),
    { id: newId(), at, orderId: order.id, userId: input.actorUserId }
  )
  const paid = orderDetail(store, row)
  recordChange(ctx, {
    actorUserId: input.actorUserId,
    action: 'order.paid',
    subject: order.id,
    details: { number: order.number, total: paidTotal, change, methods: input.tenders.map((t) => t.method) },
    // The cashier's id rides along (the detail shows only the name) so the head office's
    // Z-report groups by cashier exactly as the till's does.
    event: {
      type: 'order.paid',
      aggregateId: order.id,
      payload: { ...paid, cashierUserId: order.cashier_user_id }
    }
  })
  return { order: paid, row, change }
}

/** A sale just paid: its view and its row as written. */
export interface PaidSale {
  detail: OrderDetail
  row: OrderRow
}

/**
 * Pays the order once its succeeded tenders cover `payableOf(order)`, through `completeSale`: the cash
 * sale and a provider's answer alike. Call inside a transaction; the order's view and row when it was
 * paid, else null. `known`: the order's row when the caller has just read or written it in this
 * transaction (it is then not read again).
 */
export function completeIfCovered(
  ctx: ServiceContext,
  orderId: string,
  actorUserId: string | null,
  known?: OrderRow
): PaidSale | null {
  const { store } = ctx
  const order = known ?? store.orders.get(orderId)!
  if (order.status !== 'awaiting_payment') return null
  const succeeded = store.payments.forOrder(orderId).filter((p) => p.status === 'succeeded')
  const paid = succeeded.reduce((sum, p) => sum + p.amount, 0)
  if (paid < payableOf(order)) return null
  const sale = completeSale(ctx, {
    order,
    tenders: succeeded.map((p) => ({
      method: p.method as TenderMethod,
      amount: p.amount,
      tendered: p.tendered
    })),
    // A provider's answer has no person behind it: the sale stays the cashier's who rang it up.
    actorUserId: actorUserId ?? order.cashier_user_id
  })
  return { detail: sale.order, row: sale.row }
}
