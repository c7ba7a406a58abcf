import type { Migration } from './types'

/**
 * Provider reconciliation. A run compares one provider's bill for one provider business day
 * (China time) with the till's rows; a new run of the same day and provider supersedes the
 * previous one, whose result rows are dropped (the run itself stays, for the record).
 * `reconciliation_fees` is what the ledger already holds in fees per day and provider, so a
 * re-run posts only the difference.
 */
export const migration0080Reconciliation: Migration = {
  version: 80,
  name: 'reconciliation',
  up(db) {
    db.exec(`
      CREATE TABLE reconciliation_runs (
        id TEXT PRIMARY KEY,
        date TEXT NOT NULL,
        provider TEXT NOT NULL CHECK (provider IN ('card', 'alipay', 'wechat')),
        source TEXT NOT NULL CHECK (source IN ('fetch', 'import')),
        file_name TEXT,
        ran_at TEXT NOT NULL,
        ran_by TEXT,
        bill_rows INTEGER NOT NULL,
        matched INTEGER NOT NULL,
        differences INTEGER NOT NULL,
        gross INTEGER NOT NULL,
        refunds INTEGER NOT NULL,
        fees INTEGER NOT NULL,
        net INTEGER NOT NULL,
        local_gross INTEGER NOT NULL,
        local_refunds INTEGER NOT NULL,
        fees_posted INTEGER NOT NULL,
        superseded_at TEXT
      ) STRICT;
      CREATE UNIQUE INDEX reconciliation_runs_current ON reconciliation_runs (date, provider) WHERE superseded_at IS NULL;
      CREATE INDEX reconciliation_runs_date ON reconciliation_runs (date DESC, provider);

      CREATE TABLE reconciliation_results (
        run_id TEXT NOT NULL REFERENCES reconciliation_runs (id),
        position INTEGER NOT NULL,
        result TEXT NOT NULL CHECK (result IN ('matched', 'missing_locally', 'missing_at_provider', 'amount_mismatch', 'status_mismatch')),
        kind TEXT NOT NULL CHECK (kind IN ('payment', 'refund', 'reversal')),
        trade_no TEXT NOT NULL,
        refund_no TEXT,
        provider_trade_no TEXT,
        provider_amount INTEGER,
        local_amount INTEGER,
        fee INTEGER NOT NULL,
        provider_status TEXT,
        local_status TEXT,
        provider_time TEXT,
        local_time TEXT,
        local_id TEXT,
        note TEXT,
        repair TEXT CHECK (repair IN ('repaired', 'needs_person')),
        repair_detail TEXT,
        PRIMARY KEY (run_id, position)
      ) STRICT;

      CREATE TABLE reconciliation_fees (
        date TEXT NOT NULL,
        provider TEXT NOT NULL,
        posted INTEGER NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (date, provider)
      ) STRICT;
    `)
  }
}
