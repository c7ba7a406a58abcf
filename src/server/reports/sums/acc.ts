import type { ZReport } from '@shared/contract/channels/settlement'
import type { LineBucket, MethodSum, SalesBucket } from '../../../main/domain/reports/z-report'
import type { Window } from '../day-windows'
import type { DayParts, TillRow, WindowFigures } from '../till-day'

// What the consolidated report's grouped statements sum into: per till, per window, the
// reference's aggregates (`partsOf` in `till-day.ts`), and how the windows' sums are merged.

/** One till's windows for the day: the day (0) and the late tails (1…), its closes and its mode. */
export interface TillWindows {
  till: TillRow
  settled: Map<
    string,
    { settledAt: string; settledBy: string | null; currency: string; cashRoundingMode?: 'half-up' | 'down' }
  >
  /** The till's cash rounding mode now: its last store profile's (`settings.updated`), if any. */
  mode: 'half-up' | 'down' | undefined
  main: Window
  late: Window[]
}

/** Per till, per window (0 = the day, 1… = the late tails): what `partsOf` collects. */
export class Acc {
  sales: SalesBucket[] = []
  voids: SalesBucket[] = []
  saleLines = new Map<string, LineBucket>()
  voidLines = new Map<string, LineBucket>()
  refundLines = new Map<string, LineBucket>()
  saleTenders: MethodSum[] = []
  voidTenders: MethodSum[] = []
  refundTenders = new Map<string, number>()
  refunds = { n: 0, orders: 0, amount: 0, tax: 0, rounding: 0 }
  moves = new Map<string, number>()
  shifts: Array<ZReport['cash']['shifts'][number] & { window: number }> = []
  cashierNames = new Map<string, string>()
  /** The first currency of the window's sales, else of its voids (as the reference meets them). */
  currency: string | null = null
  voidCurrency: string | null = null
}

export type LineRow = {
  till_id: string
  k: string
  sku: string
  tax_rate: string
  name: string
  name_en: string | null
  qty: number
  total: number
  tax: number
}

/** As `addLine` in the reference: the largest names win, quantities in thousandths add up. */
export function addLine(lines: Map<string, LineBucket>, row: LineRow): void {
  const key = `${row.sku}\u0000${row.tax_rate}`
  const bucket = lines.get(key) ?? {
    sku: row.sku,
    name: row.name,
    name_en: row.name_en,
    tax_rate: row.tax_rate,
    qty_milli: 0,
    total: 0,
    tax: 0
  }
  if (row.name > bucket.name) bucket.name = row.name
  if (row.name_en !== null && (bucket.name_en === null || row.name_en > bucket.name_en))
    bucket.name_en = row.name_en
  bucket.qty_milli += Number(row.qty)
  bucket.total += Number(row.total)
  bucket.tax += Number(row.tax)
  lines.set(key, bucket)
}

/**
 * Several windows' or days' refund figures added field by field (counts, and amounts in minor
 * units): the refunds of a day are the sum of its windows', a chain's the sum of its stores'.
 */
export function sumRefunds(refunds: ReadonlyArray<DayParts['refunds']>): DayParts['refunds'] {
  return refunds.reduce(
    (r, a) => ({
      n: r.n + a.n,
      orders: r.orders + a.orders,
      amount: r.amount + a.amount,
      tax: r.tax + a.tax,
      rounding: r.rounding + a.rounding
    }),
    { n: 0, orders: 0, amount: 0, tax: 0, rounding: 0 }
  )
}

/** The parts of the windows `pick` selects, merged as the reference merges them across windows. */
export function partsOf(accs: Acc[], pick: (k: number) => boolean): WindowFigures {
  const chosen = accs.filter((_, k) => pick(k))
  const lines = (get: (a: Acc) => Map<string, LineBucket>) => {
    const out = new Map<string, LineBucket>()
    for (const a of chosen)
      for (const b of get(a).values())
        addLine(out, {
          till_id: '',
          k: '',
          sku: b.sku,
          tax_rate: b.tax_rate,
          name: b.name,
          name_en: b.name_en,
          qty: b.qty_milli,
          total: b.total,
          tax: b.tax
        })
    return [...out.values()]
  }
  const sumMap = (get: (a: Acc) => Map<string, number>) => {
    const out = new Map<string, number>()
    for (const a of chosen) for (const [k, v] of get(a)) out.set(k, (out.get(k) ?? 0) + v)
    return out
  }
  const refundTenders = sumMap((a) => a.refundTenders)
  const sales = chosen.flatMap((a) => a.sales)
  const voids = chosen.flatMap((a) => a.voids)
  return {
    sold: sales.length + voids.length + refundTenders.size > 0,
    currency: chosen.map((a) => a.currency ?? a.voidCurrency).find((c) => c !== null) ?? null,
    parts: {
      sales,
      voids,
      saleLines: lines((a) => a.saleLines),
      voidLines: lines((a) => a.voidLines),
      refundLines: lines((a) => a.refundLines),
      saleTenders: chosen.flatMap((a) => a.saleTenders),
      voidTenders: chosen.flatMap((a) => a.voidTenders),
      refunds: sumRefunds(chosen.map((a) => a.refunds)),
      refundTenders: [...refundTenders].map(([method, amount]) => ({ method, amount })),
      cashMoves: [...sumMap((a) => a.moves)].map(([kind, amount]) => ({ kind, amount })),
      shifts: chosen.flatMap((a) =>
        a.shifts.map(({ window: _, ...shift }) => shift as ZReport['cash']['shifts'][number])
      ),
      cashierNames: new Map(chosen.flatMap((a) => [...a.cashierNames]))
    } satisfies Omit<DayParts, 'adjustments'>
  }
}

/** A statement after the windows' `WITH`, given the store and the windows' span as its last parameters. */
export type Query = <T>(sql: string) => Promise<T[]>
/** The accumulator of a row's till and window. */
export type AccOf = (row: { till_id: string; k: string }) => Acc
