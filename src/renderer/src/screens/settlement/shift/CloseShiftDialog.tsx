import { useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '@shared/contract'
import type { ShiftView } from '@shared/contract/channels/shifts'
import { apiErrorOf, call } from '../../../api/client'
import { useErrorText } from '../../../i18n/error-text'
import { ShiftDialogActions } from './ShiftDialogActions'
import { Dialog } from '../../../components/Dialog'
import { Field } from '../../../components/Field'
import { useMoney } from '../../../lib/money'
import {
  CashCountForm,
  countInput,
  countTotal,
  EMPTY_COUNT,
  useCountBlocker,
  type CashCountDraft
} from '../CashCountForm'
import { useResult } from './shift-hooks'

/**
 * The last step: count the drawer and close the shift (`shifts:close` with the counts and an
 * optional note). Counted blind (the store's setting, or when main sent no expected cash), the
 * expected cash and the difference show only after closing; otherwise they follow the count.
 */
export function CloseShiftDialog({
  shift,
  blind,
  onClose,
  onDone
}: {
  shift: ShiftView
  /** Blind count: the expected cash and the difference show only after closing. */
  blind: boolean
  onClose: () => void
  onDone: (shift: ShiftView) => void
}) {
  const { t } = useTranslation()
  const money = useMoney()
  const result = useResult()
  const [draft, setDraft] = useState<CashCountDraft>(EMPTY_COUNT)
  const [note, setNote] = useState('')
  const [error, setError] = useState<ApiError | null>(null)
  const errorText = useErrorText()
  // Pressed with a box that does not add up: the button stays live and says which boxes, until fixed.
  const blockerOf = useCountBlocker(shift.currency)
  const [pressed, setPressed] = useState(false)
  // A blank count is not a count of zero: refused on press, beside the boxes, before anything is sent.
  const blank = Object.values(draft.counts).every((text) => text.trim() === '') && draft.other.trim() === ''
  const blocker = pressed ? (blockerOf(draft) ?? (blank ? t('errors.form.countBlank') : null)) : null
  // A count that is off is asked about once more (a closed shift cannot be reopened); editing asks again.
  const [askOff, setAskOff] = useState(false)
  const form = useRef<HTMLFormElement>(null)
  const counted = countTotal(shift.currency, draft)
  // Main sends no expected cash to someone who counts blind.
  const expected = shift.drawer?.expected ?? null
  const hidden = blind || expected === null
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (blockerOf(draft) !== null) {
      setPressed(true)
      form.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus()
      return
    }
    if (blank) {
      setPressed(true)
      form.current?.querySelector<HTMLInputElement>('.cash-count__input')?.focus()
      return
    }
    // While asked, only "Close anyway" closes: an Enter (a scanner's, say) never does.
    if (askOff) return
    if (!hidden && counted !== null && counted !== expected) {
      setAskOff(true)
      return
    }
    await send()
  }
  const send = async (): Promise<void> => {
    try {
      onDone(
        await call(
          'shifts:close',
          {
            shiftId: shift.id,
            ...countInput(draft),
            ...(note.trim() ? { note: note.trim() } : {})
          },
          undefined,
          // The approval names the shift and the cash counted.
          { detail: counted === null ? shift.number : `${shift.number} · ${money(counted, shift.currency)}` }
        )
      )
    } catch (caught) {
      setError(apiErrorOf(caught))
    }
  }
  return (
    <Dialog title={t('shift.closeTitle', { number: shift.number })} open onClose={onClose} size="wide">
      <form ref={form} onSubmit={(event) => void submit(event)}>
        <p className="muted">{hidden ? t('shift.closeHintBlind') : t('shift.closeHint')}</p>
        <div className="close-shift">
          <CashCountForm
            currency={shift.currency}
            draft={draft}
            onChange={(next) => {
              setDraft(next)
              setAskOff(false)
            }}
            error={error?.field === 'other' ? errorText(error, { beside: true }) : undefined}
          />
          <dl className="close-shift__summary">
            {!hidden && (
              <>
                <dt>{t('shift.expected')}</dt>
                <dd>{money(expected, shift.currency)}</dd>
              </>
            )}
            <dt>{t('shift.counted')}</dt>
            <dd>{counted === null ? '—' : money(counted, shift.currency)}</dd>
            {!hidden && (
              <>
                <dt>{t('shift.difference')}</dt>
                <dd
                  data-testid="count-difference"
                  className={counted !== null && counted !== expected ? 'shift-result--off' : undefined}
                >
                  {counted === null ? '—' : result(counted - expected, shift.currency)}
                </dd>
              </>
            )}
          </dl>
        </div>
        <Field label={t('shift.note')}>
          {(props) => (
            <input {...props} className="input" value={note} onChange={(e) => setNote(e.target.value)} />
          )}
        </Field>
        <div className="close-shift__foot">
          {askOff && !hidden && counted !== null ? (
            <>
              <p className="notice notice--error" role="alert" data-testid="count-off">
                {t('shift.countOff', {
                  expected: money(expected, shift.currency),
                  counted: money(counted, shift.currency),
                  result: result(counted - expected, shift.currency)
                })}
              </p>
              <div className="dialog__actions">
                <button
                  type="button"
                  className="button button--primary"
                  autoFocus
                  onClick={() => {
                    setAskOff(false)
                    form.current?.querySelector<HTMLInputElement>('.cash-count__input')?.focus()
                  }}
                >
                  {t('shift.countAgain')}
                </button>
                <button type="button" className="button button--ghost" onClick={() => void send()}>
                  {t('shift.closeAnyway')}
                </button>
              </div>
            </>
          ) : (
            <ShiftDialogActions
              error={error && error.field !== 'other' ? error : null}
              submitLabel={t('shift.confirmClose')}
              blocker={blocker}
              onCancel={onClose}
            />
          )}
        </div>
      </form>
    </Dialog>
  )
}
