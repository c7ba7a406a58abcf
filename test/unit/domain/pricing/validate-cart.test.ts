import { describe, expect, it } from 'vitest'
import { CartValidationError } from '../../../../src/main/domain/pricing/cart-validation-error'
import { quoteCart } from '../../../../src/main/domain/pricing/quote-cart'
import { validateCart } from '../../../../src/main/domain/pricing/validate-cart'
import { cartInputSchema } from '../../../../src/shared/schemas/cart'
import { toFieldError } from '../../../../src/shared/schemas/field-path'

const line = { sku: 'A-1', quantity: '2', unitPrice: '100.00', taxRate: '0.13' }
const base = { currency: 'CNY', lines: [line] }

/** Each refused input of the spec, with the field and the words it is refused in. */
const refused: [what: string, input: unknown, field: string, message: string][] = [
  [
    'quantity 0',
    { ...base, lines: [{ ...line, quantity: '0' }] },
    'lines[0].quantity',
    'must be greater than 0'
  ],
  [
    'quantity -1',
    { ...base, lines: [{ ...line, quantity: '-1' }] },
    'lines[0].quantity',
    'must be greater than 0'
  ],
  [
    'quantity 0.000',
    { ...base, lines: [{ ...line, quantity: '0.000' }] },
    'lines[0].quantity',
    'must be greater than 0'
  ],
  [
    'quantity with 4 decimals',
    { ...base, lines: [{ ...line, quantity: '1.0005' }] },
    'lines[0].quantity',
    'must have at most 3 decimal places'
  ],
  ['quantity missing', { ...base, lines: [{ unitPrice: '1.00' }] }, 'lines[0].quantity', 'is required'],
  [
    'malformed quantity',
    { ...base, lines: [{ ...line, quantity: '1,5' }] },
    'lines[0].quantity',
    'must be a decimal number such as "12.50"'
  ],
  [
    'exponent in a string',
    { ...base, lines: [{ ...line, quantity: '1e3' }] },
    'lines[0].quantity',
    'must be a decimal number such as "12.50"'
  ],
  [
    'quantity as a boolean',
    { ...base, lines: [{ ...line, quantity: true }] },
    'lines[0].quantity',
    'must be a decimal number such as "12.50"'
  ],
  [
    'negative price',
    { ...base, lines: [{ ...line, unitPrice: '-1.00' }] },
    'lines[0].unitPrice',
    'must not be negative'
  ],
  [
    'price with 3 decimals in CNY',
    { ...base, lines: [{ ...line, unitPrice: '1.005' }] },
    'lines[0].unitPrice',
    'must have at most 2 decimal places for CNY'
  ],
  [
    'price with decimals in JPY',
    { currency: 'JPY', lines: [{ quantity: '1', unitPrice: '100.5' }] },
    'lines[0].unitPrice',
    'must be a whole number for JPY'
  ],
  [
    'price with 4 decimals in KWD',
    { currency: 'KWD', lines: [{ quantity: '1', unitPrice: '1.0005' }] },
    'lines[0].unitPrice',
    'must have at most 3 decimal places for KWD'
  ],
  ['price missing', { ...base, lines: [{ quantity: '1' }] }, 'lines[0].unitPrice', 'is required'],
  [
    'price too large',
    { ...base, lines: [{ ...line, unitPrice: '90071992547409.92' }] },
    'lines[0].unitPrice',
    'is too large'
  ],
  [
    'tax rate above 1',
    { ...base, lines: [{ ...line, taxRate: '1.01' }] },
    'lines[0].taxRate',
    'must be between 0 and 1'
  ],
  [
    'tax rate below 0',
    { ...base, lines: [{ ...line, taxRate: '-0.1' }] },
    'lines[0].taxRate',
    'must be between 0 and 1'
  ],
  [
    'discount rate above 1',
    { ...base, lines: [{ ...line, discount: { type: 'rate', rate: '1.5' } }] },
    'lines[0].discount.rate',
    'must be between 0 and 1'
  ],
  [
    'discount amount with 3 decimals',
    { ...base, lines: [{ ...line, discount: { type: 'amount', amount: '0.001' } }] },
    'lines[0].discount.amount',
    'must have at most 2 decimal places for CNY'
  ],
  [
    'negative discount amount',
    { ...base, lines: [{ ...line, discount: { type: 'amount', amount: '-1' } }] },
    'lines[0].discount.amount',
    'must not be negative'
  ],
  [
    'unknown discount type',
    { ...base, lines: [{ ...line, discount: { type: 'percent', rate: '0.1' } }] },
    'lines[0].discount.type',
    'must be "rate" or "amount"'
  ],
  [
    'rate discount without its rate',
    { ...base, lines: [{ ...line, discount: { type: 'rate', amount: '1.00' } }] },
    'lines[0].discount.rate',
    'is required'
  ],
  [
    'unknown currency',
    { ...base, currency: 'XYZ' },
    'currency',
    'must be a known ISO 4217 currency code such as "CNY"'
  ],
  [
    'lower-case currency',
    { ...base, currency: 'cny' },
    'currency',
    'must be a known ISO 4217 currency code such as "CNY"'
  ],
  ['currency missing', { lines: [] }, 'currency', 'is required'],
  ['lines missing', { currency: 'CNY' }, 'lines', 'is required'],
  ['lines not an array', { currency: 'CNY', lines: {} }, 'lines', 'must be an array'],
  ['line not an object', { currency: 'CNY', lines: [7] }, 'lines[0]', 'must be an object'],
  ['unknown rounding mode', { ...base, rounding: 'bankers' }, 'rounding', 'must be "half-up" or "half-even"'],
  ['unknown tax mode', { ...base, taxMode: 'included' }, 'taxMode', 'must be "inclusive" or "exclusive"'],
  ['zero cash increment', { ...base, cashIncrement: '0.00' }, 'cashIncrement', 'must be greater than 0'],
  [
    'cash increment with 3 decimals',
    { ...base, cashIncrement: '0.005' },
    'cashIncrement',
    'must have at most 2 decimal places for CNY'
  ],
  [
    'coupon amount with 3 decimals',
    { ...base, coupons: [{ code: 'X', type: 'amount', amount: '5.001' }] },
    'coupons[0].amount',
    'must have at most 2 decimal places for CNY'
  ],
  [
    'coupon rate above 1',
    { ...base, coupons: [{ code: 'X', type: 'rate', rate: '2' }] },
    'coupons[0].rate',
    'must be between 0 and 1'
  ],
  [
    'coupon minSpend with 3 decimals',
    { ...base, coupons: [{ code: 'X', type: 'rate', rate: '0.1', minSpend: '50.005' }] },
    'coupons[0].minSpend',
    'must have at most 2 decimal places for CNY'
  ],
  [
    'negative minSpend',
    { ...base, coupons: [{ code: 'X', type: 'rate', rate: '0.1', minSpend: '-50' }] },
    'coupons[0].minSpend',
    'must not be negative'
  ],
  [
    'coupon without code',
    { ...base, coupons: [{ type: 'rate', rate: '0.1' }] },
    'coupons[0].code',
    'is required'
  ],
  [
    'coupon with empty code',
    { ...base, coupons: [{ code: '', type: 'rate', rate: '0.1' }] },
    'coupons[0].code',
    'must not be empty'
  ],
  [
    'coupon without type',
    { ...base, coupons: [{ code: 'X', rate: '0.1' }] },
    'coupons[0].type',
    'is required'
  ],
  ['sku not a string', { ...base, lines: [{ ...line, sku: 12 }] }, 'lines[0].sku', 'must be a string'],
  [
    'misspelt line field',
    { ...base, lines: [{ ...line, taxrate: '0.13' }] },
    'lines[0].taxrate',
    'is not a known field'
  ],
  ['misspelt cart field', { ...base, coupon: [] }, 'coupon', 'is not a known field'],
  ['cart not an object', [], 'cart', 'must be an object']
]

