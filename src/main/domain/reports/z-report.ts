import { TENDER_METHODS } from '@shared/vocabulary'
import Decimal from 'decimal.js'
import type { ZReport } from '@shared/contract/channels/settlement'
import type { LedgerAccount } from '../ledger/accounts'

// The shapes the store's day aggregates return (store/repos/settlement-repo.ts), declared once here,
// where the report is built from them (the head office builds it from the same shapes).

/** Sale figures summed over a group of orders, minor units: count, gross, line and order discounts, tax, total, cash rounding. */
export interface SaleSums {
  n: number
  gross: number
  ld: number
  od: number
  tax: number
  total: number
  rounding: number
}

/** Sale figures of one cashier in one local hour. */
export interface SalesBucket extends SaleSums {
  cashier: string | null
  hour: number
}

/** What was sold of one item at one tax rate. */
export interface LineBucket {
  sku: string
  name: string
  name_en: string | null
  tax_rate: string
  /** Σ quantity in thousandths (quantities have at most 3 decimals), so the sum is exact. */
  qty_milli: number
  total: number
  tax: number
}

export interface MethodSum {
  method: string
  amount: number
}

/** Everything a Z-report is derived from, summed over the day's time windows. */
export interface DayFigures {
  date: string
  currency: string
  generatedAt: string
  /** Orders paid in the day (including ones voided later). */
  sales: SalesBucket[]
  /** Orders voided in the day, with their sale's figures. */
  voids: SalesBucket[]
  saleLines: LineBucket[]
  voidLines: LineBucket[]
  /** Items given back by refunds completed in the day (by line; refunds by amount have none). */
  refundLines?: LineBucket[]
  saleTenders: MethodSum[]
  voidTenders: MethodSum[]
  /** `amount`: the refunded share of sales; `rounding`: cash given back beyond it (cash rounding). */
  refunds: { n: number; orders: number; amount: number; tax: number; rounding: number }
  refundTenders: MethodSum[]
  /** Σ signed amount per cash move kind (float, in, out, over_short, drop). */
  cashMoves: Array<{ kind: string; amount: number }>
  shifts: ZReport['cash']['shifts']
  cashierNames: ReadonlyMap<string, string>
  adjustments: ZReport['adjustments']
  topProducts?: number
  /** The store's cash rounding mode, shown beside the cash rounding figure. */
  cashRoundingMode?: 'half-up' | 'down'
}

const sumBy = <T>(rows: readonly T[], pick: (row: T) => number): number =>
  rows.reduce((sum, row) => sum + pick(row), 0)

/** Σ per key of `plus` rows minus `minus` rows. */
function netBy<T, K>(
  plus: readonly T[],
  minus: readonly T[],
  key: (row: T) => K,
  fields: (row: T) => number[]
): Map<K, number[]> {
  const out = new Map<K, number[]>()
  const add = (row: T, sign: 1 | -1) => {
    const k = key(row)
    const values = fields(row)
    const current = out.get(k) ?? values.map(() => 0)
    out.set(
      k,
      current.map((v, i) => v + sign * values[i]!)
    )
  }
  for (const row of plus) add(row, 1)
  for (const row of minus) add(row, -1)
  return out
}

/**
 * `amount / count` rounded half-up (away from zero) to the minor unit, in integers only.
 *
 * @example averageMinor(1000, 3) // 333; averageMinor(1001, 2) // 501 (500.5 rounds up)
 */
export function averageMinor(amount: number, count: number): number {
  if (count <= 0) return 0
  const magnitude = Math.abs(amount)
  const remainder = magnitude % count
  const quotient = (magnitude - remainder) / count
  const rounded = 2 * remainder >= count ? quotient + 1 : quotient
  return amount < 0 ? 0 - rounded : rounded
}

