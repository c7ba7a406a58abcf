import { applyProjections, project } from '../../push/projections'
import { defaultUpgraders, upgradePayload } from '../../push/upgraders'
import type { SqlTx } from '../types'
import type { HqMigration } from './types'

/**
 * What the consolidated day report sums, projected so it is summed in SQL instead of re-reading
 * every order's JSON: the Z-report's per-order figures (gross, discounts, tax, cashier, local hour
 * of payment), the items sold and given back, each refund tender's tax. Indexes for the report's
 * per-till time windows. Existing rows are filled from their events by the push path's own
 * `project`, so they hold exactly what a push writes today.
 */
export const migration0014ReportProjections: HqMigration = {
  version: 14,
  name: 'report-projections',
  statements: [
    'ALTER TABLE hq_orders ADD COLUMN paid_hour INTEGER',
    'ALTER TABLE hq_orders ADD COLUMN gross BIGINT',
    'ALTER TABLE hq_orders ADD COLUMN line_discount BIGINT',
    'ALTER TABLE hq_orders ADD COLUMN order_discount BIGINT',
    'ALTER TABLE hq_orders ADD COLUMN tax BIGINT',
    'ALTER TABLE hq_orders ADD COLUMN cashier_user_id TEXT',
    'ALTER TABLE hq_orders ADD COLUMN cashier_name TEXT',
    'ALTER TABLE hq_refund_tenders ADD COLUMN tax BIGINT',
    // What a tender gave back beyond the refunded share (a cash-rounded sale's cash refund).
    'ALTER TABLE hq_refund_tenders ADD COLUMN cash_rounding BIGINT',
    `CREATE TABLE hq_order_lines (
      till_id TEXT NOT NULL,
      order_id TEXT NOT NULL,
      line_no INTEGER NOT NULL,
      line_id TEXT,
      sku TEXT NOT NULL,
      name TEXT NOT NULL,
      name_en TEXT,
      tax_rate TEXT NOT NULL,
      qty_milli BIGINT NOT NULL,
      total BIGINT NOT NULL,
      tax BIGINT NOT NULL,
      PRIMARY KEY (till_id, order_id, line_no)
    )`,
    `CREATE TABLE hq_refund_lines (
      till_id TEXT NOT NULL,
      refund_id TEXT NOT NULL,
      line_no INTEGER NOT NULL,
      sale_line_id TEXT NOT NULL,
      qty_milli BIGINT NOT NULL,
      amount BIGINT NOT NULL,
      tax BIGINT NOT NULL,
      PRIMARY KEY (till_id, refund_id, line_no)
    )`,
    'CREATE INDEX hq_payments_order ON hq_payments (till_id, order_id)',
    'CREATE INDEX hq_orders_paid_at ON hq_orders (store_id, paid_at)',
    'CREATE INDEX hq_orders_voided_at ON hq_orders (store_id, voided_at)',
    'CREATE INDEX hq_orders_till_paid ON hq_orders (till_id, paid_at)',
    'CREATE INDEX hq_refund_tenders_completed ON hq_refund_tenders (store_id, completed_at)',
    'CREATE INDEX hq_refund_tenders_refund ON hq_refund_tenders (till_id, refund_id)',
    'CREATE INDEX hq_shifts_opened ON hq_shifts (store_id, opened_at)',
    'CREATE INDEX hq_shifts_closed ON hq_shifts (store_id, closed_at)',
    'CREATE INDEX hq_shifts_till_closed ON hq_shifts (till_id, closed_at)',
    'CREATE INDEX events_store_type ON events (store_id, type)'
  ],
  backfill: refillFromEvents
}

const PAGE = 2000

/** Re-projects every applied order.paid and refund.created event, page by page in (till, seq) order. */
async function refillFromEvents(tx: SqlTx): Promise<void> {
  let after: [string, number] = ['', -1]
  for (;;) {
    const rows = await tx.query<{
      till_id: string
      seq: number
      event_id: string
      store_id: string
      type: string
      version: number
      at: string
      payload: string
      time_zone: string
    }>(
      `SELECT e.till_id, e.seq, e.event_id, e.store_id, e.type, e.version, e.at, e.payload, s.time_zone
       FROM events e JOIN stores s ON s.id = e.store_id
       WHERE e.status = 'applied' AND e.type IN ('order.paid', 'refund.created')
         AND (e.till_id > ? OR (e.till_id = ? AND e.seq > ?))
       ORDER BY e.till_id, e.seq LIMIT ${PAGE}`,
      [after[0], after[0], after[1]]
    )
    if (rows.length === 0) return
    after = [rows[rows.length - 1]!.till_id, Number(rows[rows.length - 1]!.seq)]
    for (const row of rows) {
      const upgraded = upgradePayload(
        defaultUpgraders,
        row.type,
        Number(row.version),
        JSON.parse(row.payload),
        {
          at: row.at
        }
      )
      if (!upgraded.ok) continue
      const projection = project(
        {
          tillId: row.till_id,
          storeId: row.store_id,
          eventId: row.event_id,
          type: row.type,
          at: row.at,
          payload: upgraded.payload
        },
        row.time_zone
      )
      // An event applied before whose lines today's schema refuses keeps its old row and no items.
      if (projection.status !== 'applied') continue
      const [order] = projection.inserts.filter((i) => i.table === 'hq_orders')
      if (order) {
        const at = (column: string) => order.row[order.columns.indexOf(column)] ?? null
        await tx.run(
          `UPDATE hq_orders SET paid_hour = ?, gross = ?, line_discount = ?, order_discount = ?, tax = ?,
           cashier_user_id = ?, cashier_name = ? WHERE till_id = ? AND order_id = ?`,
          [
            at('paid_hour'),
            at('gross'),
            at('line_discount'),
            at('order_discount'),
            at('tax'),
            at('cashier_user_id'),
            at('cashier_name'),
            row.till_id,
            at('order_id')
          ]
        )
      }
      for (const tender of projection.inserts.filter((i) => i.table === 'hq_refund_tenders'))
        await tx.run(
          'UPDATE hq_refund_tenders SET tax = ?, cash_rounding = ? WHERE till_id = ? AND tender_id = ?',
          [
            tender.row[tender.columns.indexOf('tax')] ?? null,
            tender.row[tender.columns.indexOf('cash_rounding')] ?? null,
            row.till_id,
            tender.row[tender.columns.indexOf('tender_id')] ?? null
          ]
        )
      const lines = projection.inserts.filter(
        (i) => i.table === 'hq_order_lines' || i.table === 'hq_refund_lines'
      )
      if (lines.length)
        await applyProjections(tx, [
          { seq: Number(row.seq), projection: { ...projection, inserts: lines, updates: [] } }
        ])
    }
  }
}
