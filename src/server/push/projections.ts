import { businessDate } from '@shared/time/zone'
import type { SqlTx, SqlValue } from '../db/types'
import type { Projection } from './projectors/common'
import { projectOrder } from './projectors/orders'
import { projectRefund } from './projectors/refunds'
import { projectShift } from './projectors/shifts'

export type { Insert, Projection, ProjectedEvent, Update } from './projectors/common'
export { milli } from './projectors/common'
export { ORDER_LINE_COLUMNS } from './projectors/orders'
export { REFUND_LINE_COLUMNS } from './projectors/refunds'

/**
 * The head office's read models from the tills' events: orders, payments, refunds, shifts and
 * coupon uses per store, till and day (the store's local date). Every row is keyed by the till and
 * the id its event carries, inserted with ON CONFLICT DO NOTHING, and every update is guarded, so
 * applying an event twice changes nothing and the projections can be rebuilt from `events`.
 *
 * The payload schemas are loose on purpose: they name only what is projected, and a till's extra
 * fields are kept in `events` as received. They read the current version of each type
 * (`EVENT_VERSIONS`): older ones arrive here already upgraded (`upgraders.ts`).
 */

/** Event types the head office keeps but has nothing to project from (yet). */
export const RECORDED_TYPES = new Set([
  'order.cancelled',
  'product.created',
  'product.updated',
  'product.deactivated',
  'category.created',
  'category.updated',
  'category.deactivated',
  'shift.cash_in',
  'shift.cash_out',
  'coupon.created',
  'coupon.updated',
  'evaluation.recorded',
  'reconciliation.completed',
  'refunds.policy_updated',
  'approvals.policy_updated',
  'security.updated',
  'settings.updated',
  'settings.receipt_updated',
  'settlement.day_closed',
  'user.changed',
  'user.created'
])

/**
 * What an (upgraded) event does to the read models. Pure: the rows to insert and the guarded
 * updates to run, or `recorded` / `quarantined` with the reason a person will read. One projector
 * per family of event types (`projectors/`).
 */
export function project(
  event: { tillId: string; storeId: string; eventId: string; type: string; at: string; payload: unknown },
  timeZone: string
): Projection {
  const ctx = { timeZone, day: (iso: string) => businessDate(iso, timeZone) }
  const projected = projectOrder(event, ctx) ?? projectRefund(event, ctx) ?? projectShift(event)
  if (projected) return projected
  return RECORDED_TYPES.has(event.type)
    ? { status: 'recorded' }
    : { status: 'quarantined', reason: `unknown event type ${event.type}` }
}

/** Runs the projections' inserts (grouped per table, one statement per chunk) then their updates in order. */
export async function applyProjections(
  tx: SqlTx,
  applied: ReadonlyArray<{ seq: number; projection: Extract<Projection, { status: 'applied' }> }>
): Promise<Map<number, string>> {
  const byTable = new Map<string, { columns: readonly string[]; rows: SqlValue[][] }>()
  for (const { projection } of applied) {
    for (const insert of projection.inserts) {
      const group = byTable.get(insert.table) ?? { columns: insert.columns, rows: [] }
      group.rows.push(insert.row)
      byTable.set(insert.table, group)
    }
  }
  for (const [table, group] of byTable) await tx.insertMany(table, group.columns, group.rows)
  const missing = new Map<number, string>()
  for (const { seq, projection } of applied) {
    for (const update of projection.updates) {
      const changed = await tx.run(update.sql, update.params)
      if (changed === 0 && update.missing) missing.set(seq, update.missing)
    }
  }
  return missing
}
