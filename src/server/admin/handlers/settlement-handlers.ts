import type { DayOrder, settlementApi } from '@shared/hq-api/settlement'
import type { HqDatabase } from '../../db/types'
import { HELD_EVENTS } from '../../push/held-events'
import { consolidatedDay } from '../../reports/consolidated-day'
import { fromBeforeRestore, restoredParts } from '../../reports/restored-history'
import type { AreaHandlers } from '../context'
import { HqRefusal } from '../refusal'

/** Most orders one drill-down lists (a busy store's day is a few thousand). */
export const MAX_DAY_ORDERS = 5000

interface OrderRow {
  till_id: string
  code: string
  order_id: string
  event_id: string
  number: string | null
  currency: string
  total: number
  cash_rounding: number
  paid_at: string
  voided_at: string | null
  refunded: number | null
  before_restore: number | boolean
}

const ORDER_COLUMNS = `o.till_id, t.code, o.order_id, o.event_id, o.number, o.currency, o.total, o.cash_rounding,
  o.paid_at, o.voided_at,
  (SELECT SUM(rt.amount) FROM hq_refunds r JOIN hq_refund_tenders rt ON rt.till_id = r.till_id AND rt.refund_id = r.refund_id
    WHERE r.order_id = o.order_id AND rt.status = 'succeeded') AS refunded,
  ${fromBeforeRestore('o')} AS before_restore`

const orderView = (row: OrderRow): DayOrder => ({
  tillId: row.till_id,
  tillCode: row.code,
  orderId: row.order_id,
  number: row.number,
  currency: row.currency,
  total: Number(row.total),
  paidAt: row.paid_at,
  voidedAt: row.voided_at,
  refunded: Number(row.refunded ?? 0),
  // SQLite answers EXISTS with 0/1, PostgreSQL with a boolean.
  beforeRestore: Boolean(Number(row.before_restore))
})

async function storeName(db: HqDatabase, storeId: string): Promise<string> {
  const [store] = await db.query<{ name: string }>('SELECT name FROM stores WHERE id = ?', [storeId])
  if (!store)
    throw new HqRefusal('NOT_FOUND', 'storeId: no such store', 'errors.hq.stores.unknown', 'storeId')
  return store.name
}

/** The consolidated daily settlement and its drill-down. */
export const settlementHandlers: AreaHandlers<typeof settlementApi> = {
  /**
   * `consolidatedDay` for `date` (each store's local date): per till the till's own Z-report, per
   * store and per currency the same figures summed — limited to `storeId`, and a manager's stores.
   * Each till says what of its day only the head office holds from before a restore (`restoredParts`).
   */
  async day(input, ctx) {
    const name = input.storeId === undefined ? undefined : await storeName(ctx.db, input.storeId)
    const day = await consolidatedDay(ctx.db, ctx.clock, input.date, name, ctx.canSeeStore)
    const stores = []
    for (const store of day.stores) {
      const restored = await restoredParts(ctx.db, store.storeId, input.date)
      stores.push({
        ...store,
        tills: store.tills.map((till) => ({ ...till, restored: restored.get(till.tillId) ?? null }))
      })
    }
    return { ...day, stores }
  },

  /** The orders paid or voided on `date` in a store (one till's with `tillId`), oldest first. */
  async orders(input, ctx) {
    await storeName(ctx.db, input.storeId)
    const rows = await ctx.db.query<OrderRow>(
      `SELECT ${ORDER_COLUMNS} FROM hq_orders o JOIN tills t ON t.id = o.till_id
       WHERE o.store_id = ? AND (o.paid_day = ? OR o.voided_day = ?) ${input.tillId ? 'AND o.till_id = ?' : ''}
       ORDER BY o.paid_at, t.code LIMIT ${MAX_DAY_ORDERS}`,
      [input.storeId, input.date, input.date, ...(input.tillId ? [input.tillId] : [])]
    )
    return { orders: rows.map(orderView) }
  },

  /** One order with its lines (from the till's `order.paid` event), tenders and refunds. NOT_FOUND on `orderId`. */
  async order(input, ctx) {
    const [row] = await ctx.db.query<OrderRow>(
      `SELECT ${ORDER_COLUMNS} FROM hq_orders o JOIN tills t ON t.id = o.till_id
       WHERE o.store_id = ? AND o.till_id = ? AND o.order_id = ?`,
      [input.storeId, input.tillId, input.orderId]
    )
    if (!row)
      throw new HqRefusal('NOT_FOUND', 'orderId: no such order', 'errors.hq.settlement.noOrder', 'orderId')
    // A sale rung up after a restore is held as an applied collision, under its own event id.
    const [event] = await ctx.db.query<{ payload: string }>(
      `SELECT h.payload FROM ${HELD_EVENTS} h WHERE h.till_id = ? AND h.event_id = ? AND h.status = 'applied'`,
      [row.till_id, row.event_id]
    )
    const paid = JSON.parse(event?.payload ?? '{}') as {
      cashierName?: string | null
      lines?: Array<{
        sku: string
        name: string
        nameEn: string | null
        quantity: string
        total: number
        tax: number
      }>
    }
    const tenders = await ctx.db.query<{ method: string; amount: number; status: string }>(
      'SELECT method, amount, status FROM hq_payments WHERE till_id = ? AND order_id = ? ORDER BY at',
      [row.till_id, row.order_id]
    )
    const refunds = await ctx.db.query<{
      number: string
      amount: number
      status: string
      created_at: string
    }>('SELECT number, amount, status, created_at FROM hq_refunds WHERE order_id = ? ORDER BY created_at', [
      row.order_id
    ])
    return {
      ...orderView(row),
      cashierName: paid.cashierName ?? null,
      cashRounding: Number(row.cash_rounding),
      lines: (paid.lines ?? []).map((line) => ({
        sku: line.sku,
        name: line.name,
        nameEn: line.nameEn ?? null,
        quantity: String(line.quantity),
        total: Number(line.total),
        tax: Number(line.tax)
      })),
      tenders: tenders.map((t) => ({ method: t.method, amount: Number(t.amount), status: t.status })),
      refunds: refunds.map((r) => ({
        number: r.number,
        amount: Number(r.amount),
        status: r.status,
        createdAt: r.created_at
      }))
    }
  }
}
