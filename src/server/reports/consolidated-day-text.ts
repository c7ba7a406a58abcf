import { minorToDecimalString } from '@shared/money/format'
import type { ConsolidatedDay, SummedReport } from './consolidated-day'
import type { Completeness } from './till-day'

const BADGE: Record<Completeness['reason'], string> = {
  settled: 'complete (settled)',
  'shifts-closed': 'complete',
  idle: 'no sales',
  'shift-open': 'INCOMPLETE',
  quarantined: 'INCOMPLETE (quarantined events)',
  'zone-differs': 'NOT THE TILL’S Z-REPORT (till time zone differs from its store)',
  anomaly: 'NEEDS REVIEW'
}

function figures(label: string, r: SummedReport): string {
  const money = (minor: number) => `${minorToDecimalString(minor, r.currency)} ${r.currency}`
  const adjusted =
    r.adjustments.orderCount !== 0 || r.adjustments.netSales !== 0
      ? `  (late: ${r.adjustments.orderCount} orders, ${money(r.adjustments.netSales)})`
      : ''
  return `${label.padEnd(28)} ${String(r.orderCount).padStart(6)} orders  net ${money(r.netSales).padStart(16)}  collected ${money(r.collected).padStart(16)}${adjusted}\n`
}

/**
 * The consolidated day as text for a terminal, in English: a line per till with its completeness
 * badge, a line per store and per currency. Amounts are decimals in their currency.
 */
export function consolidatedDayText(day: ConsolidatedDay): string {
  let text = `Consolidated settlement ${day.date}${day.complete ? '' : ' — INCOMPLETE'}\n`
  for (const store of day.stores) {
    text += `\n${store.name} (${store.timeZone})${store.complete ? '' : ' — incomplete'}\n`
    for (const till of store.tills) {
      const badge = BADGE[till.completeness.reason]
      const open = till.completeness.anomalies.length
        ? ` (open anomaly: ${till.completeness.anomalies.map((a) => a.kind).join(', ')})`
        : till.completeness.openShifts.length
          ? `: ${till.completeness.openShifts.join(', ')} open`
          : ''
      text += figures(`  ${till.tillCode} ${badge}${open}`, till.report)
      for (const late of till.late)
        text += `      late ${late.kind} ${late.number ?? late.id} of ${late.originalDate} (${late.at})\n`
    }
    text += figures('  store', store.report)
  }
  text += '\n'
  for (const total of day.totals) text += figures(`total ${total.currency}`, total)
  return text
}
