import Decimal from 'decimal.js'
import type { ZReport } from '@shared/contract/channels/settlement'
import {
  buildZReport,
  type DayFigures,
  type LineBucket,
  type MethodSum,
  type SalesBucket
} from '../../main/domain/reports/z-report'
import type { HqDatabase } from '../db/types'
import { HELD_EVENTS, lastProfile } from '../push/held-events'
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
import { lateEvents, windowsOf, type LateEvent, type Window } from './day-windows'
import { localHour } from './zone'
import { tillZoneDiffering } from './till-zone'

export type { LateEvent, Window } from './day-windows'

/** The figures of a day a Z-report is built from, without the report's own header fields. */
export type DayParts = Omit<DayFigures, 'date' | 'currency' | 'generatedAt' | 'topProducts'>

/** Whether the head office holds all of a till's day: see `tillDay`. */
export interface Completeness {
  /** The till sold, voided or refunded something in the day (only those tills count). */
  sold: boolean
  complete: boolean
  /**
   * `settled` (the till closed the day and it arrived), `shifts-closed`, `idle`, or why not:
   * `zone-differs` when the till kept the day in another time zone than its store's (`tillTimeZone`),
   * so the figures here, cut in the store's zone, are not its Z-report's.
   */
  reason: 'settled' | 'shifts-closed' | 'idle' | 'shift-open' | 'quarantined' | 'zone-differs'
  /** The till's time zone for the day when it differs from its store's, else null. */
  tillTimeZone: string | null
  /** Shift numbers opened before the day's end whose close has not reached the head office. */
  openShifts: string[]
  quarantined: number
  lastShiftClosedAt: string | null
  highSeq: number
  lastPushAt: string | null
}

export interface TillDay {
  tillId: string
  tillCode: string
  label: string | null
  /** The same object the till's `kassa report day --json` prints for the day. */
  report: ZReport
  completeness: Completeness
  /** The events behind `report.adjustments` (and late refunds), oldest first. */
  late: LateEvent[]
  /** What the report is built from, for the store's and the chain's sums. */
  parts: DayParts
  currency: string
}

/**
 * One till's Z-report for `date` (the store's local date in `timeZone`), from the events it
 * pushed, with the till's own definitions (`settlement-service.ts`): a money event belongs to the
 * first business day, from its own, that the till had not settled when it happened. So a sale
 * made after the till closed its day — and pushed whenever — is posted to the next open day as an
 * adjustment, keeping its own time; a day the till settled is cut at its settlement. The figures
 * are built by the till's own pure `buildZReport`, so they equal the till's report by construction
 * of the same aggregates (minor units throughout).
 */
export async function tillDay(
  db: HqDatabase,
  till: TillRow,
  date: string,
  timeZone: string,
  now: Date
): Promise<TillDay> {
  const settled = new Map<
    string,
    { settledAt: string; settledBy: string | null; currency: string; cashRoundingMode?: 'half-up' | 'down' }
  >()
  // A restored till may close a day the head office already holds closed by the history it lost:
  // the first close received stands (a settled day never changes), a later one is only kept.
  for (const row of await db.query<{ payload: string }>(
    `SELECT h.payload FROM ${HELD_EVENTS} h WHERE h.till_id = ? AND h.type = 'settlement.day_closed'
     ORDER BY h.received_at, h.seq`,
    [till.id]
  )) {
    const z = JSON.parse(row.payload) as ZReport
    if (z.date && z.settledAt && !settled.has(z.date))
      settled.set(z.date, {
        settledAt: z.settledAt,
        settledBy: z.settledBy,
        currency: z.currency,
        ...(z.cashRoundingMode ? { cashRoundingMode: z.cashRoundingMode } : {})
      })
  }
  const asOf = settled.get(date)?.settledAt ?? null
  const windows = windowsOf(date, asOf, timeZone, (d) => settled.get(d)?.settledAt ?? null)
  const figures = await partsOf(db, till.id, [windows.main, ...windows.late], timeZone)
  const late = windows.late.length ? await partsOf(db, till.id, windows.late, timeZone) : null
  const open = await db.query<{ number: string | null; shift_id: string }>(
    'SELECT number, shift_id FROM hq_shifts WHERE till_id = ? AND opened_at < ? AND closed_at IS NULL ORDER BY opened_at',
    [till.id, windows.main.to]
  )
  const [quarantine] = await db.query<{ n: number }>(
    `SELECT (SELECT COUNT(*) FROM events WHERE till_id = ? AND status = 'quarantined')
       + (SELECT COUNT(*) FROM event_collisions WHERE till_id = ? AND status = 'quarantined') AS n`,
    [till.id, till.id]
  )
  const [last] = await db.query<{ at: string | null }>(
    'SELECT MAX(closed_at) AS at FROM hq_shifts WHERE till_id = ? AND closed_at < ?',
    [till.id, windows.main.to]
  )
  return assembleTillDay({
    till,
    date,
    now,
    settledDay: settled.get(date),
    // The cash rounding mode the till's report shows: as frozen when it settled the day, else the
    // till's setting now — the last store profile it sent. Said only for 抹零, as the till says it.
    cashRoundingMode: settled.has(date)
      ? settled.get(date)!.cashRoundingMode
      : await cashRoundingModeOf(db, till.id),
    figures,
    late: late?.parts ?? null,
    currency: settled.get(date)?.currency ?? figures.currency ?? (await lastCurrency(db, till.id)),
    openShifts: open.map((s) => s.number ?? s.shift_id),
    quarantined: Number(quarantine?.n ?? 0),
    lastShiftClosedAt: last?.at ?? null,
    lateEvents: await lateEvents(db, till.id, windows.late, timeZone),
    tillTimeZone: await tillZoneDiffering(db, till.id, windows.main.to, timeZone)
  })
}

