import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CheckCircle2, CloudDownload, TriangleAlert, Upload } from 'lucide-react'
import type { ApiError } from '@shared/contract'
import type { ReconciliationDetail, ReconciliationProvider } from '@shared/contract/channels/reconciliation'
import { call } from '../../api/client'
import { Field } from '../../components/Field'
import { useErrorText } from '../../i18n/error-text'
import { useMoney } from '../../lib/money'
import { toApiError } from '../../stores/settings-store'
import './reconciliation.css'
import { TableHead } from '../../components/TableHead'
import { fileToBase64 } from '../../lib/file-base64'
import { useScreenTime } from '../../lib/store-time'

const PROVIDERS: ReconciliationProvider[] = ['alipay', 'wechat', 'card']

/** Today's provider business day: the calendar day in Beijing (UTC+8), where the providers cut their bills. */
export function chinaToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 60 * 60 * 1000).toISOString().slice(0, 10)
}

type Busy = { kind: 'fetch' } | { kind: 'import'; file: string } | null

/**
 * Provider reconciliation for one provider day: per provider the matched count, the differences
 * (with their rows and what "query and repair" did), fees and the net payout; fetch the bill
 * through the provider's API, or import the file downloaded from its merchant site.
 */
export function ReconciliationPanel() {
  const { t } = useTranslation()
  const [date, setDate] = useState(chinaToday)
  const [runs, setRuns] = useState<Partial<Record<ReconciliationProvider, ReconciliationDetail | null>>>({})
  const [busy, setBusy] = useState<Partial<Record<ReconciliationProvider, Busy>>>({})
  const [errors, setErrors] = useState<Partial<Record<ReconciliationProvider, ApiError | null>>>({})

  useEffect(() => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return
    let live = true
    Promise.all(PROVIDERS.map((provider) => call('reconciliation:get', { date, provider })))
      .then((found) => {
        if (live) setRuns(Object.fromEntries(PROVIDERS.map((p, i) => [p, found[i] ?? null])))
      })
      .catch((caught: unknown) => {
        if (live) setErrors({ alipay: toApiError(caught) })
      })
    setErrors({})
    return () => {
      live = false
    }
  }, [date])

  const perform = async (
    provider: ReconciliationProvider,
    state: Busy,
    work: () => Promise<ReconciliationDetail>
  ): Promise<void> => {
    setBusy((b) => ({ ...b, [provider]: state }))
    setErrors((e) => ({ ...e, [provider]: null }))
    try {
      const run = await work()
      setRuns((r) => ({ ...r, [provider]: run }))
    } catch (caught) {
      setErrors((e) => ({ ...e, [provider]: toApiError(caught) }))
    } finally {
      setBusy((b) => ({ ...b, [provider]: null }))
    }
  }

  const fetchBill = (provider: ReconciliationProvider) =>
    perform(provider, { kind: 'fetch' }, () => call('reconciliation:run', { date, provider }))

  const importFile = (provider: 'alipay' | 'wechat', file: File) =>
    perform(provider, { kind: 'import', file: file.name }, async () =>
      call('reconciliation:import', {
        date,
        provider,
        fileName: file.name,
        fileBase64: await fileToBase64(file)
      })
    )

  return (
    <div className="reconciliation">
      <div className="day-report__bar">
        <Field label={t('reconciliation.date')} hint={t('reconciliation.dateHint')}>
          {(props) => (
            <input
              {...props}
              type="date"
              className="input"
              value={date}
              max={chinaToday()}
              onChange={(e) => setDate(e.target.value)}
            />
          )}
        </Field>
      </div>
      {PROVIDERS.map((provider) => (
        <ProviderCard
          key={provider}
          provider={provider}
          run={runs[provider] ?? null}
          busy={busy[provider] ?? null}
          error={errors[provider] ?? null}
          onFetch={() => void fetchBill(provider)}
          {...(provider === 'card' ? {} : { onImport: (file: File) => void importFile(provider, file) })}
        />
      ))}
    </div>
  )
}

