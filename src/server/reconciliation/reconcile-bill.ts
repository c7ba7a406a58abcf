import { createHash, randomUUID } from 'node:crypto'
import { providerDayWindow } from '@shared/reconciliation/provider-day'
import {
  reconcileStatement,
  type LocalTrade,
  type ReconciledRow
} from '@shared/reconciliation/reconcile-statement'
import { DomainError } from '../../main/domain/errors'
import { readBillFile } from '../../main/services/reconciliation/bill-files'
import type { HqClock } from '../clock'
import type { HqDatabase, SqlTx, SqlValue } from '../db/types'
import { HqRefusal } from '../admin/refusal'
import { runView, type ReconRun } from './recon-runs'

/** Rows recorded this close to a provider day's ends may be on either day's bill (as the till looks). */
const EDGE_MS = 30 * 60 * 1000
/** Numbers per `IN (…)` list: well under both engines' parameter limits. */
const CHUNK = 500

export interface BillUpload {
  provider: 'alipay' | 'wechat'
  /** The provider business day (China time), YYYY-MM-DD. */
  date: string
  fileName: string
  /** The file as the merchant downloaded it (Alipay: the zip or its GBK 业务明细 CSV; WeChat Pay: the trade bill). */
  fileBase64: string
}

/** A till's row behind a local trade: which till and store recorded it. */
interface Origin {
  tillId: string
  storeId: string
}

/**
 * Matches a provider's bill for one day against every till's payments and refund tenders as
 * pushed to the head office, by trade number and refund number — so a payment taken on one till
 * and refunded on another reconciles — with the till's own pure matcher (`reconcileStatement`).
 * Stores the run and each row's result (with the till and store that recorded it) in one
 * transaction, audited through `audit`, and marks an earlier run of that provider and day
 * superseded. Returns the run as `getRun` does.
 *
 * Refusals (VALIDATION): `fileBase64` — empty, not that provider's bill, a row with no time or
 * trade number (keys `errors.hq.reconciliation.*`, as the till's `errors.reconciliation.*`);
 * `date` — the file holds another day's business.
 */
