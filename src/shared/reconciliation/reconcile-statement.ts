import { providerDayOf } from './provider-day'
import { localState, statementState } from './statement-status'

export type ReconciliationResult =
  'matched' | 'missing_locally' | 'missing_at_provider' | 'amount_mismatch' | 'status_mismatch'

/** `reversal`: a paid trade cancelled (Alipay `trade.cancel`, WeChat reverse, card void): a refund row without our refund number. */
export type ReconciledKind = 'payment' | 'refund' | 'reversal'

/**
 * Why a row came out as it did, for the person reading it (the panel words these).
 * `open_attempt`: the till never learned the attempt's outcome — query and repair.
 * `no_local_attempt`: no attempt of ours carries this number. `lost_attempt`: the till has it failed
 * or closed, the provider took the money. `recorded_other_day`: matched, but the till recorded it on
 * the neighbouring provider day (a payment just before midnight, observed just after).
 * `provider_not_final`: the bill has it unfinished (refund processing, revoked).
 * `voided_not_refunded`: the provider has the payment, but the till voided its order and no
 * provider refund gave it all back — the customer's money is still at the provider.
 */
export type ReconciliationNote =
  | 'open_attempt'
  | 'no_local_attempt'
  | 'lost_attempt'
  | 'recorded_other_day'
  | 'provider_not_final'
  | 'voided_not_refunded'

/** One row of a provider's bill, as the adapters' `fetchStatement` and the file parsers give it. */
export interface BillRow {
  tradeNo: string
  providerTradeNo: string
  type: 'payment' | 'refund'
  refundNo?: string
  /** Positive for payments and refunds alike. */
  amount: number
  /** Minor units: positive when charged, negative when returned on a refund. */
  fee: number
  status: string
  /** ISO 8601 with the provider's offset. */
  time: string
}

/** One payment attempt, refund tender or reversal of ours, as the till recorded it. */
export interface LocalTrade {
  kind: ReconciledKind
  /** `payments.id` (payments, reversals) or `refund_tenders.id` (refunds). */
  id: string
  tradeNo: string
  /** Refunds: our refund number (`out_request_no` / `out_refund_no`, the refund tender's id). */
  refundNo?: string
  amount: number
  status: string
  /** When the till recorded the outcome; null while it has none. */
  at: string | null
  /** When the provider says it happened, where a query told us: decides the day over `at`. */
  providerAt?: string
  /** Payments: the order was voided at the till and no provider refund gave this payment back. */
  voidedUnrefunded?: boolean
}

export interface ReconciledRow {
  result: ReconciliationResult
  kind: ReconciledKind
  tradeNo: string
  refundNo: string | null
  providerTradeNo: string | null
  providerAmount: number | null
  localAmount: number | null
  /** The provider's fee on this row (0 for a row only we have). */
  fee: number
  providerStatus: string | null
  localStatus: string | null
  providerTime: string | null
  localTime: string | null
  /** The local row's id, when there is one. */
  localId: string | null
  note: ReconciliationNote | null
}

export interface ReconciliationTotals {
  /** Succeeded payments on the bill. */
  gross: number
  /** Succeeded refunds and reversals on the bill. */
  refunds: number
  /** Σ fees on the bill, refunds' returned fees included (negative). */
  fees: number
  /** What the provider pays out for the day: gross − refunds − fees. */
  net: number
  /** The same two figures from the till's own rows that belong to the day. */
  localGross: number
  localRefunds: number
  matched: number
  differences: number
}

export interface ReconciliationInput {
  /** The provider business day (China time), YYYY-MM-DD. */
  date: string
  statement: readonly BillRow[]
  /**
   * The till's rows that may be on this bill: those recorded around the day, and any whose trade or
   * refund number the bill mentions (recorded on any day). Each key at most once.
   */
  local: readonly LocalTrade[]
}

const keyOfBill = (row: BillRow): string =>
  row.type === 'payment'
    ? `payment|${row.tradeNo}`
    : row.refundNo
      ? `refund|${row.tradeNo}|${row.refundNo}`
      : `reversal|${row.tradeNo}`

const keyOfLocal = (row: LocalTrade): string =>
  row.kind === 'refund' ? `refund|${row.tradeNo}|${row.refundNo ?? row.id}` : `${row.kind}|${row.tradeNo}`

const kindOfBill = (row: BillRow): ReconciledKind =>
  row.type === 'payment' ? 'payment' : row.refundNo ? 'refund' : 'reversal'