export type TillRow = {
  id: string
  code: string
  label: string | null
  high_seq: number
  last_push_at: string | null
}

/** A till's day figures over its windows (the day and the tails of settled days before it). */
export interface WindowFigures {
  parts: Omit<DayParts, 'adjustments'>
  /** The till sold, voided or refunded something in the windows. */
  sold: boolean
  currency: string | null
}

/**
 * A till's day from its aggregates (pure): the report by the till's own `buildZReport`, the
 * late events' adjustments, and the completeness badge. Shared by the reference (`tillDay`) and
 * the consolidated report's SQL path (`day-sums.ts`), so the two differ only in how they sum.
 */
export function assembleTillDay(input: {
  till: TillRow
  date: string
  now: Date
  settledDay: { settledAt: string; settledBy: string | null; currency: string } | undefined
  cashRoundingMode: 'half-up' | 'down' | undefined
  /** Over the day and the late windows together. */
  figures: WindowFigures
  /** Over the late windows alone (null when there are none). */
  late: Omit<DayParts, 'adjustments'> | null
  currency: string
  openShifts: string[]
  quarantined: number
  lastShiftClosedAt: string | null
  lateEvents: LateEvent[]
  /** The till's zone for the day when not its store's (`tillZoneDiffering`), else null. */
  tillTimeZone: string | null
}): TillDay {
  const { till, date, now, settledDay, figures, late, currency, quarantined } = input
  const sum = (rows: SalesBucket[], pick: 'n' | 'total') => rows.reduce((s, row) => s + row[pick], 0)
  const parts: DayParts = {
    ...figures.parts,
    ...(input.cashRoundingMode === 'down' ? { cashRoundingMode: input.cashRoundingMode } : {}),
    adjustments: late
      ? {
          orderCount: sum(late.sales, 'n') - sum(late.voids, 'n'),
          netSales: sum(late.sales, 'total') - sum(late.voids, 'total') - late.refunds.amount
        }
      : { orderCount: 0, netSales: 0 }
  }
  const built = buildZReport({ date, currency, generatedAt: now.toISOString(), ...parts })
  const report: ZReport = settledDay
    ? {
        ...built,
        generatedAt: settledDay.settledAt,
        status: 'settled',
        settledAt: settledDay.settledAt,
        settledBy: settledDay.settledBy
      }
    : { ...built, status: 'open', settledAt: null, settledBy: null }
  const sold = figures.sold
  const reason: Completeness['reason'] = input.tillTimeZone
    ? 'zone-differs'
    : settledDay
      ? 'settled'
      : quarantined > 0
        ? 'quarantined'
        : !sold
          ? 'idle'
          : input.openShifts.length > 0
            ? 'shift-open'
            : 'shifts-closed'
  return {
    tillId: till.id,
    tillCode: till.code,
    label: till.label,
    report,
    late: input.lateEvents,
    parts,
    currency,
    completeness: {
      sold,
      complete: reason === 'settled' || reason === 'shifts-closed' || reason === 'idle',
      reason,
      openShifts: settledDay ? [] : input.openShifts,
      quarantined,
      tillTimeZone: input.tillTimeZone,
      lastShiftClosedAt: input.lastShiftClosedAt,
      highSeq: Number(till.high_seq),
      lastPushAt: till.last_push_at
    }
  }
}

/** The cash rounding mode of the till's last store profile (`settings.updated`, `lastProfile`), if it sent one. */
export async function cashRoundingModeOf(
  db: HqDatabase,
  tillId: string
): Promise<'half-up' | 'down' | undefined> {
  const profile = await lastProfile(db, tillId)
  if (!profile) return undefined
  const mode = (JSON.parse(profile) as { cashRoundingMode?: unknown }).cashRoundingMode
  return mode === 'down' || mode === 'half-up' ? mode : undefined
}

export async function lastCurrency(db: HqDatabase, tillId: string): Promise<string> {
  const [row] = await db.query<{ currency: string }>(
    'SELECT currency FROM hq_orders WHERE till_id = ? ORDER BY paid_at DESC LIMIT 1',
    [tillId]
  )
  // The till's default currency when it has never sold.
  return row?.currency ?? 'CNY'
}

/** The aggregates of `windows` for one till, as the till's settlement repo sums them. */
async function partsOf(
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
      hour: localHour(o.paidAt, timeZone),
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
