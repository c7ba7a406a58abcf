import type { Database } from 'better-sqlite3'

export interface EvaluationRow {
  id: string
  order_id: string
  order_line_id: string
  product_id: string | null
  sku: string
  rating: number
  comment: string | null
  at: string
  user_id: string | null
}

export interface RatingStats {
  sku: string
  count: number
  /** Σ ratings; the average is computed exactly from it by the caller. */
  total: number
}

/** Customers' ratings of order lines, one per line. */
export function createEvaluationsRepo(db: Database) {
  const s = {
    insert: db.prepare(`
      INSERT INTO evaluations (id, order_id, order_line_id, product_id, sku, rating, comment, at, user_id)
      VALUES (@id, @order_id, @order_line_id, @product_id, @sku, @rating, @comment, @at, @user_id)`),
    forOrder: db.prepare<[string], EvaluationRow>('SELECT * FROM evaluations WHERE order_id = ?'),
    forLine: db.prepare<[string], EvaluationRow>('SELECT * FROM evaluations WHERE order_line_id = ?'),
    stats: db.prepare<[], RatingStats>(
      'SELECT sku, count(*) AS count, sum(rating) AS total FROM evaluations GROUP BY sku'
    ),
    // Lines given back by a refund (the refunds table arrives with migration 0050).
    refundedLine: db.prepare<[string], { n: number }>(`
      SELECT count(*) AS n FROM refund_lines rl JOIN refunds r ON r.id = rl.refund_id
      WHERE rl.order_line_id = ? AND r.status <> 'failed'`)
  }
  return {
    insert: (row: EvaluationRow) => void s.insert.run(row),
    forOrder: (orderId: string): EvaluationRow[] => s.forOrder.all(orderId),
    forLine: (lineId: string): EvaluationRow | undefined => s.forLine.get(lineId),
    stats: (): RatingStats[] => s.stats.all(),
    isLineRefunded: (lineId: string): boolean => s.refundedLine.get(lineId)!.n > 0
  }
}

export type EvaluationsRepo = ReturnType<typeof createEvaluationsRepo>
