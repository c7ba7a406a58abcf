import { businessDayWindow } from '@shared/time/zone'
import { createHash } from 'node:crypto'
import { v7 as uuidv7 } from 'uuid'
import { buildZReport } from '../src/main/domain/reports/z-report'
import { EVENT_VERSIONS } from '../src/shared/sync/protocol'
import type { HqDatabase, SqlValue } from '../src/server/db/types'
import { applyProjections, project, type Projection } from '../src/server/push/projections'

/**
 * A head office's PostgreSQL filled as if `tills` tills had pushed `days` days of trading: events
 * shaped like the tills' own (order.paid with items, tenders and cashier; voids; cash refunds of
 * items; shifts with cash in/out; each day settled at closing), projected by the push path's own
 * `project` and loaded with COPY through the store's `insertMany`.
 */

export const ZONE = 'Asia/Shanghai'
const PRODUCTS = Array.from({ length: 60 }, (_, i) => ({
  sku: `69${String(1000000 + i * 37).padStart(11, '0')}`,
  name: `商品${i + 1}`,
  nameEn: i % 3 === 0 ? null : `Product ${i + 1}`,
  price: 150 + ((i * 733) % 4800),
  taxRate: i % 5 === 0 ? '0.09' : '0.13'
}))
const METHODS = ['cash', 'alipay', 'wechat', 'alipay', 'wechat', 'card'] as const

/** A small deterministic generator (mulberry32), so every run loads the same data. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface Event {
  type: string
  at: string
  aggregateId: string
  payload: Record<string, unknown>
}

const iso = (ms: number) => new Date(ms).toISOString()

/** One till's days of events, in the order the till recorded them. */
function tillEvents(t: number, code: string, dates: readonly string[], perDay: number): Event[] {
  const rnd = random(t + 1)
  const events: Event[] = []
  let orderNo = 0
  let refundNo = 0
  const cashiers = [0, 1, 2].map((c) => ({ id: `user-${t}-${c}`, name: ['李娜', '王伟', 'Chen'][c]! }))
  dates.forEach((date, d) => {
    const start = Date.parse(businessDayWindow(date, ZONE).from)
    const open = start + 7.9 * 3600_000
    const shiftId = uuidv7()
    events.push({
      type: 'shift.opened',
      at: iso(open),
      aggregateId: shiftId,
      payload: {
        id: shiftId,
        number: `${code}-S${String(d + 1).padStart(5, '0')}`,
        float: 50000,
        at: iso(open)
      }
    })
    const cashier = cashiers[d % 3]!
    let cash = 50000
    const step = (13 * 3600_000) / perDay
    const sold: Array<{ payload: Record<string, unknown>; lines: Array<Record<string, unknown>> }> = []
    for (let i = 0; i < perDay; i++) {
      const at = iso(start + 8 * 3600_000 + Math.floor(i * step + rnd() * step * 0.5))
      const lines = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => {
        const p = PRODUCTS[Math.floor(rnd() * PRODUCTS.length)]!
        const qty = 1 + Math.floor(rnd() * 3)
        const discount = rnd() < 0.1 ? Math.floor(p.price * qty * 0.1) : 0
        const total = p.price * qty - discount
        const tax = Math.round((total * Number(p.taxRate)) / (1 + Number(p.taxRate)))
        return {
          id: uuidv7(),
          productId: p.sku,
          sku: p.sku,
          name: p.name,
          nameEn: p.nameEn,
          unitPrice: p.price,
          quantity: String(qty),
          unit: 'pcs',
          taxRate: p.taxRate,
          lineDiscount: discount,
          total,
          tax
        }
      })
      const gross = lines.reduce((s, l) => s + l.unitPrice * Number(l.quantity), 0)
      const ld = lines.reduce((s, l) => s + l.lineDiscount, 0)
      const total = gross - ld
      const method = METHODS[Math.floor(rnd() * METHODS.length)]!
      const rounding = method === 'cash' ? -(total % 10) : 0
      const paid = total + rounding
      if (method === 'cash') cash += paid
      const id = uuidv7()
      const payload = {
        id,
        number: `${code}-${date.replace(/-/g, '')}-${String(++orderNo).padStart(6, '0')}`,
        status: 'paid',
        currency: 'CNY',
        grossTotal: gross,
        lineDiscountTotal: ld,
        orderDiscountTotal: 0,
        taxTotal: lines.reduce((s, l) => s + l.tax, 0),
        total,
        cashRounding: rounding,
        itemCount: lines.length,
        cashierName: cashier.name,
        cashierUserId: cashier.id,
        paidAt: at,
        createdAt: at,
        terminal: code,
        lines,
        coupons: [],
        payments: [
          {
            id: uuidv7(),
            method,
            status: 'succeeded',
            amount: paid,
            tendered: paid,
            change: 0,
            tradeNo: method === 'cash' ? null : `2026${String(orderNo).padStart(20, '0')}`,
            maskedPan: method === 'card' ? '622202******1234' : null,
            at
          }
        ]
      }
      events.push({ type: 'order.paid', at, aggregateId: id, payload })
      sold.push({ payload, lines })
      const roll = rnd()
      if (roll < 0.01) {
        const voidAt = iso(Date.parse(at) + 60_000)
        events.push({ type: 'order.voided', at: voidAt, aggregateId: id, payload: { id, voidedAt: voidAt } })
      } else if (roll < 0.02) {
        const line = lines[0]!
        const refundId = uuidv7()
        const refundAt = iso(Date.parse(at) + 120_000)
        const tax = line.tax
        events.push({
          type: 'refund.created',
          at: refundAt,
          aggregateId: refundId,
          payload: {
            id: refundId,
            number: `${code}-R${String(++refundNo).padStart(6, '0')}`,
            orderId: id,
            status: 'succeeded',
            amount: line.total,
            tax,
            reason: 'customer',
            createdAt: refundAt,
            lines: [{ lineId: line.id, quantity: line.quantity, amount: line.total, tax }],
            tenders: [
              {
                outRequestNo: uuidv7(),
                method: 'cash',
                amount: line.total,
                cashRounding: 0,
                tax,
                status: 'succeeded'
              }
            ]
          }
        })
      }
    }
    const cashOutAt = iso(start + 15 * 3600_000)
    events.push({
      type: 'shift.cash_out',
      at: cashOutAt,
      aggregateId: shiftId,
      payload: { shiftId, amount: 20000, reason: 'bank', at: cashOutAt }
    })
    const close = iso(start + 21.5 * 3600_000)
    events.push({
      type: 'shift.closed',
      at: close,
      aggregateId: shiftId,
      payload: { id: shiftId, expected: cash - 20000, counted: cash - 20000, overShort: 0, at: close }
    })
    const settledAt = iso(start + 22 * 3600_000)
    const z = buildZReport({
      date,
      currency: 'CNY',
      generatedAt: settledAt,
      sales: [],
      voids: [],
      saleLines: [],
      voidLines: [],
      saleTenders: [],
      voidTenders: [],
      refunds: { n: 0, orders: 0, amount: 0, tax: 0, rounding: 0 },
      refundTenders: [],
      cashMoves: [],
      shifts: [],
      cashierNames: new Map(),
      adjustments: { orderCount: 0, netSales: 0 }
    })
    // The last day is still open: the report is read while the shops trade.
    if (d < dates.length - 1)
      events.push({
        type: 'settlement.day_closed',
        at: settledAt,
        aggregateId: date,
        payload: { ...z, status: 'settled', settledAt, settledBy: cashier.id }
      })
  })
  return events
}

