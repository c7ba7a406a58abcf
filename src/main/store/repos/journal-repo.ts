import type { Database } from 'better-sqlite3'
import type { JournalEntry } from '../../domain/ledger/journal-entry'

export interface AccountBalance {
  account: string
  debit: number
  credit: number
}

/** The double-entry journal. Entries are appended whole, inside the action's transaction. */
export function createJournalRepo(db: Database) {
  // The next sequence number is taken in the insert itself (the writer's transaction holds the lock).
  const insertEntry = db.prepare(`
    INSERT INTO journal_entries (id, seq, at, kind, order_id, user_id)
    VALUES (@id, (SELECT coalesce(max(seq), 0) + 1 FROM journal_entries), @at, @kind, @orderId, @userId)`)
  const insertLine = db.prepare(
    'INSERT INTO journal_lines (entry_id, line, account, debit, credit, memo) VALUES (?, ?, ?, ?, ?, ?)'
  )
  const balances = db.prepare<[], AccountBalance>(
    'SELECT account, sum(debit) AS debit, sum(credit) AS credit FROM journal_lines GROUP BY account ORDER BY account'
  )
  const unbalanced = db.prepare<[], { entry_id: string }>(
    'SELECT entry_id FROM journal_lines GROUP BY entry_id HAVING sum(debit) <> sum(credit)'
  )
  const forOrder = db.prepare<[string], { kind: string; account: string; debit: number; credit: number }>(`
    SELECT e.kind, l.account, l.debit, l.credit FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id
    WHERE e.order_id = ? ORDER BY e.seq, l.line`)

  return {
    /** Appends a balanced entry; refuses an unbalanced one even if the caller skipped the domain check. */
    post(
      entry: JournalEntry,
      meta: { id: string; at: string; orderId?: string | null; userId?: string | null }
    ): void {
      const debits = entry.lines.reduce((sum, line) => sum + line.debit, 0)
      const credits = entry.lines.reduce((sum, line) => sum + line.credit, 0)
      if (debits !== credits || entry.lines.length === 0)
        throw new Error(`refusing unbalanced journal entry ${entry.kind}`)
      insertEntry.run({
        id: meta.id,
        at: meta.at,
        kind: entry.kind,
        orderId: meta.orderId ?? null,
        userId: meta.userId ?? null
      })
      entry.lines.forEach((line, index) =>
        insertLine.run(meta.id, index, line.account, line.debit, line.credit, line.memo ?? null)
      )
    },
    balances: (): AccountBalance[] => balances.all(),
    unbalancedEntries: (): string[] => unbalanced.all().map((row) => row.entry_id),
    linesForOrder: (orderId: string) => forOrder.all(orderId)
  }
}

export type JournalRepo = ReturnType<typeof createJournalRepo>
