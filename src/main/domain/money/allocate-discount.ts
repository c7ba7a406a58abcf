import { floorMulDiv } from './round-ratio'

/**
 * Shares an order discount `discount` out over lines in proportion to their nets, in minor units, by
 * the largest-remainder method, so the shares add up to the discount exactly (settlement spec step 5):
 * each line gets `floor(D × net / S)`, then the fen left over go one each to the lines with the largest
 * remainders `(D × net) mod S`, the lower index first among equal remainders. No share exceeds its
 * net while `discount ≤ Σ nets`.
 *
 * @example
 * allocateDiscount(1003, [5000, 5000]) // [502, 501]
 * allocateDiscount(2300, [18000])      // [2300]
 * allocateDiscount(0, [100, 200])      // [0, 0]
 * @throws RangeError when the discount is negative or larger than the nets' sum
 */
export function allocateDiscount(discount: number, nets: readonly number[]): number[] {
  const shares = new Array<number>(nets.length).fill(0)
  if (discount === 0) return shares
  let subtotal = 0
  for (const net of nets) subtotal += net
  if (discount < 0 || discount > subtotal || !Number.isSafeInteger(subtotal)) {
    throw new RangeError(`cannot allocate ${discount} over lines worth ${subtotal}`)
  }
  const remainders = new Array<number>(nets.length)
  let left = discount
  for (let i = 0; i < nets.length; i++) {
    const [share, remainder] = floorMulDiv(discount, nets[i], subtotal)
    shares[i] = share
    remainders[i] = remainder
    left -= share
  }
  if (left > 0) {
    // Σ remainders = left × S with each remainder < S, so more than `left` lines have one: the extra
    // fen only ever go to lines whose exact share was not whole, and never past their net.
    const order = nets.map((_, i) => i)
    order.sort((a, b) => remainders[b] - remainders[a] || a - b)
    for (let k = 0; k < left; k++) shares[order[k]] += 1
  }
  return shares
}
