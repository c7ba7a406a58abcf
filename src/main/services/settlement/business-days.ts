import { startOfDay } from '../../core/business-day'
import type { TimeWindow } from '../../store/repos/settlement-repo'

/**
 * A business day (YYYY-MM-DD in the store's time zone, as `businessDate`) as the half-open range of
 * instants it covers: local midnight to local midnight, so a day with a clock change has 23 or 25 hours.
 */
export function dayWindow(date: string, timeZone: string): TimeWindow {
  return {
    from: startOfDay(date, timeZone).toISOString(),
    to: startOfDay(nextDate(date), timeZone).toISOString()
  }
}

/** Calendar arithmetic on YYYY-MM-DD, in UTC so the machine's zone never enters. */
function shiftDate(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const at = new Date(Date.UTC(y, m - 1, d + days))
  // Not toISOString: past 9999-12-31 it writes `+010000-01-01`.
  return `${String(at.getUTCFullYear()).padStart(4, '0')}-${String(at.getUTCMonth() + 1).padStart(2, '0')}-${String(at.getUTCDate()).padStart(2, '0')}`
}

/** The calendar day before `date`. */
export function previousDate(date: string): string {
  return shiftDate(date, -1)
}

/** The calendar day after `date`. */
export function nextDate(date: string): string {
  return shiftDate(date, 1)
}

/** True for a real calendar date written YYYY-MM-DD (2026-02-30 is not one): the contract's one rule. */
export { isCalendarDate } from '@shared/contract/text'

/** One millisecond after an ISO instant: where a window opening just after it starts. */
export function justAfter(iso: string): string {
  return new Date(new Date(iso).getTime() + 1).toISOString()
}
