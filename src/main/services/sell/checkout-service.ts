import type { CheckoutResult } from './checkout-types'
import { minorDigits } from '@shared/money/currencies'
import { formatMinor, parseDecimalToMinor } from '@shared/money/format'
import { isImplausibleTender } from '@shared/money/plausibility'
import { newId } from '../../core/ids'
import { DomainError, invalid } from '../../domain/errors'
import { assertPlausibleTender } from '../../domain/payments/plausible-tender'
import type { ServiceContext } from '../service-context'
import type { SettingsService } from '../settings-service'
import type { Actor, CartService } from './cart-service'
import { completeSale, freezeOrder } from './order-freeze'
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

  /**
   * Notes a customer is likely to hand over for `due` (minor units): exact, the next round
   * amounts, and always the next multiple of the largest common note (¥100), which is what
   * most customers hand over for anything under it (issue 10).
   */
  const suggestTendered = (due: number, currency: string): number[] => {
    const unit = 10 ** minorDigits(currency)
    const notes = [1, 5, 10, 20, 50, 100].map((note) => note * unit)
    const roundUp = (note: number): number => (due % note === 0 ? due : due + (note - (due % note)))
    const next = [...new Set([due, ...notes.map(roundUp)])].sort((a, b) => a - b)
    const largest = roundUp(100 * unit)
    return [...next.filter((amount) => amount !== largest).slice(0, 4), largest].sort((a, b) => a - b)
  }

  return {
    /**
     * A cash payment's preview: due, change or shortfall, note suggestions (minor units) and
     * whether the tender is implausible. `due` (a decimal) is a split tender's cash part.
     */
    previewCash(input: { cartId: string; tendered: string; due?: string | undefined }, actor: Actor) {
      const cart = deps.carts.get(input.cartId, actor)
      const due =
        input.due === undefined ? cart.totals.cashTotal : parseDecimalToMinor(input.due, cart.currency, 'due')
      const tendered =
        input.tendered === '' ? 0 : parseDecimalToMinor(input.tendered, cart.currency, 'tendered')
      return {
        due,
        tendered,
        change: Math.max(0, tendered - due),
        short: Math.max(0, due - tendered),
        suggestions: suggestTendered(due, cart.currency),
        implausible: isImplausibleTender(tendered, due, cart.currency)
      }
    },

    payCash(
      input: {
        cartId: string
        tendered: string
        checkoutKey: string
        confirmLargeTender?: boolean | undefined
      },
      actor: Actor
    ): CheckoutResult {
      const result = store.transaction((): CheckoutResult => {
        const earlier = store.orders.byCheckoutKey(input.checkoutKey)
        if (earlier) {
          if (earlier.id !== input.cartId)
            throw new DomainError('CONFLICT', 'This checkout key belongs to another order', 'checkoutKey')
          return { order: orderDetail(store, earlier), change: earlier.change_given, replayed: true }
        }

        const frozen = freezeOrder(ctx, deps, {
          cartId: input.cartId,
          checkoutKey: input.checkoutKey,
          actor,
          whollyCash: true
        })
        const { order, payable } = frozen
        const tendered = parseDecimalToMinor(input.tendered, order.currency, 'tendered')
        if (tendered < payable) {
          const locale = deps.settings.getProfile().locale
          throw invalid(
            'tendered',
            `is less than the amount due, ${formatMinor(payable, order.currency, locale)}`
          )
        }
        assertPlausibleTender(
          tendered,
          payable,
          order.currency,
          input.confirmLargeTender === true,
          deps.settings.getProfile().locale
        )
        const at = clock.now().toISOString()
        store.payments.insert({
          id: newId(),
          order_id: order.id,
          method: 'cash',
          status: 'succeeded',
          amount: payable,
          tendered,
          change_given: tendered - payable,
          trade_no: null,
          provider_ref: null,
          created_at: at,
          completed_at: at
        })
        const { order: paid, change } = completeSale(ctx, {
          orderId: order.id,
          tenders: [{ method: 'cash', amount: payable, tendered }],
          actorUserId: actor.userId
        })
        return { order: paid, change, replayed: false }
      })
      return result
    }
  }
}

export type CheckoutService = ReturnType<typeof createCheckoutService>
