import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { TableHead } from '@renderer/components/TableHead'
import type { ImportPreview } from '@shared/contract'
import { hqApi } from '@shared/hq-api/index'
import type { CatalogImportResult } from '@shared/hq-api/master-data-schemas'
import { call } from '../../api/client'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useErrorText } from '@renderer/i18n/error-text'
import type { MasterTabProps } from './shared'

/** The file's bytes as base64: the head office decodes UTF-8, UTF-16 or GBK as the till does. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/**
 * A products CSV into this store, with the till's rules: check the file (the preview lists every
 * problem with its line and column, nothing written), then import all or only the valid rows.
 */
export function ImportTab({ store }: MasterTabProps) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const [file, setFile] = useState<File | null>(null)
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [result, setResult] = useState<CatalogImportResult | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  const run = async (work: (csv: string) => Promise<void>) => {
    if (!file) return
    setBusy(true)
    setError(null)
    try {
      await work(await base64Of(file))
    } catch (failure) {
      setError(failure)
    } finally {
      setBusy(false)
    }
  }
  const check = () =>
    run(async (csv) => {
      setResult(null)
      setPreview(await call(hqApi.master.importPreview, { storeId: store.id, csv, encoding: 'base64' }))
    })
  const commit = (mode: 'all-or-nothing' | 'valid-rows-only') =>
    run(async (csv) => {
      setResult(await call(hqApi.master.importCommit, { storeId: store.id, csv, encoding: 'base64', mode }))
      setPreview(null)
    })

  return (
    <div className="hq-master__tab">
      <p className="muted">{t('hq.master.import.intro')}</p>
      <div className="hq-master__toolbar">
        <label className="field">
          <span className="field__label">{t('hq.master.import.file')}</span>
          <input
            type="file"
            accept=".csv,.txt,text/csv"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null)
              setPreview(null)
              setResult(null)
            }}
          />
        </label>
        <button
          type="button"
          className="button button--primary"
          disabled={!file || busy}
          onClick={() => void check()}
        >
          {t('hq.master.import.check')}
        </button>
      </div>
      <ErrorNotice error={error} />
      {result && (
        <p className="notice" role="status">
          {t('hq.master.import.done', { store: store.name, ...result })}
        </p>
      )}
      {preview && (
        <div className="hq-master__preview">
          <p role="status">
            {t('hq.master.import.summary', {
              count: preview.totalRows,
              valid: preview.validRows,
              create: preview.toCreate,
              update: preview.toUpdate,
              invalid: preview.invalidRows
            })}
            {preview.newCategories.length > 0 && (
              <> {t('hq.master.import.newCategories', { codes: preview.newCategories.join(', ') })}</>
            )}
          </p>
          <div className="hq-actions">
            <button
              type="button"
              className="button button--primary"
              disabled={busy || preview.invalidRows > 0 || preview.validRows === 0}
              onClick={() => void commit('all-or-nothing')}
            >
              {t('hq.master.import.allOrNothing')}
            </button>
            <button
              type="button"
              className="button"
              disabled={busy || preview.validRows === 0 || preview.invalidRows === 0}
              onClick={() => void commit('valid-rows-only')}
            >
              {t('hq.master.import.validOnly')}
            </button>
          </div>
          {preview.errors.length > 0 && (
            <>
              <h3 className="panel__title">{t('hq.master.import.errors')}</h3>
              <div className="hq-table-wrap hq-master__table">
                <table className="table hq-table" aria-label={t('hq.master.import.errors')}>
                  <TableHead
                    columns={[
                      { label: t('hq.master.import.columns.line'), numeric: true },
                      { label: t('hq.master.import.columns.column') },
                      { label: t('hq.master.import.columns.problem') },
                      { label: t('hq.master.import.columns.value') }
                    ]}
                  />
                  <tbody>
                    {preview.errors.map((e, i) => (
                      <tr key={i}>
                        <td className="num">{e.line}</td>
                        <td>{e.field || '—'}</td>
                        <td className="hq-master__wrap">
                          {errorText({
                            code: 'VALIDATION',
                            message: e.message,
                            key: e.key,
                            ...(e.params ? { params: e.params } : {})
                          })}
                        </td>
                        <td className="hq-master__wrap">{e.value}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {preview.errorsTruncated && <p className="muted">{t('hq.master.import.more')}</p>}
            </>
          )}
          <div className="hq-table-wrap hq-master__table">
            <table className="table hq-table">
              <TableHead
                columns={[
                  { label: t('hq.master.import.columns.line'), numeric: true },
                  { label: t('hq.master.import.columns.sku') },
                  { label: t('hq.master.import.columns.name') },
                  { label: t('hq.master.import.columns.price'), numeric: true },
                  { label: t('hq.master.import.columns.action') }
                ]}
              />
              <tbody>
                {preview.rows.map((row) => (
                  <tr key={row.line}>
                    <td className="num">{row.line}</td>
                    <td>{row.sku}</td>
                    <td>{row.nameZh || row.nameEn}</td>
                    <td className="num">{row.price}</td>
                    <td>{t(`hq.master.import.actions.${row.action}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </div>
  )
}
