import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '@shared/contract'
import { apiErrorOf, call } from '../../../api/client'
import { ShiftDialogActions } from './ShiftDialogActions'
import { Dialog } from '../../../components/Dialog'
import { useAmountConfirm, useAmountQuestions } from '../../../components/AmountConfirm'
import { ReasonField } from '../../../components/ReasonField'
import { TextField } from '../../../components/TextField'
import { formIssue, reasonIssue } from '../../../lib/form-issues'
import { useFormIssues } from '../../../lib/use-form-issues'
import { typedAmountProblem, useNamedFieldError } from '../../sell/payments/typed-amount'

/**
 * Cash in or out of the drawer during a shift (`shifts:cash-move`): an amount as the cashier typed
 * it (decimal string in the store currency) and a reason. On press the amount is checked by the
 * payment fields' rule (`typedAmountProblem`: a decimal ≥ 0 with no more digits than the currency
 * has) and its problem said under it, led by the field's name; main still refuses 0 and more than
 * the drawer holds. An amount above `CASH_MOVE_CONFIRM_ABOVE` is asked about first ("is this amount
 * right?", naming it) and sent with `confirmLargeAmount`. A refusal naming `amount` or `reason` shows
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
  // Blank fields, all found on press and each said beside its field (main checks the rest).
  const issues = useFormIssues()
  const { setIssues, error, setError, errorFor, clearIssue } = issues
  const namedError = useNamedFieldError()
  // The typed amount's problem found on press ("abc", "-5", "1.234"), until the amount changes.
  const [amountProblem, setAmountProblem] = useState<ApiError | undefined>(undefined)
  const questions = useAmountQuestions()
  const { confirm, dialog } = useAmountConfirm()
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const problem = typedAmountProblem('amount', amount, currency)
    const found = [...(amount.trim() ? [] : [formIssue('amount', 'enterAmount')]), ...reasonIssue(reason)]
    setIssues(found)
    setAmountProblem(problem)
    setError(null)
    if (found.length > 0 || problem) return
    try {
      const moved = await confirm(questions.cashMove(amount, currency), (confirmed) =>
        call(
          'shifts:cash-move',
          {
            direction,
            amount: amount.trim(),
            reason: reason.trim(),
            ...(confirmed ? { confirmLargeAmount: true } : {})
          },
          undefined,
          { detail: `${amount.trim()} · ${reason.trim()}` }
        )
      )
      if (moved) onDone()
    } catch (caught) {
      setError(apiErrorOf(caught))
    }
  }
  return (
    <Dialog
      title={direction === 'in' ? t('shift.moveTitleIn') : t('shift.moveTitleOut')}
      open
      onClose={onClose}
    >
      <form onSubmit={(event) => void submit(event)}>
        <TextField
          label={t('shift.amount', { currency })}
          error={namedError(t('shift.amountName'), amountProblem) ?? errorFor('amount')}
          inputMode="decimal"
          autoFocus
          value={amount}
          onChange={(value) => {
            setAmount(value)
            setAmountProblem(undefined)
            clearIssue('amount')
          }}
        />
        <ReasonField
          label={t('shift.reason')}
          hint={t('shift.reasonHint')}
          value={reason}
          onChange={setReason}
          issues={issues}
        />
        <ShiftDialogActions
          error={error && !error.field ? error : null}
          submitLabel={t('shift.confirmMove')}
          onCancel={onClose}
        />
      </form>
      {dialog}
    </Dialog>
  )
}
