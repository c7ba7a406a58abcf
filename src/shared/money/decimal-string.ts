import Decimal from 'decimal.js'

/**
 * Reads a money/quantity/rate input as a decimal string. Strings pass through untouched; a JSON
 * number is read as its shortest decimal form (what `String(n)` shows), spelled without an exponent,
 * so `0.1` stays `"0.1"` and `1e-7` becomes `"0.0000001"`. Returns `undefined` for anything else.
 *
 * @example toDecimalString(12.5) // '12.5'; toDecimalString('12.50') // '12.50'; toDecimalString(true) // undefined
 */
export function toDecimalString(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined
  const shortest = String(value)
  // The shortest form has an exponent only for |n| < 1e-6 or ≥ 1e21; decimal.js spells it out exactly.
  return shortest.includes('e') ? new Decimal(shortest).toFixed() : shortest
}
