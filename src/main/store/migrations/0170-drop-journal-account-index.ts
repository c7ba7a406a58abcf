import type { Migration } from './types'

/**
 * Drops `journal_lines_account` (issue 12): every sale writes four journal lines, and this index
 * put about three more pages in each checkout's commit. No query needs it: the ledger figures of the
 * Z-report and the settlement reach the lines through their entries (`journal_entries_at`, then the
 * lines' primary key), and the all-time balance per account (`journal.balances`, a diagnostic) reads
 * every line anyway, which a scan and a sort do without it. The lines themselves are untouched.
 */
export const migration0170DropJournalAccountIndex: Migration = {
  version: 170,
  name: 'drop-journal-account-index',
  up(db) {
    db.exec('DROP INDEX journal_lines_account')
  }
}
