import type { CartInput } from '../../../../src/shared/schemas/cart'

/** The worked example of specs/settlement.md, input and output verbatim. */
export const specCart: CartInput = {
  currency: 'CNY',
  rounding: 'half-up',
  taxMode: 'inclusive',
  cashIncrement: '0.10',
  lines: [
    {
      sku: 'A-1',
      quantity: '2',
      unitPrice: '100.00',
      taxRate: '0.13',
      discount: { type: 'rate', rate: '0.1' }
    }
  ],
  coupons: [
    { code: 'SAVE10', type: 'rate', rate: '0.1', minSpend: '50.00' },
    { code: 'MINUS5', type: 'amount', amount: '5.00' }
  ]
}

export const specQuote = {
  currency: 'CNY',
  lines: [
    {
      sku: 'A-1',
      gross: '200.00',
      lineDiscount: '20.00',
      net: '180.00',
      orderDiscount: '23.00',
      netAfterDiscount: '157.00',
      tax: '18.06',
      total: '157.00'
    }
  ],
  coupons: [
    { code: 'SAVE10', applied: true, discount: '18.00' },
    { code: 'MINUS5', applied: true, discount: '5.00' }
  ],
  grossTotal: '200.00',
  lineDiscountTotal: '20.00',
  subtotal: '180.00',
  orderDiscountTotal: '23.00',
  discountTotal: '43.00',
  taxTotal: '18.06',
  total: '157.00',
  cashTotal: '157.00',
  cashRounding: '0.00'
}

/** Freezes a value and everything in it, so a test fails if anything writes into the caller's input. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key])
    Object.freeze(value)
  }
  return value
}
