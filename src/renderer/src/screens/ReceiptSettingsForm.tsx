import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { CheckCircle2, Save } from 'lucide-react'
import { RECEIPT_PAPERS, type ReceiptSettings } from '@shared/contract/channels/receipt-settings'
import { ApiCallError } from '../api/client'
import { Field } from '../components/Field'
import { TextField } from '../components/TextField'
import { useReceiptSettingsStore } from '../stores/receipt-settings-store'

/** The Settings screen's receipt section: address, phone, tax ID and paper size (owner). */
export function ReceiptSettingsForm() {
  const { t } = useTranslation()
  const { saved, load, save } = useReceiptSettingsStore()
  // The person's edits over what main last confirmed; null while untouched.
  const [edits, setEdits] = useState<ReceiptSettings | null>(null)
  const [error, setError] = useState<{ field?: string; message: string } | null>(null)
  const [done, setDone] = useState(false)

  useEffect(() => {
    if (!saved) void load()
  }, [saved, load])
  const draft = edits ?? saved
  if (!draft) return null
  const dirty = JSON.stringify(saved) !== JSON.stringify(draft)
  const edit = (patch: Partial<ReceiptSettings>): void => {
    setEdits({ ...draft, ...patch })
    setDone(false)
    setError(null)
  }
  const errorFor = (field: keyof ReceiptSettings): string | undefined =>
    error?.field === field ? error.message.replace(`${field}: `, '') : undefined

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    try {
      await save(draft)
      setEdits(null)
      setDone(true)
    } catch (caught) {
      if (caught instanceof ApiCallError)
        setError({ ...(caught.field ? { field: caught.field } : {}), message: caught.message })
    }
  }

  return (
    <form className="settings-form" onSubmit={(event) => void submit(event)} noValidate>
      <fieldset className="card">
        <legend className="card__title">{t('receiptSettings.title')}</legend>
        <p className="muted">{t('receiptSettings.hint')}</p>
        <TextField
          label={t('receiptSettings.address')}
          error={errorFor('address')}
          value={draft.address}
          maxLength={200}
          autoComplete="street-address"
          onChange={(value) => edit({ address: value })}
        />
        <div className="two-columns">
          <TextField
            label={t('receiptSettings.phone')}
            error={errorFor('phone')}
            value={draft.phone}
            maxLength={40}
            inputMode="tel"
            autoComplete="tel"
            onChange={(value) => edit({ phone: value })}
          />
          <TextField
            label={t('receiptSettings.taxId')}
            error={errorFor('taxId')}
            value={draft.taxId}
            maxLength={40}
            onChange={(value) => edit({ taxId: value })}
          />
        </div>
        <Field label={t('receiptSettings.paper')} error={errorFor('paper')}>
          {(props) => (
            <select
              {...props}
              className="input"
              value={draft.paper}
              onChange={(e) => edit({ paper: e.target.value as ReceiptSettings['paper'] })}
            >
              {RECEIPT_PAPERS.map((paper) => (
                <option key={paper} value={paper}>
                  {t(`receiptSettings.paper_${paper}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>
      <div className="form-actions">
        <div className="form-actions__status" role="status" aria-live="polite">
          {done && !dirty && (
            <span className="status status--ok">
              <CheckCircle2 aria-hidden="true" size={20} /> {t('receiptSettings.saved')}
            </span>
          )}
          {error && !error.field && <span className="status status--error">{error.message}</span>}
        </div>
        <button type="submit" className="button button--primary" disabled={!dirty}>
          <Save aria-hidden="true" size={20} /> {t('receiptSettings.save')}
        </button>
      </div>
    </form>
  )
}
