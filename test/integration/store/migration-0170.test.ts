import { describe, expect, it } from 'vitest'
import { fileBefore } from '../../support/migrations'

const AT = '2026-11-01T02:00:00.000Z'

describe('migration 0170: drop the journal lines account index', () => {
  it('keeps every journal entry and line, drops only that index, and the balances read the same', () => {
    const { db, upgrade } = fileBefore(170)
    db.exec(`
      INSERT INTO orders (id, number, terminal, status, currency, rounding, tax_mode, gross_total, tax_total, total, paid_total, created_at, updated_at, paid_at)
        VALUES ('o1', 'T01-000001', 'T01', 'paid', 'CNY', 'half-up', 'inclusive', 700, 81, 700, 700, '${AT}', '${AT}', '${AT}');
      INSERT INTO journal_entries (id, seq, at, kind, order_id, user_id) VALUES ('e1', 1, '${AT}', 'sale', 'o1', NULL);
      INSERT INTO journal_lines (entry_id, line, account, debit, credit, memo) VALUES
        ('e1', 0, 'cash_drawer', 700, 0, NULL),
        ('e1', 1, 'sales_revenue', 0, 619, NULL),
        ('e1', 2, 'tax_payable', 0, 81, 'VAT 13 %');
    `)
    const balances = () =>
      db
        .prepare(
          'SELECT account, sum(debit) AS debit, sum(credit) AS credit FROM journal_lines GROUP BY account ORDER BY account'
        )
        .all()
    const indexes = () =>
      db
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'journal_lines'")
        .pluck()
        .all()
    const before = balances()
    expect(indexes()).toContain('journal_lines_account')

    expect(upgrade()).toEqual([170])
    expect(indexes()).not.toContain('journal_lines_account')
    // The primary key's index stays: lines are still found by their entry.
    expect(indexes()).toContain('sqlite_autoindex_journal_lines_1')
    expect(
      db.prepare('SELECT entry_id, line, account, debit, credit, memo FROM journal_lines ORDER BY line').all()
    ).toEqual([
      { entry_id: 'e1', line: 0, account: 'cash_drawer', debit: 700, credit: 0, memo: null },
      { entry_id: 'e1', line: 1, account: 'sales_revenue', debit: 0, credit: 619, memo: null },
      { entry_id: 'e1', line: 2, account: 'tax_payable', debit: 0, credit: 81, memo: 'VAT 13 %' }
    ])
    expect(balances()).toEqual(before)
    expect(balances()).toEqual([
      { account: 'cash_drawer', debit: 700, credit: 0 },
      { account: 'sales_revenue', debit: 0, credit: 619 },
      { account: 'tax_payable', debit: 0, credit: 81 }
    ])
    // The journal stays append-only.
    expect(() => db.exec("UPDATE journal_lines SET debit = 1 WHERE entry_id = 'e1'")).toThrow(/append-only/)
  })
})
