import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  allocateRefund,
  refundShare,
  refundTaxOfAmount
} from '../../../../src/main/domain/refunds/refund-share'

describe('refund shares', () => {
  it('gives back a line of 3 paid ¥10.00 in thirds as 333, 333, 334', () => {
    const first = refundShare({
      figure: 1000,
      lineQuantity: '3',
      quantity: '1',
      refundedQuantity: '0',
      refundedFigure: 0
    })
    const second = refundShare({
      figure: 1000,
      lineQuantity: '3',
      quantity: '1',
      refundedQuantity: '1',
      refundedFigure: first
    })
    const third = refundShare({
      figure: 1000,
      lineQuantity: '3',
      quantity: '1',
      refundedQuantity: '2',
      refundedFigure: first + second
    })
    expect([first, second, third]).toEqual([333, 333, 334])
  })

  it('never gives back more than was paid for a line, however it is split', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 8 }),
        (figure, parts) => {
          const lineQuantity = String(parts.reduce((a, b) => a + b, 0))
          let refundedQuantity = 0
          let refundedFigure = 0
          for (const part of parts) {
            const share = refundShare({
              figure,
              lineQuantity,
              quantity: String(part),
              refundedQuantity: String(refundedQuantity),
              refundedFigure
            })
            expect(share).toBeGreaterThanOrEqual(0)
            refundedQuantity += part
            refundedFigure += share
            expect(refundedFigure).toBeLessThanOrEqual(figure)
          }
          expect(refundedFigure).toBe(figure)
        }
      )
    )
  })

  it('takes the tax of an amount in proportion, rounded once', () => {
    expect(refundTaxOfAmount({ amount: 5000, paid: 15700, tax: 1806, refundedTax: 0 })).toBe(575)
    expect(refundTaxOfAmount({ amount: 15700, paid: 15700, tax: 1806, refundedTax: 1500 })).toBe(306)
  })

  it('pays back the last tender first, within what each has left', () => {
    expect(
      allocateRefund(3000, [
        { id: 'card', left: 5000 },
        { id: 'cash', left: 2000 }
      ])
    ).toEqual([
      { id: 'cash', amount: 2000 },
      { id: 'card', amount: 1000 }
    ])
    expect(() => allocateRefund(8000, [{ id: 'cash', left: 2000 }])).toThrow('exceeds')
  })
})
