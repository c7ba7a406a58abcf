/** The head office's clock, injectable so tests can move it. */
export interface HqClock {
  now(): Date
}

export const systemHqClock: HqClock = { now: () => new Date() }

const formatters = new Map<string, Intl.DateTimeFormat>()
const offsets = new Map<string, number>()
const QUARTER_HOUR = 15 * 60 * 1000

/** Local time − UTC in ms for `timeZone` at `at` (Intl, once per zone and quarter hour). */
function offsetAt(at: number, timeZone: string): number {
  const quarter = Math.floor(at / QUARTER_HOUR)
  const key = `${timeZone}|${quarter}`
  let offset = offsets.get(key)
  if (offset === undefined) {
    let format = formatters.get(timeZone)
    if (!format) {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric'
      })
      formatters.set(timeZone, format)
    }
    const start = quarter * QUARTER_HOUR
    const parts = Object.fromEntries(
      format.formatToParts(new Date(start)).map((p) => [p.type, Number(p.value)])
    )
    offset = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!) - start
    if (offsets.size > 100_000) offsets.clear()
    offsets.set(key, offset)
  }
  return offset
}

/**
 * The calendar date (YYYY-MM-DD) of `iso` in the IANA `timeZone`: a store's business day.
 * Zone offsets change only on quarter hours, so the offset is looked up once per quarter hour.
 */
export function localDate(iso: string, timeZone: string): string {
  const at = Date.parse(iso)
  return new Date(at + offsetAt(at, timeZone)).toISOString().slice(0, 10)
}
