import type { CheckoutResult } from './checkout-types'
import { minorDigits } from '@shared/money/currencies'
import { formatMinor, parseDecimalToMinor } from '@shared/money/format'
import { businessDate } from '../../core/business-day'
import { newId } from '../../core/ids'
import { DomainError, invalid, notFound } from '../../domain/errors'
import { saleEntry } from '../../domain/ledger/sale-entry'
import { nextOrderStatus } from '../../domain/orders/order-status'
import { recordChange, type ServiceContext } from '../service-context'
import type { SettingsService } from '../settings-service'
import type { Actor, CartService } from './cart-service'
import { quoteRows } from './cart-quote'
import { orderDetail } from './order-views'

/**
 * Turns a cart into a paid order. One checkout is one SQLite transaction: the frozen
 * order and lines, the coupon redemptions, the payment, the balanced journal entry, the
 * audit entry and the outbox event commit together or not at all. A checkout key makes a
 * double click or a resent request return the first result instead of selling twice.
 */
export function createCheckoutService(
  ctx: ServiceContext,
  deps: { carts: CartService; settings: SettingsService; terminal: () => string }
) {
  const { store, clock } = ctx

  /** Notes a customer is likely to hand over for `due`: exact, then the next round amounts. */
  const suggestTendered = (due: number, currency: string): number[] => {
    const unit = 10 ** minorDigits(currency)
    const notes = [1, 5, 10, 20, 50, 100].map((note) => note * unit)
    const next = notes.map((note) => (due % note === 0 ? due : due + (note - (due % note))))
    return [...new Set([due, ...next])].filter((amount) => amount >= due).sort((a, b) => a - b).slice(0, 5)
  }

  return {
    previewCash(input: { cartId: string; tendered: string }) {
      const cart = deps.carts.get(input.cartId)
      const due = cart.totals.cashTotal
      const tendered = input.tendered === '' ? 0 : parseDecimalToMinor(input.tendered, cart.currency, 'tendered')
      return {
        due,
        tendered,
        change: Math.max(0, tendered - due),
        short: Math.max(0, due - tendered),
        suggestions: suggestTendered(due, cart.currency)
      }
    },

    payCash(input: { cartId: string; tendered: string; checkoutKey: string }, actor: Actor): CheckoutResult {
      const result = store.transaction((): CheckoutResult => {
        const earlier = store.orders.byCheckoutKey(input.checkoutKey)
        if (earlier) {
          if (earlier.id !== input.cartId) throw new DomainError('CONFLICT', 'This checkout key belongs to another order', 'checkoutKey')
          return { order: orderDetail(store, earlier), change: earlier.change_given, replayed: true }
        }

        const order = store.orders.get(input.cartId)
        if (!order) throw notFound('Cart', 'cartId')
        nextOrderStatus(order.status, 'checkout')
        const lines = store.orders.lines(order.id)
        if (lines.length === 0) throw invalid('cartId', 'The cart is empty')

        const profile = deps.settings.getProfile()
        const rules = { currency: order.currency, rounding: profile.rounding, taxMode: profile.taxMode, cashIncrement: profile.cashIncrement }
        if (profile.currency !== order.currency) throw new DomainError('CONFLICT', 'The store currency changed; discard this cart', 'cartId')
        const links = store.orders.coupons(order.id).map((link) => ({ link, coupon: store.coupons.byId(link.coupon_id)! }))
        const quote = quoteRows(rules, lines, links)

        // A sale settled wholly in cash pays the cash-rounded total.
        const cashRounding = quote.cashRounding ?? 0
        const payable = quote.total + cashRounding
        const tendered = parseDecimalToMinor(input.tendered, order.currency, 'tendered')
        if (tendered < payable) {
          throw invalid('tendered', `is less than the amount due, ${formatMinor(payable, order.currency, profile.locale)}`)
        }
        const change = tendered - payable

        const today = businessDate(clock.now())
        quote.coupons.forEach((outcome, i) => {
          const { link, coupon } = links[i]!
          if (outcome.applied) {
            deps.carts.checkCouponUsable(coupon, today)
            if (!store.coupons.redeem(coupon.id)) throw new DomainError('CONFLICT', `Coupon ${coupon.code} is used up`, 'code')
          }
          store.orders.freezeCoupon(order.id, link.position, outcome.applied, outcome.reason ?? null, outcome.discount)
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

        const at = clock.now().toISOString()
        const terminal = deps.terminal()
        const number = `${terminal}-${String(store.counters.next(`order:${terminal}`)).padStart(6, '0')}`
        store.orders.checkout(
          order.id,
          {
            number,
            currency: rules.currency,
            rounding: rules.rounding,
            tax_mode: rules.taxMode,
            cash_increment: rules.cashIncrement,
            checkout_key: input.checkoutKey,
            cashier_user_id: actor.userId,
            gross_total: quote.grossTotal,
            line_discount_total: quote.lineDiscountTotal,
            order_discount_total: quote.orderDiscountTotal,
            tax_total: quote.taxTotal,
            total: quote.total,
            cash_rounding: cashRounding
          },
          at
        )
        store.payments.insert({
          id: newId(),
          order_id: order.id,
          method: 'cash',
          status: 'succeeded',
          amount: payable,
          tendered,
          change_given: change,
          trade_no: null,
          provider_ref: null,
          created_at: at,
          completed_at: at
        })
        nextOrderStatus('awaiting_payment', 'pay')
        store.orders.markPaid(order.id, payable, change, at)
        store.journal.post(
          saleEntry(
            { grossTotal: quote.grossTotal, discountTotal: quote.discountTotal, taxTotal: quote.taxTotal, total: quote.total, cashRounding },
            [{ method: 'cash', amount: payable, tendered }]
          ),
          { id: newId(), at, orderId: order.id, userId: actor.userId }
        )
        const paid = orderDetail(store, store.orders.get(order.id)!)
        recordChange(ctx, {
          actorUserId: actor.userId,
          action: 'order.paid',
          subject: order.id,
          details: { number, total: payable, tendered, change, method: 'cash' },
          event: { type: 'order.paid', aggregateId: order.id, payload: paid }
        })
        return { order: paid, change, replayed: false }
      })
      return result
    }
  }
}

export type CheckoutService = ReturnType<typeof createCheckoutService>
