import type { ZReport } from '@shared/contract/channels/settlement'
import { buildZReport } from '../../main/domain/reports/z-report'
import type { HqClock } from '../clock'
import type { HqDatabase } from '../db/types'
import { storeTillDays } from './day-sums'
import { sumRefunds } from './sums/acc'
import {
  tillDay,
  type Completeness,
  type DayParts,
  type LateEvent,
  type TillDay,
  type TillRow
} from './till-day'

/** Z-report figures summed over several tills (no settlement status: each till settles its own day). */
export type SummedReport = Omit<ZReport, 'status' | 'settledAt' | 'settledBy'>

export interface StoreDay {
  storeId: string
  name: string
  timeZone: string
  /** Every till that sold that day has synced through its last shift close (or its settlement). */
  complete: boolean
  /** The store's figures: the till's `buildZReport` over all its tills' aggregates, summed. */
  report: SummedReport
  tills: Array<{
    tillId: string
    tillCode: string
    label: string | null
    completeness: Completeness
    /** Sales, voids and refunds of earlier, settled days posted here as adjustments, with their own dates. */
    late: LateEvent[]
    /** Exactly what that till's `kassa report day --json` prints for the day. */
    report: ZReport
  }>
}

export interface ConsolidatedDay {
  date: string
  generatedAt: string
  complete: boolean
  stores: StoreDay[]
  /** The chain's figures per currency (stores in different currencies are never added up). */
  totals: SummedReport[]
}

function sumByKey<T extends { amount: number }>(
  rows: readonly T[],
  key: (row: T) => string
): Array<[string, number]> {
  const out = new Map<string, number>()
  for (const row of rows) out.set(key(row), (out.get(key(row)) ?? 0) + row.amount)
  return [...out]
}

/** The sum of several days' aggregates (the Z-report's figures are sums, so adding the parts adds the report). */
function addParts(parts: readonly DayParts[]): DayParts {
  return {
    sales: parts.flatMap((p) => p.sales),
    voids: parts.flatMap((p) => p.voids),
    saleLines: parts.flatMap((p) => p.saleLines),
    voidLines: parts.flatMap((p) => p.voidLines),
    refundLines: parts.flatMap((p) => p.refundLines ?? []),
    saleTenders: parts.flatMap((p) => p.saleTenders),
    voidTenders: parts.flatMap((p) => p.voidTenders),
    refunds: sumRefunds(parts.map((p) => p.refunds)),
    // buildZReport reads these two as one row per key: summed here, not concatenated.
    refundTenders: sumByKey(
      parts.flatMap((p) => p.refundTenders),
      (t) => t.method
    ).map(([method, amount]) => ({ method, amount })),
    cashMoves: sumByKey(
      parts.flatMap((p) => p.cashMoves),
      (m) => m.kind
    ).map(([kind, amount]) => ({ kind, amount })),
    shifts: parts.flatMap((p) => p.shifts),
    cashierNames: new Map(parts.flatMap((p) => [...p.cashierNames])),
    adjustments: parts.reduce(
      (a, p) => ({
        orderCount: a.orderCount + p.adjustments.orderCount,
        netSales: a.netSales + p.adjustments.netSales
      }),
      { orderCount: 0, netSales: 0 }
    )
  }
}

function summed(date: string, currency: string, at: string, days: readonly TillDay[]): SummedReport {
  return buildZReport({ date, currency, generatedAt: at, ...addParts(days.map((d) => d.parts)) })
}

/** How one store's tills' days are built: all at once in SQL, or one by one from the events. */
type StoreDays = (
  db: HqDatabase,
  storeId: string,
  tills: readonly TillRow[],
  date: string,
  timeZone: string,
  now: Date
) => Promise<TillDay[]>

/**
 * The consolidated daily settlement of `date` (YYYY-MM-DD, each store's local date): per till
 * the till's own Z-report (its `buildZReport` over the till's aggregates, summed in SQL over the
 * projections by `storeTillDays`), per store and per currency across the chain the same figures
 * over all their tills. `storeName` limits it to one store, `only` to the stores it accepts.
 * Reads only. Throws `Error('no store …')` for an unknown store name.
 */
export function consolidatedDay(
  db: HqDatabase,
  clock: HqClock,
  date: string,
  storeName?: string,
  /** Only the stores this accepts (a manager's), totals included. */
  only: (storeId: string) => boolean = () => true
): Promise<ConsolidatedDay> {
  return consolidate(storeTillDays, db, clock, date, storeName, only)
}

/**
 * The same report with each till's day rebuilt one by one from its pushed events' JSON
 * (`tillDay`): the reference the fast path is tested against (and the bench's "before").
 */
export function consolidatedDayReference(
  db: HqDatabase,
  clock: HqClock,
  date: string,
  storeName?: string,
  only: (storeId: string) => boolean = () => true
): Promise<ConsolidatedDay> {
  const oneByOne: StoreDays = async (db, _storeId, tills, date, timeZone, now) => {
    const days: TillDay[] = []
    for (const till of tills) days.push(await tillDay(db, till, date, timeZone, now))
    return days
  }
  return consolidate(oneByOne, db, clock, date, storeName, only)
}

async function consolidate(
  storeDays: StoreDays,
  db: HqDatabase,
  clock: HqClock,
  date: string,
  storeName: string | undefined,
  only: (storeId: string) => boolean
): Promise<ConsolidatedDay> {
  const now = clock.now()
  const at = now.toISOString()
  const stores = await db.query<{ id: string; name: string; time_zone: string }>(
    storeName === undefined
      ? 'SELECT id, name, time_zone FROM stores ORDER BY name'
      : 'SELECT id, name, time_zone FROM stores WHERE name = ?',
    storeName === undefined ? [] : [storeName]
  )
  if (storeName !== undefined && stores.length === 0) throw new Error(`no store "${storeName}"`)
  const out: StoreDay[] = []
  const byCurrency = new Map<string, TillDay[]>()
  for (const store of stores.filter((s) => only(s.id))) {
    const tills = await db.query<TillRow>(
      'SELECT id, code, label, high_seq, last_push_at FROM tills WHERE store_id = ? ORDER BY code',
      [store.id]
    )
    const days = await storeDays(db, store.id, tills, date, store.time_zone, now)
    // A store's currency is its tills' (they all sell in it); a store with no till yet has none.
    const currency = days.find((d) => d.completeness.sold)?.currency ?? days[0]?.currency ?? 'CNY'
    for (const day of days) byCurrency.set(day.currency, [...(byCurrency.get(day.currency) ?? []), day])
    out.push({
      storeId: store.id,
      name: store.name,
      timeZone: store.time_zone,
      complete: days.every((d) => d.completeness.complete),
      report: summed(date, currency, at, days),
      tills: days.map((d) => ({
        tillId: d.tillId,
        tillCode: d.tillCode,
        label: d.label,
        completeness: d.completeness,
        late: d.late,
        report: d.report
      }))
    })
  }
  return {
    date,
    generatedAt: at,
    complete: out.every((s) => s.complete),
    stores: out,
    totals: [...byCurrency]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, days]) => summed(date, currency, at, days))
  }
}
