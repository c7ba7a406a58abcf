import { businessDate } from '@shared/time/zone'
import type { OrderDetail } from '@shared/contract/channels/orders'
import type { TenderMethod } from '../../domain/ledger/accounts'
import { requireOwnCart } from './cart-owner'
import { newId } from '../../core/ids'
import { DomainError, invalid, notFound } from '../../domain/errors'
import { saleEntry, type TenderFigure } from '../../domain/ledger/sale-entry'
import { nextOrderStatus } from '../../domain/orders/order-status'
import type { CheckoutFields, OrderCouponRow, OrderLineRow, OrderRow } from '../../store/repos/orders-repo'
import type { PaymentRow } from '../../store/repos/payments-repo'
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
 * A draft frozen except for its orders row: every check passed, coupons redeemed, lines and coupon
 * links written with their figures, the number drawn. `lines` and `coupons` are the rows as they now
 * stand in the file (what a read would give back), for views built without reading them again.
 */
export interface FrozenDraft {
  draft: OrderRow
  lines: OrderLineRow[]
  coupons: OrderCouponRow[]
  fields: CheckoutFields
  /** What is payable (minor units): the total, plus the cash rounding of a sale wholly in cash. */
  payable: number
  profile: StoreProfile
}

/**
 * Freezes a draft, inside the caller's transaction, up to (not including) its orders row: quotes it
 * one last time, redeems its coupons (refusing one used up meanwhile), freezes every line's figures,
 * draws the till's next number and finds the open shift. `cashRounding` is applied only when the
 * sale is settled wholly in cash. `draft`: the cart's row when the caller has just read it in this
 * transaction (it is then not read again). The caller writes the orders row: `freezeOrder` (awaiting
 * payment) or `sellForCash` (paid at once).
 *
 * @throws DomainError NOT_FOUND `cartId` (errors.notFound.cart); CONFLICT `cartId`
 *   (errors.cart.notYours, errors.cart.currencyChanged), `status` (errors.orders.badTransition),
 *   `shift` (errors.shift.notOpen), `code` (errors.coupons.*); VALIDATION `cartId` (errors.cart.empty),
 *   `quantity` (errors.checkout.weightMissing)
 */
export function freezeDraft(
  ctx: ServiceContext,
  deps: FreezeDeps,
  input: {
    cartId: string
    checkoutKey: string
    actor: Actor
    whollyCash: boolean
    draft?: OrderRow | undefined
  }
): FrozenDraft {
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
  const coupons = quote.coupons.map((outcome, i): OrderCouponRow => {
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
    const reason = outcome.reason ?? null
    store.orders.freezeCoupon(order.id, link.position, outcome.applied, reason, outcome.discount)
    return { ...link, applied: outcome.applied ? 1 : 0, reason, discount: outcome.discount }
  })
  const frozenLines = lines.map((line, i): OrderLineRow => {
    const figures = quote.lines[i]!
    const frozen = {
      gross: figures.gross,
      line_discount: figures.lineDiscount,
      net: figures.net,
      order_discount: figures.orderDiscount,
      net_after_discount: figures.netAfterDiscount,
      tax: figures.tax,
      total: figures.total
    }
    store.orders.freezeLine(line.id, frozen)
    return { ...line, ...frozen }
  })

  const number = `${terminal}-${String(store.counters.next(`order:${terminal}`)).padStart(6, '0')}`
  const fields: CheckoutFields = {
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
  }
  return {
    draft: order,
    lines: frozenLines,
    coupons,
    fields,
    payable: payableOf({ total: quote.total, cash_rounding: cashRounding }),
    profile
  }
}

/**
 * Turns a draft into an order awaiting payment, inside the caller's transaction (`freezeDraft`, then
 * its orders row). Returns the frozen order, what is payable (minor units) and the store profile it
 * was frozen under.
 *
 * @throws the refusals of `freezeDraft`
 */
