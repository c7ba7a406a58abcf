import type { HqMigration } from './types'

/**
 * The anomalies inbox. `anomalies` (0002) gains what a person needs to work through it: a severity,
 * the tills involved (JSON array; NULL means just `till_id`), when it was last seen, and its
 * resolution (who, when, the note) — a resolved anomaly stays, only its status changes. Rows that
 * concern a store rather than one till (a coupon's global limit) use `till_id = ''`.
 * `anomaly_events` names the events behind each anomaly. Detection keeps two small read models —
 * the highest receipt number of each till's series (gaps must be detectable: KassenSichV; the
 * numbers still missing are kept in each gap's anomaly) and the days each till closed — and a per-till cursor `tills.anomaly_seq`: the events up to it have been looked at, in
 * the push's own transaction or by the re-runnable catch-up (`src/server/anomalies/catch-up.ts`),
 * which starts from 0 for every till here, so the events already held are examined once.
 */
export const migration0011AnomalyInbox: HqMigration = {
  version: 11,
  name: 'anomaly-inbox',
  statements: [
    `ALTER TABLE anomalies ADD COLUMN severity TEXT NOT NULL DEFAULT 'medium'`,
    `ALTER TABLE anomalies ADD COLUMN tills TEXT`,
    `ALTER TABLE anomalies ADD COLUMN last_seen TEXT`,
    `ALTER TABLE anomalies ADD COLUMN status TEXT NOT NULL DEFAULT 'open'`,
    `ALTER TABLE anomalies ADD COLUMN resolved_at TEXT`,
    `ALTER TABLE anomalies ADD COLUMN resolved_by TEXT`,
    `ALTER TABLE anomalies ADD COLUMN resolved_by_name TEXT`,
    `ALTER TABLE anomalies ADD COLUMN resolution_note TEXT`,
    // A till restored from an old backup is the worst case: its history is in two versions.
    `UPDATE anomalies SET severity = 'high' WHERE kind = 'seq-collision'`,
    `CREATE INDEX anomalies_by_store ON anomalies (store_id, status, at)`,
    `CREATE TABLE anomaly_events (
      till_id TEXT NOT NULL,
      anomaly_id TEXT NOT NULL,
      event_till_id TEXT NOT NULL,
      seq BIGINT NOT NULL,
      event_id TEXT,
      -- What this event contributes (JSON): a receipt number, a late sale's original date…
      info TEXT,
      PRIMARY KEY (till_id, anomaly_id, event_till_id, seq)
    )`,
    `CREATE TABLE hq_receipt_series (
      till_id TEXT NOT NULL,
      -- The number's prefix: 'T03' for orders, 'T03-R' for refunds (a till's code may change at enrolment).
      series TEXT NOT NULL,
      -- The highest number seen, and the event that carried it.
      high BIGINT NOT NULL,
      number TEXT NOT NULL,
      seq BIGINT NOT NULL,
      event_id TEXT NOT NULL,
      store_id TEXT NOT NULL,
      PRIMARY KEY (till_id, series)
    )`,
    `CREATE TABLE hq_day_closes (
      till_id TEXT NOT NULL,
      day TEXT NOT NULL,
      settled_at TEXT NOT NULL,
      seq BIGINT NOT NULL,
      PRIMARY KEY (till_id, day)
    )`,
    `ALTER TABLE tills ADD COLUMN anomaly_seq BIGINT NOT NULL DEFAULT 0`
  ]
}
