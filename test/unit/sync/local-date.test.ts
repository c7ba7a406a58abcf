import { businessDate } from '@shared/time/zone'
import { describe, expect, it } from 'vitest'

describe('businessDate (a store’s business day)', () => {
  it('agrees with Intl for many zones and moments, across DST changes', () => {
    const zones = [
      'Asia/Shanghai',
      'Europe/Berlin',
      'America/New_York',
      'Asia/Kolkata',
      'Australia/Lord_Howe',
      'Pacific/Chatham',
      'UTC'
    ]
    const start = Date.parse('2026-01-01T00:00:00.000Z')
    for (const timeZone of zones) {
      const intl = new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit'
      })
      for (let i = 0; i < 3000; i++) {
        const at = new Date(start + i * 2 * 3600_000 + (i % 7) * 60_000 + 59_999)
        expect(businessDate(at.toISOString(), timeZone), `${timeZone} ${at.toISOString()}`).toBe(
          intl.format(at)
        )
      }
    }
  })

  it('puts a sale at 23:59 in Shanghai on that day, not on the UTC one', () => {
    expect(businessDate('2026-11-25T15:59:00.000Z', 'Asia/Shanghai')).toBe('2026-11-25')
    expect(businessDate('2026-11-25T16:00:00.000Z', 'Asia/Shanghai')).toBe('2026-11-26')
  })
})
