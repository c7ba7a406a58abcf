import { TENDER_ACCOUNTS, type TenderMethod } from './accounts'
import { balanceEntry, credit, debit, type JournalEntry, type JournalLine } from './journal-entry'
import { payableOf } from '../orders/payable'

/** A paid order's figures, in minor units, as the settlement engine computed them. */
export interface SaleFigures {
  grossTotal: number
  discountTotal: number
  taxTotal: number
  /** The payable before cash rounding. */
  total: number
  /** cashTotal − total for a sale settled wholly in cash; 0 otherwise. */
  cashRounding: number
}

export interface TenderFigure {
  method: TenderMethod
  /** What this tender pays towards the order. */
  amount: number
  /** Cash handed over, when more than `amount`; the difference went back as change. */
  tendered?: number
}

/**
 * The double-entry journal entry of a sale. Revenue is booked gross of discounts and
 * excluding tax, with discounts as contra-revenue, so reports can show both:
 *
 *   Dr tender accounts      (cash: tendered, Cr change back)
 *   Dr sales_discounts      discountTotal
 *      Cr sales_revenue     total + discountTotal − taxTotal
 *      Cr tax_payable       taxTotal
 *      Cr cash_rounding     cashRounding   (a debit when the sale was rounded down)
 *
 * @example
 * // The spec's worked example paid with ¥200 cash: total 15700, discounts 4300, tax 1806
 * saleEntry({ grossTotal: 20000, discountTotal: 4300, taxTotal: 1806, total: 15700, cashRounding: 0 },
 *           [{ method: 'cash', amount: 15700, tendered: 20000 }])
 * // Dr cash 20000, Cr cash 4300 (change), Dr discounts 4300, Cr revenue 18194, Cr tax 1806
 */
export function saleEntry(sale: SaleFigures, tenders: TenderFigure[]): JournalEntry {
  const paid = tenders.reduce((sum, tender) => sum + tender.amount, 0)
  if (paid !== payableOf(sale)) {
    throw new Error(`tenders (${paid}) do not cover the payable (${payableOf(sale)})`)
  }
  const lines: JournalLine[] = []
  for (const tender of tenders) {
    const account = TENDER_ACCOUNTS[tender.method]
    const handed = tender.tendered ?? tender.amount
    lines.push(debit(account, handed, tender.method))
    if (handed > tender.amount) lines.push(credit(account, handed - tender.amount, 'change'))
  }
  lines.push(
    debit('sales_discounts', sale.discountTotal),
    credit('sales_revenue', sale.total + sale.discountTotal - sale.taxTotal),
    credit('tax_payable', sale.taxTotal),
    credit('cash_rounding', sale.cashRounding)
  )
  return balanceEntry('sale', lines)
}
