import type { SqlTx } from '../types'
import type { HqMigration } from './types'

/**
 * Reconciliation across tills: each payment's and refund tender's trade number (our
 * `out_trade_no`, the key of a provider's bill), indexed for a bill's lookups by number and by
 * provider day; and the bills matched, with every row's result. A bill is the merchant's, not a
 * till's: runs and their rows are chain-level tables keyed by the run (Citus: reference tables).
 * Existing payments and tenders get their trade numbers from their events.
 */
export const migration0015Reconciliation: HqMigration = {
  version: 15,
  name: 'reconciliation',
  statements: [
    'ALTER TABLE hq_payments ADD COLUMN trade_no TEXT',
    'ALTER TABLE hq_refund_tenders ADD COLUMN trade_no TEXT',
    'CREATE INDEX hq_payments_trade_no ON hq_payments (method, trade_no)',
    'CREATE INDEX hq_payments_method_at ON hq_payments (method, at)',
    'CREATE INDEX hq_refund_tenders_tender ON hq_refund_tenders (tender_id)',
    'CREATE INDEX hq_refund_tenders_method_completed ON hq_refund_tenders (method, completed_at)',
    `CREATE TABLE hq_recon_runs (
      id TEXT PRIMARY KEY,
      provider TEXT NOT NULL,
      date TEXT NOT NULL,
      file_name TEXT NOT NULL,
      file_sha256 TEXT NOT NULL,
      run_at TEXT NOT NULL,
      run_by TEXT,
      bill_rows INTEGER NOT NULL,
      gross BIGINT NOT NULL,
      refunds BIGINT NOT NULL,
      fees BIGINT NOT NULL,
      net BIGINT NOT NULL,
      local_gross BIGINT NOT NULL,
      local_refunds BIGINT NOT NULL,
      matched INTEGER NOT NULL,
      differences INTEGER NOT NULL,
      -- A later run of the same provider and day replaces this one (kept, marked).
      superseded_at TEXT
    )`,
    'CREATE INDEX hq_recon_runs_day ON hq_recon_runs (provider, date)',
    `CREATE TABLE hq_recon_rows (
      run_id TEXT NOT NULL,
      n INTEGER NOT NULL,
      result TEXT NOT NULL,
      kind TEXT NOT NULL,
      trade_no TEXT NOT NULL,
      refund_no TEXT,
      provider_trade_no TEXT,
      provider_amount BIGINT,
      local_amount BIGINT,
      fee BIGINT NOT NULL,
      provider_status TEXT,
      local_status TEXT,
      provider_time TEXT,
      local_time TEXT,
      local_id TEXT,
      till_id TEXT,
      store_id TEXT,
      note TEXT,
      PRIMARY KEY (run_id, n)
    )`
  ],
  backfill: tradeNumbersFromEvents
}

const PAGE = 2000

/** Sets the trade numbers order.paid and refund.created events carry, page by page in (till, seq) order. */
async function tradeNumbersFromEvents(tx: SqlTx): Promise<void> {
  let after: [string, number] = ['', -1]
  for (;;) {
    const rows = await tx.query<{ till_id: string; seq: number; type: string; payload: string }>(
      `SELECT till_id, seq, type, payload FROM events
       WHERE status = 'applied' AND type IN ('order.paid', 'refund.created')
         AND (till_id > ? OR (till_id = ? AND seq > ?))
       ORDER BY till_id, seq LIMIT ${PAGE}`,
      [after[0], after[0], after[1]]
    )
    if (rows.length === 0) return
    after = [rows[rows.length - 1]!.till_id, Number(rows[rows.length - 1]!.seq)]
    for (const row of rows) {
      let payload: {
        payments?: Array<{ id?: unknown; tradeNo?: unknown }>
        tenders?: Array<{ outRequestNo?: unknown; tradeNo?: unknown }>
      }
      try {
        payload = JSON.parse(row.payload) as typeof payload
      } catch {
        continue
      }
      const list =
        row.type === 'order.paid'
          ? (payload.payments ?? []).map((p) => [p.id, p.tradeNo] as const)
          : (payload.tenders ?? []).map((t) => [t.outRequestNo, t.tradeNo] as const)
      const table =
        row.type === 'order.paid'
          ? 'UPDATE hq_payments SET trade_no = ? WHERE till_id = ? AND payment_id = ?'
          : 'UPDATE hq_refund_tenders SET trade_no = ? WHERE till_id = ? AND tender_id = ?'
      for (const [id, tradeNo] of list)
        if (typeof id === 'string' && typeof tradeNo === 'string')
          await tx.run(table, [tradeNo, row.till_id, id])
    }
  }
}
