import { TENDER_ACCOUNTS, type TenderMethod } from './accounts'
import { balanceEntry, credit, debit, type JournalEntry } from './journal-entry'

/**
 * The journal entry of money given back: the sale's revenue and tax are reduced, and each
 * tender pays out its part.
 *
 *   Dr sales_refunds   amount − tax
 *   Dr tax_payable     tax
 *   Dr cash_rounding   cashRounding  (cash given back − amount; a credit when the drawer gave less)
 *      Cr tender accounts   (cash out of the drawer, or back through the provider)
 *
 * `amount` is the refunded share of the sale (before cash rounding); the tenders pay out
 * `amount + cashRounding`.
 *
 * @example refundEntry({ amount: 5000, tax: 575 }, [{ method: 'cash', amount: 5000 }])
 * @example refundEntry({ amount: 198, tax: 0, cashRounding: 2 }, [{ method: 'cash', amount: 200 }])
 */
export function refundEntry(
  refund: { amount: number; tax: number; cashRounding?: number },
  tenders: Array<{ method: TenderMethod; amount: number }>
): JournalEntry {
  return balanceEntry('refund', [
    debit('sales_refunds', refund.amount - refund.tax),
    debit('tax_payable', refund.tax),
    debit('cash_rounding', refund.cashRounding ?? 0),
    ...tenders.map((tender) => credit(TENDER_ACCOUNTS[tender.method], tender.amount, tender.method))
  ])
}