export interface Loaded {
  storeId: string
  dates: string[]
  orders: number
  events: number
}

/**
 * Loads `orders` orders over `tills` tills and `days` days (ending 2026-11-10) into `db`, 10 tills
 * per transaction. Returns what was loaded.
 */
export async function loadChain(
  db: HqDatabase,
  options: { tills: number; orders: number; days: number }
): Promise<Loaded> {
  const storeId = uuidv7()
  const dates = Array.from({ length: options.days }, (_, i) =>
    iso(Date.parse('2026-11-10T00:00:00Z') - (options.days - 1 - i) * 86_400_000).slice(0, 10)
  )
  const perDay = Math.max(1, Math.round(options.orders / options.tills / options.days))
  await db.run('INSERT INTO stores (id, name, time_zone, created_at) VALUES (?, ?, ?, ?)', [
    storeId,
    'Bench',
    ZONE,
    '2026-01-01T00:00:00.000Z'
  ])
  let events = 0
  for (let from = 0; from < options.tills; from += 10) {
    await db.transaction(async (tx) => {
      const rows: SqlValue[][] = []
      const applied: Array<{ seq: number; projection: Extract<Projection, { status: 'applied' }> }> = []
      for (let t = from; t < Math.min(options.tills, from + 10); t++) {
        const tillId = uuidv7()
        const code = `T${String(t + 1).padStart(3, '0')}`
        const list = tillEvents(t, code, dates, perDay)
        await tx.run(
          `INSERT INTO tills (id, store_id, code, public_key, status, enrolled_at, high_seq, last_push_at)
           VALUES (?, ?, ?, ?, 'active', ?, ?, ?)`,
          [tillId, storeId, code, `key-${tillId}`, '2026-01-01T00:00:00.000Z', list.length, list.at(-1)!.at]
        )
        list.forEach((e, i) => {
          const eventId = uuidv7()
          const payload = JSON.stringify(e.payload)
          const decision = project(
            { tillId, storeId, eventId, type: e.type, at: e.at, payload: e.payload },
            ZONE
          )
          if (decision.status === 'quarantined') throw new Error(`bench event refused: ${decision.reason}`)
          if (decision.status === 'applied') applied.push({ seq: i + 1, projection: decision })
          rows.push([
            tillId,
            i + 1,
            eventId,
            storeId,
            e.type,
            // Shaped as today's till writes them: each type at its current version.
            EVENT_VERSIONS[e.type as keyof typeof EVENT_VERSIONS] ?? 1,
            e.at,
            e.aggregateId,
            payload,
            createHash('sha256').update(payload).digest('hex'),
            e.at,
            decision.status
          ])
        })
      }
      events += rows.length
      await tx.insertMany(
        'events',
        [
          'till_id',
          'seq',
          'event_id',
          'store_id',
          'type',
          'version',
          'at',
          'aggregate_id',
          'payload',
          'payload_sha256',
          'received_at',
          'status'
        ],
        rows,
        { plain: true }
      )
      // The projections' rows by COPY, then their updates (voids, shift closes) as the push runs them.
      const byTable = new Map<string, { columns: readonly string[]; rows: SqlValue[][] }>()
      for (const { projection } of applied)
        for (const insert of projection.inserts) {
          const group = byTable.get(insert.table) ?? { columns: insert.columns, rows: [] }
          group.rows.push(insert.row)
          byTable.set(insert.table, group)
        }
      for (const [table, group] of byTable)
        await tx.insertMany(table, group.columns, group.rows, { plain: true })
      await applyProjections(
        tx,
        applied.map((a) => ({ seq: a.seq, projection: { ...a.projection, inserts: [] } }))
      )
    })
  }
  return { storeId, dates, orders: perDay * options.tills * options.days, events }
}
