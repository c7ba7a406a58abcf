import Decimal from 'decimal.js'
import type { OrderDetail, OrderSummary } from '@shared/contract/channels/orders'
import type { Store } from '../../store/store'
import type { OrderCouponRow, OrderLineRow, OrderRow } from '../../store/repos/orders-repo'
import type { PaymentRow } from '../../store/repos/payments-repo'
import { payableOf } from '../../domain/orders/payable'

/** An order as history lists it; `lines`: its rows when the caller has them already (counted, not read again). */
export function orderSummary(
  store: Store,
  order: OrderRow,
  lines: readonly unknown[] = store.orders.lines(order.id)
): OrderSummary {
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    currency: order.currency,
    total: order.total,
    cashRounding: order.cash_rounding,
    payable: payableOf(order),
    itemCount: lines.length,
    cashierName: order.cashier_user_id ? (store.users.get(order.cashier_user_id)?.displayName ?? null) : null,
    paidAt: order.paid_at,
    createdAt: order.created_at
  }
}

// A tax rate as the view keys it ('0.13' for '0.130'): a few distinct rates, normalised once each
// rather than through a Decimal on every line of every sale.
const rateKeys = new Map<string, string>()
const rateKey = (rate: string): string => {
  let key = rateKeys.get(rate)
  if (key === undefined) {
    key = new Decimal(rate).toFixed()
    if (rateKeys.size < 256) rateKeys.set(rate, key)
  }
  return key
}

/**
 * An order with everything a receipt or a detail view shows, from its frozen rows. `known`: rows the
 * caller has just written or read in this transaction, exactly as they stand in the file (lines and
 * coupons in position order, payments as `forOrder` gives them); those are not read again.
 */
export function orderDetail(
  store: Store,
  order: OrderRow,
  known: { lines?: OrderLineRow[]; coupons?: OrderCouponRow[]; payments?: PaymentRow[] } = {}
): OrderDetail {
  const lines = known.lines ?? store.orders.lines(order.id)
  const byRate = new Map<string, { tax: number; net: number }>()
  for (const line of lines) {
    const key = rateKey(line.tax_rate)
    const entry = byRate.get(key) ?? { tax: 0, net: 0 }
    entry.tax += line.tax
    entry.net += line.total - line.tax
    byRate.set(key, entry)
  }
  return {
    ...orderSummary(store, order, lines),
    terminal: order.terminal,
    taxMode: order.tax_mode,
    lines: lines.map((line) => ({
      id: line.id,
      sku: line.sku,
      name: line.name,
      nameEn: line.name_en,
      unit: line.unit,
      quantity: line.quantity,
      unitPrice: line.unit_price,
      listPrice: line.list_price,
      taxRate: line.tax_rate,
      discount: line.discount_type ? { type: line.discount_type, value: line.discount_value! } : null,
      gross: line.gross,
      lineDiscount: line.line_discount,
      net: line.net,
      orderDiscount: line.order_discount,
      netAfterDiscount: line.net_after_discount,
      tax: line.tax,
      total: line.total
    })),
    coupons: (known.coupons ?? store.orders.coupons(order.id)).map((c) => ({
      code: c.code,
      applied: c.applied === 1,
      reason: c.reason,
      discount: c.discount
    })),
    payments: (known.payments ?? store.payments.forOrder(order.id)).map((p) => ({
      id: p.id,
      method: p.method,
      status: p.status,
      amount: p.amount,
      tendered: p.tendered,
      change: p.change_given,
      tradeNo: p.trade_no,
      maskedPan: p.masked_pan ?? null,
      at: p.completed_at ?? p.created_at
    })),
    grossTotal: order.gross_total,
    lineDiscountTotal: order.line_discount_total,
    orderDiscountTotal: order.order_discount_total,
    discountTotal: order.line_discount_total + order.order_discount_total,
    taxTotal: order.tax_total,
    paidTotal: order.paid_total,
    changeGiven: order.change_given,
    refundedTotal: order.refunded_total,
    taxByRate: [...byRate.entries()]
      .sort(([a], [b]) => new Decimal(a).comparedTo(b))
      .map(([rate, figures]) => ({ rate, ...figures })),
    closedAt: order.closed_at,
    closeReason: order.close_reason
  }
}
