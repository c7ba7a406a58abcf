import type {
  ReconciliationDetail,
  ReconciliationProvider,
  ReconciliationRun
} from '@shared/contract/channels/reconciliation'
import { formatMinor } from '@shared/money/format'
import { newId } from '../../core/ids'
import { DomainError, invalid } from '../../domain/errors'
import { providerDayOf, providerDayWindow } from '@shared/reconciliation/provider-day'
import { providerFeeEntry } from '../../domain/reconciliation/provider-fee-entry'
import {
  reconcileStatement,
  type BillRow,
  type LocalTrade,
  type ReconciledRow
} from '@shared/reconciliation/reconcile-statement'
import type { PaymentProvider } from '../../payments/provider'
import type { ReconciliationResultRow, ReconciliationRunRow } from '../../store/repos/reconciliation-repo'
import type { NewNotification } from '../notifications-service'
import type { PaymentsRuntime } from '../payments/payments-runtime'
import { recordChange, type ServiceContext } from '../service-context'
import type { SettingsService } from '../settings-service'
import { readBillFile, type BillFile } from './bill-files'

/**
 * Local rows recorded this close to either end of the provider day may belong to it even though
 * the till's clock puts them on the neighbour (a payment at 23:59:58 Beijing, polled at 00:00:03):
 * the provider is asked when they happened before they are counted as missing.
 */
const EDGE_MS = 30 * 60 * 1000

/** Bill rows the provider is asked about one by one, at most (the rest are left for a person). */
const MAX_QUERIES = 50

interface Actor {
  userId: string | null
}

interface Repair {
  repair: 'repaired' | 'needs_person'
  detail: string
}

const rowKey = (row: { kind: string; tradeNo: string; refundNo: string | null }): string =>
  `${row.kind}|${row.tradeNo}|${row.refundNo ?? ''}`

/**
 * Reconciles a provider's bill for one provider day (fetched through the provider's API, or a
 * file the merchant downloaded) against the till's payments and refunds, repairs what the till
 * never learned, stores the results, books the day's fees once, and tells a person about
 * differences.
 */
