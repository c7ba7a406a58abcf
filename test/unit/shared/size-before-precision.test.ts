import { describe, expect, it } from 'vitest'
import { scanDecimal } from '../../../src/shared/money/decimal-scan'
import { amountProblem, quantityProblem } from '../../../src/shared/schemas/cart-rules'
import { TOO_LARGE } from '../../../src/shared/schemas/cart-messages'

describe('cart rules check size before precision', () => {
  it('calls a huge amount with decimals too large', () => {
    expect(amountProblem(scanDecimal('99999999999999999.555')!, 2, 'CNY')).toBe(TOO_LARGE)
    expect(amountProblem(scanDecimal('1.005')!, 2, 'CNY')).not.toBe(TOO_LARGE)
  })

  it('calls a huge quantity with too many decimals too large', () => {
    expect(quantityProblem(scanDecimal('99999999999999999.5555')!)).toBe(TOO_LARGE)
    expect(quantityProblem(scanDecimal('1.5555')!)).not.toBe(TOO_LARGE)
  })
})
