import { describe, expect, it } from 'vitest'
import { priceSchema } from '../../../../src/shared/contract/channels/catalog'
import { reasonKey } from '../../../../src/shared/contract/error-reasons'

const reason = (price: string) => {
  const parsed = priceSchema.safeParse(price)
  return parsed.success ? null : parsed.error.issues.map((issue) => issue.message)
}

describe('a price is refused for its true reason', () => {
  it('says "must not be negative" for −5.00, the decimal format only for what is no decimal', () => {
    expect(reason('-5.00')).toEqual(['must not be negative'])
    expect(reasonKey('must not be negative').key).toBe('errors.catalog.priceNegative')
    expect(reason('12,50')).toEqual(['must be a decimal number such as "12.50"'])
    expect(reason('12.50')).toBeNull()
    expect(reason('0')).toBeNull()
  })
})
