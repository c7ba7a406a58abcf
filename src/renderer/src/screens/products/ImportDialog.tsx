import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Upload } from 'lucide-react'
import type { ApiError, ImportMode, ImportPreview, ImportResult } from '@shared/contract'
import { call, onEvent } from '../../api/client'
import { Dialog } from '../../components/Dialog'
import { Field } from '../../components/Field'
import { toApiError } from '../../stores/settings-store'
import { useErrorText } from '../../i18n/error-text'
import { TableHead } from '../../components/TableHead'

type Step =
  | { name: 'choose' }
  | { name: 'checking'; file: string }
  | { name: 'preview'; file: string; csv: string; preview: ImportPreview }
  | { name: 'importing'; file: string; importId: string; done: number; total: number }
  | { name: 'done'; result: ImportResult }

/**
 * Import a products CSV in steps: pick the file → main checks it (counts, first rows, every problem with
 * its line and column) → the merchant chooses all-or-nothing or only the valid rows → progress → summary.
 */
export function ImportDialog({ onClose, onImported }: { onClose(): void; onImported(): void }) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const [step, setStep] = useState<Step>({ name: 'choose' })
  const [error, setError] = useState<ApiError | null>(null)

  const importId = step.name === 'importing' ? step.importId : null
  useEffect(() => {
    if (importId === null) return
    return onEvent('catalog:import-progress', (progress) => {
      if (progress.importId !== importId) return
      setStep((s) => (s.name === 'importing' ? { ...s, done: progress.done, total: progress.total } : s))
    })
  }, [importId])

  const check = async (file: File): Promise<void> => {
    setError(null)
    setStep({ name: 'checking', file: file.name })
    try {
      // The file's bytes, not `file.text()`: a GBK file (Chinese Excel's CSV) would be turned into
      // replacement characters here; main detects UTF-8, UTF-16 or GB18030 and decodes it.
      const csv = toBase64(new Uint8Array(await file.arrayBuffer()))
      const preview = await call('catalog:import-preview', { csv, encoding: 'base64', previewRows: 8 })
      setStep({ name: 'preview', file: file.name, csv, preview })
    } catch (e) {
      setError(toApiError(e))
      setStep({ name: 'choose' })
    }
  }

  const commit = async (mode: ImportMode): Promise<void> => {
    if (step.name !== 'preview') return
    const id = crypto.randomUUID()
    setError(null)
    setStep({ name: 'importing', file: step.file, importId: id, done: 0, total: step.preview.validRows })
    try {
      const result = await call('catalog:import-commit', {
        csv: step.csv,
        encoding: 'base64',
        mode,
        importId: id
      })
      setStep({ name: 'done', result })
      onImported()
    } catch (e) {
      setError(toApiError(e))
      setStep(step)
    }
  }

  const busy = step.name === 'checking' || step.name === 'importing'
  const actions =
    step.name === 'preview' ? (
      <>
        <button type="button" className="button button--ghost" onClick={() => setStep({ name: 'choose' })}>
          {t('catalog.importDialog.chooseAnother')}
        </button>
        {step.preview.invalidRows > 0 && step.preview.validRows > 0 && (
          <button
            type="button"
            className="button button--ghost"
            onClick={() => void commit('valid-rows-only')}
          >
            {t('catalog.importDialog.importValid', { count: step.preview.validRows })}
          </button>
        )}
        <button
          type="button"
          className="button button--primary"
          disabled={step.preview.invalidRows > 0 || step.preview.validRows === 0}
          onClick={() => void commit('all-or-nothing')}
        >
          <Upload aria-hidden="true" size={20} />{' '}
          {t('catalog.importDialog.importAll', { count: step.preview.totalRows })}
        </button>
      </>
    ) : (
      <button type="button" className="button button--ghost" onClick={onClose} disabled={busy}>
        {step.name === 'done' ? t('catalog.importDialog.close') : t('catalog.importDialog.cancel')}
      </button>
    )

  return (
    <Dialog
      open
      size="wide"
      title={t('catalog.importDialog.title')}
      onClose={() => !busy && onClose()}
      actions={actions}
    >
      <div className="import-body">
        {step.name === 'choose' && (
          <>
            <p className="muted import__intro">{t('catalog.importDialog.intro')}</p>
            <Field label={t('catalog.importDialog.file')}>
              {(props) => (
                <input
                  {...props}
                  className="input"
                  type="file"
                  accept=".csv,.txt,text/csv,text/plain"
                  onChange={(e) => {
                    const file = e.target.files?.[0]
                    if (file) void check(file)
                  }}
                />
              )}
            </Field>
          </>
        )}
        {step.name === 'checking' && (
          <p role="status" aria-busy="true">
            {t('catalog.importDialog.checking')}
          </p>
        )}
        {error && (
          <p role="alert" className="notice notice--error">
            {errorText(error)}
          </p>
        )}
        {step.name === 'preview' && <PreviewBody preview={step.preview} file={step.file} />}
        {step.name === 'importing' && (
          <div className="import__progress">
            <p>{step.file}</p>
            <progress
              aria-label={t('catalog.importDialog.progressLabel')}
              max={Math.max(step.total, 1)}
              value={step.done}
            />
            <p role="status">{t('catalog.importDialog.progress', { done: step.done, count: step.total })}</p>
          </div>
        )}
        {step.name === 'done' && (
          <p role="status" className="notice notice--ok">
            {t('catalog.importDialog.done', {
              created: step.result.created,
              updated: step.result.updated,
              skipped: step.result.skipped
            })}
          </p>
        )}
      </div>
    </Dialog>
  )
}

