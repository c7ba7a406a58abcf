/**
 * Calendar arithmetic on YYYY-MM-DD dates and ISO instants, in UTC so that no machine's zone enters:
 * the same on the till and at the head office. Which day an instant falls on is `./zone`'s business.
 */

function shiftDate(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const at = new Date(Date.UTC(y, m - 1, d + days))
  // Not toISOString: past 9999-12-31 it writes `+010000-01-01`.
  return `${String(at.getUTCFullYear()).padStart(4, '0')}-${String(at.getUTCMonth() + 1).padStart(2, '0')}-${String(at.getUTCDate()).padStart(2, '0')}`
}

/** The calendar day before `date` (YYYY-MM-DD). */
export function previousDate(date: string): string {
  return shiftDate(date, -1)
}

/** The calendar day after `date` (YYYY-MM-DD). */
export function nextDate(date: string): string {
  return shiftDate(date, 1)
}

/** One millisecond after an ISO instant: where a window opening just after it starts. */
export function justAfter(iso: string): string {
  return new Date(Date.parse(iso) + 1).toISOString()
}
