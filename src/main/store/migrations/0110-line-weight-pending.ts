import type { Migration } from './types'

/**
 * A line of goods sold by the kg added without a weight (a tile tapped, a product code
 * scanned rather than a scale label) waits for its weight: `weight_pending = 1` until the
 * cashier enters one, and checkout refuses an order with such a line (issue 10, item 10).
 * Earlier lines were all weighed as far as anyone can tell, so they start at 0.
 */
export const migration0110LineWeightPending: Migration = {
  version: 110,
  name: 'line-weight-pending',
  up(db) {
    db.exec(`
      ALTER TABLE order_lines ADD COLUMN weight_pending INTEGER NOT NULL DEFAULT 0 CHECK (weight_pending IN (0, 1));
    `)
  }
}
