import { describe, expect, it } from 'vitest'
import { priceCart, quoteCart } from '../../../../src/main/domain/pricing/quote-cart'
import { validateCart } from '../../../../src/main/domain/pricing/validate-cart'
import { toQuoteJson } from '../../../../src/main/domain/pricing/to-quote-json'
import { quoteJsonText } from '../../../../src/main/domain/pricing/write-quote-json'
import type { CartInput } from '../../../../src/shared/schemas/cart'
import { deepFreeze, specCart, specQuote } from './carts'

const quote = (cart: CartInput) => toQuoteJson(quoteCart(cart))

describe('quoteCart — the worked example of specs/settlement.md', () => {
  it('gives the spec output exactly, key order included', () => {
    const json = quote(specCart)
    expect(json).toEqual(specQuote)
    expect(JSON.stringify(json)).toBe(JSON.stringify(specQuote))
    expect(quoteJsonText(quoteCart(specCart))).toBe(JSON.stringify(specQuote))
  })

  it('keeps the figures in minor units for checkout', () => {
    const q = quoteCart(specCart)
    expect(q.total).toBe(15700)
    expect(q.taxTotal).toBe(1806)
    expect(q.lines[0]).toEqual({
      sku: 'A-1',
      gross: 20000,
      lineDiscount: 2000,
      net: 18000,
      orderDiscount: 2300,
      netAfterDiscount: 15700,
      tax: 1806,
      total: 15700
    })
  })
})

describe('step 1: line gross', () => {
  it('rounds quantity × price once, by the cart rounding mode', () => {
    // 0.125 kg × ¥0.20 = 2.5 fen
    const cart = (rounding: 'half-up' | 'half-even'): CartInput => ({
      currency: 'CNY',
      rounding,
      lines: [{ quantity: '0.125', unitPrice: '0.20' }]
    })
    expect(quote(cart('half-up')).lines[0].gross).toBe('0.03')
    expect(quote(cart('half-even')).lines[0].gross).toBe('0.02')
  })

  it('half-even sends a tie to the even fen (0.035 → 0.04, 0.045 → 0.04)', () => {
    const gross = (unitPrice: string) =>
      quote({ currency: 'CNY', rounding: 'half-even', lines: [{ quantity: '0.5', unitPrice }] }).lines[0]
        .gross
    expect(gross('0.07')).toBe('0.04')
    expect(gross('0.09')).toBe('0.04')
    expect(gross('0.11')).toBe('0.06')
  })

  it('quotes zero prices to zero', () => {
    const q = quote({ currency: 'CNY', lines: [{ quantity: '3', unitPrice: '0.00', taxRate: '0.13' }] })
    expect(q.total).toBe('0.00')
    expect(q.lines[0]).toMatchObject({ gross: '0.00', tax: '0.00', total: '0.00' })
  })
})

describe('step 2: line discount', () => {
  it('rounds a rate discount of the gross', () => {
    const q = quote({
      currency: 'CNY',
      lines: [{ quantity: '1', unitPrice: '9.99', discount: { type: 'rate', rate: '0.15' } }]
    })
    // 9.99 × 0.15 = 1.4985 → 1.50
    expect(q.lines[0]).toMatchObject({ gross: '9.99', lineDiscount: '1.50', net: '8.49' })
  })

  it('caps an amount discount at the gross', () => {
    const q = quote({
      currency: 'CNY',
      lines: [{ quantity: '1', unitPrice: '3.00', discount: { type: 'amount', amount: '5.00' } }]
    })
    expect(q.lines[0]).toMatchObject({ lineDiscount: '3.00', net: '0.00' })
  })
})

