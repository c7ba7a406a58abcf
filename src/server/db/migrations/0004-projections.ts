import type { HqMigration } from './types'

/**
 * Read models built from the events, idempotently (each row keyed by the till and the id its
 * event carries; a re-applied event changes nothing). Days are the store's local dates.
 */
export const migration0004Projections: HqMigration = {
  version: 4,
  name: 'projections',
  statements: [
    `CREATE TABLE hq_orders (
      till_id TEXT NOT NULL,
      order_id TEXT NOT NULL,
      store_id TEXT NOT NULL,
      event_id TEXT NOT NULL,
      number TEXT,
      currency TEXT NOT NULL,
      total BIGINT NOT NULL,
      cash_rounding BIGINT NOT NULL,
      paid_at TEXT NOT NULL,
      paid_day TEXT NOT NULL,
      voided_at TEXT,
      voided_day TEXT,
      PRIMARY KEY (till_id, order_id)
    )`,
    `CREATE INDEX hq_orders_paid_day ON hq_orders (store_id, paid_day)`,
    `CREATE INDEX hq_orders_voided_day ON hq_orders (store_id, voided_day)`,
    `CREATE TABLE hq_payments (
      till_id TEXT NOT NULL,
      payment_id TEXT NOT NULL,
      order_id TEXT NOT NULL,
      store_id TEXT NOT NULL,
      method TEXT NOT NULL,
      amount BIGINT NOT NULL,
      status TEXT NOT NULL,
      at TEXT NOT NULL,
      PRIMARY KEY (till_id, payment_id)
    )`,
    `CREATE TABLE hq_refunds (
      till_id TEXT NOT NULL,
      refund_id TEXT NOT NULL,
      order_id TEXT NOT NULL,
      store_id TEXT NOT NULL,
      event_id TEXT NOT NULL,
      number TEXT NOT NULL,
      amount BIGINT NOT NULL,
      tax BIGINT NOT NULL,
      status TEXT NOT NULL,
      created_at TEXT NOT NULL,
      day TEXT NOT NULL,
      PRIMARY KEY (till_id, refund_id)
    )`,
    `CREATE INDEX hq_refunds_day ON hq_refunds (store_id, day)`,
    // A refund is booked tender by tender when each is paid out (cash at once, a provider when
    // it confirms), as the till's Z-report books it.
    `CREATE TABLE hq_refund_tenders (
      till_id TEXT NOT NULL,
      tender_id TEXT NOT NULL,
      refund_id TEXT NOT NULL,
      store_id TEXT NOT NULL,
      method TEXT NOT NULL,
      amount BIGINT NOT NULL,
      status TEXT NOT NULL,
      completed_at TEXT,
      day TEXT,
      PRIMARY KEY (till_id, tender_id)
    )`,
    `CREATE INDEX hq_refund_tenders_day ON hq_refund_tenders (store_id, day)`,
    `CREATE TABLE hq_shifts (
      till_id TEXT NOT NULL,
      shift_id TEXT NOT NULL,
      store_id TEXT NOT NULL,
      number TEXT,
      kind TEXT NOT NULL,
      float_amount BIGINT NOT NULL,
      opened_at TEXT NOT NULL,
      closed_at TEXT,
      expected BIGINT,
      counted BIGINT,
      over_short BIGINT,
      PRIMARY KEY (till_id, shift_id)
    )`,
    `CREATE TABLE hq_coupon_uses (
      till_id TEXT NOT NULL,
      order_id TEXT NOT NULL,
      code TEXT NOT NULL,
      store_id TEXT NOT NULL,
      voided INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (till_id, order_id, code)
    )`
  ]
}
