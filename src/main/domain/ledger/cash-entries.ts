import { balanceEntry, credit, debit, type JournalEntry } from './journal-entry'

/**
 * Cash put into the drawer by the owner: the opening float or a paid-in.
 *
 *   Dr cash_drawer   amount
 *      Cr owner_cash amount
 *
 * @example cashInEntry('cash_float', 50000) // Dr cash_drawer 50000, Cr owner_cash 50000
 */
export function cashInEntry(kind: 'cash_float' | 'cash_in', amount: number): JournalEntry {
  return balanceEntry(kind, [debit('cash_drawer', amount), credit('owner_cash', amount)])
}

/**
 * Cash taken out of the drawer for the owner: a paid-out, or the counted cash taken out when a
 * shift closes (`cash_drop`).
 *
 *   Dr owner_cash    amount
 *      Cr cash_drawer amount
 *
 * @example cashOutEntry('cash_out', 2000) // Dr owner_cash 2000, Cr cash_drawer 2000
 */
export function cashOutEntry(kind: 'cash_out' | 'cash_drop', amount: number): JournalEntry {
  return balanceEntry(kind, [debit('owner_cash', amount), credit('cash_drawer', amount)])
}

/**
 * The difference found when a drawer is counted: over puts it into the drawer's balance,
 * short takes it out, against `cash_over_short`.
 *
 *   over  (> 0): Dr cash_drawer, Cr cash_over_short
 *   short (< 0): Dr cash_over_short, Cr cash_drawer
 *
 * @example overShortEntry(-200) // Dr cash_over_short 200, Cr cash_drawer 200
 */
export function overShortEntry(difference: number): JournalEntry {
  return balanceEntry('cash_over_short', [
    debit('cash_drawer', difference),
    credit('cash_over_short', difference)
  ])
}
