import { describe, expect, it } from 'vitest'
import { isImplausibleQuantity } from '../../../src/shared/money/plausibility'
import { quantitySchema } from '../../../src/shared/contract/channels/cart'

// The fresh-cashier report: "1e3" typed as a weight asked "Set 1e3 kg of Bananas?" instead of
// being refused. Exponent notation is no quantity: no confirmation, and the contract refuses it.
describe('exponent notation in a quantity', () => {
  it('is not confirmed as a large quantity', () => {
    for (const text of ['1e3', '1E3', '2e1', '0x40', 'Infinity'])
      expect(isImplausibleQuantity(text, 'kg')).toBe(false)
    expect(isImplausibleQuantity('1000', 'kg')).toBe(true)
    expect(isImplausibleQuantity('31', 'kg')).toBe(true)
    expect(isImplausibleQuantity('12.345', 'kg')).toBe(false)
  })

  it('is refused by the contract', () => {
    for (const text of ['1e3', '1E3', '1.5e1', '+2'])
      expect(quantitySchema.safeParse(text).success).toBe(false)
    expect(quantitySchema.safeParse('1.5').success).toBe(true)
  })
})
