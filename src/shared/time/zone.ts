/**
 * Calendar days and hours in a store's time zone (an IANA name such as `Asia/Shanghai`, a store
 * setting), never the machine's: the till and the head office put the same sale on the same business
 * day and hour whether the process runs with TZ=UTC or TZ=Asia/Shanghai. Coupons' validity, the
 * same-day void rule, daily settlement, the Z-report's hours and the head office's day windows all
 * use these, so the two sides cannot drift apart.
 *
 * Offsets are second-precise (before 1901 Asia/Shanghai was +08:05:43, local mean time), and a day
 * whose midnight a clock change skips (America/Havana, America/Santiago, Asia/Beirut) starts at the
 * first instant that exists; a day with a clock change has 23 or 25 hours.
 */
import { nextDate } from './calendar'

const HOUR_MS = 3_600_000
/** Cached hours across all zones before the cache starts afresh (a few MB at most). */
const CACHE_LIMIT = 100_000

const formats = new Map<string, Intl.DateTimeFormat>()
/** Per zone: hour since the epoch → the offset in seconds for that whole hour, or NaN where it changes inside it. */
const hours = new Map<string, Map<number, number>>()
let cached = 0

function formatFor(zone: string): Intl.DateTimeFormat {
  let format = formats.get(zone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric'
    })
    formats.set(zone, format)
  }
  return format
}

/** The offset at a whole second (ms since the epoch, a multiple of 1000), asked of Intl. */
function intlOffset(second: number, zone: string): number {
  const p: Record<string, number> = {}
  for (const part of formatFor(zone).formatToParts(new Date(second)))
    if (part.type !== 'literal') p[part.type] = Number(part.value)
  const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour! % 24, p.minute!, p.second!)
  return (wall - second) / 1000
}

function toMs(instant: Date | number | string): number {
  return typeof instant === 'number'
    ? instant
    : typeof instant === 'string'
      ? Date.parse(instant)
      : instant.getTime()
}

/**
 * How far `zone`'s wall clock is ahead of UTC at `instant`, in whole seconds (negative west of
 * Greenwich). An instant is a Date, ms since the epoch, or an ISO string.
 *
 * Intl is asked once per zone and hour: an hour whose first and last second share an offset holds
 * no clock change (tzdb never changes twice within an hour), so every instant in it gets that
 * offset from the cache — this is what keeps the head office's million-order report cheap. An hour
 * with a change in it is never cached; each instant in it asks Intl.
 *
 * @example zoneOffsetAt(new Date('2026-11-25T00:00:00Z'), 'Asia/Shanghai') // 28800
 * @example zoneOffsetAt(new Date('1900-01-01T00:00:00Z'), 'Asia/Shanghai') // 29143 (+08:05:43 LMT)
 * @throws RangeError from Intl for a zone name it does not know.
 */
export function zoneOffsetAt(instant: Date | number | string, zone: string): number {
  const second = Math.floor(toMs(instant) / 1000) * 1000
  const hour = Math.floor(second / HOUR_MS)
  let byHour = hours.get(zone)
  const known = byHour?.get(hour)
  if (known !== undefined) return Number.isNaN(known) ? intlOffset(second, zone) : known
  const first = intlOffset(hour * HOUR_MS, zone)
  const last = intlOffset(hour * HOUR_MS + HOUR_MS - 1000, zone)
  if (cached >= CACHE_LIMIT) {
    hours.clear()
    cached = 0
  }
  if (!byHour) hours.set(zone, (byHour = new Map()))
  byHour.set(hour, first === last ? first : Number.NaN)
  cached++
  return first === last ? first : intlOffset(second, zone)
}

/** The wall-clock fields of `instant` in `zone` (month 1–12, hour 0–23). */
export function zonedParts(
  instant: Date | number | string,
  zone: string
): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const ms = toMs(instant)
  const wall = new Date(ms + zoneOffsetAt(ms, zone) * 1000)
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds()
  }
}

/**
 * The calendar day `instant` falls on in `zone`, as YYYY-MM-DD: the store's business day.
 *
 * @example businessDate(new Date('2025-03-01T17:30:00Z'), 'Asia/Shanghai') // '2025-03-02' (01:30 in Beijing)
 * @example businessDate('2025-03-01T17:30:00.000Z', 'UTC')                 // '2025-03-01'
 */
export function businessDate(instant: Date | number | string, zone: string): string {
  const p = zonedParts(instant, zone)
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`
}

/** The hour (0–23) `instant` falls in, in `zone`: the Z-report's "by hour" bucket. */
export function businessHour(instant: Date | number | string, zone: string): number {
  return zonedParts(instant, zone).hour
}

/**
 * The first instant of the calendar day `date` (YYYY-MM-DD) in `zone`: its local midnight; where a
 * clock change skips midnight, the first instant that exists (01:00 in Havana on a spring-forward
 * day); where midnight comes twice (a fall-back at 00:00), the first of them.
 *
 * @example zonedMidnight('2025-03-01', 'Asia/Shanghai') // 2025-02-28T16:00:00.000Z
 */
export function zonedMidnight(date: string, zone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const wall = Date.UTC(y, m - 1, d)
  // A day either side is past any change near this midnight (tzdb has none a day apart).
  const before = zoneOffsetAt(wall - 86_400_000, zone) * 1000
  const after = zoneOffsetAt(wall + 86_400_000, zone) * 1000
  const real = [wall - before, wall - after].filter((at) => zoneOffsetAt(at, zone) * 1000 === wall - at)
  if (real.length > 0) return new Date(Math.min(...real))
  // Midnight was skipped: the day starts at the change, the first second with the new offset.
  let lo = Math.min(wall - before, wall - after) // still the old offset
  let hi = Math.max(wall - before, wall - after) // already the new one
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000
    if (zoneOffsetAt(mid, zone) * 1000 === after) hi = mid
    else lo = mid
  }
  return new Date(hi)
}

/**
 * A business day (YYYY-MM-DD in `zone`) as the half-open range of ISO instants it covers, local
 * midnight to the next local midnight: 24 hours, or 23 / 25 across a clock change.
 *
 * @example businessDayWindow('2026-03-29', 'Europe/Berlin')
 *   // { from: '2026-03-28T23:00:00.000Z', to: '2026-03-29T22:00:00.000Z' }
 */
export function businessDayWindow(date: string, zone: string): { from: string; to: string } {
  return {
    from: zonedMidnight(date, zone).toISOString(),
    to: zonedMidnight(nextDate(date), zone).toISOString()
  }
}

/**
 * The first instant of the business day `instant` falls in — "today so far" in the store's zone,
 * never this computer's.
 *
 * @example startOfBusinessDay(new Date('2025-03-01T17:30:00Z'), 'Asia/Shanghai') // 2025-03-01T16:00:00.000Z
 */
export function startOfBusinessDay(instant: Date | number | string, zone: string): Date {
  return zonedMidnight(businessDate(instant, zone), zone)
}
