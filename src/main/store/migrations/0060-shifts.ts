import type { Migration } from './types'

/**
 * Shifts and daily settlement:
 *
 * - `shifts`: one till's drawer from the counted float to the closing count. At most one
 *   regular and one rescue shift are open per terminal; a closed shift is never reopened
 *   (a trigger refuses it). A rescue shift takes orders that reach a shift after it closed.
 * - `cash_moves`: every movement of the drawer that is not a sale: the opening float, cash
 *   paid in or taken out, the over/short found at the count and the counted cash taken out
 *   at close (`drop`). Append-only, each with its journal entry.
 * - `orders.shift_id`, `payments.shift_id`: the shift a sale was rung up in.
 * - `settlement_days`: a closed (settled) business day and its frozen Z-report. Append-only.
 * - `evaluations`: a customer's rating of one line of a paid order (one per line).
 * - `notifications`: what the notification centre lists.
 */
export const migration0060Shifts: Migration = {
  version: 60,
  name: 'shifts',
  up(db) {
    db.exec(`
      CREATE TABLE shifts (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        terminal TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('regular', 'rescue')),
        rescue_of TEXT REFERENCES shifts (id),
        status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
        currency TEXT NOT NULL,
        opening_float INTEGER NOT NULL CHECK (opening_float >= 0),
        opened_at TEXT NOT NULL,
        opened_by TEXT,
        closed_at TEXT,
        closed_by TEXT,
        expected_cash INTEGER,
        counted_cash INTEGER CHECK (counted_cash >= 0),
        over_short INTEGER,
        count_json TEXT,
        note TEXT,
        CHECK ((status = 'open') = (closed_at IS NULL)),
        CHECK (status = 'open' OR over_short = counted_cash - expected_cash)
      ) STRICT;
      CREATE UNIQUE INDEX shifts_one_open ON shifts (terminal, kind) WHERE status = 'open';
      CREATE INDEX shifts_opened ON shifts (terminal, opened_at);
      CREATE INDEX shifts_closed ON shifts (closed_at) WHERE closed_at IS NOT NULL;
      CREATE TRIGGER shifts_never_reopen BEFORE UPDATE ON shifts WHEN OLD.status = 'closed'
        BEGIN SELECT RAISE(ABORT, 'a closed shift is never reopened or changed'); END;
      CREATE TRIGGER shifts_no_delete BEFORE DELETE ON shifts
        BEGIN SELECT RAISE(ABORT, 'shifts are never deleted'); END;

      CREATE TABLE cash_moves (
        id TEXT PRIMARY KEY,
        shift_id TEXT NOT NULL REFERENCES shifts (id),
        kind TEXT NOT NULL CHECK (kind IN ('float', 'in', 'out', 'over_short', 'drop')),
        -- Signed effect on the drawer, minor units: in and float are positive, out and drop negative.
        amount INTEGER NOT NULL,
        reason TEXT,
        at TEXT NOT NULL,
        user_id TEXT,
        approver_user_id TEXT,
        journal_entry_id TEXT
      ) STRICT;
      CREATE INDEX cash_moves_shift ON cash_moves (shift_id);
      CREATE INDEX cash_moves_at ON cash_moves (at);
      CREATE TRIGGER cash_moves_no_update BEFORE UPDATE ON cash_moves
        BEGIN SELECT RAISE(ABORT, 'cash moves are append-only'); END;
      CREATE TRIGGER cash_moves_no_delete BEFORE DELETE ON cash_moves
        BEGIN SELECT RAISE(ABORT, 'cash moves are append-only'); END;

      ALTER TABLE orders ADD COLUMN shift_id TEXT REFERENCES shifts (id);
      ALTER TABLE payments ADD COLUMN shift_id TEXT REFERENCES shifts (id);
      CREATE INDEX orders_shift ON orders (shift_id) WHERE shift_id IS NOT NULL;
      CREATE INDEX payments_shift ON payments (shift_id) WHERE shift_id IS NOT NULL;
      -- A payment recorded after its order was stamped (a tender completing later) takes the order's shift.
      CREATE TRIGGER payments_take_order_shift AFTER INSERT ON payments WHEN NEW.shift_id IS NULL
        BEGIN UPDATE payments SET shift_id = (SELECT shift_id FROM orders WHERE id = NEW.order_id) WHERE id = NEW.id; END;
      -- Voids are found by when they happened (the Z-report of that day, the shift open then).
      CREATE INDEX orders_voided_at ON orders (closed_at) WHERE status = 'voided';

      CREATE TABLE settlement_days (
        date TEXT PRIMARY KEY,
        settled_at TEXT NOT NULL,
        settled_by TEXT,
        currency TEXT NOT NULL,
        report_json TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER settlement_days_no_update BEFORE UPDATE ON settlement_days
        BEGIN SELECT RAISE(ABORT, 'a settled day is immutable'); END;
      CREATE TRIGGER settlement_days_no_delete BEFORE DELETE ON settlement_days
        BEGIN SELECT RAISE(ABORT, 'a settled day is immutable'); END;

      CREATE TABLE evaluations (
        id TEXT PRIMARY KEY,
        order_id TEXT NOT NULL REFERENCES orders (id),
        order_line_id TEXT NOT NULL UNIQUE REFERENCES order_lines (id),
        product_id TEXT,
        sku TEXT NOT NULL,
        rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
        comment TEXT,
        at TEXT NOT NULL,
        user_id TEXT
      ) STRICT;
      CREATE INDEX evaluations_order ON evaluations (order_id);
      CREATE INDEX evaluations_sku ON evaluations (sku);

      CREATE TABLE notifications (
        id TEXT PRIMARY KEY,
        level TEXT NOT NULL CHECK (level IN ('info', 'success', 'warning', 'error')),
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        at TEXT NOT NULL,
        read_at TEXT
      ) STRICT;
      CREATE INDEX notifications_at ON notifications (at);
    `)
  }
}
