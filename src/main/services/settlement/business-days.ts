import type { TimeWindow } from '../../store/repos/settlement-repo'

/**
 * A business day (YYYY-MM-DD, the till's local calendar, as `businessDate`) as the half-open
 * range of instants it covers. Local midnight to local midnight, so a day with a clock change
 * has 23 or 25 hours.
 */
export function dayWindow(date: string): TimeWindow {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return { from: new Date(y, m - 1, d).toISOString(), to: new Date(y, m - 1, d + 1).toISOString() }
}

/** The calendar day before `date`. */
export function previousDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const prev = new Date(y, m - 1, d - 1)
  return `${prev.getFullYear()}-${String(prev.getMonth() + 1).padStart(2, '0')}-${String(prev.getDate()).padStart(2, '0')}`
}

/** True for a real calendar date written YYYY-MM-DD (2026-02-30 is not one): the contract's one rule. */
export { isCalendarDate } from '@shared/contract/text'

/** One millisecond after an ISO instant: where a window opening just after it starts. */
export function justAfter(iso: string): string {
  return new Date(new Date(iso).getTime() + 1).toISOString()
}