describe('step 4: coupons', () => {
  const lines = [{ quantity: '1', unitPrice: '100.00' }]

  it('applies coupons in the order given, each to what is left', () => {
    const rateFirst = quote({
      currency: 'CNY',
      lines,
      coupons: [
        { code: 'R', type: 'rate', rate: '0.1' },
        { code: 'A', type: 'amount', amount: '10.00' }
      ]
    })
    const amountFirst = quote({
      currency: 'CNY',
      lines,
      coupons: [
        { code: 'A', type: 'amount', amount: '10.00' },
        { code: 'R', type: 'rate', rate: '0.1' }
      ]
    })
    expect(rateFirst.coupons.map((c) => c.discount)).toEqual(['10.00', '10.00'])
    expect(rateFirst.total).toBe('80.00')
    expect(amountFirst.coupons.map((c) => c.discount)).toEqual(['10.00', '9.00'])
    expect(amountFirst.total).toBe('81.00')
  })

  it('caps an amount coupon at what remains', () => {
    const q = quote({
      currency: 'CNY',
      lines,
      coupons: [
        { code: 'BIG', type: 'amount', amount: '80.00' },
        { code: 'BIGGER', type: 'amount', amount: '50.00' }
      ]
    })
    expect(q.coupons.map((c) => c.discount)).toEqual(['80.00', '20.00'])
    expect(q.total).toBe('0.00')
  })

  it('does not apply a coupon whose minSpend the subtotal does not reach', () => {
    const q = quote({
      currency: 'CNY',
      lines,
      coupons: [
        { code: 'MIN200', type: 'rate', rate: '0.2', minSpend: '200.00' },
        { code: 'MIN100', type: 'amount', amount: '1.00', minSpend: '100.00' }
      ]
    })
    expect(q.coupons).toEqual([
      { code: 'MIN200', applied: false, reason: 'min_spend_not_met', discount: '0.00' },
      { code: 'MIN100', applied: true, discount: '1.00' }
    ])
    expect(q.orderDiscountTotal).toBe('1.00')
  })

  it('reports an empty coupon list when none were given', () => {
    expect(quote({ currency: 'CNY', lines }).coupons).toEqual([])
  })
})

describe('step 5: allocation of the order discount', () => {
  it('splits ¥10.03 over two equal lines as 5.02 / 5.01', () => {
    const q = quote({
      currency: 'CNY',
      lines: [
        { quantity: '1', unitPrice: '50.00' },
        { quantity: '1', unitPrice: '50.00' }
      ],
      coupons: [{ code: 'X', type: 'amount', amount: '10.03' }]
    })
    expect(q.lines.map((l) => l.orderDiscount)).toEqual(['5.02', '5.01'])
    expect(q.lines.map((l) => l.netAfterDiscount)).toEqual(['44.98', '44.99'])
  })

  it('gives the extra fen to the largest remainder', () => {
    // D = 100, nets 1.00, 2.00 (S = 300): 33.33…, 66.66… → floors 33, 66, remainders 100, 200 → line 1
    const q = quote({
      currency: 'CNY',
      lines: [
        { quantity: '1', unitPrice: '1.00' },
        { quantity: '1', unitPrice: '2.00' }
      ],
      coupons: [{ code: 'X', type: 'amount', amount: '1.00' }]
    })
    expect(q.lines.map((l) => l.orderDiscount)).toEqual(['0.33', '0.67'])
  })
})

describe('step 6: tax', () => {
  it('takes inclusive tax out of the price', () => {
    const q = quote({ currency: 'CNY', lines: [{ quantity: '1', unitPrice: '113.00', taxRate: '0.13' }] })
    expect(q.lines[0]).toMatchObject({ tax: '13.00', total: '113.00' })
  })

  it('adds exclusive tax on top', () => {
    const q = quote({
      currency: 'USD',
      taxMode: 'exclusive',
      lines: [
        { quantity: '1', unitPrice: '10.00', taxRate: '0.0825' },
        { quantity: '2', unitPrice: '4.99' }
      ]
    })
    // 10.00 × 0.0825 = 0.825 → 0.83
    expect(q.lines[0]).toMatchObject({ netAfterDiscount: '10.00', tax: '0.83', total: '10.83' })
    expect(q.lines[1]).toMatchObject({ tax: '0.00', total: '9.98' })
    expect(q).toMatchObject({ taxTotal: '0.83', total: '20.81' })
  })
})