function PreviewBody({ preview, file }: { preview: ImportPreview; file: string }) {
  const { t } = useTranslation()
  return (
    <div className="import__preview">
      <p role="status" className={`notice ${preview.invalidRows > 0 ? 'notice--error' : 'notice--info'}`}>
        <strong>{file}</strong> —{' '}
        {t('catalog.importDialog.summary', {
          count: preview.totalRows,
          valid: preview.validRows,
          create: preview.toCreate,
          update: preview.toUpdate,
          invalid: preview.invalidRows
        })}
      </p>
      {preview.newCategories.length > 0 && (
        <p className="muted">
          {t('catalog.importDialog.newCategories', { codes: preview.newCategories.join(', ') })}
        </p>
      )}
      {preview.errors.length > 0 && (
        <>
          <p className="muted">{t('catalog.importDialog.allBlocked')}</p>
          <div className="import__scroll">
            <table className="table table--compact" aria-label={t('catalog.importDialog.errorsLabel')}>
              <TableHead
                columns={[
                  { label: t('catalog.importDialog.line'), numeric: true },
                  { label: t('catalog.importDialog.column') },
                  { label: t('catalog.importDialog.problem') },
                  { label: t('catalog.importDialog.value') }
                ]}
              />
              <tbody>
                {preview.errors.map((e, i) => (
                  <tr key={`${e.line}-${e.field}-${i}`}>
                    <td className="num">{e.line}</td>
                    <td>
                      <code>{e.field || t('catalog.importDialog.row')}</code>
                    </td>
                    <td>{t(e.key, e.params ?? {})}</td>
                    <td className="import__value">{e.value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {preview.errorsTruncated && (
            <p className="muted">
              {t('catalog.importDialog.errorsTruncated', { count: preview.errors.length })}
            </p>
          )}
        </>
      )}
      <div className="import__scroll">
        <table className="table table--compact" aria-label={t('catalog.importDialog.previewLabel')}>
          <TableHead
            columns={[
              { label: t('catalog.importDialog.line'), numeric: true },
              { label: t('catalog.columns.sku') },
              { label: t('catalog.columns.name') },
              { label: t('catalog.columns.price'), numeric: true },
              { label: t('catalog.columns.status') }
            ]}
          />
          <tbody>
            {preview.rows.map((row) => (
              <tr key={row.line} className={row.action === 'invalid' ? 'is-invalid' : undefined}>
                <td className="num">{row.line}</td>
                <td>{row.sku}</td>
                <td>
                  {row.nameZh} <span className="muted">{row.nameEn}</span>
                </td>
                <td className="num">{row.price}</td>
                <td>
                  <span className={`badge badge--${row.action}`}>
                    {t(`catalog.importDialog.actions.${row.action}`)}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}

/** Bytes as base64, in chunks (a spread of a whole 10 MB file would overflow the call stack). */
function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}
