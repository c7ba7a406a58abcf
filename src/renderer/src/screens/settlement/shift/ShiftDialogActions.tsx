import { useTranslation } from 'react-i18next'
import type { ApiError } from '@shared/contract'
import { useErrorText } from '../../../i18n/error-text'

/**
 * How the drawer's dialogs (open, close, cash in/out) end: a refusal no field shows (`error`, or
 * null when it is shown beside its field), then Cancel and the dialog's submit button.
 */
export function ShiftDialogActions({
  error,
  submitLabel,
  submitDisabled = false,
  onCancel
}: {
  error: ApiError | null | undefined
  submitLabel: string
  submitDisabled?: boolean
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  return (
    <>
      {error && (
        <p className="notice notice--error" role="alert">
          {errorText(error)}
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" className="button button--ghost" onClick={onCancel}>
          {t('shift.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={submitDisabled}>
          {submitLabel}
        </button>
      </div>
    </>
  )
}
