import type { ReconciliationProvider } from '@shared/contract/channels/reconciliation'
import { providerDayOf, providerDayWindow } from '@shared/reconciliation/provider-day'
import type { BillRow, LocalTrade, ReconciledRow } from '@shared/reconciliation/reconcile-statement'
import type { PaymentProvider } from '../../payments/provider'
import type { ServiceContext } from '../service-context'

/**
 * Local rows recorded this close to either end of the provider day may belong to it even though
 * the till's clock puts them on the neighbour (a payment at 23:59:58 Beijing, polled at 00:00:03):
 * the provider is asked when they happened before they are counted as missing.
 */
const EDGE_MS = 30 * 60 * 1000

/** Bill rows the provider is asked about one by one, at most (the rest are left for a person). */
const MAX_QUERIES = 50

/** What a person is told about a bill row Kassa tried to repair. */
export interface Repair {
  repair: 'repaired' | 'needs_person'
  detail: string
}

/** A bill row's identity across a run's passes: kind, merchant order number and refund number. */
export const rowKey = (row: { kind: string; tradeNo: string; refundNo: string | null }): string =>
  `${row.kind}|${row.tradeNo}|${row.refundNo ?? ''}`

/**
 * The till's side of a reconciliation: its rows that may be on a bill (`gatherLocal`), asking the
 * provider about what the till never learned and folding the answers in (`repairMissing`), and when
 * unmatched payments near the day happened (`askTimes`).
 */