/**
 * Builds a day's Z-report from its aggregates. The sales block reads top to bottom as one sum
 * (every figure is the sum of the rows above it, or says what it is):
 *
 *   grossSales − lineDiscounts − couponDiscounts + taxAdded  = salesTotal   (orders paid in the day)
 *   salesTotal − voids.sales − refunds.amount                 = netSales     (before cash rounding)
 *   netSales + cashRounding                                   = collected    = Σ tenders' net
 *
 * `taxAdded` is the tax an exclusive-tax shop adds on top of its prices (0 for inclusive prices).
 * Voids are the orders voided in the day, at their order totals; refunds are what was given back
 * in the day. Tax: Σ taxByRate.tax (sales kept, after voids) − refunds.tax = taxTotal. By hour and
 * by cashier are sales after voids, before refunds (Σ = salesTotal − voids.sales); top products are
 * sold − voided − refunded by item.
 *
 * @example
 * // One ¥157.00 cash sale (¥43.00 discounts, ¥18.06 tax) and nothing else:
 * // grossSales 20000, lineDiscounts 2000, couponDiscounts 2300, salesTotal 15700, netSales 15700,
 * // taxTotal 1806, collected 15700, averageTicket 15700, tenders [{ method: 'cash', sales: 15700, refunds: 0, net: 15700 }]
 */
export function buildZReport(day: DayFigures): Omit<ZReport, 'status' | 'settledAt' | 'settledBy'> {
  const s = day.sales
  const v = day.voids
  const net = (pick: (b: SalesBucket) => number) => sumBy(s, pick) - sumBy(v, pick)
  const orderCount = net((b) => b.n)
  const salesTotal = net((b) => b.total)
  const cashRounding = net((b) => b.rounding) - day.refunds.rounding
  const netSales = salesTotal - day.refunds.amount

  const byRate = netBy(
    day.saleLines,
    day.voidLines,
    (l) => new Decimal(l.tax_rate).toFixed(),
    (l) => [l.total, l.tax]
  )
  const taxByRate = [...byRate.entries()]
    .sort(([a], [b]) => new Decimal(a).comparedTo(b))
    .map(([rate, [total, tax]]) => ({ rate, net: total! - tax!, tax: tax! }))
    .filter((row) => row.net !== 0 || row.tax !== 0)

  const tenderSales = netBy(
    day.saleTenders,
    day.voidTenders,
    (t) => t.method,
    (t) => [t.amount]
  )
  const tenderRefunds = new Map(day.refundTenders.map((t) => [t.method, t.amount]))
  const methods = [...new Set([...tenderSales.keys(), ...tenderRefunds.keys()])]
  const ORDER: readonly string[] = TENDER_METHODS
  methods.sort(
    (a, b) => ((ORDER.indexOf(a) + 99) % 99) - ((ORDER.indexOf(b) + 99) % 99) || a.localeCompare(b)
  )
  const tenders = methods
    .map((method) => {
      const sales = tenderSales.get(method)?.[0] ?? 0
      const refunds = tenderRefunds.get(method) ?? 0
      return { method, sales, refunds, net: sales - refunds }
    })
    .filter((t) => t.sales !== 0 || t.refunds !== 0)

  const cashiers = netBy(
    s,
    v,
    (b) => b.cashier,
    (b) => [b.n, b.total]
  )
  const byCashier = [...cashiers.entries()]
    .map(([userId, [orders, sales]]) => ({
      userId,
      name: userId ? (day.cashierNames.get(userId) ?? null) : null,
      orders: orders!,
      sales: sales!
    }))
    .filter((row) => row.orders !== 0 || row.sales !== 0)
    .sort((a, b) => b.sales - a.sales || (a.name ?? '').localeCompare(b.name ?? ''))

  const hours = netBy(
    s,
    v,
    (b) => b.hour,
    (b) => [b.n, b.total]
  )
  const byHour = [...hours.entries()]
    .map(([hour, [orders, sales]]) => ({ hour, orders: orders!, sales: sales! }))
    .filter((row) => row.orders !== 0 || row.sales !== 0)
    .sort((a, b) => a.hour - b.hour)

  const names = new Map<string, { name: string; nameEn: string | null }>()
  // Refund lines too: an item refunded on a day it was not sold still needs its name.
  for (const line of [...(day.refundLines ?? []), ...day.saleLines, ...day.voidLines])
    names.set(line.sku, { name: line.name, nameEn: line.name_en })
  const products = netBy(
    day.saleLines,
    [...day.voidLines, ...(day.refundLines ?? [])],
    (l) => l.sku,
    (l) => [l.qty_milli, l.total]
  )
  const topProducts = [...products.entries()]
    .filter(([, [milli, sales]]) => milli !== 0 || sales !== 0)
    .sort(([a, [, x]], [b, [, y]]) => y! - x! || a.localeCompare(b))
    .slice(0, day.topProducts ?? 10)
    .map(([sku, [milli, sales]]) => ({
      sku,
      name: names.get(sku)!.name,
      nameEn: names.get(sku)!.nameEn,
      quantity: new Decimal(milli!).div(1000).toFixed(),
      sales: sales!
    }))

  const grossSales = sumBy(s, (b) => b.gross)
  const lineDiscounts = sumBy(s, (b) => b.ld)
  const couponDiscounts = sumBy(s, (b) => b.od)
  const move = (kind: string) => day.cashMoves.find((m) => m.kind === kind)?.amount ?? 0
  const cashTender = tenders.find((t) => t.method === 'cash')

  return {
    date: day.date,
    currency: day.currency,
    generatedAt: day.generatedAt,
    orderCount,
    paidOrders: sumBy(s, (b) => b.n),
    grossSales,
    lineDiscounts,
    couponDiscounts,
    taxAdded: sumBy(s, (b) => b.total) - (grossSales - lineDiscounts - couponDiscounts),
    salesTotal: sumBy(s, (b) => b.total),
    voids: {
      count: sumBy(v, (b) => b.n),
      sales: sumBy(v, (b) => b.total),
      amount: sumBy(v, (b) => b.total + b.rounding),
      discounts: sumBy(v, (b) => b.ld + b.od),
      tax: sumBy(v, (b) => b.tax)
    },
    refunds: {
      count: day.refunds.n,
      orders: day.refunds.orders,
      amount: day.refunds.amount,
      tax: day.refunds.tax
    },
    netSales,
    taxTotal: net((b) => b.tax) - day.refunds.tax,
    taxByRate,
    cashRounding,
    ...(day.cashRoundingMode ? { cashRoundingMode: day.cashRoundingMode } : {}),
    collected: netSales + cashRounding,
    averageTicket: averageMinor(salesTotal + cashRounding, orderCount),
    tenders,
    byCashier,
    byHour,
    topProducts,
    cash: {
      floats: move('float'),
      cashSales: cashTender?.sales ?? 0,
      cashRefunds: cashTender?.refunds ?? 0,
      cashIn: move('in'),
      cashOut: 0 - move('out'),
      overShort: move('over_short'),
      dropped: 0 - move('drop'),
      shifts: day.shifts
    },
    adjustments: day.adjustments
  }
}

