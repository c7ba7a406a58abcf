import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ByteSink } from '../../../../src/main/cli/byte-sink'
import { quoteCart } from '../../../../src/main/domain/pricing/quote-cart'
import { toQuoteJson } from '../../../../src/main/domain/pricing/to-quote-json'
import { quoteJsonText, writeQuoteJson } from '../../../../src/main/domain/pricing/write-quote-json'
import type { CartInput } from '../../../../src/shared/schemas/cart'
import { anyCart, withNumbers } from './arbitraries'
import { deepFreeze } from './carts'
import { referenceQuote } from './reference-quote'

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)

describe('quoteCart properties', () => {
  it('agrees with a literal decimal.js reading of the spec', () => {
    fc.assert(
      fc.property(anyCart, (cart) => {
        expect(toQuoteJson(quoteCart(cart))).toEqual(referenceQuote(cart))
      }),
      { numRuns: 400 }
    )
  })

  it('allocates exactly the order discount, no share above its net', () => {
    fc.assert(
      fc.property(anyCart, (cart) => {
        const q = quoteCart(cart)
        expect(sum(q.lines.map((l) => l.orderDiscount))).toBe(q.orderDiscountTotal)
        for (const l of q.lines) {
          expect(l.orderDiscount).toBeGreaterThanOrEqual(0)
          expect(l.orderDiscount).toBeLessThanOrEqual(l.net)
        }
      })
    )
  })

  it('totals add up: total = Σ line totals, discountTotal ≤ grossTotal', () => {
    fc.assert(
      fc.property(anyCart, (cart) => {
        const q = quoteCart(cart)
        expect(q.total).toBe(sum(q.lines.map((l) => l.total)))
        expect(q.taxTotal).toBe(sum(q.lines.map((l) => l.tax)))
        expect(q.grossTotal).toBe(sum(q.lines.map((l) => l.gross)))
        expect(q.discountTotal).toBe(q.lineDiscountTotal + q.orderDiscountTotal)
        expect(q.discountTotal).toBeLessThanOrEqual(q.grossTotal)
        expect(q.total).toBeGreaterThanOrEqual(0)
        for (const figure of [q.total, q.taxTotal, q.subtotal, q.cashTotal ?? 0, q.cashRounding ?? 0]) {
          expect(Number.isSafeInteger(figure)).toBe(true)
        }
      })
    )
  })

  it('gives the same quote for JSON numbers as for strings', () => {
    fc.assert(
      fc.property(anyCart, (cart) => {
        expect(quoteCart(withNumbers(cart))).toEqual(quoteCart(cart))
      })
    )
  })

  it('is deterministic and never writes into its input', () => {
    fc.assert(
      fc.property(anyCart, (cart) => {
        const before = structuredClone(cart)
        const frozen = deepFreeze(structuredClone(cart)) as CartInput
        expect(quoteCart(frozen)).toEqual(quoteCart(cart))
        expect(frozen).toEqual(before)
      })
    )
  })

  it('spells the JSON the same way through every writer', () => {
    fc.assert(
      fc.property(anyCart, (cart) => {
        const q = quoteCart(cart)
        const expected = JSON.stringify(toQuoteJson(q))
        expect(quoteJsonText(q)).toBe(expected)
        const sink = new ByteSink(8)
        writeQuoteJson(q, sink)
        expect(sink.bytes().toString('utf8')).toBe(expected)
      })
    )
  })
})
