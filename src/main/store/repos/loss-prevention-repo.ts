import type { Database } from 'better-sqlite3'

/** The loss-prevention row, in minor units; the per-refund threshold lives in `refund_policy`. */
export interface LossPreventionRow {
  /** A cashier's refunds in one shift above this need a manager; null: no limit. */
  shiftRefundLimit: number | null
  /** Cash paid out of the drawer for a cashier's refund above this needs a manager. */
  cashRefundThreshold: number
  /** The largest share of a line's gross (`"0.2"` = 20 %) a cashier may discount alone. */
  lineDiscountLimit: string
  /** The closing count does not show the expected cash while counting. */
  blindClose: boolean
}

interface Row {
  shift_refund_limit: number | null
  cash_refund_threshold: number
  line_discount_limit: string
  blind_close: number
}

export function createLossPreventionRepo(db: Database) {
  const select = db.prepare<[], Row>(
    'SELECT shift_refund_limit, cash_refund_threshold, line_discount_limit, blind_close FROM loss_prevention WHERE id = 1'
  )
  const save = db.prepare(`
    UPDATE loss_prevention SET shift_refund_limit = @shiftRefundLimit, cash_refund_threshold = @cashRefundThreshold,
      line_discount_limit = @lineDiscountLimit, blind_close = @blindClose WHERE id = 1
  `)
  const refundedBy = db.prepare<[string | null, string, string], { total: number }>(`
    SELECT coalesce(sum(amount), 0) AS total FROM refunds
    WHERE requested_by IS ? AND created_at >= ? AND created_at <= ? AND status <> 'failed'
  `)
  return {
    get(): LossPreventionRow {
      const row = select.get()!
      return {
        shiftRefundLimit: row.shift_refund_limit,
        cashRefundThreshold: row.cash_refund_threshold,
        lineDiscountLimit: row.line_discount_limit,
        blindClose: row.blind_close === 1
      }
    },
    save(row: LossPreventionRow): void {
      save.run({ ...row, blindClose: row.blindClose ? 1 : 0 })
    },
    /** Minor units refunded at the request of `userId` from `from` to `to` (ISO instants), failed ones aside. */
    refundedBy(userId: string | null, from: string, to: string): number {
      return refundedBy.get(userId, from, to)!.total
    }
  }
}

export type LossPreventionRepo = ReturnType<typeof createLossPreventionRepo>
