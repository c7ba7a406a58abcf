import { useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Upload } from 'lucide-react'
import { ScreenHeader } from '@renderer/components/ScreenHeader'
import { TableHead } from '@renderer/components/TableHead'
import { fileToBase64 } from '@renderer/lib/file-base64'
import { hqApi } from '@shared/hq-api/index'
import type { ReconRunSummary, ReconRunView } from '@shared/hq-api/reconciliation'
import { call } from '../../api/client'
import { ErrorNotice, useFieldError } from '../../components/ErrorNotice'
import { useDateTime } from '../../lib/time'
import { useLoad } from '../../lib/use-load'
import { useSession } from '../../session-store'
import { RunDetail } from './RunDetail'
import './reconciliation.css'

type Provider = 'alipay' | 'wechat'

/** Yesterday in Beijing (UTC+8): the providers' bills are cut at Beijing midnight, ready the day after. */
function chinaYesterday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10)
}

/**
 * Reconciliation across tills: the owner uploads a provider's bill for a provider day and sees it
 * matched against every till (rows by till, differences first); owner and auditor read earlier runs.
 */
export function ReconciliationScreen() {
  const { t } = useTranslation()
  const role = useSession((s) => s.user?.role)
  const dateTime = useDateTime()
  const fieldError = useFieldError()
  const [provider, setProvider] = useState<Provider>('alipay')
  const [date, setDate] = useState(chinaYesterday)
  const [file, setFile] = useState<File | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)
  const runsLoad = useLoad(() => call(hqApi.reconciliation.list, {}), 'reconciliation-runs')
  const runs: ReconRunSummary[] = runsLoad.data?.runs ?? []
  const [open, setOpen] = useState<ReconRunView | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!file) return fileInput.current?.focus()
    setBusy(file.name)
    setError(null)
    try {
      const run = await call(hqApi.reconciliation.run, {
        provider,
        date,
        fileName: file.name,
        fileBase64: await fileToBase64(file)
      })
      setOpen(run)
      setFile(null)
      if (fileInput.current) fileInput.current.value = ''
      runsLoad.reload()
    } catch (failure) {
      setError(failure)
    } finally {
      setBusy(null)
    }
  }

  const show = async (id: string) => {
    try {
      setOpen(await call(hqApi.reconciliation.get, { id }))
      setError(null)
    } catch (failure) {
      setError(failure)
    }
  }

  const providerName = (p: string) => t(`reconciliation.providers.${p}`)
  const dateError = fieldError(error, 'date')
  const fileError = fieldError(error, 'fileBase64')

  return (
    <section className="screen hq-recon" aria-labelledby="recon-title">
      <ScreenHeader
        titleId="recon-title"
        title={t('hq.reconciliation.title')}
        subtitle={t('hq.reconciliation.subtitle')}
      />
      {role === 'owner' && (
        <form className="panel hq-recon__form" onSubmit={(event) => void submit(event)}>
          <h2 className="panel__title">{t('hq.reconciliation.upload')}</h2>
          <div className="hq-recon__fields">
            <div className="field">
              <label className="field__label" htmlFor="recon-provider">
                {t('hq.reconciliation.provider')}
              </label>
              <select
                id="recon-provider"
                className="input"
                value={provider}
                onChange={(event) => setProvider(event.target.value as Provider)}
              >
                <option value="alipay">{providerName('alipay')}</option>
                <option value="wechat">{providerName('wechat')}</option>
              </select>
            </div>
            <div className={`field${dateError ? ' field--invalid' : ''}`}>
              <label className="field__label" htmlFor="recon-date">
                {t('hq.reconciliation.date')}
              </label>
              <input
                id="recon-date"
                className="input"
                type="date"
                required
                value={date}
                onChange={(event) => setDate(event.target.value)}
                aria-invalid={dateError ? true : undefined}
                aria-describedby="recon-date-hint"
              />
              <span className="field__hint" id="recon-date-hint">
                {t('reconciliation.dateHint')}
              </span>
              {dateError && <span className="field__error">{dateError}</span>}
            </div>
            <div className={`field hq-recon__file${fileError ? ' field--invalid' : ''}`}>
              <label className="field__label" htmlFor="recon-file">
                {t('hq.reconciliation.file')}
              </label>
              <input
                id="recon-file"
                ref={fileInput}
                className="input"
                type="file"
                accept=".csv,.zip,text/csv,application/zip"
                required
                onChange={(event) => setFile(event.target.files?.[0] ?? null)}
                aria-invalid={fileError ? true : undefined}
                aria-describedby="recon-file-hint"
              />
              <span className="field__hint" id="recon-file-hint">
                {t(`hq.reconciliation.fileHint.${provider}`)}
              </span>
              {fileError && <span className="field__error">{fileError}</span>}
            </div>
          </div>
          <div className="hq-actions">
            <button type="submit" className="button button--primary" disabled={busy !== null}>
              <Upload size={20} aria-hidden="true" /> {t('hq.reconciliation.run')}
            </button>
            {busy && (
              <span className="muted" role="status">
                {t('hq.reconciliation.running', { file: busy })}
              </span>
            )}
          </div>
        </form>
      )}
      {!dateError && !fileError && <ErrorNotice error={error ?? runsLoad.error} />}
      {open && <RunDetail run={open} />}
      <article className="panel" aria-labelledby="recon-runs">
        <h2 id="recon-runs" className="panel__title">
          {t('hq.reconciliation.runs')}
        </h2>
        {runs.length === 0 ? (
          <p className="muted">{t('hq.reconciliation.noRuns')}</p>
        ) : (
          <div className="hq-table-wrap">
            <table className="table hq-table hq-recon__runs">
              <TableHead
                columns={[
                  { label: t('hq.reconciliation.columns.date') },
                  { label: t('hq.reconciliation.columns.provider') },
                  { label: t('hq.reconciliation.columns.file') },
                  { label: t('hq.reconciliation.columns.matched'), numeric: true },
                  { label: t('hq.reconciliation.columns.differences'), numeric: true },
                  { label: t('hq.reconciliation.columns.runAt') },
                  { label: t('hq.reconciliation.open'), hidden: true }
                ]}
              />
              <tbody>
                {runs.map((run) => (
                  <tr key={run.id} className={run.superseded ? 'muted' : undefined}>
                    <td>{run.date}</td>
                    <td>{providerName(run.provider)}</td>
                    <td className="hq-recon__file-name">
                      {run.fileName}
                      {run.superseded && ` (${t('hq.reconciliation.superseded')})`}
                    </td>
                    <td className="num">{run.matched}</td>
                    <td className={`num${run.differences > 0 ? ' hq-recon__warn' : ''}`}>
                      {run.differences}
                    </td>
                    <td>{dateTime(run.runAt)}</td>
                    <td>
                      <button
                        type="button"
                        className="button"
                        aria-label={t('hq.reconciliation.openNamed', {
                          provider: providerName(run.provider),
                          date: run.date
                        })}
                        onClick={() => void show(run.id)}
                      >
                        {t('hq.reconciliation.open')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </article>
    </section>
  )
}
