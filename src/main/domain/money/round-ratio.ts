import type { RoundingMode } from './rounding-mode'

/** An integer: a safe number on the fast path, a bigint when the exact value needs more than 53 bits. */
export type Int = number | bigint

/**
 * `round(a × b / c)` to an integer, exactly: the product and the quotient are never approximated.
 * This is how every figure of a quote is rounded once — `a` is an amount in minor units and `b / c`
 * an exact rational (a quantity in thousandths, a rate, 1 / (1 + rate)). Safe-integer arithmetic is
 * used while the product fits in 53 bits, bigint beyond; both give the same answer.
 *
 * @example
 * // 0.125 kg at ¥0.20 is 2.5 fen: quantity in thousandths × price in fen / 1000
 * roundMulDiv(20, 125, 1000, 'half-up')     // 3
 * roundMulDiv(20, 125, 1000, 'half-even')   // 2
 * roundMulDiv(18000, 100, 113, 'half-up')   // 15929 (¥180.00 / 1.13 = ¥159.2920…)
 * @throws RangeError when the result is not a safe integer
 */
export function roundMulDiv(a: number, b: Int, c: Int, mode: RoundingMode): number {
  if (typeof b === 'number' && typeof c === 'number') {
    const product = a * b
    // Inputs are safe integers, so the float product is exact exactly when it is itself safe.
    if (Number.isSafeInteger(product)) return roundQuotient(product, c, mode)
  }
  return toSafe(roundQuotientBig(BigInt(a) * BigInt(b), BigInt(c), mode))
}

/**
 * `floor(a × b / c)` and `(a × b) mod c` for non-negative integers, exactly.
 *
 * @example floorMulDiv(1003, 1, 2) // [501, 1]
 */
export function floorMulDiv(a: number, b: number, c: number): [quotient: number, remainder: number] {
  const product = a * b
  if (Number.isSafeInteger(product)) {
    // fmod is exact in IEEE 754, so remainder and quotient are exact too.
    const remainder = product % c
    return [(product - remainder) / c, remainder]
  }
  const big = BigInt(a) * BigInt(b)
  const divisor = BigInt(c)
  return [toSafe(big / divisor), toSafe(big % divisor)]
}

function roundQuotient(dividend: number, divisor: number, mode: RoundingMode): number {
  const magnitude = dividend < 0 ? -dividend : dividend
  const remainder = magnitude % divisor
  let quotient = (magnitude - remainder) / divisor
  const twice = 2 * remainder
  // A remainder of exactly half the divisor is the tie that the rounding mode decides.
  if (twice > divisor || (twice === divisor && (mode === 'half-up' || quotient % 2 === 1))) quotient += 1
  return dividend < 0 && quotient !== 0 ? -quotient : quotient
}

function roundQuotientBig(dividend: bigint, divisor: bigint, mode: RoundingMode): bigint {
  const magnitude = dividend < 0n ? -dividend : dividend
  let quotient = magnitude / divisor
  const twice = 2n * (magnitude % divisor)
  if (twice > divisor || (twice === divisor && (mode === 'half-up' || quotient % 2n === 1n))) quotient += 1n
  return dividend < 0n ? -quotient : quotient
}

function toSafe(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`amount is too large: ${value}`)
  }
  return Number(value)
}
