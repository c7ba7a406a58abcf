import type { Migration } from './types'

/**
 * Refunds: each has its own number and idempotency key, the lines (and quantities) it
 * gives back, and the tenders it pays out through. What a line or a payment has had
 * refunded is summed from these rows; the sale's own rows stay untouched.
 */
export const migration0050Refunds: Migration = {
  version: 50,
  name: 'refunds',
  up(db) {
    db.exec(`
      CREATE TABLE refund_policy (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        approval_threshold INTEGER NOT NULL CHECK (approval_threshold >= 0)
      ) STRICT;
      INSERT INTO refund_policy (id, approval_threshold) VALUES (1, 10000);

      CREATE TABLE refunds (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        order_id TEXT NOT NULL REFERENCES orders (id),
        refund_key TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL CHECK (status IN ('processing', 'succeeded', 'failed')),
        amount INTEGER NOT NULL CHECK (amount > 0),
        tax INTEGER NOT NULL CHECK (tax >= 0),
        reason TEXT NOT NULL,
        requested_by TEXT,
        approved_by TEXT,
        created_at TEXT NOT NULL,
        completed_at TEXT
      ) STRICT;
      CREATE INDEX refunds_order ON refunds (order_id);
      CREATE INDEX refunds_created ON refunds (created_at);

      CREATE TABLE refund_lines (
        refund_id TEXT NOT NULL REFERENCES refunds (id),
        order_line_id TEXT NOT NULL REFERENCES order_lines (id),
        quantity TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount >= 0),
        tax INTEGER NOT NULL CHECK (tax >= 0),
        PRIMARY KEY (refund_id, order_line_id)
      ) STRICT;
      CREATE INDEX refund_lines_line ON refund_lines (order_line_id);

      -- out_request_no (Alipay) / out_refund_no (WeChat Pay) is this row's id: the same on every retry.
      CREATE TABLE refund_tenders (
        id TEXT PRIMARY KEY,
        refund_id TEXT NOT NULL REFERENCES refunds (id),
        payment_id TEXT NOT NULL REFERENCES payments (id),
        method TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount > 0),
        status TEXT NOT NULL CHECK (status IN ('processing', 'succeeded', 'failed')),
        provider_ref TEXT,
        created_at TEXT NOT NULL,
        completed_at TEXT
      ) STRICT;
      CREATE INDEX refund_tenders_payment ON refund_tenders (payment_id);
      CREATE INDEX refund_tenders_refund ON refund_tenders (refund_id);
    `)
  }
}
