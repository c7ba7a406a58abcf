import type { HqMigration } from './types'

/**
 * The head office's own people (owner, managers of some stores, auditors), their sessions and the
 * append-only audit of every change made through its web app. Passwords are scrypt hashes; a
 * session is stored as the SHA-256 of its cookie, so neither can be read back from the database.
 */
export const migration0005HqUsers: HqMigration = {
  version: 5,
  name: 'hq-users',
  statements: [
    `CREATE TABLE hq_users (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      role TEXT NOT NULL CHECK (role IN ('owner', 'manager', 'auditor')),
      password_hash TEXT NOT NULL,
      failed_attempts INTEGER NOT NULL DEFAULT 0,
      locked_until TEXT,
      created_at TEXT NOT NULL
    )`,
    `CREATE TABLE hq_user_stores (
      user_id TEXT NOT NULL REFERENCES hq_users (id),
      store_id TEXT NOT NULL REFERENCES stores (id),
      PRIMARY KEY (user_id, store_id)
    )`,
    `CREATE TABLE hq_sessions (
      token_hash TEXT PRIMARY KEY,
      user_id TEXT NOT NULL REFERENCES hq_users (id),
      created_at TEXT NOT NULL,
      last_seen_at TEXT NOT NULL
    )`,
    `CREATE INDEX hq_sessions_user ON hq_sessions (user_id)`,
    // Append-only: written in the transaction of the change it records, never updated or deleted.
    `CREATE TABLE hq_audit (
      id TEXT PRIMARY KEY,
      at TEXT NOT NULL,
      user_id TEXT,
      action TEXT NOT NULL,
      subject TEXT,
      details TEXT NOT NULL
    )`,
    `CREATE INDEX hq_audit_at ON hq_audit (at)`
  ]
}
