import type { Database } from 'better-sqlite3'
import { noReadCache, type ReadCache } from '../read-cache'
import type { DrawerMovements } from '../../domain/shifts/expected-cash'

export interface ShiftRow {
  id: string
  number: string
  terminal: string
  kind: 'regular' | 'rescue'
  rescue_of: string | null
  status: 'open' | 'closed'
  currency: string
  opening_float: number
  opened_at: string
  opened_by: string | null
  closed_at: string | null
  closed_by: string | null
  expected_cash: number | null
  counted_cash: number | null
  over_short: number | null
  count_json: string | null
  note: string | null
}

export type CashMoveKind = 'float' | 'in' | 'out' | 'over_short' | 'drop'

export interface CashMoveRow {
  id: string
  shift_id: string
  kind: CashMoveKind
  amount: number
  reason: string | null
  at: string
  user_id: string | null
  approver_user_id: string | null
  journal_entry_id: string | null
}

/** Shifts, their cash moves, and what the drawer should hold. SQL only. */
export function createShiftsRepo(db: Database, cache: ReadCache = noReadCache) {
  const s = {
    insert: db.prepare(`
      INSERT INTO shifts (id, number, terminal, kind, rescue_of, status, currency, opening_float, opened_at, opened_by)
      VALUES (@id, @number, @terminal, @kind, @rescue_of, 'open', @currency, @opening_float, @opened_at, @opened_by)`),
    get: db.prepare<[string], ShiftRow>('SELECT * FROM shifts WHERE id = ?'),
    open: db.prepare<[string, string], ShiftRow>(
      "SELECT * FROM shifts WHERE terminal = ? AND kind = ? AND status = 'open'"
    ),
    anyOpenBefore: db.prepare<[string], ShiftRow>(
      "SELECT * FROM shifts WHERE status = 'open' AND opened_at < ? ORDER BY opened_at"
    ),
    recent: db.prepare<[string, number], ShiftRow>(
      'SELECT * FROM shifts WHERE terminal = ? ORDER BY opened_at DESC LIMIT ?'
    ),
    closedIn: db.prepare<[string, string], ShiftRow>(
      'SELECT * FROM shifts WHERE closed_at >= ? AND closed_at < ? ORDER BY closed_at'
    ),
    close: db.prepare(`
      UPDATE shifts SET status = 'closed', closed_at = @closed_at, closed_by = @closed_by, expected_cash = @expected_cash,
        counted_cash = @counted_cash, over_short = @over_short, count_json = @count_json, note = @note
      WHERE id = @id AND status = 'open'`),
    insertMove: db.prepare(`
      INSERT INTO cash_moves (id, shift_id, kind, amount, reason, at, user_id, approver_user_id, journal_entry_id)
      VALUES (@id, @shift_id, @kind, @amount, @reason, @at, @user_id, @approver_user_id, @journal_entry_id)`),
    moves: db.prepare<[string], CashMoveRow>('SELECT * FROM cash_moves WHERE shift_id = ? ORDER BY at, id'),
    stampOrder: db.prepare('UPDATE orders SET shift_id = ? WHERE id = ?'),
    stampPayments: db.prepare('UPDATE payments SET shift_id = ? WHERE order_id = ? AND shift_id IS NULL'),
    cashSales: db.prepare<[string], { amount: number }>(`
      SELECT coalesce(sum(amount), 0) AS amount FROM payments
      WHERE shift_id = ? AND method = 'cash' AND status = 'succeeded'`),
    // A void hands the sale's cash back from the drawer open at that moment.
    cashVoids: db.prepare<[string, string, string], { amount: number }>(`
      SELECT coalesce(sum(p.amount), 0) AS amount FROM orders o JOIN payments p ON p.order_id = o.id
      WHERE o.status = 'voided' AND o.closed_at >= ? AND o.closed_at <= ? AND o.terminal = ?
        AND p.method = 'cash' AND p.status = 'succeeded'`),
    cashRefunds: db.prepare<[string, string, string], { amount: number }>(`
      SELECT coalesce(sum(rt.amount), 0) AS amount FROM refund_tenders rt
        JOIN refunds r ON r.id = rt.refund_id JOIN orders o ON o.id = r.order_id
      WHERE rt.method = 'cash' AND rt.status = 'succeeded' AND rt.completed_at >= ? AND rt.completed_at <= ? AND o.terminal = ?`),
    moveSums: db.prepare<[string], { kind: CashMoveKind; amount: number }>(
      'SELECT kind, sum(amount) AS amount FROM cash_moves WHERE shift_id = ? GROUP BY kind'
    ),
    orderCount: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM orders WHERE shift_id = ?')
  }

  return {
    insert(
      row: Pick<
        ShiftRow,
        | 'id'
        | 'number'
        | 'terminal'
        | 'kind'
        | 'rescue_of'
        | 'currency'
        | 'opening_float'
        | 'opened_at'
        | 'opened_by'
      >
    ): void {
      s.insert.run(row)
    },
    get: (id: string): ShiftRow | undefined => s.get.get(id),
    /** The open shift of `terminal` (every sale asks: kept in the store's read cache until a shift is written). */
    openShift: (terminal: string, kind: ShiftRow['kind'] = 'regular'): ShiftRow | undefined =>
      cache.memo(`open-shift:${terminal}:${kind}`, () => s.open.get(terminal, kind)),
    /** Shifts (any terminal) still open that began before `at`. */
    openBefore: (at: string): ShiftRow[] => s.anyOpenBefore.all(at),
    recent: (terminal: string, limit: number): ShiftRow[] => s.recent.all(terminal, limit),
    closedBetween: (from: string, to: string): ShiftRow[] => s.closedIn.all(from, to),
    close(
      row: Pick<
        ShiftRow,
        | 'id'
        | 'closed_at'
        | 'closed_by'
        | 'expected_cash'
        | 'counted_cash'
        | 'over_short'
        | 'count_json'
        | 'note'
      >
    ): void {
      if (s.close.run(row).changes !== 1) throw new Error(`shift ${row.id} is not open`)
    },
    insertMove: (row: CashMoveRow) => void s.insertMove.run(row),
    moves: (shiftId: string): CashMoveRow[] => s.moves.all(shiftId),
    /** Puts an order and its payments in a shift. */
    stamp(orderId: string, shiftId: string): void {
      s.stampOrder.run(shiftId, orderId)
      s.stampPayments.run(shiftId, orderId)
    },
    orderCount: (shiftId: string): number => s.orderCount.get(shiftId)!.n,
    /**
     * The drawer's figures for a shift. Sales are the cash payments stamped with the shift;
     * voids and cash refunds (which carry no shift) are those made on the shift's terminal
     * from its opening up to `until` (its close, or now), both included — for a regular shift only: a rescue
     * shift holds late orders, not the counter's day-to-day.
     */
    drawer(shift: ShiftRow, until: string): DrawerMovements {
      const moves = new Map(s.moveSums.all(shift.id).map((row) => [row.kind, row.amount]))
      const regular = shift.kind === 'regular'
      return {
        float: moves.get('float') ?? 0,
        cashSales: s.cashSales.get(shift.id)!.amount,
        cashVoids: regular ? s.cashVoids.get(shift.opened_at, until, shift.terminal)!.amount : 0,
        cashRefunds: regular ? s.cashRefunds.get(shift.opened_at, until, shift.terminal)!.amount : 0,
        cashIn: moves.get('in') ?? 0,
        cashOut: 0 - (moves.get('out') ?? 0)
      }
    }
  }
}

export type ShiftsRepo = ReturnType<typeof createShiftsRepo>
