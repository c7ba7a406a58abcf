import { useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '@shared/contract'
import type { ShiftView } from '@shared/contract/channels/shifts'
import { apiErrorOf, call } from '../../../api/client'
import { useErrorText } from '../../../i18n/error-text'
import { ShiftDialogActions } from './ShiftDialogActions'
import { Dialog } from '../../../components/Dialog'
import { useAmountConfirm, useAmountQuestions } from '../../../components/AmountConfirm'
import {
  CashCountForm,
  countInput,
  countTotal,
  EMPTY_COUNT,
  useCountBlocker,
  type CashCountDraft
} from '../CashCountForm'

/**
 * Step one, opening a shift with its counted float (`shifts:open`: `counts` pieces per
 * denomination, plus `other` cash as a decimal string in the store currency; answers the opened
 * `ShiftView`). The Sell screen opens it too, when a scan finds none. A float above
 * `FLOAT_CONFIRM_ABOVE` is asked about first and sent with `confirmLargeFloat`. A refusal naming `other`
 * shows beside that field, any other under the form.
 */
export function OpenShiftDialog({
  currency,
  onClose,
  onDone
}: {
  currency: string
  onClose: () => void
  onDone: (shift: ShiftView) => void
}) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState<CashCountDraft>(EMPTY_COUNT)
  const [error, setError] = useState<ApiError | null>(null)
  const errorText = useErrorText()
  // Pressed with a box that does not add up: the button stays live and says which boxes, until fixed.
  const blockerOf = useCountBlocker(currency)
  const [pressed, setPressed] = useState(false)
  const blocker = pressed ? blockerOf(draft) : null
  const form = useRef<HTMLFormElement>(null)
  const questions = useAmountQuestions()
  const { confirm, dialog } = useAmountConfirm()
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (blockerOf(draft) !== null) {
      setPressed(true)
      form.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus()
      return
    }
    try {
      const opened = await confirm(questions.float(countTotal(currency, draft), currency), (confirmed) =>
        call('shifts:open', { ...countInput(draft), ...(confirmed ? { confirmLargeFloat: true } : {}) })
      )
      if (opened) onDone(opened)
    } catch (caught) {
      setError(apiErrorOf(caught))
    }
  }
  return (
    <Dialog title={t('shift.openTitle')} open onClose={onClose} size="wide">
      <form ref={form} onSubmit={(event) => void submit(event)}>
        <CashCountForm
          currency={currency}
          draft={draft}
          onChange={setDraft}
          error={error?.field === 'other' ? errorText(error, { beside: true }) : undefined}
        />
        <ShiftDialogActions
          error={error && error.field !== 'other' ? error : null}
          submitLabel={t('shift.open')}
          blocker={blocker}
          onCancel={onClose}
        />
      </form>
      {dialog}
    </Dialog>
  )
}
