import type { Refund } from '@shared/contract/channels/refunds'
import type { RefundRow } from '../../store/repos/refunds-repo'
import type { Store } from '../../store/store'

/** A refund as the screens show it: its lines with their names, its tenders, who asked and who approved. */
export function refundView(store: Store, row: RefundRow): Refund {
  const order = store.orders.get(row.order_id)!
  const names = new Map(store.orders.lines(row.order_id).map((line) => [line.id, line]))
  const nameOf = (userId: string | null) => (userId ? (store.users.get(userId)?.displayName ?? null) : null)
  return {
    id: row.id,
    number: row.number,
    orderId: row.order_id,
    orderNumber: order.number,
    status: row.status,
    amount: row.amount,
    tax: row.tax,
    reason: row.reason,
    currency: order.currency,
    requestedBy: nameOf(row.requested_by),
    approvedBy: nameOf(row.approved_by),
    createdAt: row.created_at,
    lines: store.refunds.lines(row.id).map((line) => ({
      lineId: line.order_line_id,
      name: names.get(line.order_line_id)?.name ?? '',
      nameEn: names.get(line.order_line_id)?.name_en ?? null,
      quantity: line.quantity,
      amount: line.amount
    })),
    tenders: store.refunds.tenders(row.id).map((tender) => ({
      method: tender.method,
      amount: tender.amount,
      status: tender.status,
      outRequestNo: tender.id
    }))
  }
}
