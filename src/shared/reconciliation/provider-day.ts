/**
 * The providers cut their bills at Beijing midnight (UTC+8, no daylight saving), whatever the
 * till's own time zone: a reconciliation date is always a provider business day. The till's
 * settlement day (`businessDate`, local time) is a different thing and only coincides with it
 * when the till runs on China time.
 */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000

/**
 * The half-open range of instants a provider business day covers.
 *
 * @example providerDayWindow('2025-03-01') → { from: '2025-02-28T16:00:00.000Z', to: '2025-03-01T16:00:00.000Z' }
 */
export function providerDayWindow(date: string): { from: string; to: string } {
  const start = Date.parse(`${date}T00:00:00.000Z`) - CHINA_OFFSET_MS
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(start)) throw new Error(`not a date: ${date}`)
  return { from: new Date(start).toISOString(), to: new Date(start + DAY_MS).toISOString() }
}

/**
 * The provider business day an instant falls on.
 *
 * @example providerDayOf('2025-03-01T15:59:59Z') → '2025-03-01' (23:59:59 in Beijing); providerDayOf('2025-03-01T16:00:00Z') → '2025-03-02'
 */
export function providerDayOf(instant: string): string {
  const at = Date.parse(instant)
  if (Number.isNaN(at)) throw new Error(`not an instant: ${instant}`)
  return new Date(at + CHINA_OFFSET_MS).toISOString().slice(0, 10)
}