/**
 * What the ledger's accounts must have moved by (Σ debit − Σ credit) over the same day, if
 * the report is right. The Z-report and the journal are written by different code; this is
 * how a test, and the review screen, check that they agree.
 */
export function ledgerMovementsOf(
  report: Pick<
    ZReport,
    | 'netSales'
    | 'refunds'
    | 'voids'
    | 'lineDiscounts'
    | 'couponDiscounts'
    | 'taxTotal'
    | 'cashRounding'
    | 'tenders'
    | 'cash'
  >
): Record<LedgerAccount, number> {
  // A void reverses its sale's entry: the discounts it booked come back off.
  const discounts = report.lineDiscounts + report.couponDiscounts - report.voids.discounts
  const salesTotal = report.netSales + report.refunds.amount
  const salesTax = report.taxTotal + report.refunds.tax
  const tender = (method: string) => report.tenders.find((t) => t.method === method)?.net ?? 0
  const { cash } = report
  return {
    sales_revenue: 0 - (salesTotal + discounts - salesTax),
    sales_discounts: discounts,
    sales_refunds: report.refunds.amount - report.refunds.tax,
    tax_payable: 0 - report.taxTotal,
    cash_rounding: 0 - report.cashRounding,
    cash_drawer: tender('cash') + cash.floats + cash.cashIn - cash.cashOut + cash.overShort - cash.dropped,
    card_clearing: tender('card'),
    alipay_clearing: tender('alipay'),
    wechat_clearing: tender('wechat'),
    cash_over_short: 0 - cash.overShort,
    provider_fees: 0,
    owner_cash: 0 - (cash.floats + cash.cashIn) + cash.cashOut + cash.dropped
  }
}
