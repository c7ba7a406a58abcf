import { useTranslation } from 'react-i18next'
import type { ApiError } from '@shared/contract'
import { useErrorText } from '../../../i18n/error-text'

/**
 * How the drawer's dialogs (open, close, cash in/out) end: a refusal no field shows (`error`, or
 * null when it is shown beside its field), why the button did nothing (`blocker`: the count's
 * boxes to correct, `useCountBlocker`), then Cancel and the dialog's submit button — always live,
 * never grey without a reason.
 */
export function ShiftDialogActions({
  error,
  submitLabel,
  blocker,
  onCancel
}: {
  error: ApiError | null | undefined
  submitLabel: string
  blocker?: string | null
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
      {blocker && (
        <p className="field__error" role="alert" data-testid="count-blocker">
          {blocker}
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" className="button button--ghost" onClick={onCancel}>
          {t('shift.cancel')}
        </button>
        <button type="submit" className="button button--primary">
          {submitLabel}
        </button>
      </div>
    </>
  )
}