describe('step 8: cash rounding', () => {
  const cart = (unitPrice: string, cashIncrement?: string): CartInput => ({
    currency: 'CNY',
    lines: [{ quantity: '1', unitPrice }],
    ...(cashIncrement === undefined ? {} : { cashIncrement })
  })

  it('rounds half-up to 0.05, 0.10 and 1, down as well as up', () => {
    expect(quote(cart('157.03', '0.05'))).toMatchObject({ cashTotal: '157.05', cashRounding: '0.02' })
    expect(quote(cart('157.02', '0.05'))).toMatchObject({ cashTotal: '157.00', cashRounding: '-0.02' })
    expect(quote(cart('157.04', '0.10'))).toMatchObject({ cashTotal: '157.00', cashRounding: '-0.04' })
    expect(quote(cart('157.05', '0.10'))).toMatchObject({ cashTotal: '157.10', cashRounding: '0.05' })
    expect(quote(cart('157.49', '1'))).toMatchObject({ cashTotal: '157.00', cashRounding: '-0.49' })
    expect(quote(cart('157.50', '1'))).toMatchObject({ cashTotal: '158.00', cashRounding: '0.50' })
  })

  it('is half-up even when the store rounds half-even', () => {
    const q = quote({ ...cart('0.05', '0.10'), rounding: 'half-even' })
    expect(q).toMatchObject({ cashTotal: '0.10', cashRounding: '0.05' })
  })

  it('leaves cashTotal and cashRounding out without an increment', () => {
    const q = quote(cart('157.03'))
    expect(q).not.toHaveProperty('cashTotal')
    expect(q).not.toHaveProperty('cashRounding')
  })
})

describe('currencies', () => {
  it('quotes JPY with no minor digits', () => {
    const q = quote({
      currency: 'JPY',
      lines: [{ sku: 'T', quantity: '1.5', unitPrice: '99', taxRate: '0.1' }],
      coupons: [{ code: 'OFF', type: 'rate', rate: '0.05' }],
      cashIncrement: '10'
    })
    // gross 148.5 → 149; coupon 7.45 → 7; nad 142; tax 142 − round(129.09) = 13
    expect(q).toMatchObject({
      grossTotal: '149',
      orderDiscountTotal: '7',
      total: '142',
      taxTotal: '13',
      cashTotal: '140',
      cashRounding: '-2'
    })
  })

  it('quotes KWD with three minor digits', () => {
    const q = quote({ currency: 'KWD', lines: [{ quantity: '0.333', unitPrice: '1.250', taxRate: '0.05' }] })
    // 0.333 × 1.250 = 0.41625 → 0.416; tax 0.416 − round(0.39619…) = 0.020
    expect(q.lines[0]).toMatchObject({ gross: '0.416', tax: '0.020', total: '0.416' })
  })
})

