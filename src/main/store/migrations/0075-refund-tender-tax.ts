import type { Migration } from './types'

/**
 * A refund paid back through a provider is booked when the provider confirms it, one
 * tender at a time; each tender therefore keeps its own share of the refund's tax.
 */
export const migration0075RefundTenderTax: Migration = {
  version: 75,
  name: 'refund-tender-tax',
  up(db) {
    db.exec(`
      ALTER TABLE refund_tenders ADD COLUMN tax INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX refund_tenders_processing ON refund_tenders (status) WHERE status = 'processing';
    `)
  }
}
