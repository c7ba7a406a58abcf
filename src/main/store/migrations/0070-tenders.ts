import type { Migration } from './types'

/**
 * Tenders at payment providers: how each attempt is paid (flow), what the customer sees (QR),
 * the masked card number, why it failed, when the till gives up on it, and the idempotency
 * key of the cashier's attempt. Notifications are remembered by id so a duplicate is ignored.
 */
export const migration0070Tenders: Migration = {
  version: 70,
  name: 'tenders',
  up(db) {
    db.exec(`
      ALTER TABLE payments ADD COLUMN flow TEXT NOT NULL DEFAULT 'cash';
      ALTER TABLE payments ADD COLUMN attempt_key TEXT;
      ALTER TABLE payments ADD COLUMN qr_content TEXT;
      ALTER TABLE payments ADD COLUMN masked_pan TEXT;
      ALTER TABLE payments ADD COLUMN failure_code TEXT;
      ALTER TABLE payments ADD COLUMN failure_message TEXT;
      ALTER TABLE payments ADD COLUMN expires_at TEXT;
      ALTER TABLE payments ADD COLUMN updated_at TEXT;
      CREATE UNIQUE INDEX payments_attempt_key ON payments (attempt_key) WHERE attempt_key IS NOT NULL;
      CREATE INDEX payments_open ON payments (status) WHERE status IN ('created', 'pending', 'user_paying', 'unknown');

      CREATE TABLE payment_events (
        event_id TEXT PRIMARY KEY,
        provider TEXT NOT NULL,
        trade_no TEXT NOT NULL,
        received_at TEXT NOT NULL
      ) STRICT;
    `)
  }
}
