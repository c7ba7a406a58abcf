import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '@shared/contract'
import type { ShiftView } from '@shared/contract/channels/shifts'
import { apiErrorOf, call } from '../../../api/client'
import { useErrorText } from '../../../i18n/error-text'
import { ShiftDialogActions } from './ShiftDialogActions'
import { Dialog } from '../../../components/Dialog'
import { CashCountForm, countInput, countTotal, EMPTY_COUNT, type CashCountDraft } from '../CashCountForm'

/**
 * Step one, opening a shift with its counted float (`shifts:open`: `counts` pieces per
 * denomination, plus `other` cash as a decimal string in the store currency; answers the opened
 * `ShiftView`). The Sell screen opens it too, when a scan finds none. A refusal naming `other`
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
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    try {
      onDone(await call('shifts:open', countInput(draft)))
    } catch (caught) {
      setError(apiErrorOf(caught))
    }
  }
  return (
    <Dialog title={t('shift.openTitle')} open onClose={onClose} size="wide">
      <form onSubmit={(event) => void submit(event)}>
        <CashCountForm
          currency={currency}
          draft={draft}
          onChange={setDraft}
          error={error?.field === 'other' ? errorText(error, { beside: true }) : undefined}
        />
        <ShiftDialogActions
          error={error && error.field !== 'other' ? error : null}
          submitLabel={t('shift.open')}
          submitDisabled={countTotal(currency, draft) === null}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  )
}
