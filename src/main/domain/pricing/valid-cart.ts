import type { Rate } from '../money/rate'
import type { CashRoundingMode } from '../money/round-to-increment'
import type { RoundingMode } from '../money/rounding-mode'
import type { TaxMode } from '../../../shared/schemas/cart'

/** A discount as checked: a rate, or an amount in minor units. */
export type ValidDiscount =
  { readonly type: 'rate'; readonly rate: Rate } | { readonly type: 'amount'; readonly amount: number }

export interface ValidLine {
  readonly sku: string | undefined
  /** Quantity in thousandths (grams of a kg): `"1.25"` is 1250. */
  readonly quantityMilli: number
  readonly unitPrice: number
  readonly taxRate: Rate
  readonly discount: ValidDiscount | undefined
}

export type ValidCoupon = ValidDiscount & {
  readonly code: string
  readonly minSpend: number | undefined
}

/** A cart that passed `validateCart`: every amount in minor units, every rate an exact fraction. */
export interface ValidCart {
  readonly currency: string
  readonly digits: number
  readonly rounding: RoundingMode
  readonly taxMode: TaxMode
  readonly cashIncrement: number | undefined
  /** How the cash total meets the increment (spec step 8); `half-up` unless the cart says `down`. */
  readonly cashRoundingMode: CashRoundingMode
  readonly lines: readonly ValidLine[]
  readonly coupons: readonly ValidCoupon[]
}
