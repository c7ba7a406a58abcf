import type { Migration } from './types'

/**
 * The foundation: the store profile, per-terminal preferences, the append-only audit
 * log (hash-chained) and the sync outbox.
 */
export const migration0010Initial: Migration = {
  version: 10,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE store_profile (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        store_name TEXT NOT NULL,
        currency TEXT NOT NULL,
        locale TEXT NOT NULL,
        rounding TEXT NOT NULL CHECK (rounding IN ('half-up', 'half-even')),
        tax_mode TEXT NOT NULL CHECK (tax_mode IN ('inclusive', 'exclusive')),
        cash_increment TEXT,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE preferences (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      -- Security and money events; rows are only ever appended. Each row's hash covers the
      -- previous row's hash and this row's canonical form, so an edit, a deletion or an
      -- insertion anywhere breaks the chain from that row on.
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        at TEXT NOT NULL,
        actor_user_id TEXT,
        approver_user_id TEXT,
        action TEXT NOT NULL,
        subject TEXT,
        details TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

      -- Every committed change, in order, for the sync to push. seq is this terminal's
      -- sequence; the server keeps (terminal, seq) unique so a re-push is harmless.
      CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        at TEXT NOT NULL,
        type TEXT NOT NULL,
        aggregate_id TEXT NOT NULL,
        payload TEXT NOT NULL,
        synced_at TEXT
      ) STRICT;
      CREATE INDEX outbox_unsynced ON outbox (seq) WHERE synced_at IS NULL;
      CREATE TRIGGER outbox_no_delete_unsynced BEFORE DELETE ON outbox
        WHEN OLD.synced_at IS NULL
        BEGIN SELECT RAISE(ABORT, 'unsynced outbox events cannot be deleted'); END;
    `)
  }
}
