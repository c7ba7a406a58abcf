import type { OrderDetail } from '@shared/contract/channels/orders'
import type { CheckoutSession, Tender } from '@shared/contract/channels/tenders'
import { notFound } from '../../domain/errors'
import { payableOf } from '../../domain/orders/payable'
import type { OrderRow } from '../../store/repos/orders-repo'
import type { PaymentRow } from '../../store/repos/payments-repo'
import type { Store } from '../../store/store'
import { orderDetail } from './order-views'

/** A payment row as the payment dialog shows a tender (amounts in minor units). */
export const tenderView = (row: PaymentRow): Tender => ({
  id: row.id,
  method: row.method,
  flow: (row.flow ?? 'cash') as Tender['flow'],
  status: row.status,
  amount: row.amount,
  tendered: row.tendered,
  change: row.change_given,
  tradeNo: row.trade_no,
  qrContent: row.qr_content ?? null,
  maskedPan: row.masked_pan ?? null,
  failure: row.failure_code ? { code: row.failure_code, message: row.failure_message ?? '' } : null,
  createdAt: row.created_at,
  expiresAt: row.expires_at ?? null
})

/**
 * Where an order's payment stands (`CheckoutSession`): due (`payableOf`), paid, remaining and change in
 * minor units, and its tenders.
 *
 * @throws DomainError `NOT_FOUND` on `orderId` (`errors.notFound.order`) for a draft or unknown order
 */
export function checkoutSession(
  store: Store,
  orderId: string,
  /** The sale's view, row and payments when the caller has just paid it in this transaction (not read again). */
  sale?: { detail: OrderDetail; row: OrderRow; payments: PaymentRow[] }
): CheckoutSession {
  const order = sale?.row ?? store.orders.get(orderId)
  if (!order?.number) throw notFound('Order', 'orderId', 'order')
  const payments = sale?.payments ?? store.payments.forOrder(orderId)
  const due = payableOf(order)
  const paid = payments.filter((p) => p.status === 'succeeded').reduce((sum, p) => sum + p.amount, 0)
  return {
    order: sale?.detail ?? orderDetail(store, order),
    due,
    paid,
    remaining: Math.max(0, due - paid),
    change: payments
      .filter((p) => p.method === 'cash' && p.status === 'succeeded')
      .reduce((sum, p) => sum + p.change_given, 0),
    tenders: payments.map(tenderView)
  }
}
