import { VALIDATION_MESSAGES as M } from '../validation/messages'

/**
 * The words a refused cart is refused in. The zod schemas (API) and the domain's own validator
 * (`kassa quote`, checkout) both use these, so a field is refused the same way on every path.
 * They are entries of `VALIDATION_MESSAGES`, so each reaches the screens as its key.
 */
export { NEGATIVE, NOT_A_DECIMAL, TOO_LARGE, tooManyDecimals } from '../money/messages'

export const REQUIRED = M.required
export const NOT_AN_OBJECT = M.notAnObject
export const NOT_AN_ARRAY = M.notAnArray
export const NOT_A_STRING = M.notAString
export const EMPTY = M.empty
export const UNKNOWN_FIELD = M.unknownField
export const UNKNOWN_CURRENCY = M.unknownCurrency
export const ROUNDING_MODE = M.roundingMode
export const CASH_ROUNDING_MODE = M.cashRoundingMode
export const TAX_MODE = M.taxMode
export const DISCOUNT_TYPE = M.discountType
export const NOT_POSITIVE = M.notPositive
export const QUANTITY_DECIMALS = M.quantityDecimals
export const RATE_RANGE = M.rateRange