export async function reconcileBill(
  db: HqDatabase,
  clock: HqClock,
  upload: BillUpload,
  by: {
    userId: string | null
    audit?: (tx: SqlTx, details: Record<string, unknown>, id: string) => Promise<void>
  }
): Promise<ReconRun> {
  const statement = readBill(upload)
  const local = await localTrades(db, upload, statement)
  const { rows, totals } = reconcileStatement({
    date: upload.date,
    statement,
    local: local.trades
  })
  const id = randomUUID()
  const at = clock.now().toISOString()
  const sha = createHash('sha256').update(Buffer.from(upload.fileBase64, 'base64')).digest('hex')
  await db.transaction(async (tx) => {
    await tx.run(
      'UPDATE hq_recon_runs SET superseded_at = ? WHERE provider = ? AND date = ? AND superseded_at IS NULL',
      [at, upload.provider, upload.date]
    )
    await tx.run(
      `INSERT INTO hq_recon_runs (id, provider, date, file_name, file_sha256, run_at, run_by, bill_rows, gross,
         refunds, fees, net, local_gross, local_refunds, matched, differences)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        id,
        upload.provider,
        upload.date,
        upload.fileName,
        sha,
        at,
        by.userId,
        statement.length,
        totals.gross,
        totals.refunds,
        totals.fees,
        totals.net,
        totals.localGross,
        totals.localRefunds,
        totals.matched,
        totals.differences
      ]
    )
    await tx.insertMany(
      'hq_recon_rows',
      [
        'run_id',
        'n',
        'result',
        'kind',
        'trade_no',
        'refund_no',
        'provider_trade_no',
        'provider_amount',
        'local_amount',
        'fee',
        'provider_status',
        'local_status',
        'provider_time',
        'local_time',
        'local_id',
        'till_id',
        'store_id',
        'note'
      ],
      rows.map((row, n) => rowValues(id, n, row, local.origins))
    )
    await by.audit?.(
      tx,
      {
        provider: upload.provider,
        date: upload.date,
        fileName: upload.fileName,
        matched: totals.matched,
        differences: totals.differences
      },
      id
    )
  })
  return (await runView(db, id))!
}

/** The till's reader's refusals (`errors.reconciliation.*`) and the head office's keys for them (same params). */
const hqBillKey = (key: string): string =>
  key === 'errors.validation.fileEmpty'
    ? 'errors.hq.reconciliation.fileEmpty'
    : key.replace(/^errors\.reconciliation\./, 'errors.hq.reconciliation.')

/** The bill's rows, by the till's own reader; its refusals re-keyed under `errors.hq.reconciliation.*`. */
function readBill(upload: BillUpload) {
  try {
    return readBillFile({ provider: upload.provider, date: upload.date, fileBase64: upload.fileBase64 })
  } catch (error) {
    if (!(error instanceof DomainError)) throw error
    throw new HqRefusal(
      'VALIDATION',
      error.message,
      hqBillKey(error.i18n.key),
      error.field,
      error.i18n.params as Record<string, string | number> | undefined
    )
  }
}

function rowValues(runId: string, n: number, row: ReconciledRow, origins: Map<string, Origin>): SqlValue[] {
  const origin = row.localId
    ? origins.get(`${row.kind === 'refund' ? 'refund' : 'payment'}|${row.localId}`)
    : undefined
  return [
    runId,
    n,
    row.result,
    row.kind,
    row.tradeNo,
    row.refundNo,
    row.providerTradeNo,
    row.providerAmount,
    row.localAmount,
    row.fee,
    row.providerStatus,
    row.localStatus,
    row.providerTime,
    row.localTime,
    row.localId,
    origin?.tillId ?? null,
    origin?.storeId ?? null,
    row.note
  ]
}

/**
 * Every till's rows that may be on the bill: payments and refund tenders of the provider recorded
 * within the day (± 30 min), and any whose trade or refund number the bill names, on any day.
 * A refund tender from a till that sent no trade number takes its order's payment's of the same
 * method on that till.
 */
async function localTrades(
  db: HqDatabase,
  upload: BillUpload,
  statement: ReadonlyArray<{ type: string; tradeNo: string; refundNo?: string }>
): Promise<{ trades: LocalTrade[]; origins: Map<string, Origin> }> {
  const window = providerDayWindow(upload.date)
  const from = new Date(Date.parse(window.from) - EDGE_MS).toISOString()
  const to = new Date(Date.parse(window.to) + EDGE_MS).toISOString()
  type PaymentRow = {
    till_id: string
    store_id: string
    payment_id: string
    trade_no: string
    amount: number
    status: string
    at: string
    voided_at: string | null
  }
  const paymentSql = `SELECT p.till_id, p.store_id, p.payment_id, p.trade_no, p.amount, p.status, p.at, o.voided_at
    FROM hq_payments p JOIN hq_orders o ON o.till_id = p.till_id AND o.order_id = p.order_id
    WHERE p.method = ? AND p.trade_no IS NOT NULL AND `
  const payments = await db.query<PaymentRow>(paymentSql + 'p.at >= ? AND p.at < ?', [
    upload.provider,
    from,
    to
  ])
  const seenTrades = new Set(payments.map((p) => p.trade_no))
  const wanted = [...new Set(statement.map((b) => b.tradeNo))].filter((t) => !seenTrades.has(t))
  for (const part of chunks(wanted))
    payments.push(
      ...(await db.query<PaymentRow>(paymentSql + `p.trade_no IN (${part.map(() => '?').join(', ')})`, [
        upload.provider,
        ...part
      ]))
    )

  type TenderRow = {
    till_id: string
    store_id: string
    tender_id: string
    trade_no: string | null
    amount: number
    status: string
    completed_at: string | null
  }
  const tenderSql = `SELECT t.till_id, t.store_id, t.tender_id, t.amount, t.status, t.completed_at,
      COALESCE(t.trade_no, (SELECT MIN(p.trade_no) FROM hq_payments p
        WHERE p.till_id = r.till_id AND p.order_id = r.order_id AND p.method = t.method)) AS trade_no
    FROM hq_refund_tenders t JOIN hq_refunds r ON r.till_id = t.till_id AND r.refund_id = t.refund_id
    WHERE t.method = ? AND `
  const tenders = await db.query<TenderRow>(tenderSql + 't.completed_at >= ? AND t.completed_at < ?', [
    upload.provider,
    from,
    to
  ])
  const seenTenders = new Set(tenders.map((t) => t.tender_id))
  const refundNos = [
    ...new Set(statement.flatMap((b) => (b.type === 'refund' && b.refundNo ? [b.refundNo] : [])))
  ].filter((n) => !seenTenders.has(n))
  for (const part of chunks(refundNos))
    tenders.push(
      ...(await db.query<TenderRow>(tenderSql + `t.tender_id IN (${part.map(() => '?').join(', ')})`, [
        upload.provider,
        ...part
      ]))
    )

  const refundedByTrade = new Map<string, number>()
  for (const t of tenders)
    if (t.trade_no && t.status === 'succeeded')
      refundedByTrade.set(t.trade_no, (refundedByTrade.get(t.trade_no) ?? 0) + Number(t.amount))

  const trades: LocalTrade[] = []
  const origins = new Map<string, Origin>()
  const keys = new Set<string>()
  for (const p of payments) {
    // One row per number: a second till with the same trade number would be its own difference.
    if (keys.has(`payment|${p.trade_no}`)) continue
    keys.add(`payment|${p.trade_no}`)
    origins.set(`payment|${p.payment_id}`, { tillId: p.till_id, storeId: p.store_id })
    const voidedUnrefunded = p.voided_at !== null && (refundedByTrade.get(p.trade_no) ?? 0) < Number(p.amount)
    trades.push({
      kind: 'payment',
      id: p.payment_id,
      tradeNo: p.trade_no,
      amount: Number(p.amount),
      status: p.status,
      at: p.at,
      ...(voidedUnrefunded ? { voidedUnrefunded: true } : {})
    })
  }
  for (const t of tenders) {
    if (!t.trade_no || keys.has(`refund|${t.trade_no}|${t.tender_id}`)) continue
    keys.add(`refund|${t.trade_no}|${t.tender_id}`)
    origins.set(`refund|${t.tender_id}`, { tillId: t.till_id, storeId: t.store_id })
    trades.push({
      kind: 'refund',
      id: t.tender_id,
      tradeNo: t.trade_no,
      refundNo: t.tender_id,
      amount: Number(t.amount),
      status: t.status,
      at: t.completed_at
    })
  }
  return { trades, origins }
}

function chunks<T>(list: readonly T[]): T[][] {
  const out: T[][] = []
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK))
  return out
}
