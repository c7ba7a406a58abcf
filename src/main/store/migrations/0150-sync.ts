import { createHash } from 'node:crypto'
import type { Migration } from './types'

/**
 * Sync with a head office (protocol v1, `src/shared/sync`).
 *
 * - `outbox` gains what each pushed event carries beyond its row: the payload version its type had
 *   when it was written (`version`) and the SHA-256 of the payload text (`payload_sha256`), filled
 *   in here for the events already waiting. An event's content can no longer change once written:
 *   only `synced_at` may be set, once.
 * - `sync_state`: the enrolment (head office, till id and code, store) and where push and pull stand.
 *   The till's private key is not here: it lives in a file of its own beside the database, so a
 *   backup of the database never holds it.
 * - `sync_errors`: each refusal or failure with its reason, for the Sync panel.
 * - `coupon_allotments` and `coupons.chain_limit`: a coupon the head office limits chain-wide is
 *   redeemed on this till only while its own uses are below its allotment.
 * - `sync_owned`: which master-data rows came from the head office (a `reset` drops exactly those).
 */
export const migration0150Sync: Migration = {
  version: 150,
  name: 'sync',
  up(db) {
    db.exec(`
      ALTER TABLE outbox ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
      ALTER TABLE outbox ADD COLUMN payload_sha256 TEXT;
    `)
    const rows = db.prepare<[], { seq: number; payload: string }>('SELECT seq, payload FROM outbox').all()
    const setHash = db.prepare('UPDATE outbox SET payload_sha256 = ? WHERE seq = ?')
    for (const row of rows)
      setHash.run(createHash('sha256').update(row.payload, 'utf8').digest('hex'), row.seq)
    db.exec(`
      CREATE TRIGGER outbox_immutable BEFORE UPDATE OF seq, id, at, type, aggregate_id, payload, version, payload_sha256 ON outbox
        BEGIN SELECT RAISE(ABORT, 'an outbox event never changes once written'); END;
      CREATE TRIGGER outbox_synced_once BEFORE UPDATE OF synced_at ON outbox
        WHEN OLD.synced_at IS NOT NULL AND NEW.synced_at IS NOT OLD.synced_at
        BEGIN SELECT RAISE(ABORT, 'an outbox event is marked synced once'); END;
      CREATE TRIGGER outbox_hash_required BEFORE INSERT ON outbox
        WHEN NEW.payload_sha256 IS NULL
        BEGIN SELECT RAISE(ABORT, 'an outbox event needs its payload hash'); END;

      CREATE TABLE sync_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        hq_url TEXT NOT NULL,
        till_id TEXT NOT NULL,
        store_id TEXT NOT NULL,
        store_name TEXT NOT NULL,
        till_code TEXT NOT NULL,
        public_key TEXT NOT NULL,
        enrolled_at TEXT NOT NULL,
        -- The terminal code the till printed before it enrolled (given back if it un-enrols).
        previous_terminal TEXT,
        pull_cursor TEXT NOT NULL DEFAULT '',
        revision INTEGER NOT NULL DEFAULT 0,
        last_push_at TEXT,
        last_pull_at TEXT,
        -- The head office's clock minus ours, learnt from its answers (signing only).
        clock_offset_ms INTEGER NOT NULL DEFAULT 0,
        -- What the head office still lets this till edit locally (JSON of catalog/coupons/staff).
        local_edits TEXT NOT NULL DEFAULT '{"catalog":false,"coupons":false,"staff":false}'
      ) STRICT;

      CREATE TABLE sync_errors (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        direction TEXT NOT NULL CHECK (direction IN ('enrol', 'push', 'pull')),
        code TEXT NOT NULL,
        reason TEXT NOT NULL,
        -- Set once a later attempt in the same direction succeeded.
        resolved_at TEXT
      ) STRICT;

      ALTER TABLE coupons ADD COLUMN chain_limit INTEGER CHECK (chain_limit IS NULL OR chain_limit > 0);
      CREATE TABLE coupon_allotments (
        coupon_id TEXT PRIMARY KEY REFERENCES coupons (id),
        uses INTEGER NOT NULL CHECK (uses >= 0),
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE sync_owned (
        entity TEXT NOT NULL,
        id TEXT NOT NULL,
        revision INTEGER NOT NULL,
        PRIMARY KEY (entity, id)
      ) STRICT, WITHOUT ROWID;
    `)
  }
}
