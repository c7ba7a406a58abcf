import fc from 'fast-check'

// Random but valid carts, spelled as decimal strings, in currencies of 0, 2 and 3 minor digits.

const DIGITS = { CNY: 2, USD: 2, JPY: 0, KWD: 3 } as const
type Currency = keyof typeof DIGITS

/** `minor` minor units of a currency with `digits` digits as a decimal string: 1234, 2 → "12.34". */
export function decimalOf(minor: number, digits: number): string {
  if (digits === 0) return String(minor)
  const text = String(minor).padStart(digits + 1, '0')
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`
}

const rate = fc.oneof(
  fc.constantFrom('0', '0.06', '0.09', '0.1', '0.13', '0.5', '1', '0.0825', '0.333333333333333333333'),
  fc.integer({ min: 0, max: 10000 }).map((n) => decimalOf(n, 4))
)

const cartIn = (currency: Currency) => {
  const digits = DIGITS[currency]
  const amount = (max: number) => fc.integer({ min: 0, max }).map((n) => decimalOf(n, digits))
  const discount = fc.oneof(
    fc.record({ type: fc.constant('rate' as const), rate }),
    fc.record({ type: fc.constant('amount' as const), amount: amount(5000) })
  )
  const line = fc.record(
    {
      sku: fc.string({ maxLength: 6 }),
      quantity: fc.integer({ min: 1, max: 50000 }).map((n) => decimalOf(n, 3)),
      unitPrice: amount(200000),
      taxRate: rate,
      discount
    },
    { requiredKeys: ['quantity', 'unitPrice'] }
  )
  const coupon = fc
    .tuple(fc.string({ minLength: 1, maxLength: 6 }), discount, fc.option(amount(300000), { nil: undefined }))
    .map(([code, d, minSpend]) => ({ code, ...d, ...(minSpend === undefined ? {} : { minSpend }) }))
  return fc.record(
    {
      currency: fc.constant(currency),
      rounding: fc.constantFrom('half-up' as const, 'half-even' as const),
      taxMode: fc.constantFrom('inclusive' as const, 'exclusive' as const),
      cashIncrement: fc.constantFrom(1, 5, 10, 100).map((n) => decimalOf(n, digits)),
      lines: fc.array(line, { maxLength: 8 }),
      coupons: fc.array(coupon, { maxLength: 3 })
    },
    { requiredKeys: ['currency', 'lines'] }
  )
}

export const anyCart = fc.constantFrom<Currency>('CNY', 'USD', 'JPY', 'KWD').chain(cartIn)

/** The same cart with every decimal that survives the round trip spelled as a JSON number. */
export function withNumbers<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withNumbers) as T
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, k === 'code' || k === 'sku' ? v : withNumbers(v)])
    ) as T
  }
  if (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) && String(Number(value)) === value) {
    return Number(value) as T
  }
  return value
}
