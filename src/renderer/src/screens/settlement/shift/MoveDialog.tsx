import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '@shared/contract'
import { apiErrorOf, call } from '../../../api/client'
import { useErrorText } from '../../../i18n/error-text'
import { Dialog } from '../../../components/Dialog'
import { Field } from '../../../components/Field'
import { formIssue, reasonIssue } from '../../../lib/form-issues'

/**
 * Cash in or out of the drawer during a shift (`shifts:cash-move`): an amount as the cashier typed
 * it (decimal string in the store currency) and a reason. A refusal naming `amount` or `reason` shows
 * beside that field.
 */
export function MoveDialog({
  direction,
  currency,
  onClose,
  onDone
}: {
  direction: 'in' | 'out'
  currency: string
  onClose: () => void
  onDone: () => void
}) {
  const { t } = useTranslation()
  const [amount, setAmount] = useState('')
  const [reason, setReason] = useState('')
  const [error, setError] = useState<ApiError | null>(null)
  // Blank fields, all found on press and each said beside its field (main checks the rest).
  const [issues, setIssues] = useState<ApiError[]>([])
  const errorText = useErrorText()
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const found = [...(amount.trim() ? [] : [formIssue('amount', 'enterAmount')]), ...reasonIssue(reason)]
    setIssues(found)
    setError(null)
    if (found.length > 0) return
    try {
      await call('shifts:cash-move', { direction, amount: amount.trim(), reason: reason.trim() }, undefined, {
        detail: `${amount.trim()} · ${reason.trim()}`
      })
      onDone()
    } catch (caught) {
      setError(apiErrorOf(caught))
    }
  }
  const errorFor = (field: string): string | undefined => {
    const found =
      issues.find((issue) => issue.field === field) ?? (error?.field === field ? error : undefined)
    return found ? errorText(found, { beside: true }) : undefined
  }
  return (
    <Dialog
      title={direction === 'in' ? t('shift.moveTitleIn') : t('shift.moveTitleOut')}
      open
      onClose={onClose}
    >
      <form onSubmit={(event) => void submit(event)}>
        <Field label={t('shift.amount', { currency })} error={errorFor('amount')}>
          {(props) => (
            <input
              {...props}
              className="input"
              inputMode="decimal"
              autoFocus
              value={amount}
              onChange={(e) => {
                setAmount(e.target.value)
                setIssues((found) => found.filter((issue) => issue.field !== 'amount'))
              }}
            />
          )}
        </Field>
        <Field label={t('shift.reason')} hint={t('shift.reasonHint')} error={errorFor('reason')}>
          {(props) => (
            <input
              {...props}
              className="input"
              value={reason}
              onChange={(e) => {
                setReason(e.target.value)
                setIssues((found) => found.filter((issue) => issue.field !== 'reason'))
              }}
            />
          )}
        </Field>
        {error && !error.field && (
          <p className="notice notice--error" role="alert">
            {errorText(error)}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('shift.cancel')}
          </button>
          <button type="submit" className="button button--primary">
            {t('shift.confirmMove')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
