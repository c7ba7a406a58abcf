import { describe, expect, it } from 'vitest'
import { nextDate, previousDate } from '@shared/time/calendar'
import {
  businessDate,
  businessDayWindow,
  businessHour,
  startOfBusinessDay,
  zonedMidnight,
  zoneOffsetAt
} from '@shared/time/zone'

// The one time-zone arithmetic of the till and the head office (issue 12), held against Intl read
// a different way: the offset from its `longOffset` name (GMT+08:05:43), the date from en-CA.

const HOUR = 3_600_000
const DAY = 24 * HOUR

const offsetFormats = new Map<string, Intl.DateTimeFormat>()
function intlOffset(ms: number, zone: string): number {
  let f = offsetFormats.get(zone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    offsetFormats.set(zone, f)
  }
  const name = f.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')!.value
  const m = /^GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(name)
  if (!m) throw new Error(`unexpected offset name ${name}`)
  if (!m[1]) return 0
  const seconds = Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4] ?? 0)
  return m[1] === '-' ? -seconds : seconds
}

const dateFormats = new Map<string, Intl.DateTimeFormat>()
function intlDate(ms: number, zone: string): string {
  let f = dateFormats.get(zone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit'
    })
    dateFormats.set(zone, f)
  }
  return f.format(new Date(ms))
}

/** Zones and the stretches of time where they are hard: LMT seconds, midnight skipped, 30-minute DST. */
const cases: Array<[zone: string, from: string, to: string]> = [
  ['Asia/Shanghai', '1899-06-01', '1902-06-01'], // +08:05:43 LMT until 1901
  ['Asia/Shanghai', '2024-01-01', '2027-01-01'], // no DST today
  ['Africa/Monrovia', '1970-01-01', '1973-01-01'], // -00:44:30 until 1972
  ['America/Havana', '2024-01-01', '2027-01-01'], // DST starts at 00:00
  ['America/Santiago', '2024-01-01', '2027-01-01'], // DST starts at 24:00 Saturday
  ['Asia/Beirut', '2024-01-01', '2027-01-01'], // DST starts at 00:00, ends at 00:00
  ['Europe/Berlin', '2025-01-01', '2027-01-01'],
  ['America/New_York', '2025-01-01', '2027-01-01'],
  ['Australia/Lord_Howe', '2025-01-01', '2027-01-01'], // a 30-minute DST
  ['Asia/Kathmandu', '1985-01-01', '1987-01-01'], // +05:30 → +05:45 in 1986
  ['Pacific/Chatham', '2025-01-01', '2027-01-01'],
  ['Pacific/Apia', '2011-06-01', '2012-06-01'], // 30 December 2011 never happened
  ['UTC', '2025-01-01', '2027-01-01']
]

describe('the shared zone arithmetic, against Intl', () => {
  it.each(cases)('%s from %s to %s: offsets to the second, dates and hours', (zone, from, to) => {
    const start = Date.parse(`${from}T00:00:00Z`)
    const end = Date.parse(`${to}T00:00:00Z`)
    // An odd step (7 h 13 min 17.345 s) lands on every hour and minute and on ms within a second.
    const step = 7 * HOUR + 13 * 60_000 + 17_345
    let changes = 0
    let last = intlOffset(start, zone)
    for (let at = start; at < end; at += step) {
      const offset = intlOffset(at, zone)
      expect(zoneOffsetAt(at, zone), `${zone} ${new Date(at).toISOString()}`).toBe(offset)
      expect(businessDate(new Date(at), zone)).toBe(intlDate(at, zone))
      expect(businessHour(new Date(at).toISOString(), zone)).toBe(new Date(at + offset * 1000).getUTCHours())
      if (offset !== last) {
        changes++
        // Find the change to the second, and hold both sides of it (and the cached hour it is in).
        let lo = at - step
        let hi = at
        while (hi - lo > 1000) {
          const mid = lo + Math.floor((hi - lo) / 2000) * 1000
          if (intlOffset(mid, zone) === offset) hi = mid
          else lo = mid
        }
        for (const t of [hi - HOUR, hi - 1001, hi - 1, hi, hi + 999, hi + 1000, hi + HOUR])
          expect(zoneOffsetAt(t, zone), `${zone} ${new Date(t).toISOString()}`).toBe(intlOffset(t, zone))
        last = offset
      }
    }
    if (zone !== 'UTC' && zone !== 'Asia/Shanghai' && zone !== 'Africa/Monrovia')
      expect(changes).toBeGreaterThan(0)
  })

  it.each(cases)('%s from %s to %s: every day starts at its first instant', (zone, from, to) => {
    for (let date = from; date < to; date = nextDate(date)) {
      const { from: dayFrom, to: dayTo } = businessDayWindow(date, zone)
      const start = Date.parse(dayFrom)
      // The first instant on (or, for a day that never was, past) `date`; the one before is earlier.
      expect(intlDate(start, zone) >= date, `${zone} ${date} starts ${dayFrom}`).toBe(true)
      expect(intlDate(start - 1, zone) < date, `${zone} ${date} starts ${dayFrom}`).toBe(true)
      expect(dayTo).toBe(businessDayWindow(nextDate(date), zone).from)
      expect(zonedMidnight(date, zone).toISOString()).toBe(dayFrom)
      const hours = (Date.parse(dayTo) - start) / HOUR
      const never = zone === 'Pacific/Apia' && date === '2011-12-30'
      expect(never ? hours === 0 : Math.abs(hours - 24) <= 1, `${zone} ${date} has ${hours} h`).toBe(true)
    }
  })
})

