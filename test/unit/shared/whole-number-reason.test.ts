import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { zodRefusal } from '../../../src/shared/contract/error-reasons'

// The fresh-cashier report: a coupon's usage limit of 1.5 was refused with "is required" (必须填写).
describe('a fraction where a whole number is wanted', () => {
  it('is refused as "must be a whole number", not as missing', () => {
    const schema = z.object({ usageLimit: z.number().int().min(1).optional() })
    const result = schema.safeParse({ usageLimit: 1.5 })
    expect(result.success).toBe(false)
    const refusal = zodRefusal(result.error!.issues[0]!)
    expect(refusal).toMatchObject({ field: 'usageLimit', key: 'errors.validation.wholeNumber' })
    expect(refusal.message).toBe('usageLimit: must be a whole number')
  })

  it('a missing value is still "is required"', () => {
    const refusal = zodRefusal(z.object({ n: z.number() }).safeParse({}).error!.issues[0]!)
    expect(refusal.key).toBe('errors.validation.required')
  })
})
