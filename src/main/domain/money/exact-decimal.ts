import Decimal from 'decimal.js'

/**
 * Decimal with 40 significant digits, more than the 34 the settlement spec asks intermediate values to
 * keep. A private clone: the global `Decimal` configuration belongs to nobody and is never changed.
 */
export const ExactDecimal = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP })
export type ExactDecimal = InstanceType<typeof ExactDecimal>