export function createReconciliationService(
  ctx: ServiceContext,
  deps: {
    runtime: PaymentsRuntime
    settings: SettingsService
    /** The tenders service's restart recovery: queries every open attempt and folds the answers in (its observe path). */
    tenders: { recover(): Promise<void> }
    /** The refunds service's recovery: asks about every refund still processing. */
    refunds: { recover(): Promise<void> }
    notifications?: { raise(notification: NewNotification): void }
  }
) {
  const { store, clock, logger } = ctx

  const checkDate = (date: string): void => {
    try {
      providerDayWindow(date)
    } catch {
      throw invalid('date', 'must be a date such as 2026-11-25', {
        key: 'errors.validation.dateFormat',
        params: { example: '2026-11-25' }
      })
    }
  }

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

  const providerApi = async (provider: ReconciliationProvider): Promise<PaymentProvider | null> => {
    try {
      return await deps.runtime.provider(provider)
    } catch (error) {
      logger.warn('reconciliation.provider_unavailable', { provider, error })
      return null
    }
  }

  const runView = (run: ReconciliationRunRow, results: ReconciliationResultRow[]): ReconciliationRun => ({
    id: run.id,
    date: run.date,
    provider: run.provider,
    source: run.source,
    fileName: run.file_name,
    ranAt: run.ran_at,
    ranBy: run.ran_by,
    billRows: run.bill_rows,
    matched: run.matched,
    differences: run.differences,
    gross: run.gross,
    refunds: run.refunds,
    fees: run.fees,
    net: run.net,
    localGross: run.local_gross,
    localRefunds: run.local_refunds,
    feesPosted: run.fees_posted,
    repaired: results.filter((r) => r.repair === 'repaired').length
  })

  const detail = (run: ReconciliationRunRow): ReconciliationDetail => {
    const results = store.reconciliation.results(run.id)
    return {
      ...runView(run, results),
      rows: results.map((r) => ({
        result: r.result as ReconciledRow['result'],
        kind: r.kind as ReconciledRow['kind'],
        tradeNo: r.trade_no,
        refundNo: r.refund_no,
        providerTradeNo: r.provider_trade_no,
        providerAmount: r.provider_amount,
        localAmount: r.local_amount,
        fee: r.fee,
        providerStatus: r.provider_status,
        localStatus: r.local_status,
        providerTime: r.provider_time,
        localTime: r.local_time,
        note: r.note,
        repair: r.repair,
        repairDetail: r.repair_detail
      }))
    }
  }

  const notice = (run: ReconciliationDetail): NewNotification => {
    const { locale, currency } = deps.settings.getProfile()
    const zh = deps.settings.getPreferences().language === 'zh-CN'
    const names = zh
      ? { alipay: '支付宝', wechat: '微信支付', card: '银行卡' }
      : { alipay: 'Alipay', wechat: 'WeChat Pay', card: 'Card' }
    const money = (minor: number) => formatMinor(minor, currency, locale)
    return {
      level: 'warning',
      title: zh
        ? `${run.date} ${names[run.provider]}对账有差异`
        : `${names[run.provider]} reconciliation for ${run.date} has differences`,
      body: zh
        ? `${run.differences} 笔差异 · ${run.matched} 笔相符 · 手续费 ${money(run.fees)} · 结算净额 ${money(run.net)}`
        : `${run.differences} difference${run.differences === 1 ? '' : 's'} · ${run.matched} matched · fees ${money(run.fees)} · net payout ${money(run.net)}`
    }
  }

  const reconcile = async (
    source: {
      date: string
      provider: ReconciliationProvider
      statement: BillRow[]
      kind: 'fetch' | 'import'
      fileName: string | null
      api: PaymentProvider | null
    },
    actor: Actor
  ): Promise<ReconciliationDetail> => {
    const { date, provider, statement, api } = source
    let { local } = gatherLocal(date, provider, statement, new Map())
    let outcome = reconcileStatement({ date, statement, local })
    const { repairs, changed } = await repairMissing(outcome.rows, api)
    const times = await askTimes(outcome.rows, local, statement, api, date)
    if (changed || times.size > 0) {
      local = gatherLocal(date, provider, statement, times).local
      outcome = reconcileStatement({ date, statement, local })
    }
    const { rows, totals } = outcome

    const run = store.transaction(() => {
      const at = clock.now().toISOString()
      const previous = store.reconciliation.currentRun(date, provider)
      if (previous) store.reconciliation.supersede(previous.id, at)
      // The ledger holds the day's fees once: a re-run posts only what changed since.
      const feesPosted = totals.fees - store.reconciliation.feesPosted(date, provider)
      const entry = providerFeeEntry(provider, feesPosted, `${provider} ${date}`)
      if (entry) store.journal.post(entry, { id: newId(), at, userId: actor.userId })
      store.reconciliation.setFeesPosted(date, provider, totals.fees, at)
      const runRow: ReconciliationRunRow = {
        id: newId(),
        date,
        provider,
        source: source.kind,
        file_name: source.fileName,
        ran_at: at,
        ran_by: actor.userId,
        bill_rows: statement.length,
        matched: totals.matched,
        differences: totals.differences,
        gross: totals.gross,
        refunds: totals.refunds,
        fees: totals.fees,
        net: totals.net,
        local_gross: totals.localGross,
        local_refunds: totals.localRefunds,
        fees_posted: feesPosted,
        superseded_at: null
      }
      store.reconciliation.insertRun(runRow)
      rows.forEach((row, position) => {
        const repair = repairs.get(rowKey(row))
        store.reconciliation.insertResult({
          run_id: runRow.id,
          position,
          result: row.result,
          kind: row.kind,
          trade_no: row.tradeNo,
          refund_no: row.refundNo,
          provider_trade_no: row.providerTradeNo,
          provider_amount: row.providerAmount,
          local_amount: row.localAmount,
          fee: row.fee,
          provider_status: row.providerStatus,
          local_status: row.localStatus,
          provider_time: row.providerTime,
          local_time: row.localTime,
          local_id: row.localId,
          note: row.note,
          repair: repair?.repair ?? null,
          repair_detail: repair?.detail ?? null
        })
      })
      const summary = {
        id: runRow.id,
        date,
        provider,
        source: source.kind,
        ...totals,
        feesPosted,
        supersedes: previous?.id ?? null
      }
      recordChange(ctx, {
        actorUserId: actor.userId,
        action: 'reconciliation.run',
        subject: `${provider}:${date}`,
        details: summary,
        event: { type: 'reconciliation.completed', aggregateId: runRow.id, payload: summary }
      })
      return runRow
    })
    const result = detail(run)
    if (result.differences > 0) deps.notifications?.raise(notice(result))
    return result
  }

  return {
    /** Fetches the provider's bill for `date` (a provider business day) through its API and reconciles it. */
    async run(
      input: { date: string; provider: ReconciliationProvider },
      actor: Actor
    ): Promise<ReconciliationDetail> {
      checkDate(input.date)
      const api = await providerApi(input.provider)
      if (!api)
        throw new DomainError('UNAVAILABLE', 'Card and QR payments are not set up on this till', 'provider', {
          key: 'errors.payments.notSetUp'
        })
      let statement: BillRow[]
      try {
        statement = await api.fetchStatement(input.date)
      } catch (error) {
        logger.warn('reconciliation.fetch_failed', { provider: input.provider, date: input.date, error })
        throw new DomainError(
          'UNAVAILABLE',
          `The bill for ${input.date} could not be fetched: ${error instanceof Error ? error.message : String(error)}`,
          'provider',
          {
            key: 'errors.reconciliation.billUnavailable',
            params: { date: input.date, reason: error instanceof Error ? error.message : String(error) }
          }
        )
      }
      return reconcile({ ...input, statement, kind: 'fetch', fileName: null, api }, actor)
    },

    /** Reconciles a bill file the merchant downloaded (Alipay GBK CSV, WeChat Pay trade bill). */
    async import(
      input: BillFile & { fileName?: string | undefined },
      actor: Actor
    ): Promise<ReconciliationDetail> {
      checkDate(input.date)
      const statement = readBillFile(input)
      // A file can be reconciled offline; the provider is only asked about rows when it answers.
      const api = (await deps.runtime.reachable()).ok ? await providerApi(input.provider) : null
      return reconcile(
        {
          date: input.date,
          provider: input.provider,
          statement,
          kind: 'import',
          fileName: input.fileName ?? null,
          api
        },
        actor
      )
    },

    list(input: { from?: string | undefined; to?: string | undefined; limit: number }): {
      runs: ReconciliationRun[]
    } {
      const runs = store.reconciliation.list(
        input.from ?? '0000-00-00',
        input.to ?? '9999-99-99',
        input.limit
      )
      return { runs: runs.map((run) => runView(run, store.reconciliation.results(run.id))) }
    },

    get(input: {
      runId?: string | undefined
      date?: string | undefined
      provider?: ReconciliationProvider | undefined
    }): ReconciliationDetail | null {
      const run = input.runId
        ? store.reconciliation.runById(input.runId)
        : store.reconciliation.currentRun(input.date!, input.provider!)
      return run ? detail(run) : null
    }
  }
}

export type ReconciliationService = ReturnType<typeof createReconciliationService>