/**
 * Matches a provider's bill for one day against the till's rows, by trade number and refund
 * number. Every bill row gets a result; so does every local row that took or gave back money on
 * that provider day and is not on the bill (`missing_at_provider`). A local row's day is the
 * provider's time when known, else the till's; rows that belong to another day and are not on
 * this bill are left out (they are that day's business).
 *
 * Per bill row: no local row, or one the till still has open → `missing_locally` (query and
 * repair); the till has it failed/closed, or the bill has it unfinished while the till has it
 * done → `status_mismatch`; both done, amounts differ → `amount_mismatch`; the provider has a
 * payment whose order the till voided without a provider refund → `status_mismatch`
 * (`voided_not_refunded`); else `matched`.
 *
 * @example
 * reconcileStatement({ date: '2025-03-01',
 *   statement: [{ tradeNo: 'A1', providerTradeNo: 'X', type: 'payment', amount: 1250, fee: 8, status: 'TRADE_SUCCESS', time: '2025-03-01T10:00:00+08:00' }],
 *   local: [{ kind: 'payment', id: 'p1', tradeNo: 'A1', amount: 1250, status: 'succeeded', at: '2025-03-01T02:00:01Z' }] })
 * → rows [{ result: 'matched', … }], totals { gross: 1250, refunds: 0, fees: 8, net: 1242, matched: 1, differences: 0, … }
 */
export function reconcileStatement(input: ReconciliationInput): {
  rows: ReconciledRow[]
  totals: ReconciliationTotals
} {
  const locals = new Map<string, LocalTrade>()
  for (const row of input.local) {
    const key = keyOfLocal(row)
    if (locals.has(key)) throw new Error(`local row given twice: ${key}`)
    locals.set(key, row)
  }
  const used = new Set<string>()
  const rows: ReconciledRow[] = []
  const totals: ReconciliationTotals = {
    gross: 0,
    refunds: 0,
    fees: 0,
    net: 0,
    localGross: 0,
    localRefunds: 0,
    matched: 0,
    differences: 0
  }

  for (const bill of input.statement) {
    const kind = kindOfBill(bill)
    const theirs = statementState(bill.status)
    totals.fees += bill.fee
    if (theirs === 'succeeded') {
      if (kind === 'payment') totals.gross += bill.amount
      else totals.refunds += bill.amount
    }
    const key = keyOfBill(bill)
    // A second bill row for the same number is an extra row: nothing of ours is left to match it.
    const local = used.has(key) ? undefined : locals.get(key)
    if (local) used.add(key)
    const row: ReconciledRow = {
      result: 'matched',
      kind,
      tradeNo: bill.tradeNo,
      refundNo: bill.refundNo ?? null,
      providerTradeNo: bill.providerTradeNo || null,
      providerAmount: bill.amount,
      localAmount: local?.amount ?? null,
      fee: bill.fee,
      providerStatus: bill.status,
      localStatus: local?.status ?? null,
      providerTime: bill.time,
      localTime: local?.at ?? null,
      localId: local?.id ?? null,
      note: null
    }
    if (!local) {
      row.result = 'missing_locally'
      row.note = 'no_local_attempt'
    } else {
      const ours = localState(local.kind, local.status)
      if (theirs !== 'succeeded') {
        const same = (theirs === 'processing' && ours === 'open') || (theirs === 'failed' && ours === 'lost')
        row.result = same ? 'matched' : 'status_mismatch'
        if (!same) row.note = 'provider_not_final'
      } else if (ours === 'open') {
        row.result = 'missing_locally'
        row.note = 'open_attempt'
      } else if (ours === 'lost') {
        row.result = 'status_mismatch'
        row.note = 'lost_attempt'
      } else if (local.amount !== bill.amount) {
        row.result = 'amount_mismatch'
      } else if (local.kind === 'payment' && local.voidedUnrefunded) {
        row.result = 'status_mismatch'
        row.note = 'voided_not_refunded'
      } else if (local.at !== null && providerDayOf(local.at) !== input.date) {
        row.note = 'recorded_other_day'
      }
    }
    rows.push(row)
  }

  for (const local of input.local) {
    const ours = localState(local.kind, local.status)
    const onBill = used.has(keyOfLocal(local))
    const when = local.providerAt ?? local.at
    // On the bill, it is this day's business whatever the till's clock said.
    if (ours !== 'settled' || (!onBill && (when === null || providerDayOf(when) !== input.date))) continue
    if (local.kind === 'payment') totals.localGross += local.amount
    else totals.localRefunds += local.amount
    if (onBill) continue
    rows.push({
      result: 'missing_at_provider',
      kind: local.kind,
      tradeNo: local.tradeNo,
      refundNo: local.kind === 'refund' ? (local.refundNo ?? local.id) : null,
      providerTradeNo: null,
      providerAmount: null,
      localAmount: local.amount,
      fee: 0,
      providerStatus: null,
      localStatus: local.status,
      providerTime: null,
      localTime: local.at,
      localId: local.id,
      note: null
    })
  }

  totals.net = totals.gross - totals.refunds - totals.fees
  totals.matched = rows.filter((row) => row.result === 'matched').length
  totals.differences = rows.length - totals.matched
  return { rows, totals }
}