export function createReconciliationLocal(
  ctx: ServiceContext,
  deps: {
    /** The tenders service's restart recovery: queries every open attempt and folds the answers in (its observe path). */
    tenders: { recover(): Promise<void> }
    /** The refunds service's recovery: asks about every refund still processing. */
    refunds: { recover(): Promise<void> }
  }
) {
  const { store, logger } = ctx

  /** The till's rows that may be on this bill: recorded around the day, or named by it. */
  const gatherLocal = (
    date: string,
    provider: ReconciliationProvider,
    statement: readonly BillRow[],
    providerTimes: Map<string, string>
  ) => {
    const window = providerDayWindow(date)
    const from = new Date(Date.parse(window.from) - EDGE_MS).toISOString()
    const to = new Date(Date.parse(window.to) + EDGE_MS).toISOString()
    const repo = store.reconciliation
    const payments = new Map(repo.paymentsBetween(provider, from, to).map((row) => [row.trade_no, row]))
    const refunds = new Map(repo.refundsBetween(provider, from, to).map((row) => [row.id, row]))
    for (const bill of statement) {
      if (bill.type === 'payment' || !bill.refundNo) {
        const found = payments.has(bill.tradeNo) ? undefined : repo.paymentByTradeNo(provider, bill.tradeNo)
        if (found) payments.set(found.trade_no, found)
      } else if (!refunds.has(bill.refundNo)) {
        const found = repo.refundById(provider, bill.refundNo)
        if (found) refunds.set(found.id, found)
      }
    }
    const local: LocalTrade[] = []
    for (const p of payments.values()) {
      const providerAt = providerTimes.get(p.trade_no)
      const base = {
        id: p.id,
        tradeNo: p.trade_no,
        amount: p.amount,
        status: p.status,
        at: p.completed_at,
        ...(providerAt ? { providerAt } : {})
      }
      local.push({ kind: 'payment', ...base, ...(p.voided_unrefunded ? { voidedUnrefunded: true } : {}) })
      // A reversed attempt took the money and gave it back: two rows on the bill.
      if (p.status === 'reversed') local.push({ kind: 'reversal', ...base })
    }
    for (const r of refunds.values()) {
      local.push({
        kind: 'refund',
        id: r.id,
        tradeNo: r.trade_no,
        refundNo: r.id,
        amount: r.amount,
        status: r.status,
        at: r.completed_at
      })
    }
    return { local, window: { from, to } }
  }

  /**
   * "Missing locally → query and repair": the provider is asked about each bill row the till has
   * no finished record of. An attempt the till still has open is resolved through the tenders
   * service's own recovery (the same observe path as polling), a processing refund through the
   * refunds service's; anything else needs a person, and the answer is kept for them.
   */
  const repairMissing = async (
    rows: ReconciledRow[],
    api: PaymentProvider | null
  ): Promise<{ repairs: Map<string, Repair>; changed: boolean }> => {
    const repairs = new Map<string, Repair>()
    const missing = rows.filter((row) => row.result === 'missing_locally' || row.result === 'status_mismatch')
    let tendersToRecover = false
    let refundsToRecover = false
    const waiting: ReconciledRow[] = []
    for (const [n, row] of missing.entries()) {
      const key = rowKey(row)
      if (row.result === 'status_mismatch') {
        repairs.set(key, {
          repair: 'needs_person',
          detail:
            row.note === 'lost_attempt'
              ? `Kassa has this attempt ${row.localStatus}; the provider's bill has it paid. Refund the customer or record the sale.`
              : row.note === 'voided_not_refunded'
                ? 'Kassa voided this order, but the provider still has the payment and no refund gave it back. Refund the customer at the provider.'
                : `The bill has it ${row.providerStatus}; Kassa has it ${row.localStatus}.`
        })
        continue
      }
      if (row.kind === 'refund') {
        if (row.note === 'open_attempt') {
          refundsToRecover = true
          waiting.push(row)
        } else
          repairs.set(key, {
            repair: 'needs_person',
            detail: 'No refund of this till has this refund number.'
          })
        continue
      }
      if (row.kind === 'reversal' || !api || n >= MAX_QUERIES) {
        repairs.set(key, {
          repair: 'needs_person',
          detail: api ? 'Not asked about: check it at the provider.' : 'The provider could not be asked.'
        })
        continue
      }
      let answer: string
      try {
        const outcome = await api.query(row.tradeNo)
        answer = outcome.amount !== undefined ? `${outcome.status}, ${outcome.amount}` : outcome.status
        if (row.note === 'open_attempt' && outcome.status === 'succeeded') {
          tendersToRecover = true
          waiting.push(row)
          continue
        }
      } catch (error) {
        answer = `no answer (${error instanceof Error ? error.message : String(error)})`
      }
      repairs.set(key, {
        repair: 'needs_person',
        detail:
          row.note === 'open_attempt'
            ? `Kassa has this attempt ${row.localStatus}; asked again, the provider answers ${answer}.`
            : `No attempt of this till has this trade number; the provider answers ${answer}.`
      })
    }
    if (tendersToRecover) await deps.tenders.recover()
    if (refundsToRecover) await deps.refunds.recover()
    let changed = false
    for (const row of waiting) {
      const now =
        row.kind === 'refund'
          ? store.refunds.tenderById(row.localId!)?.status
          : store.payments.byId(row.localId!)?.status
      const fixed = now === 'succeeded'
      changed ||= fixed
      repairs.set(rowKey(row), {
        repair: fixed ? 'repaired' : 'needs_person',
        detail: fixed
          ? `Kassa had it ${row.localStatus}; the provider confirmed it, and it is now ${now}.`
          : `Kassa has it ${now ?? row.localStatus}; the provider's answer could not be applied.`
      })
    }
    return { repairs, changed }
  }

  /** When the provider says the till's unmatched payments near the day happened (a query's `paidAt`). */
  const askTimes = async (
    rows: ReconciledRow[],
    local: LocalTrade[],
    statement: readonly BillRow[],
    api: PaymentProvider | null,
    date: string
  ) => {
    const times = new Map<string, string>()
    if (!api) return times
    const onBill = new Set(statement.filter((b) => b.type === 'payment').map((b) => b.tradeNo))
    const candidates = local.filter(
      (l) =>
        l.kind === 'payment' &&
        l.at !== null &&
        !onBill.has(l.tradeNo) &&
        (providerDayOf(l.at) !== date ||
          rows.some((r) => r.result === 'missing_at_provider' && r.localId === l.id))
    )
    for (const trade of candidates.slice(0, MAX_QUERIES)) {
      try {
        const outcome = await api.query(trade.tradeNo)
        if (outcome.paidAt) times.set(trade.tradeNo, outcome.paidAt)
      } catch (error) {
        logger.warn('reconciliation.time_query_failed', { tradeNo: trade.tradeNo, error })
      }
    }
    return times
  }

  return { gatherLocal, repairMissing, askTimes }
}
