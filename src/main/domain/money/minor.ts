/** An amount as an integer count of a currency's minor units (fen, cent); always a safe integer. */
export type Minor = number

/**
 * Returns `value` when it is a safe integer count of minor units, and throws otherwise: past 2^53 a
 * JavaScript number silently stops counting single fen.
 *
 * @example assertMinor(15700, 'total') // 15700; assertMinor(0.5, 'total') // throws RangeError
 */
export function assertMinor(value: number, what: string): Minor {
  if (!Number.isSafeInteger(value))
    throw new RangeError(`${what} is not a safe integer of minor units: ${value}`)
  return value
}

/**
 * Adds amounts in minor units, checking that the sum is still exact.
 *
 * @example sumMinor([100, 250, 5], 'total') // 355
 */
export function sumMinor(values: readonly Minor[], what: string): Minor {
  let sum = 0
  for (const value of values) sum += value
  return assertMinor(sum, what)
}
