import type { LedgerAccount } from './accounts'

export interface JournalLine {
  account: LedgerAccount
  /** Exactly one of debit and credit is non-zero; both are integer minor units ≥ 0. */
  debit: number
  credit: number
  memo?: string
}

export interface JournalEntry {
  kind: string
  lines: JournalLine[]
}

export const debit = (account: LedgerAccount, amount: number, memo?: string): JournalLine =>
  amount >= 0
    ? { account, debit: amount, credit: 0, ...(memo ? { memo } : {}) }
    : { account, debit: 0, credit: -amount, ...(memo ? { memo } : {}) }

/** A credit of `amount`; a negative amount becomes a debit (e.g. rounding down). */
export const credit = (account: LedgerAccount, amount: number, memo?: string): JournalLine =>
  debit(account, -amount, memo)

/** The entry that undoes `entry` (a void): every debit becomes a credit and back. */
export function reverseEntry(kind: string, entry: JournalEntry): JournalEntry {
  return balanceEntry(
    kind,
    entry.lines.map((line) => ({ ...line, debit: line.credit, credit: line.debit }))
  )
}

/**
 * Drops zero lines and checks the entry balances: Σ debits = Σ credits, every amount a
 * non-negative safe integer. An unbalanced entry is a bug, never something to save.
 *
 * @example balanceEntry('sale', [debit('cash_drawer', 15700), credit('sales_revenue', 13894), credit('tax_payable', 1806)])
 */
export function balanceEntry(kind: string, lines: JournalLine[]): JournalEntry {
  const kept = lines.filter((line) => line.debit !== 0 || line.credit !== 0)
  let debits = 0
  let credits = 0
  for (const line of kept) {
    for (const amount of [line.debit, line.credit]) {
      if (!Number.isSafeInteger(amount) || amount < 0)
        throw new Error(`journal line amount is not minor units: ${amount}`)
    }
    if (line.debit !== 0 && line.credit !== 0) throw new Error('a journal line is either a debit or a credit')
    debits += line.debit
    credits += line.credit
  }
  if (debits !== credits) {
    throw new Error(`journal entry ${kind} does not balance: debits ${debits} ≠ credits ${credits}`)
  }
  if (kept.length === 0) throw new Error(`journal entry ${kind} has no lines`)
  return { kind, lines: kept }
}
