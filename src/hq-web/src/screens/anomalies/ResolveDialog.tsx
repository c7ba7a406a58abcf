import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Dialog } from '@renderer/components/Dialog'
import { Field } from '@renderer/components/Field'
import type { HqAnomaly } from '@shared/hq-api/anomalies'
import { hqApi } from '@shared/hq-api/index'
import { call } from '../../api/client'
import { ErrorNotice, useFieldError } from '../../components/ErrorNotice'

/** Resolves one anomaly with a note (required); the server audits who and when. */
export function ResolveDialog({
  anomaly,
  onClose,
  onResolved
}: {
  anomaly: HqAnomaly
  onClose: () => void
  onResolved: () => void
}) {
  const { t } = useTranslation()
  const fieldError = useFieldError()
  const [note, setNote] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    try {
      await call(hqApi.anomalies.resolve, { key: anomaly.key, note })
      onResolved()
    } catch (failure) {
      setError(failure)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog
      title={t('hq.anomalies.resolveTitle', { kind: t(`hq.anomalies.kinds.${anomaly.kind}`) })}
      open
      onClose={onClose}
    >
      <form onSubmit={(event) => void submit(event)} className="hq-form">
        <Field
          label={t('hq.anomalies.note')}
          hint={t('hq.anomalies.noteHint')}
          error={fieldError(error, 'note')}
        >
          {(props) => (
            <textarea
              {...props}
              className="input anomaly-note"
              rows={4}
              maxLength={1000}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              data-autofocus
              required
            />
          )}
        </Field>
        {!fieldError(error, 'note') && <ErrorNotice error={error} />}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('hq.common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy || note.trim() === ''}>
            {t('hq.anomalies.resolveSave')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
