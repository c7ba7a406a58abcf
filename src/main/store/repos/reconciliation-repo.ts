import type { Database } from 'better-sqlite3'

export type ReconciliationProvider = 'card' | 'alipay' | 'wechat'

export interface ReconciliationRunRow {
  id: string
  date: string
  provider: ReconciliationProvider
  source: 'fetch' | 'import'
  file_name: string | null
  ran_at: string
  ran_by: string | null
  bill_rows: number
  matched: number
  differences: number
  gross: number
  refunds: number
  fees: number
  net: number
  local_gross: number
  local_refunds: number
  fees_posted: number
  superseded_at: string | null
}

export interface ReconciliationResultRow {
  run_id: string
  position: number
  result: string
  kind: string
  trade_no: string
  refund_no: string | null
  provider_trade_no: string | null
  provider_amount: number | null
  local_amount: number | null
  fee: number
  provider_status: string | null
  local_status: string | null
  provider_time: string | null
  local_time: string | null
  local_id: string | null
  note: string | null
  repair: 'repaired' | 'needs_person' | null
  repair_detail: string | null
}

/** A local payment attempt or refund tender as reconciliation reads it. */
export interface LocalTradeRow {
  id: string
  trade_no: string
  amount: number
  status: string
  completed_at: string | null
  /**
   * Payments only: 1 when the order was voided and the provider has not given all of this payment
   * back (Σ succeeded refund tenders on it < its amount) — the customer's money is still out.
   */
  voided_unrefunded?: number
}

/** A payment's order voided while the provider still holds (part of) the payment. */
const VOIDED_UNREFUNDED = `(status = 'succeeded'
        AND (SELECT o.status FROM orders o WHERE o.id = payments.order_id) = 'voided'
        AND amount > (SELECT coalesce(sum(rt.amount), 0) FROM refund_tenders rt
                      WHERE rt.payment_id = payments.id AND rt.status = 'succeeded')) AS voided_unrefunded`

/** Reconciliation runs and results, the fees already posted per day, and the till's rows a bill is matched against. */
export function createReconciliationRepo(db: Database) {
  const s = {
    insertRun: db.prepare(`
      INSERT INTO reconciliation_runs (id, date, provider, source, file_name, ran_at, ran_by, bill_rows, matched, differences,
        gross, refunds, fees, net, local_gross, local_refunds, fees_posted, superseded_at)
      VALUES (@id, @date, @provider, @source, @file_name, @ran_at, @ran_by, @bill_rows, @matched, @differences,
        @gross, @refunds, @fees, @net, @local_gross, @local_refunds, @fees_posted, @superseded_at)`),
    current: db.prepare<[string, string], ReconciliationRunRow>(
      'SELECT * FROM reconciliation_runs WHERE date = ? AND provider = ? AND superseded_at IS NULL'
    ),
    supersede: db.prepare('UPDATE reconciliation_runs SET superseded_at = ? WHERE id = ?'),
    dropResults: db.prepare('DELETE FROM reconciliation_results WHERE run_id = ?'),
    insertResult: db.prepare(`
      INSERT INTO reconciliation_results (run_id, position, result, kind, trade_no, refund_no, provider_trade_no, provider_amount,
        local_amount, fee, provider_status, local_status, provider_time, local_time, local_id, note, repair, repair_detail)
      VALUES (@run_id, @position, @result, @kind, @trade_no, @refund_no, @provider_trade_no, @provider_amount,
        @local_amount, @fee, @provider_status, @local_status, @provider_time, @local_time, @local_id, @note, @repair, @repair_detail)`),
    runById: db.prepare<[string], ReconciliationRunRow>('SELECT * FROM reconciliation_runs WHERE id = ?'),
    results: db.prepare<[string], ReconciliationResultRow>(
      'SELECT * FROM reconciliation_results WHERE run_id = ? ORDER BY position'
    ),
    list: db.prepare<[string, string, number], ReconciliationRunRow>(`
      SELECT * FROM reconciliation_runs WHERE superseded_at IS NULL AND date >= ? AND date <= ?
      ORDER BY date DESC, provider LIMIT ?`),
    feesPosted: db.prepare<[string, string], { posted: number }>(
      'SELECT posted FROM reconciliation_fees WHERE date = ? AND provider = ?'
    ),
    setFeesPosted: db.prepare(`
      INSERT INTO reconciliation_fees (date, provider, posted, updated_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (date, provider) DO UPDATE SET posted = excluded.posted, updated_at = excluded.updated_at`),
    paymentsBetween: db.prepare<[string, string, string], LocalTradeRow>(`
      SELECT id, trade_no, amount, status, completed_at, ${VOIDED_UNREFUNDED} FROM payments
      WHERE method = ? AND trade_no IS NOT NULL AND status IN ('succeeded', 'reversed') AND completed_at >= ? AND completed_at < ?`),
    paymentByTradeNo: db.prepare<[string, string], LocalTradeRow>(
      `SELECT id, trade_no, amount, status, completed_at, ${VOIDED_UNREFUNDED} FROM payments WHERE method = ? AND trade_no = ?`
    ),
    refundsBetween: db.prepare<[string, string, string], LocalTradeRow>(`
      SELECT rt.id, p.trade_no, rt.amount, rt.status, rt.completed_at FROM refund_tenders rt JOIN payments p ON p.id = rt.payment_id
      WHERE rt.method = ? AND p.trade_no IS NOT NULL AND rt.status = 'succeeded' AND rt.completed_at >= ? AND rt.completed_at < ?`),
    refundById: db.prepare<[string, string], LocalTradeRow>(`
      SELECT rt.id, p.trade_no, rt.amount, rt.status, rt.completed_at FROM refund_tenders rt JOIN payments p ON p.id = rt.payment_id
      WHERE rt.method = ? AND rt.id = ?`)
  }
  return {
    currentRun: (date: string, provider: string): ReconciliationRunRow | undefined =>
      s.current.get(date, provider),
    /** Marks a run superseded and drops its result rows. */
    supersede(runId: string, at: string): void {
      s.supersede.run(at, runId)
      s.dropResults.run(runId)
    },
    insertRun: (row: ReconciliationRunRow) => void s.insertRun.run(row),
    insertResult: (row: ReconciliationResultRow) => void s.insertResult.run(row),
    runById: (id: string): ReconciliationRunRow | undefined => s.runById.get(id),
    results: (runId: string): ReconciliationResultRow[] => s.results.all(runId),
    /** Current runs between two dates (inclusive), newest first. */
    list: (from: string, to: string, limit: number): ReconciliationRunRow[] => s.list.all(from, to, limit),
    feesPosted: (date: string, provider: string): number => s.feesPosted.get(date, provider)?.posted ?? 0,
    setFeesPosted: (date: string, provider: string, posted: number, at: string) =>
      void s.setFeesPosted.run(date, provider, posted, at),
    /** Attempts of `method` that took money, recorded in [from, to). */
    paymentsBetween: (method: string, from: string, to: string): LocalTradeRow[] =>
      s.paymentsBetween.all(method, from, to),
    paymentByTradeNo: (method: string, tradeNo: string): LocalTradeRow | undefined =>
      s.paymentByTradeNo.get(method, tradeNo),
    /** Refund tenders of `method` that succeeded in [from, to), with their payment's trade number. */
    refundsBetween: (method: string, from: string, to: string): LocalTradeRow[] =>
      s.refundsBetween.all(method, from, to),
    refundById: (method: string, refundNo: string): LocalTradeRow | undefined =>
      s.refundById.get(method, refundNo)
  }
}

export type ReconciliationRepo = ReturnType<typeof createReconciliationRepo>
