import type { HqMigration } from './types'

/** Stores, their tills, one-time enrolment codes (hashed), request nonces, and named counters. */
export const migration0001Tills: HqMigration = {
  version: 1,
  name: 'tills',
  statements: [
    `CREATE TABLE stores (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      -- IANA zone: the business day of every figure is the store's local date.
      time_zone TEXT NOT NULL,
      created_at TEXT NOT NULL
    )`,
    `CREATE TABLE tills (
      id TEXT PRIMARY KEY,
      store_id TEXT NOT NULL REFERENCES stores (id),
      code TEXT NOT NULL UNIQUE,
      -- Ed25519, 32 raw bytes base64url; one till per key.
      public_key TEXT NOT NULL UNIQUE,
      label TEXT,
      app_version TEXT,
      status TEXT NOT NULL CHECK (status IN ('active', 'revoked')),
      enrolled_at TEXT NOT NULL,
      revoked_at TEXT,
      -- Highest seq held with every seq below it: the push's high-water mark, moved only in the
      -- transaction that stores the events.
      high_seq BIGINT NOT NULL DEFAULT 0,
      last_push_at TEXT,
      clock_skew_ms BIGINT
    )`,
    `CREATE TABLE enrol_codes (
      -- SHA-256 of the normalised code: the code itself is a secret and is never stored.
      code_hash TEXT PRIMARY KEY,
      store_id TEXT NOT NULL REFERENCES stores (id),
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      used_at TEXT,
      till_id TEXT
    )`,
    `CREATE TABLE request_nonces (
      till_id TEXT NOT NULL,
      nonce TEXT NOT NULL,
      seen_at TEXT NOT NULL,
      PRIMARY KEY (till_id, nonce)
    )`,
    `CREATE INDEX request_nonces_seen ON request_nonces (seen_at)`,
    `CREATE TABLE counters (
      name TEXT PRIMARY KEY,
      value BIGINT NOT NULL
    )`,
    `INSERT INTO counters (name, value) VALUES ('till_code', 0)`
  ]
}
