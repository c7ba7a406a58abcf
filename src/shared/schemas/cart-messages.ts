/**
 * The words a refused cart is refused in. The zod schemas (API) and the domain's own validator
 * (`kassa quote`, checkout) both use these, so a field is refused the same way on every path.
 */
export { NEGATIVE, NOT_A_DECIMAL, TOO_LARGE, tooManyDecimals } from '../money/messages'

export const REQUIRED = 'is required'
export const NOT_AN_OBJECT = 'must be an object'
export const NOT_AN_ARRAY = 'must be an array'
export const NOT_A_STRING = 'must be a string'
export const EMPTY = 'must not be empty'
export const UNKNOWN_FIELD = 'is not a known field'
export const UNKNOWN_CURRENCY = 'must be a known ISO 4217 currency code such as "CNY"'
export const ROUNDING_MODE = 'must be "half-up" or "half-even"'
export const CASH_ROUNDING_MODE = 'must be "half-up" or "down"'
export const TAX_MODE = 'must be "inclusive" or "exclusive"'
export const DISCOUNT_TYPE = 'must be "rate" or "amount"'
export const NOT_POSITIVE = 'must be greater than 0'
export const QUANTITY_DECIMALS = 'must have at most 3 decimal places'
export const RATE_RANGE = 'must be between 0 and 1'
