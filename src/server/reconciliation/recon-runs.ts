import type { ReconRowView, ReconRunSummary, ReconRunView } from '@shared/hq-api/reconciliation'
import type { HqDatabase } from '../db/types'

export type ReconRun = ReconRunView

interface RunRow {
  id: string
  provider: 'alipay' | 'wechat'
  date: string
  file_name: string
  run_at: string
  bill_rows: number
  gross: number
  refunds: number
  fees: number
  net: number
  local_gross: number
  local_refunds: number
  matched: number
  differences: number
  superseded_at: string | null
}

const RUN_COLUMNS = `id, provider, date, file_name, run_at, bill_rows, gross, refunds, fees, net, local_gross,
  local_refunds, matched, differences, superseded_at`

const summary = (r: RunRow): ReconRunSummary => ({
  id: r.id,
  provider: r.provider,
  date: r.date,
  fileName: r.file_name,
  runAt: r.run_at,
  billRows: Number(r.bill_rows),
  gross: Number(r.gross),
  refunds: Number(r.refunds),
  fees: Number(r.fees),
  net: Number(r.net),
  localGross: Number(r.local_gross),
  localRefunds: Number(r.local_refunds),
  matched: Number(r.matched),
  differences: Number(r.differences),
  superseded: r.superseded_at !== null
})

const num = (v: number | string | null) => (v === null ? null : Number(v))

/** The runs, newest first, optionally of one provider and / or day. */
export async function listRuns(
  db: HqDatabase,
  filter: { provider?: string | undefined; date?: string | undefined }
): Promise<ReconRunSummary[]> {
  const where: string[] = []
  const params: string[] = []
  if (filter.provider) {
    where.push('provider = ?')
    params.push(filter.provider)
  }
  if (filter.date) {
    where.push('date = ?')
    params.push(filter.date)
  }
  const rows = await db.query<RunRow>(
    `SELECT ${RUN_COLUMNS} FROM hq_recon_runs ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY run_at DESC, id LIMIT 200`,
    params
  )
  return rows.map(summary)
}

/**
 * One run with every row, differences first then by till code and number, each with the till and
 * store that recorded it (none for a bill row no till recorded). Null for an unknown id.
 */
export async function runView(db: HqDatabase, id: string): Promise<ReconRun | null> {
  const [run] = await db.query<RunRow>(`SELECT ${RUN_COLUMNS} FROM hq_recon_runs WHERE id = ?`, [id])
  if (!run) return null
  const rows = await db.query<{
    n: number
    result: ReconRowView['result']
    kind: ReconRowView['kind']
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
    till_id: string | null
    till_code: string | null
    till_label: string | null
    store_id: string | null
    store_name: string | null
    note: string | null
  }>(
    `SELECT r.n, r.result, r.kind, r.trade_no, r.refund_no, r.provider_trade_no, r.provider_amount, r.local_amount,
       r.fee, r.provider_status, r.local_status, r.provider_time, r.local_time, r.till_id, t.code AS till_code,
       t.label AS till_label, r.store_id, s.name AS store_name, r.note
     FROM hq_recon_rows r LEFT JOIN tills t ON t.id = r.till_id LEFT JOIN stores s ON s.id = r.store_id
     WHERE r.run_id = ? ORDER BY r.n`,
    [id]
  )
  return {
    ...summary(run),
    rows: rows.map((r) => ({
      n: Number(r.n),
      result: r.result,
      kind: r.kind,
      tradeNo: r.trade_no,
      refundNo: r.refund_no,
      providerTradeNo: r.provider_trade_no,
      providerAmount: num(r.provider_amount),
      localAmount: num(r.local_amount),
      fee: Number(r.fee),
      providerStatus: r.provider_status,
      localStatus: r.local_status,
      providerTime: r.provider_time,
      localTime: r.local_time,
      till: r.till_id ? { id: r.till_id, code: r.till_code ?? '?', label: r.till_label } : null,
      store: r.store_id ? { id: r.store_id, name: r.store_name ?? '?' } : null,
      note: r.note
    }))
  }
}