function ProviderCard(props: {
  provider: ReconciliationProvider
  run: ReconciliationDetail | null
  busy: Busy
  error: ApiError | null
  onFetch(): void
  onImport?(file: File): void
}) {
  const { t } = useTranslation()
  const screenTime = useScreenTime()
  const money = useMoney()
  const errorText = useErrorText()
  const { provider, run, busy, error, onImport } = props
  const name = t(`reconciliation.providers.${provider}`)
  const headingId = `reconciliation-${provider}`
  const differences = run?.rows.filter((row) => row.result !== 'matched') ?? []

  return (
    <section className="card reconciliation__card" aria-labelledby={headingId}>
      <header className="reconciliation__head">
        <h2 id={headingId} className="card__title">
          {name}
        </h2>
        <div className="reconciliation__actions">
          <button
            type="button"
            className="button"
            disabled={busy !== null}
            aria-label={t('reconciliation.fetchNamed', { provider: name })}
            onClick={props.onFetch}
          >
            <CloudDownload aria-hidden="true" size={20} />{' '}
            {busy?.kind === 'fetch' ? t('reconciliation.fetching') : t('reconciliation.fetch')}
          </button>
          {onImport && (
            <label
              className={`button${busy !== null ? ' is-disabled' : ''}`}
              title={t(`reconciliation.importHint.${provider as 'alipay' | 'wechat'}`)}
            >
              <Upload aria-hidden="true" size={20} /> {t('reconciliation.importFile')}
              <input
                type="file"
                className="visually-hidden"
                accept=".csv,text/csv"
                aria-label={t('reconciliation.importNamed', { provider: name })}
                disabled={busy !== null}
                onChange={(e) => {
                  const file = e.target.files?.[0]
                  e.target.value = ''
                  if (file) onImport(file)
                }}
              />
            </label>
          )}
        </div>
      </header>
      {busy?.kind === 'import' && (
        <p className="reconciliation__status">{t('reconciliation.importing', { file: busy.file })}</p>
      )}
      {error && (
        <p className="notice notice--error" role="alert">
          {errorText(error)}
        </p>
      )}
      {!run ? (
        <p className="reconciliation__status">{t('reconciliation.notYet')}</p>
      ) : (
        <>
          <dl className="kpis reconciliation__kpis">
            <Figure label={t('reconciliation.summary.matched')} value={String(run.matched)} />
            <Figure
              label={t('reconciliation.summary.differences')}
              value={String(run.differences)}
              warn={run.differences > 0}
            />
            <Figure label={t('reconciliation.summary.gross')} value={money(run.gross)} />
            <Figure label={t('reconciliation.summary.refunds')} value={money(run.refunds)} />
            <Figure label={t('reconciliation.summary.fees')} value={money(run.fees)} />
            <Figure label={t('reconciliation.summary.net')} value={money(run.net)} />
            <Figure label={t('reconciliation.summary.localGross')} value={money(run.localGross)} />
            {run.repaired > 0 && (
              <Figure label={t('reconciliation.summary.repaired')} value={String(run.repaired)} />
            )}
          </dl>
          <p className="reconciliation__meta">
            {t('reconciliation.ranAt', {
              at: screenTime(run.ranAt, { dateStyle: 'short', timeStyle: 'short' }),
              source: t(`reconciliation.sources.${run.source}`)
            })}
            {run.fileName ? ` (${run.fileName})` : ''} ·{' '}
            {t('reconciliation.feesPosted', { amount: money(run.feesPosted) })}
          </p>
          {differences.length === 0 ? (
            <p className="reconciliation__ok">
              <CheckCircle2 aria-hidden="true" size={20} />{' '}
              {run.rows.length === 0 ? t('reconciliation.emptyBill') : t('reconciliation.allMatched')}
            </p>
          ) : (
            <table
              className="table reconciliation__table"
              aria-label={t('reconciliation.differencesTitle', { count: differences.length })}
            >
              <caption className="reconciliation__caption">
                <TriangleAlert aria-hidden="true" size={18} />{' '}
                {t('reconciliation.differencesTitle', { count: differences.length })}
              </caption>
              <TableHead
                columns={[
                  { label: t('reconciliation.columns.result') },
                  { label: t('reconciliation.columns.kind') },
                  { label: t('reconciliation.columns.tradeNo') },
                  { label: t('reconciliation.columns.provider'), numeric: true },
                  { label: t('reconciliation.columns.till'), numeric: true },
                  { label: t('reconciliation.columns.fee'), numeric: true },
                  { label: t('reconciliation.columns.detail') }
                ]}
              />
              <tbody>
                {differences.map((row, i) => (
                  <tr key={`${row.kind}-${row.tradeNo}-${row.refundNo ?? ''}-${i}`}>
                    <td>{t(`reconciliation.results.${row.result}`)}</td>
                    <td>{t(`reconciliation.kinds.${row.kind}`)}</td>
                    <td className="reconciliation__mono">
                      {row.tradeNo}
                      {row.refundNo ? ` / ${row.refundNo}` : ''}
                    </td>
                    <td className="num">{row.providerAmount === null ? '—' : money(row.providerAmount)}</td>
                    <td className="num">{row.localAmount === null ? '—' : money(row.localAmount)}</td>
                    <td className="num">{money(row.fee)}</td>
                    <td>
                      {row.note ? t(`reconciliation.notes.${row.note as 'open_attempt'}`) : ''}
                      {row.repair && (
                        <span className={`reconciliation__repair reconciliation__repair--${row.repair}`}>
                          {' '}
                          {t(`reconciliation.repair.${row.repair}`)}
                        </span>
                      )}
                      {row.repairDetail && (
                        <span className="reconciliation__detail"> {row.repairDetail}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  )
}

function Figure({ label, value, warn = false }: { label: string; value: string; warn?: boolean }) {
  return (
    <div className={`kpi${warn ? ' kpi--warn' : ''}`}>
      <dt className="kpi__label">{label}</dt>
      <dd className="kpi__value">{value}</dd>
    </div>
  )
}
