import { describe, expect, it } from 'vitest'
import { zodRefusal } from '@shared/contract/error-reasons'
import { nameSchema } from '@shared/contract/channels/catalog'
import { calendarDate, text } from '@shared/contract/text'
import { storesApi } from '@shared/hq-api/stores'
import type { z } from 'zod'

/** The refusal a person sees: the first issue, as every transport shows it. */
function refusal(schema: z.ZodType, value: unknown) {
  const parsed = schema.safeParse(value)
  if (parsed.success) return undefined
  const { message, key, params } = zodRefusal(parsed.error.issues[0]!)
  return { message, key, params }
}

describe('a field names its own limit, not the general one', () => {
  it('refuses a 2,000-character product name at its real limit, 120', () => {
    expect(refusal(nameSchema, 'x'.repeat(2000))).toMatchObject({
      message: 'must be at most 120 characters'
    })
    // Trimmed first: a name within the limit but for its spaces is taken, trimmed.
    expect(nameSchema.parse(`  ${'x'.repeat(120)}  `)).toHaveLength(120)
    expect(refusal(nameSchema, 'x'.repeat(121))?.message).toBe('must be at most 120 characters')
  })

  it('refuses a long store name at 80, keyed, naming the field', () => {
    const input = storesApi.create.input
    const parsed = input.safeParse({ name: 'x'.repeat(500), timeZone: 'Asia/Shanghai' })
    expect(parsed.success).toBe(false)
    expect(zodRefusal(parsed.error!.issues[0]!)).toMatchObject({
      field: 'name',
      key: 'errors.validation.tooLong',
      params: { maximum: '80' }
    })
    expect(input.parse({ name: ' main ', timeZone: 'UTC' }).name).toBe('main')
  })

  it('keeps a tighter limit given to text() however long the value', () => {
    expect(refusal(text({ max: 20 }), 'x'.repeat(5000))?.message).toBe('must be at most 20 characters')
  })
})

describe('a date out of range is not called unreal', () => {
  it('says 9999-12-31 is out of range, keyed with its bounds, and 2026-02-30 is not a date', () => {
    expect(refusal(calendarDate(), '9999-12-31')).toEqual({
      message: 'must be from 1970-01-01 to 2999-12-31',
      key: 'errors.validation.range',
      params: { minimum: '1970-01-01', maximum: '2999-12-31' }
    })
    expect(refusal(calendarDate(), '1969-12-31')?.key).toBe('errors.validation.range')
    expect(refusal(calendarDate(), '2026-02-30')?.message).toBe('must be a real date such as 2026-11-25')
    expect(refusal(calendarDate(), '9999-02-30')?.message).toBe('must be a real date such as 2026-11-25')
    expect(refusal(calendarDate(), '2999-12-31')).toBeUndefined()
  })
})
