import type {
  ReconciliationDetail,
  ReconciliationProvider,
  ReconciliationRun
} from '@shared/contract/channels/reconciliation'
import { newId } from '../../core/ids'
import { DomainError, invalid } from '../../domain/errors'
import { providerDayWindow } from '@shared/reconciliation/provider-day'
import { providerFeeEntry } from '../../domain/reconciliation/provider-fee-entry'
import { reconcileStatement, type BillRow } from '@shared/reconciliation/reconcile-statement'
import type { PaymentProvider } from '../../payments/provider'
import type { ReconciliationRunRow } from '../../store/repos/reconciliation-repo'
import type { NewNotification } from '../notifications-service'
import type { PaymentsRuntime } from '../payments/payments-runtime'
import { recordChange, type Actor, type ServiceContext } from '../service-context'
import type { SettingsService } from '../settings-service'
import { readBillFile, type BillFile } from './bill-files'
import { createReconciliationLocal, rowKey } from './reconciliation-local'
import { detail, notice, runView } from './reconciliation-views'

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
  const { gatherLocal, repairMissing, askTimes } = createReconciliationLocal(ctx, deps)

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

  const providerApi = async (provider: ReconciliationProvider): Promise<PaymentProvider | null> => {
    try {
      return await deps.runtime.provider(provider)
    } catch (error) {
      logger.warn('reconciliation.provider_unavailable', { provider, error })
      return null
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
    const result = detail(store, run)
    if (result.differences > 0) deps.notifications?.raise(notice(deps.settings, result))
    return result
  }

  return {
    /**
     * Fetches the provider's bill for `date` (a provider business day: Beijing midnight to
     * midnight, `provider-day.ts`) through its API and reconciles it. A re-run supersedes the
     * day's earlier run and posts only the change in fees. Amounts in the answer are minor units.
     * @throws DomainError VALIDATION `date` `errors.validation.dateFormat`; UNAVAILABLE `provider`
     *   `errors.payments.notSetUp` (no provider configured), `errors.reconciliation.billUnavailable`
     *   { date, reason } (the download failed)
     */
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

    /**
     * Reconciles a bill file the merchant downloaded (Alipay GBK CSV, WeChat Pay trade bill), as
     * `run` does; works offline, asking the provider about rows only when its gateway answers.
     * @throws DomainError VALIDATION `date` `errors.validation.dateFormat`, `errors.reconciliation.otherDay`;
     *   VALIDATION `fileBase64` `errors.validation.fileEmpty`, `errors.reconciliation.notABill`,
     *   `errors.reconciliation.rowTime`, `errors.reconciliation.rowTradeNo` (see `readBillFile`)
     */
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

    /**
     * The current (not superseded) runs whose provider day is within `from`..`to` (inclusive,
     * `YYYY-MM-DD`; open when absent), newest day first, at most `limit`; amounts in minor units.
     * Raises nothing.
     */
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

    /**
     * One run with all its rows: by `runId`, or the current (not superseded) run of `date` and
     * `provider` (the contract requires one or the other). Null when there is none; raises nothing.
     */
    get(input: {
      runId?: string | undefined
      date?: string | undefined
      provider?: ReconciliationProvider | undefined
    }): ReconciliationDetail | null {
      const run = input.runId
        ? store.reconciliation.runById(input.runId)
        : store.reconciliation.currentRun(input.date!, input.provider!)
      return run ? detail(store, run) : null
    }
  }
}

export type ReconciliationService = ReturnType<typeof createReconciliationService>
