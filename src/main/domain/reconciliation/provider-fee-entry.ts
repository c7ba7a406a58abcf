import { TENDER_ACCOUNTS } from '../ledger/accounts'
import { balanceEntry, credit, debit, type JournalEntry } from '../ledger/journal-entry'

export type FeeProvider = 'card' | 'alipay' | 'wechat'

/**
 * The journal entry for a provider's fees on one day: the provider keeps them out of what it
 * pays us, so they move from its clearing account (what it owes us) to the fees expense.
 * `amount` is what is still to post — the day's fees less what earlier runs for the same day
 * posted — so re-running a day never doubles them; a negative amount (a corrected bill with
 * fewer fees) posts the other way. Nothing to post is `null`.
 *
 * @example providerFeeEntry('alipay', 83) → { kind: 'provider_fees', lines: [Dr provider_fees 83, Cr alipay_clearing 83] }
 */
export function providerFeeEntry(provider: FeeProvider, amount: number, memo?: string): JournalEntry | null {
  if (!Number.isSafeInteger(amount)) throw new Error(`fees are not minor units: ${amount}`)
  if (amount === 0) return null
  return balanceEntry('provider_fees', [
    debit('provider_fees', amount, memo),
    credit(TENDER_ACCOUNTS[provider], amount, memo)
  ])
}
