/**
 * Calendar days and hours in the store's time zone (an IANA name such as `Asia/Shanghai`, a store
 * setting), never the machine's: the same sales fall on the same business day and hour whether the
 * process runs with TZ=UTC or TZ=Asia/Shanghai. Coupons' validity, the same-day void rule, daily
 * settlement and the report's hours all use these.
 */

const formats = new Map<string, Intl.DateTimeFormat>()

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit'
    })
    formats.set(timeZone, format)
  }
  return format
}

/** The wall-clock fields of an instant in `timeZone`. */
export function zonedParts(
  at: Date,
  timeZone: string
): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const out: Record<string, number> = {}
  for (const part of formatFor(timeZone).formatToParts(at))
    if (part.type !== 'literal') out[part.type] = Number(part.value)
  return {
    year: out.year!,
    month: out.month!,
    day: out.day!,
    hour: out.hour! % 24,
    minute: out.minute!,
    second: out.second!
  }
}

/**
 * The calendar day an instant falls on in the store's time zone, as YYYY-MM-DD.
 *
 * @example businessDate(new Date('2025-03-01T17:30:00Z'), 'Asia/Shanghai') // '2025-03-02' (01:30 in Beijing)
 * @example businessDate(new Date('2025-03-01T17:30:00Z'), 'UTC')           // '2025-03-01'
 */
export function businessDate(at: Date, timeZone: string): string {
  const p = zonedParts(at, timeZone)
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`
}

/** The hour (0–23) an instant falls in, in the store's time zone. */
export function businessHour(at: Date, timeZone: string): number {
  return zonedParts(at, timeZone).hour
}

/** How far `timeZone`'s wall clock is ahead of UTC at `instant`, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const p = zonedParts(new Date(instant), timeZone)
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second)
  return wall - Math.floor(instant / 1000) * 1000
}

/**
 * The first instant of a calendar day in `timeZone` (its local midnight; where a clock change skips
 * midnight, the first instant that exists).
 *
 * @example startOfDay('2025-03-01', 'Asia/Shanghai') // 2025-02-28T16:00:00.000Z
 */
export function startOfDay(date: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const wall = Date.UTC(y, m - 1, d)
  // Two passes settle the offset on either side of a clock change.
  let instant = wall - offsetAt(wall, timeZone)
  instant = wall - offsetAt(instant, timeZone)
  // A skipped midnight (the clock jumps 00:00 → 01:00) lands the day before: step to the first instant of `date`.
  if (businessDate(new Date(instant), timeZone) < date) instant += 60 * 60 * 1000
  return new Date(instant)
}

/**
 * The first instant of the store's business day that `at` falls in — "today so far" in the
 * store's time zone, never this computer's (a till whose OS clock is set to UTC still starts a
 * Beijing shop's day at 00:00 Beijing).
 *
 * @example startOfBusinessDay(new Date('2025-03-01T17:30:00Z'), 'Asia/Shanghai') // 2025-03-01T16:00:00.000Z
 */
export function startOfBusinessDay(at: Date, timeZone: string): Date {
  return startOfDay(businessDate(at, timeZone), timeZone)
}
