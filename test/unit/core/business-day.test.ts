import { startOfBusinessDay } from '@shared/time/zone'
import { describe, expect, it } from 'vitest'

// Issue 10: "today so far" (loss prevention's shift-refund limit with no shift open) is the
// store's business day in its time zone; it was this computer's local midnight.

describe("the store's business day", () => {
  it('starts at midnight in the store time zone, whatever the computer is set to', () => {
    // 01:30 on 2 March in Beijing is still 1 March in UTC: the Beijing day began at 16:00Z.
    expect(startOfBusinessDay(new Date('2025-03-01T17:30:00Z'), 'Asia/Shanghai').toISOString()).toBe(
      '2025-03-01T16:00:00.000Z'
    )
    expect(startOfBusinessDay(new Date('2025-03-01T15:59:59Z'), 'Asia/Shanghai').toISOString()).toBe(
      '2025-02-28T16:00:00.000Z'
    )
    expect(startOfBusinessDay(new Date('2025-03-01T17:30:00Z'), 'UTC').toISOString()).toBe(
      '2025-03-01T00:00:00.000Z'
    )
    // A day with a clock change (New York, 9 March 2025) still starts at its local midnight.
    expect(startOfBusinessDay(new Date('2025-03-09T20:00:00Z'), 'America/New_York').toISOString()).toBe(
      '2025-03-09T05:00:00.000Z'
    )
  })
})
