import type { Migration } from './types'

/**
 * 抹零: the store chooses how cash totals meet the cash increment (`half-up`, or `down` in the
 * customer's favour); each order keeps the mode it was sold under, so its refunds round the same way.
 * A cash refund of a cash-rounded sale books what it gave back beyond (or short of) the lines' share
 * as cash rounding, on the tender that paid it out (specs/settlement.md, "Refunds of a cash-rounded sale").
 */
export const migration0120CashRoundingMode: Migration = {
  version: 120,
  name: 'cash-rounding-mode',
  up(db) {
    db.exec(`
      ALTER TABLE store_profile ADD COLUMN cash_rounding_mode TEXT NOT NULL DEFAULT 'half-up'
        CHECK (cash_rounding_mode IN ('half-up', 'down'));
      ALTER TABLE orders ADD COLUMN cash_rounding_mode TEXT NOT NULL DEFAULT 'half-up'
        CHECK (cash_rounding_mode IN ('half-up', 'down'));
      -- cash given back − the refunded lines' share (minor units): + when the drawer gave more.
      ALTER TABLE refund_tenders ADD COLUMN cash_rounding INTEGER NOT NULL DEFAULT 0;
    `)
  }
}
