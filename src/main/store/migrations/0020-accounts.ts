import type { Migration } from './types'

/**
 * Accounts: users with scrypt-hashed passwords and PINs (never the secrets), the
 * failed-attempt lockout state, the till's sign-in rules, and whether the first-run
 * set-up is done.
 */
export const migration0020Accounts: Migration = {
  version: 20,
  name: 'accounts',
  up(db) {
    db.exec(`
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        -- Unique regardless of case, so "Li" and "li" cannot both exist.
        username TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('cashier', 'manager', 'owner')),
        password_hash TEXT NOT NULL,
        pin_hash TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
        locked_until TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE security_settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        idle_lock_minutes INTEGER NOT NULL CHECK (idle_lock_minutes BETWEEN 1 AND 240),
        max_failed_attempts INTEGER NOT NULL CHECK (max_failed_attempts BETWEEN 3 AND 20),
        lockout_minutes INTEGER NOT NULL CHECK (lockout_minutes BETWEEN 1 AND 120)
      ) STRICT;
      INSERT INTO security_settings (id, idle_lock_minutes, max_failed_attempts, lockout_minutes) VALUES (1, 5, 5, 5);

      -- One row once the owner has finished the first-run set-up.
      CREATE TABLE setup_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        completed_at TEXT NOT NULL,
        owner_user_id TEXT NOT NULL REFERENCES users (id)
      ) STRICT;
    `)
  }
}
