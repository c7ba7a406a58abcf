import type { Migration } from './types'

/**
 * Loss prevention, one row: what a cashier may do alone before a manager must approve. The
 * per-refund threshold stays in `refund_policy` (0050) and now counts an order's refunds
 * together; this adds a cashier's refunds per shift (null: no limit), cash paid out of the
 * drawer for a refund (0: every cash refund by a cashier is approved), the largest share of a
 * line a cashier may discount alone, and whether the closing count is blind.
 */
export const migration0130LossPrevention: Migration = {
  version: 130,
  name: 'loss-prevention',
  up(db) {
    db.exec(`
      CREATE TABLE loss_prevention (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        shift_refund_limit INTEGER CHECK (shift_refund_limit IS NULL OR shift_refund_limit >= 0),
        cash_refund_threshold INTEGER NOT NULL CHECK (cash_refund_threshold >= 0),
        line_discount_limit TEXT NOT NULL,
        blind_close INTEGER NOT NULL CHECK (blind_close IN (0, 1))
      );
      INSERT INTO loss_prevention (id, shift_refund_limit, cash_refund_threshold, line_discount_limit, blind_close)
        VALUES (1, NULL, 0, '0.2', 1);
    `)
  }
}
