import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { allocateDiscount } from '../../../../src/main/domain/money/allocate-discount'

describe('allocateDiscount', () => {
  it('splits 1003 50/50 as [502, 501]: the lower index wins a tie', () => {
    expect(allocateDiscount(1003, [5000, 5000])).toEqual([502, 501])
  })

  it('gives the left-over fen to the largest remainders first', () => {
    // 100 over three equal lines: 33 each, equal remainders → index 0 gets the extra fen
    expect(allocateDiscount(100, [100, 100, 100])).toEqual([34, 33, 33])
    // D = 10 over nets [3, 3, 4] (S = 10): exact shares, nothing left over
    expect(allocateDiscount(10, [3, 3, 4])).toEqual([3, 3, 4])
    // D = 5 over [1, 2, 4] (S = 7): floors 0, 1, 2, remainders 5, 3, 6 → lines 2 and 0 get one more
    expect(allocateDiscount(5, [1, 2, 4])).toEqual([1, 1, 3])
  })

  it('gives nothing when there is nothing to share', () => {
    expect(allocateDiscount(0, [100, 200])).toEqual([0, 0])
    expect(allocateDiscount(0, [])).toEqual([])
    expect(allocateDiscount(0, [0, 0])).toEqual([0, 0])
  })

  it('refuses a discount larger than the nets', () => {
    expect(() => allocateDiscount(301, [100, 200])).toThrow(RangeError)
  })

  it('does not change its input', () => {
    const nets = Object.freeze([300, 700])
    expect(allocateDiscount(99, nets)).toEqual([30, 69])
  })

  const nets = fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 30 })
  const netsAndDiscount = nets.chain((n) =>
    fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n.reduce((a, b) => a + b, 0) }))
  )

  it('adds up to the discount exactly, and no share exceeds its net', () => {
    fc.assert(
      fc.property(netsAndDiscount, ([n, discount]) => {
        const shares = allocateDiscount(discount, n)
        expect(shares.reduce((a, b) => a + b, 0)).toBe(discount)
        shares.forEach((share, i) => {
          expect(share).toBeGreaterThanOrEqual(0)
          expect(share).toBeLessThanOrEqual(n[i])
        })
      })
    )
  })

  it('stays exact when D × net passes 2^53', () => {
    const big = 2 ** 40
    const shares = allocateDiscount(big - 1, [big, big, big])
    expect(shares.reduce((a, b) => a + b, 0)).toBe(big - 1)
    expect(shares).toEqual([366503875925, 366503875925, 366503875925])
  })
})
