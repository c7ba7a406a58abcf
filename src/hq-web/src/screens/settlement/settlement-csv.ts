import Papa from 'papaparse'
import type { TFunction } from 'i18next'
import type { ConsolidatedDayView } from '@shared/hq-api/settlement'
import { minorDigits } from '@shared/money/currencies'
import { minorToDecimal } from '@shared/money/format'
import { TENDER_METHODS, type TenderMethod } from '@shared/vocabulary'

type Figures = ConsolidatedDayView['totals'][number]
type Completeness = ConsolidatedDayView['stores'][number]['tills'][number]['completeness']

/** The open anomalies behind a day needing review, by their kinds' names (`Seq collision`). */
export const anomalyKinds = (completeness: Completeness, t: TFunction): string =>
  [...new Set(completeness.anomalies.map((a) => t(`hq.anomalies.kinds.${a.kind}`)))].join(', ')

/**
 * A till's status word: Complete, Incomplete, or — when an open anomaly puts its figures in
 * doubt (two histories of one till) — Needs review, naming the anomaly.
 */
export function tillStatus(completeness: Completeness, t: TFunction): string {
  if (completeness.reason === 'anomaly')
    return `${t('hq.settlement.review')}: ${anomalyKinds(completeness, t)}`
  return completeness.complete ? t('hq.settlement.complete') : t('hq.settlement.incomplete')
}

/** Minor units taken away from sales: shown with a minus sign, never as −0. */
const takenAway = (minor: number) => (minor === 0 ? 0 : -minor)

/**
 * The figures one row of the table and the CSV shows, from a (till's, store's, summed) Z-report,
 * signed as shown: voids and refunds are money taken away, so they are negative on the screen
 * and in the CSV alike (a spreadsheet that sums a column gets the screen's sign).
 */
export function rowFigures(report: Figures) {
  return {
    orders: report.orderCount,
    sales: report.salesTotal,
    voids: takenAway(report.voids.sales),
    refunds: takenAway(report.refunds.amount),
    netSales: report.netSales,
    tax: report.taxTotal,
    rounding: report.cashRounding,
    collected: report.collected
  }
}

const AMOUNTS = ['sales', 'voids', 'refunds', 'netSales', 'tax', 'rounding', 'collected'] as const

/** What one tender method took in, net of what it gave back (minor units); 0 when it took nothing. */
const collectedBy = (report: Figures, method: TenderMethod): number =>
  report.tenders.find((tender) => tender.method === method)?.net ?? 0

/**
 * The day as CSV for Excel: a UTF-8 byte-order mark (else Excel reads Chinese as mojibake), one
 * row per till, per store and per currency total, amounts as exact decimals of the currency
 * (from minor units, never a float), headers in the interface language. Besides the screen's
 * figures, what each tender method collected (net of refunds and voids, from the Z-report's
 * tenders): the columns a bookkeeper matches against the drawer count and each provider's
 * statement. They add up to Collected.
 */
export function settlementCsv(day: ConsolidatedDayView, t: TFunction): string {
  const header = [
    t('hq.settlement.date'),
    t('hq.settlement.store'),
    t('hq.settlement.columns.scope'),
    t('hq.settlement.columns.status'),
    t('fields.currency'),
    t('hq.settlement.columns.orders'),
    ...AMOUNTS.map((key) => t(`hq.settlement.columns.${key}`)),
    ...TENDER_METHODS.map((method) =>
      t('hq.settlement.columns.collectedBy', { method: t(`payments.methods.${method}`) })
    )
  ]
  const row = (store: string, scope: string, status: string, report: Figures) => {
    const figures = rowFigures(report)
    const digits = minorDigits(report.currency)
    return [
      day.date,
      store,
      scope,
      status,
      report.currency,
      String(figures.orders),
      ...AMOUNTS.map((key) => minorToDecimal(figures[key], digits)),
      ...TENDER_METHODS.map((method) => minorToDecimal(collectedBy(report, method), digits))
    ]
  }
  const status = (complete: boolean) =>
    complete ? t('hq.settlement.complete') : t('hq.settlement.incomplete')
  const rows: string[][] = []
  for (const store of day.stores) {
    for (const till of store.tills)
      rows.push(row(store.name, till.tillCode, tillStatus(till.completeness, t), till.report))
    rows.push(row(store.name, t('hq.settlement.storeTotal'), status(store.complete), store.report))
  }
  for (const total of day.totals)
    rows.push(row('', t('hq.settlement.total', { currency: total.currency }), status(day.complete), total))
  return `\ufeff${Papa.unparse([header, ...rows])}\r\n`
}