describe('validateCart', () => {
  it.each(refused)('refuses %s', (_, input, field, message) => {
    let error: unknown
    try {
      validateCart(input)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(CartValidationError)
    expect(error).toMatchObject({ field, message })
  })

  it('puts the cart index in front within an array', () => {
    const input = { ...base, lines: [{ ...line, quantity: '0' }] }
    expect(() => validateCart(input, 'carts[3]')).toThrow(
      expect.objectContaining({ field: 'carts[3].lines[0].quantity', message: 'must be greater than 0' })
    )
    expect(
      (() => {
        try {
          validateCart(null, 'carts[3]')
        } catch (e) {
          return (e as CartValidationError).describe()
        }
      })()
    ).toBe('carts[3]: must be an object')
  })

  it('is what quoteCart throws, computing nothing', () => {
    expect(() => quoteCart({ ...base, lines: [{ ...line, quantity: '0' }] })).toThrow(CartValidationError)
  })

  it('accepts the edges of each range', () => {
    const cart = validateCart({
      currency: 'CNY',
      cashIncrement: '0.01',
      lines: [
        { quantity: '0.001', unitPrice: '0', taxRate: '1', discount: { type: 'rate', rate: '0' } },
        { quantity: '1.000', unitPrice: '0.00', taxRate: '1.000', discount: { type: 'amount', amount: '0' } },
        { quantity: 5, unitPrice: 0.1, taxRate: '0.0000000000000000000001' }
      ],
      coupons: [{ code: 'Z', type: 'amount', amount: '0.00', minSpend: '0' }]
    })
    expect(cart.lines.map((l) => l.quantityMilli)).toEqual([1, 1000, 5000])
    expect(cart.lines[2].taxRate).toEqual({ num: 1n, den: 10n ** 22n })
  })
})

describe('cartInputSchema (zod, for the API) refuses the same way', () => {
  it.each(refused)('refuses %s', (_, input, field, message) => {
    const result = cartInputSchema.safeParse(input)
    expect(result.success).toBe(false)
    if (result.success) return
    const errors = result.error.issues.map((issue) => {
      const one = toFieldError({ ...result.error, issues: [issue] } as typeof result.error)
      return { field: one.field, message: one.message }
    })
    // The cart-level 'cart' name stands for the root, which zod names with an empty path.
    expect(errors).toContainEqual({ field: field === 'cart' ? '' : field, message })
  })

  it('parses a valid cart into decimal strings with defaults', () => {
    const cart = cartInputSchema.parse({ currency: 'CNY', lines: [{ quantity: 2, unitPrice: '1.50' }] })
    expect(cart).toEqual({
      currency: 'CNY',
      rounding: 'half-up',
      taxMode: 'inclusive',
      cashRoundingMode: 'half-up',
      lines: [{ quantity: '2', unitPrice: '1.50' }],
      coupons: []
    })
  })
})
