import type { RefundStatus, TenderMethod } from '@shared/vocabulary'
import type { Database } from 'better-sqlite3'

export interface RefundRow {
  id: string
  number: string
  order_id: string
  refund_key: string
  status: 'processing' | 'succeeded' | 'failed'
  amount: number
  tax: number
  reason: string
  requested_by: string | null
  approved_by: string | null
  created_at: string
  completed_at: string | null
}

export interface RefundLineRow {
  refund_id: string
  order_line_id: string
  quantity: string
  amount: number
  tax: number
}

export interface RefundTenderRow {
  id: string
  refund_id: string
  payment_id: string
  method: TenderMethod
  amount: number
  status: RefundStatus
  provider_ref: string | null
  created_at: string
  completed_at: string | null
  tax?: number
  /** Cash given back − the share it stands for (a cash-rounded sale's cash refund); 0 otherwise. */
  cash_rounding?: number
}

/** Refunds and what each gave back, per line and per tender. */
export function createRefundsRepo(db: Database) {
  const s = {
    policy: db.prepare<[], { approval_threshold: number }>(
      'SELECT approval_threshold FROM refund_policy WHERE id = 1'
    ),
    setPolicy: db.prepare('UPDATE refund_policy SET approval_threshold = ? WHERE id = 1'),
    byKey: db.prepare<[string], RefundRow>('SELECT * FROM refunds WHERE refund_key = ?'),
    byId: db.prepare<[string], RefundRow>('SELECT * FROM refunds WHERE id = ?'),
    forOrder: db.prepare<[string], RefundRow>(
      'SELECT * FROM refunds WHERE order_id = ? ORDER BY created_at, number'
    ),
    insert: db.prepare(`
      INSERT INTO refunds (id, number, order_id, refund_key, status, amount, tax, reason, requested_by, approved_by, created_at, completed_at)
      VALUES (@id, @number, @order_id, @refund_key, @status, @amount, @tax, @reason, @requested_by, @approved_by, @created_at, @completed_at)`),
    insertLine: db.prepare(
      'INSERT INTO refund_lines (refund_id, order_line_id, quantity, amount, tax) VALUES (@refund_id, @order_line_id, @quantity, @amount, @tax)'
    ),
    insertTender: db.prepare(`
      INSERT INTO refund_tenders (id, refund_id, payment_id, method, amount, tax, cash_rounding, status, provider_ref, created_at, completed_at)
      VALUES (@id, @refund_id, @payment_id, @method, @amount, @tax, @cash_rounding, @status, @provider_ref, @created_at, @completed_at)`),
    tenderById: db.prepare<[string], RefundTenderRow>('SELECT * FROM refund_tenders WHERE id = ?'),
    processingTenders: db.prepare<[], RefundTenderRow>(
      "SELECT * FROM refund_tenders WHERE status = 'processing' ORDER BY created_at"
    ),
    settleTender: db.prepare(
      "UPDATE refund_tenders SET status = ?, provider_ref = coalesce(?, provider_ref), completed_at = ? WHERE id = ? AND status = 'processing'"
    ),
    setStatus: db.prepare('UPDATE refunds SET status = ?, completed_at = ? WHERE id = ?'),
    lines: db.prepare<[string], RefundLineRow>('SELECT * FROM refund_lines WHERE refund_id = ?'),
    tenders: db.prepare<[string], RefundTenderRow>(
      'SELECT * FROM refund_tenders WHERE refund_id = ? ORDER BY id'
    ),
    refundedByLine: db.prepare<
      [string],
      { order_line_id: string; quantities: string; amount: number; tax: number }
    >(`
      SELECT rl.order_line_id, group_concat(rl.quantity, ' ') AS quantities, sum(rl.amount) AS amount, sum(rl.tax) AS tax
      FROM refund_lines rl JOIN refunds r ON r.id = rl.refund_id
      WHERE r.order_id = ? AND r.status <> 'failed' GROUP BY rl.order_line_id`),
    refundedByPayment: db.prepare<[string], { payment_id: string; amount: number }>(`
      SELECT rt.payment_id, sum(rt.amount) AS amount FROM refund_tenders rt JOIN refunds r ON r.id = rt.refund_id
      WHERE r.order_id = ? AND rt.status <> 'failed' GROUP BY rt.payment_id`),
    refundedRounding: db.prepare<[string], { rounding: number }>(`
      SELECT coalesce(sum(rt.cash_rounding), 0) AS rounding FROM refund_tenders rt JOIN refunds r ON r.id = rt.refund_id
      WHERE r.order_id = ? AND rt.status <> 'failed'`),
    refundedTax: db.prepare<[string], { tax: number }>(
      "SELECT coalesce(sum(tax), 0) AS tax FROM refunds WHERE order_id = ? AND status <> 'failed'"
    )
  }
  return {
    approvalThreshold: (): number => s.policy.get()!.approval_threshold,
    setApprovalThreshold: (minor: number) => void s.setPolicy.run(minor),
    byKey: (key: string): RefundRow | undefined => s.byKey.get(key),
    byId: (id: string): RefundRow | undefined => s.byId.get(id),
    forOrder: (orderId: string): RefundRow[] => s.forOrder.all(orderId),
    insert: (row: RefundRow) => void s.insert.run(row),
    insertLine: (row: RefundLineRow) => void s.insertLine.run(row),
    insertTender: (row: RefundTenderRow) => void s.insertTender.run({ tax: 0, cash_rounding: 0, ...row }),
    tenderById: (id: string): RefundTenderRow | undefined => s.tenderById.get(id),
    processingTenders: (): RefundTenderRow[] => s.processingTenders.all(),
    /** Settles a tender still processing; false when it was settled already (a duplicate answer). */
    settleTender: (
      id: string,
      status: 'succeeded' | 'failed',
      providerRef: string | null,
      at: string
    ): boolean => s.settleTender.run(status, providerRef, at, id).changes === 1,
    setStatus: (id: string, status: RefundRow['status'], at: string | null) =>
      void s.setStatus.run(status, at, id),
    lines: (refundId: string): RefundLineRow[] => s.lines.all(refundId),
    tenders: (refundId: string): RefundTenderRow[] => s.tenders.all(refundId),
    /** Per order line: the quantities already refunded (space-separated, summed by the caller), amount and tax. */
    refundedByLine: (orderId: string) => s.refundedByLine.all(orderId),
    refundedByPayment: (orderId: string): Map<string, number> =>
      new Map(s.refundedByPayment.all(orderId).map((row) => [row.payment_id, row.amount])),
    refundedTax: (orderId: string): number => s.refundedTax.get(orderId)!.tax,
    /** Σ cash rounding of an order's refunds so far (cash given back − shares), minor units. */
    refundedRounding: (orderId: string): number => s.refundedRounding.get(orderId)!.rounding
  }
}

export type RefundsRepo = ReturnType<typeof createRefundsRepo>
