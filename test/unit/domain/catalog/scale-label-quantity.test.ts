import { describe, expect, it } from 'vitest'
import { labelQuantity } from '../../../../src/main/domain/catalog/scale-label-quantity'

describe('the quantity a scale label puts on the cart', () => {
  it('a weight label: its grams', () => {
    expect(labelQuantity({ itemCode: '1', content: 'weight', grams: 1234 }, 1280, 'half-up')).toBe('1.234')
    expect(labelQuantity({ itemCode: '1', content: 'weight', grams: 5 }, 1280, 'half-up')).toBe('0.005')
  })

  it('a price label: the whole grams whose gross is exactly the printed price, nearest the quotient', () => {
    // 1.234 kg × ¥12.80 = ¥15.7952 → ¥15.80; 1.235 kg → ¥15.808 → ¥15.81
    expect(labelQuantity({ itemCode: '1', content: 'price', priceMinor: 1580 }, 1280, 'half-up')).toBe(
      '1.234'
    )
    // ¥0.50/kg: many weights price to ¥0.25; the one nearest 0.25 / 0.50 = 0.500 kg
    expect(labelQuantity({ itemCode: '1', content: 'price', priceMinor: 25 }, 50, 'half-up')).toBe('0.500')
  })

  it('no weight prices a label of ¥39.81 at ¥39.80/kg to the fen: refused', () => {
    // ¥39.80/kg moves ¥0.0398 a gram; 1.000 kg = ¥39.80 and 1.001 kg = ¥39.8398 → ¥39.84
    expect(
      labelQuantity({ itemCode: '1', content: 'price', priceMinor: 3981 }, 3980, 'half-up')
    ).toBeUndefined()
  })
})
