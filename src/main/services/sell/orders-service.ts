import { businessDate, businessDayWindow } from '@shared/time/zone'
import type { OrderDetail } from '@shared/contract/channels/orders'
import { parseDecimalToMinor } from '@shared/money/format'
import { newId } from '../../core/ids'
import { DomainError, notFound } from '../../domain/errors'
import type { LedgerAccount } from '../../domain/ledger/accounts'
import { reverseEntry } from '../../domain/ledger/journal-entry'
import { ORDER_STATUSES, nextOrderStatus, type OrderStatus } from '../../domain/orders/order-status'
import { recordChange, type ServiceContext } from '../service-context'
import { requireOpenShift } from '../shifts/shift-guard'
import type { SettingsService } from '../settings-service'
import type { Actor } from '../service-context'
import { orderDetail, orderSummary } from './order-views'
import { payableOf } from '../../domain/orders/payable'
import { releaseCouponUses } from './coupon-uses'

/** Order history, detail and voids. */
export function createOrdersService(ctx: ServiceContext, deps: { settings: SettingsService }) {
  const { store, clock } = ctx

  const find = (orderId: string) => {
    const order = store.orders.get(orderId)
    if (!order) throw notFound('Order', 'orderId', 'order')
    return order
  }

  return {
    /**
     * Orders by number, business date range (the store's time zone), amount (minor units), cashier and status, newest first.
     * `minTotal`/`maxTotal` are decimal text of the store currency.
     * @throws FieldError `minTotal` / `maxTotal` (the router answers VALIDATION): `errors.validation.notADecimal`,
     *   `tooManyDecimalsFor` / `wholeNumberFor`, `tooLarge`
     */
    search(query: {
      number?: string | undefined
      from?: string | undefined
      to?: string | undefined
      minTotal?: string | undefined
      maxTotal?: string | undefined
      cashierUserId?: string | undefined
      status?: OrderStatus | undefined
      limit: number
      offset: number
    }) {
      const currency = deps.settings.getProfile().currency
      const toIso = (date: string | undefined, endOfDay: boolean): string | undefined => {
        if (!date) return undefined
        if (date.includes('T')) return date
        // A date means that whole business day, in the store's time zone.
        const window = businessDayWindow(date, deps.settings.timeZone())
        return endOfDay ? window.to : window.from
      }
      const { rows, total } = store.orders.search({
        number: query.number,
        from: toIso(query.from, false),
        to: toIso(query.to, true),
        minTotal:
          query.minTotal === undefined
            ? undefined
            : parseDecimalToMinor(query.minTotal, currency, 'minTotal'),
        maxTotal:
          query.maxTotal === undefined
            ? undefined
            : parseDecimalToMinor(query.maxTotal, currency, 'maxTotal'),
        cashierUserId: query.cashierUserId,
        statuses: query.status ? [query.status] : ORDER_STATUSES.filter((s) => s !== 'draft'),
        limit: query.limit,
        offset: query.offset
      })
      return { orders: rows.map((row) => orderSummary(store, row)), total }
    },

    /**
     * The people who have rung up orders, for the Orders screen's filter.
     */
    cashiers(): Array<{ id: string; displayName: string }> {
      return store.orders
        .cashierIds()
        .map((id) => ({ id, displayName: store.users.get(id)?.displayName ?? id }))
        .sort((a, b) => a.displayName.localeCompare(b.displayName))
    },

    /**
     * One order with its lines, coupons, tenders, refunds and receipt figures (minor units).
     * @throws DomainError NOT_FOUND `orderId` (`errors.notFound.order`)
     */
    get(orderId: string): OrderDetail {
      return orderDetail(store, find(orderId))
    },

    /**
     * Undoes a cash sale of today: the ledger entry is reversed, coupon uses are given back, and
     * the cash (Σ the cash payments, change already netted) is expected out of the drawer.
     *
     * A sale any part of which was paid by card, Alipay or WeChat Pay is refused (`CONFLICT`,
     * field `orderId`, key `errors.orders.voidNonCash`): the customer's money is at the provider,
     * and only a refund (`refunds:create`, one refund number per tender, booked when the provider
     * confirms) gives it back. A void is immediate and final; a provider refund may take time or be
     * refused, so it cannot be folded into one (README, "Voids and refunds").
     * Also refused: an order not paid today (`CONFLICT`, `errors.orders.voidNotToday`), no open
     * shift for a cash void (`requireOpenShift`).
     */
    void(input: { orderId: string; reason: string }, actor: Actor): OrderDetail {
      return store.transaction(() => {
        const order = find(input.orderId)
        nextOrderStatus(order.status, 'void')
        const paid = store.payments.forOrder(order.id).filter((p) => p.status === 'succeeded')
        const providers = [...new Set(paid.filter((p) => p.method !== 'cash').map((p) => p.method))]
        if (providers.length > 0) {
          throw new DomainError(
            'CONFLICT',
            `This sale was paid by ${providers.join(' and ')}: it cannot be voided; refund it so the money goes back to the customer through the provider`,
            'orderId',
            { key: 'errors.orders.voidNonCash', params: { methods: providers.join(',') } }
          )
        }
        // Cash given back leaves the drawer, so it must be counted in an open shift.
        if (paid.some((p) => p.method === 'cash')) requireOpenShift(store)
        const at = clock.now()
        const zone = deps.settings.timeZone()
        if (!order.paid_at || businessDate(new Date(order.paid_at), zone) !== businessDate(at, zone)) {
          throw new DomainError(
            'CONFLICT',
            'Only orders paid today can be voided; refund it instead',
            'orderId',
            {
              key: 'errors.orders.voidNotToday'
            }
          )
        }
        const sale = store.journal.linesForOrder(order.id).filter((line) => line.kind === 'sale')
        store.journal.post(
          reverseEntry('void', {
            kind: 'sale',
            lines: sale.map((line) => ({
              account: line.account as LedgerAccount,
              debit: line.debit,
              credit: line.credit
            }))
          }),
          { id: newId(), at: at.toISOString(), orderId: order.id, userId: actor.userId }
        )
        releaseCouponUses(store, order.id)
        store.orders.close(
          order.id,
          'paid',
          'voided',
          actor.approverUserId ?? actor.userId,
          input.reason,
          at.toISOString()
        )
        const voided = orderDetail(store, store.orders.get(order.id)!)
        recordChange(ctx, {
          actorUserId: actor.userId,
          approverUserId: actor.approverUserId ?? null,
          action: 'order.voided',
          subject: order.id,
          details: { number: order.number, total: payableOf(order), reason: input.reason },
          event: {
            type: 'order.voided',
            aggregateId: order.id,
            // v2: the moment of the void, as the till's Z-report books it (the event's own `at` is
            // stamped a moment later and could fall past a day's end or its settlement).
            payload: { id: order.id, number: order.number, reason: input.reason, voidedAt: at.toISOString() }
          }
        })
        return voided
      })
    }
  }
}

export type OrdersService = ReturnType<typeof createOrdersService>
