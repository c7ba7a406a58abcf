import type { Migration } from './types'

/**
 * The outbox's synced state becomes one high-water mark (issue 14, "pushing a 7-day backlog must not
 * slow selling").
 *
 * Until now each acknowledged event had its `synced_at` set: a batch of 1,000 rewrote 1,000 rows of
 * about 0.8 KB, a megabyte of WAL and its fsync queued in front of the checkouts committing meanwhile.
 * The head office acknowledges a contiguous prefix (its highest contiguous seq), so one number says
 * the same: every event with `seq <= outbox_synced.seq` is held there. Marking a batch is now one row.
 *
 * - `outbox_synced` (one row) starts at the end of the prefix already marked: the event before the
 *   first one still waiting, or the last event when none waits.
 * - The mark never goes back and is never deleted; it never passes the last event written (a till
 *   restored from an older copy is answered with seqs it no longer has: marking them would hide the
 *   events it writes next).
 * - `synced_at` is retired: kept for the rows it was set on, never written again. Its partial index
 *   goes (the mark's range is read through the primary key); the delete guard reads the mark.
 */
export const migration0180OutboxHighWaterMark: Migration = {
  version: 180,
  name: 'outbox-high-water-mark',
  up(db) {
    db.exec(`
      CREATE TABLE outbox_synced (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        seq INTEGER NOT NULL CHECK (seq >= 0),
        at TEXT
      ) STRICT;
      INSERT INTO outbox_synced (id, seq, at) VALUES (
        1,
        coalesce(
          (SELECT min(seq) - 1 FROM outbox WHERE synced_at IS NULL),
          (SELECT max(seq) FROM outbox),
          0
        ),
        (SELECT max(synced_at) FROM outbox)
      );
      CREATE TRIGGER outbox_synced_forward BEFORE UPDATE ON outbox_synced
        WHEN NEW.seq < OLD.seq OR NEW.seq > coalesce((SELECT max(seq) FROM outbox), 0) OR NEW.id IS NOT 1
        BEGIN SELECT RAISE(ABORT, 'the outbox high-water mark only moves forward, up to the last event'); END;
      CREATE TRIGGER outbox_synced_kept BEFORE DELETE ON outbox_synced
        BEGIN SELECT RAISE(ABORT, 'the outbox high-water mark is never deleted'); END;

      DROP TRIGGER outbox_synced_once;
      CREATE TRIGGER outbox_synced_at_retired BEFORE UPDATE OF synced_at ON outbox
        BEGIN SELECT RAISE(ABORT, 'synced_at is retired: the high-water mark is outbox_synced'); END;
      DROP TRIGGER outbox_no_delete_unsynced;
      CREATE TRIGGER outbox_no_delete_unsynced BEFORE DELETE ON outbox
        WHEN OLD.seq > (SELECT seq FROM outbox_synced WHERE id = 1)
        BEGIN SELECT RAISE(ABORT, 'unsynced outbox events cannot be deleted'); END;
      DROP INDEX outbox_unsynced;
    `)
  }
}
