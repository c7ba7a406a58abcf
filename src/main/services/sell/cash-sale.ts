import { formatMinor, parseDecimalToMinor } from '@shared/money/format'
import { newId } from '../../core/ids'
import { invalid } from '../../domain/errors'
import { nextOrderStatus } from '../../domain/orders/order-status'
import { assertPlausibleTender } from '../../domain/payments/plausible-tender'
import type { ServiceContext } from '../service-context'
import { bookSale, freezeDraft, tenderSums, type FreezeDeps, type PaidSale } from './order-freeze'
import { orderDetail } from './order-views'

/**
 * The cash handed over for a cash tender of `amount` (minor units): `tenderedText` (decimal text in
 * `currency`) or, left out, exactly `amount`.
 *
 * @throws VALIDATION `tendered` (errors.checkout.tenderedTooLittle) when less than `amount`;
 *   `tendered` (errors.checkout.implausibleTender) above `plausibleTenderLimit` unless `confirmed`;
 *   `tendered` (errors.validation.*) for text that is not an amount in `currency`
 */
export function cashTendered(
  amount: number,
  tenderedText: string | undefined,
  currency: string,
  confirmed: boolean,
  locale: string
): number {
  const tendered =
    tenderedText === undefined ? amount : parseDecimalToMinor(tenderedText, currency, 'tendered')
  if (tendered < amount)
    throw invalid('tendered', `is less than ${formatMinor(amount, currency, locale)}`, {
      key: 'errors.checkout.tenderedTooLittle',
      params: { amount: formatMinor(amount, currency, locale) }
    })
  assertPlausibleTender(tendered, amount, currency, confirmed, locale)
  return tendered
}

/**
 * The quick cash sale (F12), inside the caller's transaction: the draft frozen with cash rounding
 * (`freezeDraft`), paid by one succeeded cash tender of the whole payable with `tendered` handed over
 * (the rest is change), and booked (`bookSale`). Its statuses move as a checkout and then a payment
 * would (draft → awaiting_payment → paid, both checked by `nextOrderStatus`); because both happen
 * in this one transaction, the orders row is written once, already paid, and the sale's view is built
 * from the rows just written instead of reading them back. Returns the sale (minor units).
 *
 * @throws the refusals of `freezeDraft` and `cashTendered`
 */
export function sellForCash(
  ctx: ServiceContext,
  deps: FreezeDeps,
  input: Parameters<typeof freezeDraft>[2] & { tendered: string; confirmLargeTender: boolean }
): PaidSale {
  const { store, clock } = ctx
  const frozen = freezeDraft(ctx, deps, input)
  const { draft, fields, payable } = frozen
  nextOrderStatus(nextOrderStatus(draft.status, 'checkout'), 'pay')
  const tendered = cashTendered(
    payable,
    input.tendered,
    fields.currency,
    input.confirmLargeTender,
    frozen.profile.locale
  )
  const tenders = [{ method: 'cash' as const, amount: payable, tendered }]
  const { paidTotal, change } = tenderSums(tenders)
  const at = clock.now().toISOString()
  const row = store.orders.checkoutPaid(draft, { ...fields, paid_total: paidTotal, change_given: change }, at)
  const payment = store.payments.insert({
    id: newId(),
    order_id: row.id,
    method: 'cash',
    status: 'succeeded',
    amount: payable,
    tendered,
    change_given: change,
    trade_no: null,
    provider_ref: null,
    created_at: at,
    completed_at: at,
    flow: 'cash',
    attempt_key: input.checkoutKey,
    // The order's shift, written with the row rather than copied in by the trigger's second write.
    shift_id: row.shift_id
  })
  // A draft never holds payments (only an order awaiting payment takes tenders): this is its only one.
  const payments = [payment]
  const detail = orderDetail(store, row, { lines: frozen.lines, coupons: frozen.coupons, payments })
  bookSale(ctx, { row, tenders, actorUserId: input.actor.userId, detail })
  return { detail, row, payments }
}