export function freezeOrder(
  ctx: ServiceContext,
  deps: FreezeDeps,
  input: Parameters<typeof freezeDraft>[2]
): { order: OrderRow; payable: number; profile: StoreProfile } {
  const frozen = freezeDraft(ctx, deps, input)
  const order = ctx.store.orders.checkout(frozen.draft.id, frozen.fields, ctx.clock.now().toISOString())
  return { order, payable: payableOf(order), profile: frozen.profile }
}

/**
 * Books a sale whose orders row was just written paid, inside the caller's transaction: the balanced
 * sale entry over every tender, the audit entry and the `order.paid` event carrying `detail` (the
 * order's view as its rows now stand; figures in minor units). `row`: the paid row as written.
 */
export function bookSale(
  ctx: ServiceContext,
  input: { row: OrderRow; tenders: TenderFigure[]; actorUserId: string | null; detail: OrderDetail }
): void {
  const { row, tenders } = input
  ctx.store.journal.post(
    saleEntry(
      {
        grossTotal: row.gross_total,
        discountTotal: row.line_discount_total + row.order_discount_total,
        taxTotal: row.tax_total,
        total: row.total,
        cashRounding: row.cash_rounding
      },
      tenders
    ),
    { id: newId(), at: row.paid_at!, orderId: row.id, userId: input.actorUserId }
  )
  recordChange(ctx, {
    actorUserId: input.actorUserId,
    action: 'order.paid',
    subject: row.id,
    details: {
      number: row.number,
      total: row.paid_total,
      change: row.change_given,
      methods: tenders.map((t) => t.method)
    },
    // The cashier's id rides along (the detail shows only the name) so the head office's
    // Z-report groups by cashier exactly as the till's does.
    event: {
      type: 'order.paid',
      aggregateId: row.id,
      payload: { ...input.detail, cashierUserId: row.cashier_user_id }
    }
  })
}

/** What tenders of `amount` (with cash `tendered`) add up to: paid and change given, minor units. */
export function tenderSums(tenders: TenderFigure[]): { paidTotal: number; change: number } {
  return {
    paidTotal: tenders.reduce((sum, tender) => sum + tender.amount, 0),
    change: tenders.reduce((sum, tender) => sum + ((tender.tendered ?? tender.amount) - tender.amount), 0)
  }
}

/** A sale just paid: its view, its row as written and its payments (minor units). */
export interface PaidSale {
  detail: OrderDetail
  row: OrderRow
  payments: PaymentRow[]
}

/**
 * Pays the order once its succeeded tenders cover `payableOf(order)` (`markPaid`, then `bookSale`):
 * a split sale's last tender and a provider's answer alike. Call inside a transaction; the sale when
 * it was paid, else null. `known`: the order's row when the caller has just read or written it in
 * this transaction (it is then not read again).
 */
export function completeIfCovered(
  ctx: ServiceContext,
  orderId: string,
  actorUserId: string | null,
  known?: OrderRow
): PaidSale | null {
  const { store, clock } = ctx
  const order = known ?? store.orders.get(orderId)!
  if (order.status !== 'awaiting_payment') return null
  const payments = store.payments.forOrder(orderId)
  const succeeded = payments.filter((p) => p.status === 'succeeded')
  const paid = succeeded.reduce((sum, p) => sum + p.amount, 0)
  if (paid < payableOf(order)) return null
  nextOrderStatus(order.status, 'pay')
  const tenders = succeeded.map((p) => ({
    method: p.method as TenderMethod,
    amount: p.amount,
    tendered: p.tendered
  }))
  const { paidTotal, change } = tenderSums(tenders)
  const row = store.orders.markPaid(order.id, paidTotal, change, clock.now().toISOString())
  // The payments were read just above and marking the order paid leaves them as they are.
  const detail = orderDetail(store, row, { payments })
  // A provider's answer has no person behind it: the sale stays the cashier's who rang it up.
  bookSale(ctx, { row, tenders, actorUserId: actorUserId ?? order.cashier_user_id, detail })
  return { detail, row, payments }
}