describe('edge cases', () => {
  it('quotes an empty cart to all zeros', () => {
    expect(quote({ currency: 'CNY', lines: [] })).toEqual({
      currency: 'CNY',
      lines: [],
      coupons: [],
      grossTotal: '0.00',
      lineDiscountTotal: '0.00',
      subtotal: '0.00',
      orderDiscountTotal: '0.00',
      discountTotal: '0.00',
      taxTotal: '0.00',
      total: '0.00'
    })
  })

  it('echoes sku only when given', () => {
    const q = quote({ currency: 'CNY', lines: [{ quantity: '1', unitPrice: '1.00' }] })
    expect(Object.keys(q.lines[0])[0]).toBe('gross')
  })

  it('reads JSON numbers as their shortest decimal form', () => {
    const asNumbers = quote({
      currency: 'CNY',
      cashIncrement: 0.1,
      lines: [{ quantity: 2, unitPrice: 100, taxRate: 0.13, discount: { type: 'rate', rate: 0.1 } }],
      coupons: [
        { code: 'SAVE10', type: 'rate', rate: 0.1, minSpend: 50 },
        { code: 'MINUS5', type: 'amount', amount: 5 }
      ]
    })
    expect({ ...asNumbers, lines: asNumbers.lines.map((l) => ({ sku: 'A-1', ...l })) }).toEqual(specQuote)
  })

  it('never writes into its input', () => {
    const frozen = deepFreeze(structuredClone(specCart))
    expect(quote(frozen)).toEqual(specQuote)
  })

  it('refuses a line whose gross passes a safe integer of minor units', () => {
    expect(() =>
      quoteCart({ currency: 'CNY', lines: [{ quantity: '1000000', unitPrice: '90071992547.40' }] })
    ).toThrow(expect.objectContaining({ field: 'lines[0].gross', message: 'is too large' }))
  })

  // The spec names the figure that outgrows 2^53 − 1 minor units, never "internal".
  const half = '45035996273704.96' // 2^52 fen
  it.each([
    [
      {
        currency: 'CNY',
        lines: [
          { quantity: '1', unitPrice: half },
          { quantity: '1', unitPrice: half }
        ]
      },
      'grossTotal'
    ],
    [
      {
        currency: 'CNY',
        taxMode: 'exclusive',
        lines: [{ quantity: '1', unitPrice: '90071992547409.91', taxRate: '0.13' }]
      },
      'lines[0].total'
    ],
    [
      { currency: 'CNY', cashIncrement: '1', lines: [{ quantity: '1', unitPrice: '90071992547409.91' }] },
      'cashTotal'
    ]
  ])('names the figure that is too large: %#', (cart, field) => {
    expect(() => quoteCart(cart as CartInput)).toThrow(
      expect.objectContaining({ field, message: 'is too large' })
    )
  })

  it('names the figure within an array of carts', () => {
    expect(() =>
      priceCart(
        validateCart(
          { currency: 'CNY', cashIncrement: '1', lines: [{ quantity: '1', unitPrice: '90071992547409.91' }] },
          'carts[3]'
        ),
        'carts[3]'
      )
    ).toThrow(expect.objectContaining({ field: 'carts[3].cashTotal' }))
  })
})

describe('cashRoundingMode (抹零)', () => {
  const cart = (total: string, increment: string, mode?: 'half-up' | 'down'): CartInput => ({
    currency: 'CNY',
    cashIncrement: increment,
    ...(mode ? { cashRoundingMode: mode } : {}),
    lines: [{ quantity: '1', unitPrice: total }]
  })
  it.each([
    ['1.98', '0.05', undefined, 200, 2],
    ['1.98', '0.05', 'down', 195, -3],
    ['157.03', '0.10', 'half-up', 15700, -3],
    ['157.05', '0.10', 'half-up', 15710, 5],
    ['157.05', '0.10', 'down', 15700, -5],
    ['157.99', '1', 'down', 15700, -99],
    ['157.50', '0.50', 'down', 15750, 0],
    ['157.49', '0.50', 'down', 15700, -49]
  ] as const)(
    '%s to %s %s → cashTotal %i, cashRounding %i',
    (total, increment, mode, cashTotal, rounding) => {
      const quoted = quoteCart(cart(total, increment, mode))
      expect(quoted.cashTotal).toBe(cashTotal)
      expect(quoted.cashRounding).toBe(rounding)
    }
  )

  it('refuses an unknown mode naming the field', () => {
    expect(() => quoteCart({ ...cart('1', '0.05'), cashRoundingMode: 'up' } as unknown as CartInput)).toThrow(
      expect.objectContaining({ field: 'cashRoundingMode', message: 'must be "half-up" or "down"' })
    )
  })
})
