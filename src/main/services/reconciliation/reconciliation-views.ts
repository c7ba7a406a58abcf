import type { ReconciliationDetail, ReconciliationRun } from '@shared/contract/channels/reconciliation'
import { formatMinor } from '@shared/money/format'
import type { ReconciledRow } from '@shared/reconciliation/reconcile-statement'
import type { ReconciliationResultRow, ReconciliationRunRow } from '../../store/repos/reconciliation-repo'
import type { Store } from '../../store/store'
import type { NewNotification } from '../notifications-service'
import type { SettingsService } from '../settings-service'

/** A run as the reconciliation screen lists it. */
export const runView = (
  run: ReconciliationRunRow,
  results: ReconciliationResultRow[]
): ReconciliationRun => ({
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

/** A run with every row of its result (amounts in minor units). */
export const detail = (store: Store, run: ReconciliationRunRow): ReconciliationDetail => {
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

/**
 * The notification a run with differences raises: keyed (`notifications.reconciliationDifferences`,
 * so it reads in the language the screen is in, and only managers and owners are sent it —
 * `NOTIFICATION_PERMISSIONS`), with its title and body as raised in the interface language for
 * the desktop notification.
 */
export const notice = (settings: SettingsService, run: ReconciliationDetail): NewNotification => {
  const { locale, currency } = settings.getProfile()
  const zh = settings.getPreferences().language === 'zh-CN'
  const names = zh
    ? { alipay: '支付宝', wechat: '微信支付', card: '银行卡' }
    : { alipay: 'Alipay', wechat: 'WeChat Pay', card: 'Card' }
  const money = (minor: number) => formatMinor(minor, currency, locale)
  return {
    level: 'warning',
    key: 'notifications.reconciliationDifferences',
    params: {
      date: run.date,
      providerKey: `payments.methods.${run.provider}`,
      differences: run.differences,
      matched: run.matched,
      fees: money(run.fees),
      net: money(run.net)
    },
    title: zh
      ? `${run.date} ${names[run.provider]}对账有差异`
      : `${names[run.provider]} reconciliation for ${run.date} has differences`,
    body: zh
      ? `${run.differences} 笔差异 · ${run.matched} 笔相符 · 手续费 ${money(run.fees)} · 结算净额 ${money(run.net)}`
      : `${run.differences} difference${run.differences === 1 ? '' : 's'} · ${run.matched} matched · fees ${money(run.fees)} · net payout ${money(run.net)}`
  }
}
