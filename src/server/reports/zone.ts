import { localDate } from '../clock'

const formatters = new Map<string, Intl.DateTimeFormat>()

/** Local wall time − UTC in ms for the IANA `timeZone` at the instant `at` (ms since the epoch). */
function offsetAt(at: number, timeZone: string): number {
  let format = formatters.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric'
    })
    formatters.set(timeZone, format)
  }
  const whole = at - (((at % 1000) + 1000) % 1000)
  const parts = Object.fromEntries(
    format.formatToParts(new Date(whole)).map((p) => [p.type, Number(p.value)])
  )
  return (
    Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!) - whole
  )
}

/** The local hour (0–23) of `iso` in `timeZone`: the Z-report's "by hour" bucket. */
export function localHour(iso: string, timeZone: string): number {
  const at = Date.parse(iso)
  return new Date(at + offsetAt(at, timeZone)).getUTCHours()
}

/**
 * A business day (YYYY-MM-DD in `timeZone`) as the half-open range of instants it covers, local
 * midnight to local midnight (23 or 25 hours across a clock change) — the till's `dayWindow`, in
 * the store's zone instead of the process's.
 */
export function zonedDayWindow(date: string, timeZone: string): { from: string; to: string } {
  return { from: zonedMidnight(date, timeZone), to: zonedMidnight(nextDate(date), timeZone) }
}

function zonedMidnight(date: string, timeZone: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const wall = Date.UTC(y, m - 1, d)
  // Two rounds settle the offset that applies at the instant itself (it may differ from the
  // offset at wall-clock midnight read as UTC near a clock change).
  let at = wall - offsetAt(wall, timeZone)
  at = wall - offsetAt(at, timeZone)
  // A zone that skips midnight (a clock change at 00:00) starts the day at the first instant of it.
  while (localDate(new Date(at).toISOString(), timeZone) < date) at += 15 * 60 * 1000
  return new Date(at).toISOString()
}

/** The calendar day after / before `date` (pure calendar arithmetic, no zone). */
export function nextDate(date: string): string {
  return shift(date, 1)
}
export function previousDate(date: string): string {
  return shift(date, -1)
}
function shift(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

/** True for a real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDate(date: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && shift(date, 0) === date
}

/** One millisecond after an ISO instant: where a window opening just after it starts. */
export function justAfter(iso: string): string {
  return new Date(Date.parse(iso) + 1).toISOString()
}
