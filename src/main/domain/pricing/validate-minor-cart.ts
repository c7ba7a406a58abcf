import { isKnownCurrency, minorDigits } from '../../../shared/money/currencies'
import { EMPTY, NEGATIVE, TOO_LARGE, UNKNOWN_CURRENCY } from '../../../shared/schemas/cart-messages'
import type { TaxMode } from '../../../shared/schemas/cart'
import type { CashRoundingMode } from '../money/round-to-increment'
import type { RoundingMode } from '../money/rounding-mode'
import type { ValidCart, ValidCoupon, ValidDiscount, ValidLine } from './valid-cart'
import { CartReader, join, refuse } from './validate-cart'

/**
 * A cart line as the till stores it: the price already in integer minor units, the quantity, the
 * tax rate and a line discount as the decimal text the cashier's input was kept in.
 */
export interface MinorLine {
  readonly sku: string
  /** Decimal text, at most 3 fractional digits (`"1.25"` kg). */
  readonly quantity: string
  /** Minor units (fen). */
  readonly unitPrice: number
  /** Decimal text in [0, 1] (`"0.13"`). */
  readonly taxRate: string
  /** A rate as decimal text in [0, 1], or an amount as decimal text in major units (`"5.00"`). */
  readonly discount:
    | { readonly type: 'rate'; readonly rate: string }
    | { readonly type: 'amount'; readonly amount: string }
    | undefined
}

/** A coupon as the till stores it: a rate as decimal text, or an amount and minimum spend in minor units. */
export interface MinorCoupon {
  readonly code: string
  readonly type: 'rate' | 'amount'
  readonly rate: string | null
  /** Minor units; `null` reads as 0. */
  readonly amount: number | null
  /** Minor units, or `null` for none. */
  readonly minSpend: number | null
}

/** A stored cart with the store's money rules; `cashIncrement` is decimal text (`"0.10"`) or `null`. */
export interface MinorCart {
  readonly currency: string
  readonly rounding: RoundingMode
  readonly taxMode: TaxMode
  readonly cashIncrement: string | null
  readonly cashRoundingMode: CashRoundingMode
  readonly lines: readonly MinorLine[]
  readonly coupons: readonly MinorCoupon[]
}

/** An amount already in minor units, held to the rules `amountProblem` applies to its decimal form. */
function minor(value: number, path: string, key: string): number {
  if (value < 0) refuse(path, key, NEGATIVE)
  if (!Number.isSafeInteger(value)) refuse(path, key, TOO_LARGE)
  return value
}

/**
 * The engine's input read straight from stored rows, with no trip through decimal text for what is
 * already in minor units: the same `ValidCart` that `validateCart(cartInputOf(rows))` gives, refused with
 * the same field and words (`lines[0].quantity: must be greater than 0`). A property test holds the two
 * paths to identical quotes (`test/unit/domain/pricing/minor-cart.property.test.ts`).
 *
 * @throws CartValidationError naming the field (`lines[i].…`, `coupons[i].…`, `currency`, `cashIncrement`)
 * @example
 * priceCart(validateMinorCart({ currency: 'CNY', rounding: 'half-up', taxMode: 'inclusive', cashIncrement: null,
 *   cashRoundingMode: 'half-up', lines: [{ sku: 'A', quantity: '3', unitPrice: 35, taxRate: '0', discount: undefined }],
 *   coupons: [] })).total // 105
 */
export function validateMinorCart(cart: MinorCart): ValidCart {
  const { currency } = cart
  if (!isKnownCurrency(currency)) refuse('', 'currency', UNKNOWN_CURRENCY)
  const digits = minorDigits(currency)
  const reader = new CartReader(currency, digits)
  // Fields are read in validateCart's order, so a cart with two problems is refused for the same one.
  const cashIncrement =
    cart.cashIncrement === null ? undefined : reader.increment(cart.cashIncrement, '', 'cashIncrement')
  const lines = new Array<ValidLine>(cart.lines.length)
  for (let i = 0; i < cart.lines.length; i++) {
    const line = cart.lines[i]!
    const path = `lines[${i}]`
    const quantityMilli = reader.quantityMilli(line.quantity, path, 'quantity')
    const unitPrice = minor(line.unitPrice, path, 'unitPrice')
    const taxRate = reader.rate(line.taxRate, path, 'taxRate')
    const { discount } = line
    const at = join(path, 'discount')
    lines[i] = {
      sku: line.sku,
      quantityMilli,
      unitPrice,
      taxRate,
      discount:
        discount === undefined
          ? undefined
          : discount.type === 'rate'
            ? { type: 'rate', rate: reader.rate(discount.rate, at, 'rate') }
            : { type: 'amount', amount: reader.amount(discount.amount, at, 'amount') }
    }
  }
  const coupons = cart.coupons.map((coupon, i): ValidCoupon => {
    const path = `coupons[${i}]`
    if (coupon.code === '') refuse(path, 'code', EMPTY)
    const discount: ValidDiscount =
      coupon.type === 'rate'
        ? { type: 'rate', rate: reader.rate(coupon.rate, path, 'rate') }
        : { type: 'amount', amount: minor(coupon.amount ?? 0, path, 'amount') }
    const minSpend = coupon.minSpend === null ? undefined : minor(coupon.minSpend, path, 'minSpend')
    return { ...discount, code: coupon.code, minSpend }
  })
  return {
    currency,
    digits,
    rounding: cart.rounding,
    taxMode: cart.taxMode,
    cashIncrement,
    cashRoundingMode: cashIncrement === undefined ? 'half-up' : cart.cashRoundingMode,
    lines,
    coupons
  }
}
