import { businessDate, businessDayWindow, businessHour } from '@shared/time/zone'
import { nextDate, previousDate } from '@shared/time/calendar'
import { isCalendarDate } from '@shared/contract/text'
import { describe, expect, it } from 'vitest'

describe("a store's business day in its own zone", () => {
  it.each([
    ['Asia/Shanghai', '2026-11-25', '2026-11-24T16:00:00.000Z', '2026-11-25T16:00:00.000Z'],
    ['UTC', '2026-11-25', '2026-11-25T00:00:00.000Z', '2026-11-26T00:00:00.000Z'],
    // 23 and 25 hours across Europe's clock changes.
    ['Europe/Berlin', '2026-03-29', '2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z'],
    ['Europe/Berlin', '2026-10-25', '2026-10-24T22:00:00.000Z', '2026-10-25T23:00:00.000Z'],
    ['America/New_York', '2026-03-08', '2026-03-08T05:00:00.000Z', '2026-03-09T04:00:00.000Z'],
    ['Asia/Kolkata', '2026-01-01', '2025-12-31T18:30:00.000Z', '2026-01-01T18:30:00.000Z']
  ])('%s %s runs from %s to %s', (zone, date, from, to) => {
    expect(businessDayWindow(date, zone)).toEqual({ from, to })
    // The instants just inside and outside agree with businessDate.
    expect(businessDate(from, zone)).toBe(date)
    expect(businessDate(new Date(Date.parse(from) - 1).toISOString(), zone)).toBe(previousDate(date))
    expect(businessDate(new Date(Date.parse(to) - 1).toISOString(), zone)).toBe(date)
    expect(businessDate(to, zone)).toBe(nextDate(date))
  })

  it('gives local hours and checks calendar dates', () => {
    expect(businessHour('2026-11-25T01:30:00.000Z', 'Asia/Shanghai')).toBe(9)
    expect(businessHour('2026-11-25T23:59:59.999Z', 'UTC')).toBe(23)
    expect(businessHour('2026-03-29T01:00:00.000Z', 'Europe/Berlin')).toBe(3)
    expect(isCalendarDate('2026-02-29')).toBe(false)
    expect(isCalendarDate('2024-02-29')).toBe(true)
    expect(isCalendarDate('2024-2-29')).toBe(false)
    expect(previousDate('2026-03-01')).toBe('2026-02-28')
  })
})
