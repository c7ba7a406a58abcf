import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { quoteCart } from '../../../../src/main/domain/pricing/quote-cart'
import { cartInputOf, quoteRows, type MoneyRules } from '../../../../src/main/services/sell/cart-quote'
import type { CouponRow } from '../../../../src/main/store/repos/coupons-repo'
import type { OrderCouponRow, OrderLineRow } from '../../../../src/main/store/repos/orders-repo'

// The cart and checkout price stored rows directly (`quoteRows`); `kassa quote` and the spec go through
// `quoteCart(CartInput)`. Both must give the same quote — or refuse the same field with the same words.

const decimal = (maxUnits: number, digits: number) =>
  fc
    .integer({ min: 0, max: maxUnits })
    .map((n) => (digits === 0 ? String(n) : (n / 10 ** digits).toFixed(digits)))
// Mostly rows a till really stores, now and then one that breaks a rule (weights 1 in 40).
const rate = fc.oneof(
  { arbitrary: fc.constantFrom('0', '0.13', '0.09', '0.06', '1', '0.333', '0.125', '0.5'), weight: 20 },
  { arbitrary: decimal(1000, 3), weight: 20 },
  { arbitrary: fc.constantFrom('1.5', '-0.1', '0.1234567890123456789'), weight: 1 }
)
const quantity = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 99 }).map(String), weight: 20 },
  { arbitrary: decimal(30_000, 3).filter((q) => Number(q) > 0), weight: 20 },
  { arbitrary: fc.constantFrom('0', '1.2345', '-1'), weight: 1 }
)
const minor = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 100_000 }), weight: 30 },
  { arbitrary: fc.integer({ min: 0, max: 2 ** 40 }), weight: 9 },
  { arbitrary: fc.constantFrom(-1, 2 ** 53), weight: 1 }
)

const line = fc.record({
  sku: fc.constantFrom('A', 'B', 'SKU-3'),
  quantity,
  unit_price: minor,
  tax_rate: rate,
  discount: fc.option(
    fc.oneof(
      fc.record({ type: fc.constant('rate' as const), value: rate }),
      fc.record({
        type: fc.constant('amount' as const),
        value: fc.oneof(decimal(100_00, 2), fc.constant('0.001'))
      })
    ),
    { nil: null }
  )
})

const coupon = fc.oneof(
  fc.record({
    code: fc.constantFrom('SAVE10', 'X', ''),
    type: fc.constant('rate' as const),
    rate: fc.option(rate, { nil: null }),
    amount: fc.constant(null),
    min_spend: fc.option(minor, { nil: null })
  }),
  fc.record({
    code: fc.constantFrom('MINUS5', 'Y'),
    type: fc.constant('amount' as const),
    rate: fc.constant(null),
    amount: fc.option(minor, { nil: null }),
    min_spend: fc.option(minor, { nil: null })
  })
)

const rules = fc.record<MoneyRules>({
  currency: fc.constantFrom('CNY', 'CNY', 'CNY', 'HKD', 'KWD', 'JPY', 'XXZ'),
  rounding: fc.constantFrom('half-up', 'half-even'),
  taxMode: fc.constantFrom('inclusive', 'exclusive'),
  cashIncrement: fc.option(
    fc.oneof(
      { arbitrary: fc.constantFrom('0.10', '0.5', '1', '0.05'), weight: 10 },
      { arbitrary: fc.constantFrom('0', '0.001'), weight: 1 }
    ),
    { nil: null }
  ),
  cashRoundingMode: fc.constantFrom('half-up', 'down')
})

type LineSeed = typeof line extends fc.Arbitrary<infer T> ? T : never
type CouponSeed = typeof coupon extends fc.Arbitrary<infer T> ? T : never

function rowsOf(
  lines: LineSeed[],
  coupons: CouponSeed[]
): { lines: OrderLineRow[]; coupons: Array<{ link: OrderCouponRow; coupon: CouponRow }> } {
  return {
    lines: lines.map(
      (l, i) =>
        ({
          id: `l${i}`,
          position: i,
          sku: l.sku,
          quantity: l.quantity,
          unit_price: l.unit_price,
          tax_rate: l.tax_rate,
          discount_type: l.discount?.type ?? null,
          discount_value: l.discount?.value ?? null
        }) as OrderLineRow
    ),
    coupons: coupons.map((c, i) => ({
      link: { code: c.code, position: i } as OrderCouponRow,
      coupon: { id: `c${i}`, ...c } as CouponRow
    }))
  }
}

/** The quote, or the refusal as `field: message` — the two paths must agree on either. */
function outcome(quote: () => unknown): unknown {
  try {
    return quote()
  } catch (error) {
    const { field, message } = error as { field?: string; message: string }
    return `${field}: ${message}`
  }
}

describe('quoteRows (stored rows, minor units) against quoteCart (the spec’s decimal input)', () => {
  it('gives identical quotes, and refuses the same field with the same words', () => {
    let quoted = 0
    fc.assert(
      fc.property(
        rules,
        fc.array(line, { maxLength: 6 }),
        fc.array(coupon, { maxLength: 3 }),
        (money, lineRows, couponRows) => {
          const rows = rowsOf(lineRows, couponRows)
          const direct = outcome(() => quoteRows(money, rows.lines, rows.coupons))
          let input: ReturnType<typeof cartInputOf>
          try {
            input = cartInputOf(money, rows.lines, rows.coupons)
          } catch {
            // A minor amount with no decimal spelling (negative, past 2^53) or an unknown currency: the
            // old seam failed before the engine saw it; the direct path refuses it by its field.
            expect(direct).toMatch(/^(currency|cashIncrement|(lines|coupons)\[\d+\]\.[\w.]+): /)
            return
          }
          expect(direct).toEqual(outcome(() => quoteCart(input)))
          if (typeof direct !== 'string') quoted++
        }
      ),
      { numRuns: 2000 }
    )
    // Most runs must be real quotes, not two refusals agreeing.
    expect(quoted, String(quoted)).toBeGreaterThan(400)
  })

  it('quotes the spec’s worked example from rows', () => {
    const rows = rowsOf(
      [
        {
          sku: 'A',
          quantity: '2',
          unit_price: 10000,
          tax_rate: '0.13',
          discount: { type: 'rate', value: '0.10' }
        }
      ],
      [
        { code: 'SAVE10', type: 'rate', rate: '0.10', amount: null, min_spend: null },
        { code: 'MINUS5', type: 'amount', rate: null, amount: 500, min_spend: null }
      ]
    )
    const money: MoneyRules = {
      currency: 'CNY',
      rounding: 'half-up',
      taxMode: 'inclusive',
      cashIncrement: null,
      cashRoundingMode: 'half-up'
    }
    expect(quoteRows(money, rows.lines, rows.coupons).total).toBe(15700)
  })
})
