/**
 * What the customer owes for an order, in minor units: its total after cash rounding
 * (`specs/settlement.md`: the payable of a sale settled wholly in cash; rounding is 0 otherwise).
 * Takes a stored row (`cash_rounding`) or a domain value (`cashRounding`).
 *
 * @example payableOf({ total: 1003, cash_rounding: -3 }) // 1000
 */
export function payableOf(
  order: { total: number } & ({ cash_rounding: number } | { cashRounding: number })
): number {
  return order.total + ('cash_rounding' in order ? order.cash_rounding : order.cashRounding)
}
