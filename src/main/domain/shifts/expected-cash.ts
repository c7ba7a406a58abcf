/** What went through a drawer during a shift, in minor units, each figure ≥ 0. */
export interface DrawerMovements {
  float: number
  /**
   * Cash received − change given, over the cash payments of orders rung up in the shift (cash
   * rounding included).
   */
  cashSales: number
  /** Cash given back for orders voided while the shift was open. */
  cashVoids: number
  /** Cash refund tenders paid out while the shift was open. */
  cashRefunds: number
  cashIn: number
  cashOut: number
}

/**
 * The cash a drawer should hold:
 *
 *   expected = float + cash received − change given − cash voids − cash refunds + cash in − cash out
 *
 * @example expectedCash({ float: 50000, cashSales: 15700, cashVoids: 0, cashRefunds: 2000, cashIn: 0, cashOut: 10000 }) // 53700
 */
export function expectedCash(drawer: DrawerMovements): number {
  return (
    drawer.float + drawer.cashSales - drawer.cashVoids - drawer.cashRefunds + drawer.cashIn - drawer.cashOut
  )
}

/**
 * Counted minus expected: positive is over, negative short. Recorded as found, never forced to 0.
 *
 * @example overShort(53500, 53700) // -200 (two yuan short)
 */
export function overShort(counted: number, expected: number): number {
  return counted - expected
}