describe('days that are not 24 hours long', () => {
  it.each([
    // Midnight skipped: the day starts at 01:00 of the new offset.
    ['America/Havana', '2025-03-09', '2025-03-09T05:00:00.000Z', 23],
    ['America/Santiago', '2025-09-07', '2025-09-07T04:00:00.000Z', 23],
    ['Asia/Beirut', '2025-03-30', '2025-03-29T22:00:00.000Z', 23],
    // The clock falls back to 23:00 of the day before: 25 hours.
    ['America/Santiago', '2025-04-05', '2025-04-05T03:00:00.000Z', 25],
    ['Asia/Beirut', '2025-10-25', '2025-10-24T21:00:00.000Z', 25],
    ['America/Havana', '2025-11-02', '2025-11-02T04:00:00.000Z', 25],
    ['Europe/Berlin', '2026-03-29', '2026-03-28T23:00:00.000Z', 23],
    ['Europe/Berlin', '2026-10-25', '2026-10-24T22:00:00.000Z', 25],
    ['Australia/Lord_Howe', '2025-10-05', '2025-10-04T13:30:00.000Z', 23.5],
    ['Asia/Shanghai', '1901-01-01', '1900-12-31T16:00:00.000Z', 24],
    ['Pacific/Apia', '2011-12-30', '2011-12-30T10:00:00.000Z', 0]
  ])('%s %s starts at %s and has %s hours', (zone, date, from, hours) => {
    const window = businessDayWindow(date, zone)
    expect(window.from).toBe(from)
    expect((Date.parse(window.to) - Date.parse(window.from)) / HOUR).toBe(hours)
  })

  it('gives the last day of LMT in Shanghai its 5 min 43 s more', () => {
    expect(zoneOffsetAt(new Date('1900-12-31T15:54:16Z'), 'Asia/Shanghai')).toBe(8 * 3600 + 5 * 60 + 43)
    expect(zoneOffsetAt(new Date('1900-12-31T15:54:17Z'), 'Asia/Shanghai')).toBe(8 * 3600)
    const w = businessDayWindow('1900-12-31', 'Asia/Shanghai')
    expect(Date.parse(w.to) - Date.parse(w.from)).toBe(DAY + 5 * 60_000 + 43_000)
  })
})

describe('Asia/Shanghai today: UTC+8, no DST', () => {
  it('puts every instant on the day and hour of UTC+8', () => {
    for (
      let at = Date.parse('2026-01-01T00:00:00Z');
      at < Date.parse('2027-01-01T00:00:00Z');
      at += 3_599_999
    ) {
      const shifted = new Date(at + 8 * HOUR)
      expect(businessDate(at, 'Asia/Shanghai')).toBe(shifted.toISOString().slice(0, 10))
      expect(businessHour(at, 'Asia/Shanghai')).toBe(shifted.getUTCHours())
    }
    expect(businessDayWindow('2026-11-25', 'Asia/Shanghai')).toEqual({
      from: '2026-11-24T16:00:00.000Z',
      to: '2026-11-25T16:00:00.000Z'
    })
    expect(startOfBusinessDay('2026-11-25T15:59:59.999Z', 'Asia/Shanghai').toISOString()).toBe(
      '2026-11-24T16:00:00.000Z'
    )
    expect(previousDate('2026-03-01')).toBe('2026-02-28')
  })
})
