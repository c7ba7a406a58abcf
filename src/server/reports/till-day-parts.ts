import { businessHour } from '@shared/time/zone'
import Decimal from 'decimal.js'
import type { ZReport } from '@shared/contract/channels/settlement'
import type { LineBucket, MethodSum, SalesBucket } from '../../main/domain/reports/z-report'
import type { HqDatabase } from '../db/types'
import { HELD_EVENTS } from '../push/held-events'
import {
  orderPaid,
  payloadOf,
  joinHeld,
  storedHeld,
  storedOf,
  tenderOf,
  tenderTax,
  type RefundPayload,
  type StoredEvent
} from './stored-events'
import type { Window } from './day-windows'
import type { WindowFigures } from './till-day'

// The reference's aggregates of a till's day: every order, refund and cash move read back from
// the events' JSON, one till at a time (`tillDay`; `day-sums.ts` takes the same sums in SQL).

/** The aggregates of `windows` for one till, as the till's settlement repo sums them. */
export async function partsOf(
  db: HqDatabase,
  tillId: string,
  windows: Window[],
  timeZone: string
): Promise<WindowFigures> {
  const sales: SalesBucket[] = []
  const voids: SalesBucket[] = []
  const refundLines = new Map<string, LineBucket>()
  const saleLines = new Map<string, LineBucket>()
  const voidLines = new Map<string, LineBucket>()
  const saleTenders: MethodSum[] = []
  const voidTenders: MethodSum[] = []
  const refundTenders: MethodSum[] = []
  // `amount`: the refunded shares; `rounding`: what the drawer gave back beyond them (cash rounding).
  const refunds = { n: 0, orders: 0, amount: 0, tax: 0, rounding: 0 }
  const moves = new Map<string, number>()
  const move = (kind: string, amount: number) => moves.set(kind, (moves.get(kind) ?? 0) + amount)
  const cashierNames = new Map<string, string>()
  const shifts: ZReport['cash']['shifts'] = []
  let currency: string | null = null
  let sold = false

  /** Adds an item to its (sku, tax rate) bucket as the till's SQL sums it: max() of the names, quantities in thousandths. */
  const addLine = (
    lines: Map<string, LineBucket>,
    line: { sku: string; name: string; nameEn: string | null; taxRate: string },
    quantity: string,
    total: number,
    tax: number
  ) => {
    const key = `${line.sku}\u0000${line.taxRate}`
    const bucket = lines.get(key) ?? {
      sku: line.sku,
      name: line.name,
      name_en: line.nameEn,
      tax_rate: line.taxRate,
      qty_milli: 0,
      total: 0,
      tax: 0
    }
    if (line.name > bucket.name) bucket.name = line.name
    if (line.nameEn !== null && (bucket.name_en === null || line.nameEn > bucket.name_en))
      bucket.name_en = line.nameEn
    bucket.qty_milli += new Decimal(quantity).mul(1000).toDecimalPlaces(0).toNumber()
    bucket.total += total
    bucket.tax += tax
    lines.set(key, bucket)
  }

  const addOrder = (
    event: StoredEvent,
    buckets: SalesBucket[],
    lines: Map<string, LineBucket>,
    tenders: MethodSum[]
  ) => {
    const o = orderPaid(event)
    currency ??= o.currency
    const cashier = o.cashierUserId ?? null
    // As the till: cashiers are named from the window's sales only (a void-only cashier shows
    // no name on the till's report either).
    if (cashier && o.cashierName && buckets === sales) cashierNames.set(cashier, o.cashierName)
    buckets.push({
      cashier,
      hour: businessHour(o.paidAt, timeZone),
      n: 1,
      gross: o.grossTotal ?? o.total,
      ld: o.lineDiscountTotal ?? 0,
      od: o.orderDiscountTotal ?? 0,
      tax: o.taxTotal ?? 0,
      total: o.total,
      rounding: o.cashRounding
    })
    for (const line of o.lines ?? []) addLine(lines, line, line.quantity, line.total, line.tax)
    for (const p of o.payments)
      if (p.status === 'succeeded') tenders.push({ method: p.method, amount: p.amount })
  }

  // Cash in / out are kept as events only (a restored till's too, as applied collisions).
  const cashMoves = await db.query<{ type: string; payload: string }>(
    `SELECT h.type, h.payload FROM ${HELD_EVENTS} h WHERE h.till_id = ? AND h.type IN ('shift.cash_in', 'shift.cash_out')`,
    [tillId]
  )

  for (const w of windows) {
    const range = [tillId, w.from, w.to]
    for (const row of await db.query<Record<string, unknown>>(
      `SELECT ${storedHeld('e')} FROM hq_orders o ${joinHeld('e', 'o')} WHERE o.till_id = ? AND o.paid_at >= ? AND o.paid_at < ?`,
      range
    ))
      addOrder(storedOf(row, 'e'), sales, saleLines, saleTenders)
    for (const row of await db.query<Record<string, unknown>>(
      `SELECT ${storedHeld('e')} FROM hq_orders o ${joinHeld('e', 'o')} WHERE o.till_id = ? AND o.voided_at >= ? AND o.voided_at < ?`,
      range
    ))
      addOrder(storedOf(row, 'e'), voids, voidLines, voidTenders)

    const tenders = await db.query<{
      tender_id: string
      refund_id: string
      order_id: string
      method: string
      amount: number
      [column: string]: unknown
    }>(
      `SELECT t.tender_id, t.refund_id, r.order_id, t.method, t.amount, ${storedHeld('e')}
       FROM hq_refund_tenders t
       JOIN hq_refunds r ON r.till_id = t.till_id AND r.refund_id = t.refund_id
       ${joinHeld('e', 'r')}
       WHERE t.till_id = ? AND t.status = 'succeeded' AND t.completed_at >= ? AND t.completed_at < ?`,
      range
    )
    const refundIds = new Set<string>()
    const orderIds = new Set<string>()
    for (const t of tenders) {
      refundIds.add(t.refund_id)
      orderIds.add(t.order_id)
      // As the till sums its refund tenders: the share is what went back less the cash rounding
      // (a cash-rounded sale's cash refund), which counts in the day's cash rounding instead.
      const refund = payloadOf(storedOf(t, 'e')) as RefundPayload
      const rounding = tenderOf(refund, t.tender_id)?.cashRounding ?? 0
      refunds.amount += Number(t.amount) - rounding
      refunds.rounding += rounding
      refunds.tax += tenderTax(refund, t.tender_id)
      refundTenders.push({ method: t.method, amount: Number(t.amount) })
    }
    // Items given back, by the moment their refund was complete: every tender paid out (the
    // last one's time), as the till settles its refund row. A refund by amount has no lines.
    for (const r of await db.query<Record<string, unknown>>(
      `SELECT ${storedHeld('e')}, ${storedHeld('s')} FROM hq_refunds r
       ${joinHeld('e', 'r')}
       JOIN hq_orders o ON o.till_id = r.till_id AND o.order_id = r.order_id
       ${joinHeld('s', 'o')}
       WHERE r.till_id = ? AND r.refund_id IN (
         SELECT refund_id FROM hq_refund_tenders WHERE till_id = ? GROUP BY refund_id
         HAVING SUM(CASE WHEN status = 'succeeded' THEN 0 ELSE 1 END) = 0
           AND MAX(completed_at) >= ? AND MAX(completed_at) < ?)`,
      [tillId, tillId, w.from, w.to]
    )) {
      const refund = payloadOf(storedOf(r, 'e')) as {
        lines?: Array<{ lineId: string; quantity: string; amount: number; tax?: number }>
      }
      const sold = new Map((orderPaid(storedOf(r, 's')).lines ?? []).map((line) => [line.id, line]))
      for (const line of refund.lines ?? []) {
        const of = sold.get(line.lineId)
        if (of) addLine(refundLines, of, line.quantity, line.amount, line.tax ?? 0)
      }
    }
    refunds.n += refundIds.size
    refunds.orders += orderIds.size

    for (const s of await db.query<{ float_amount: number }>(
      'SELECT float_amount FROM hq_shifts WHERE till_id = ? AND opened_at >= ? AND opened_at < ?',
      range
    ))
      move('float', Number(s.float_amount))
    for (const s of await db.query<{
      shift_id: string
      number: string | null
      kind: string
      closed_at: string
      expected: number
      counted: number
      over_short: number
    }>(
      'SELECT shift_id, number, kind, closed_at, expected, counted, over_short FROM hq_shifts WHERE till_id = ? AND closed_at >= ? AND closed_at < ? ORDER BY closed_at',
      range
    )) {
      const counted = Number(s.counted ?? 0)
      const overShort = Number(s.over_short ?? 0)
      // The till posts the count's difference and drops the counted cash at the close.
      if (overShort !== 0) move('over_short', overShort)
      if (counted > 0) move('drop', -counted)
      shifts.push({
        id: s.shift_id,
        number: s.number ?? s.shift_id,
        kind: s.kind,
        closedAt: s.closed_at,
        expected: Number(s.expected ?? 0),
        counted,
        overShort
      } as ZReport['cash']['shifts'][number])
    }
    for (const m of cashMoves) {
      const p = JSON.parse(m.payload) as { amount: number; at: string }
      if (p.at >= w.from && p.at < w.to)
        move(m.type === 'shift.cash_in' ? 'in' : 'out', m.type === 'shift.cash_in' ? p.amount : -p.amount)
    }
  }
  sold = sales.length + voids.length + refundTenders.length > 0
  return {
    sold,
    currency,
    parts: {
      sales,
      voids,
      saleLines: [...saleLines.values()],
      voidLines: [...voidLines.values()],
      refundLines: [...refundLines.values()],
      saleTenders,
      voidTenders,
      refunds,
      refundTenders: merge(refundTenders),
      cashMoves: [...moves].map(([kind, amount]) => ({ kind, amount })),
      shifts,
      cashierNames
    }
  }
}

function merge(rows: MethodSum[]): MethodSum[] {
  const out = new Map<string, number>()
  for (const row of rows) out.set(row.method, (out.get(row.method) ?? 0) + row.amount)
  return [...out].map(([method, amount]) => ({ method, amount }))
}
