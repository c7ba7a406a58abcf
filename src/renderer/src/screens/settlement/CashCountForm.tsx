import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { minorDigits } from '@shared/money/currencies'
import {
  countedCash,
  denominationsOf,
  MAX_PIECES_PER_FACE,
  type Denomination
} from '@shared/money/denominations'
import { parseDecimalToMinor } from '@shared/money/format'
import { Field } from '../../components/Field'
import { useMoney } from '../../lib/money'

export interface CashCountDraft {
  counts: Record<string, string>
  other: string
}

export const EMPTY_COUNT: CashCountDraft = { counts: {}, other: '' }

/** The most notes or coins of one face a box takes (main refuses more too). */
export const MAX_PIECES = MAX_PIECES_PER_FACE

/** Why a per-face count box is refused (a message key under `shift.countError`), or null. */
export function countProblem(text: string): string | null {
  const value = text.trim()
  if (value === '' || (/^\d+$/.test(value) && Number(value) <= MAX_PIECES)) return null
  if (/^\d+$/.test(value)) return 'tooMany'
  if (/^-/.test(value)) return 'negative'
  if (/^\d*[.,]\d*$/.test(value)) return 'fraction'
  return 'digits'
}

/** Why the loose-cash box is refused (a key under `shift.countError`), or null. */
export function otherProblem(text: string, currency: string): string | null {
  const value = text.trim()
  if (value === '') return null
  if (/^-/.test(value)) return 'negative'
  try {
    parseDecimalToMinor(value, currency, 'other')
    return null
  } catch {
    return 'amount'
  }
}

/** The count as the API takes it: whole counts per note and coin, and loose cash as a decimal. */
export function countInput(draft: CashCountDraft): { counts: Record<string, number>; other?: string } {
  const counts: Record<string, number> = {}
  for (const [id, text] of Object.entries(draft.counts)) if (text.trim() !== '') counts[id] = Number(text)
  return { counts, ...(draft.other.trim() ? { other: draft.other.trim() } : {}) }
}

/** What the count adds up to (the same shared function main uses), or null while a field is not a number. */
export function countTotal(currency: string, draft: CashCountDraft): number | null {
  if (Object.values(draft.counts).some((text) => countProblem(text) !== null)) return null
  if (otherProblem(draft.other, currency) !== null) return null
  try {
    const input = countInput(draft)
    const other = input.other ? parseDecimalToMinor(input.other, currency, 'other') : 0
    return countedCash(currency, input.counts, other)
  } catch {
    return null
  }
}

/** "¥100", "¥0.50": a note or coin reads as printed, without ".00". */
function useFace(currency: string): (value: number) => string {
  const money = useMoney()
  const digits = minorDigits(currency)
  return (value) =>
    digits > 0 && value % 10 ** digits === 0
      ? money(value, currency).replace(`.${'0'.repeat(digits)}`, '')
      : money(value, currency)
}

/** A face's box as the cashier reads it: "Notes ¥100", "硬币 ¥0.50". */
function useBoxLabel(): (kind: Denomination['kind'], face: string) => string {
  const { t } = useTranslation()
  return (kind, face) => `${kind === 'note' ? t('shift.notes') : t('shift.coins')} ${face}`
}

/**
 * Why a count cannot be taken yet, naming the boxes that keep it from adding up ("Correct the
 * boxes marked in red: Notes ¥100, Other cash"), or null when it adds up. Shown beside the
 * dialog's button on press — the button stays live, as in the refund, void and cash in/out
 * dialogs — so a count is never refused by a grey button with no reason.
 */
export function useCountBlocker(currency: string): (draft: CashCountDraft) => string | null {
  const { t } = useTranslation()
  const face = useFace(currency)
  const boxLabel = useBoxLabel()
  return (draft) => {
    if (countTotal(currency, draft) !== null) return null
    const boxes = denominationsOf(currency)
      .filter((d) => countProblem(draft.counts[d.id] ?? '') !== null)
      .map((d) => boxLabel(d.kind, face(d.value)))
    if (otherProblem(draft.other, currency) !== null) boxes.push(t('shift.otherName'))
    if (boxes.length === 0) return t('errors.form.countTooLarge')
    return t('errors.form.fixCount', { fields: boxes.join(t('errors.form.listSeparator')) })
  }
}

/**
 * A drawer count by denomination: one box per note and coin of the store's currency (a currency
 * without a table is counted as one amount), with the running total.
 */
export function CashCountForm({
  currency,
  draft,
  onChange,
  error
}: {
  currency: string
  draft: CashCountDraft
  onChange: (draft: CashCountDraft) => void
  error?: string | undefined
}) {
  const { t } = useTranslation()
  const money = useMoney()
  const face = useFace(currency)
  const table = denominationsOf(currency)
  const total = countTotal(currency, draft)
  const group = (kind: Denomination['kind']) => table.filter((d) => d.kind === kind)
  const otherError = otherProblem(draft.other, currency)
  const boxLabel = useBoxLabel()

  return (
    <div className="cash-count">
      {(['note', 'coin'] as const).map((kind) =>
        group(kind).length === 0 ? null : (
          <fieldset key={kind} className="cash-count__group">
            <legend>{kind === 'note' ? t('shift.notes') : t('shift.coins')}</legend>
            {group(kind).map((d) => (
              <CountCell
                key={d.id}
                face={face(d.value)}
                label={boxLabel(kind, face(d.value))}
                value={draft.counts[d.id] ?? ''}
                onChange={(value) => onChange({ ...draft, counts: { ...draft.counts, [d.id]: value } })}
              />
            ))}
          </fieldset>
        )
      )}
      <Field
        label={t('shift.other', { currency })}
        hint={table.length ? t('shift.otherHint') : undefined}
        error={
          otherError
            ? t(`shift.countError.${otherError}`, { digits: minorDigits(currency), max: MAX_PIECES })
            : error
        }
      >
        {(props) => (
          <input
            {...props}
            className="input"
            inputMode="decimal"
            value={draft.other}
            onChange={(event) => onChange({ ...draft, other: event.target.value })}
          />
        )}
      </Field>
      <p className="cash-count__total" role="status">
        <span>{t('shift.total')}</span>
        <strong data-testid="count-total">{total === null ? '—' : money(total, currency)}</strong>
      </p>
    </div>
  )
}

/**
 * One face's box. What was typed stays as typed ("-3", "1.5" are not quietly turned into 3 or
 * 15); a count that is not a whole number of pieces says why beside the box.
 */
function CountCell({
  face,
  label,
  value,
  onChange
}: {
  face: string
  label: string
  value: string
  onChange: (value: string) => void
}) {
  const { t } = useTranslation()
  const id = useId()
  const problem = countProblem(value)
  return (
    <label className="cash-count__cell">
      <span className="cash-count__face">{face}</span>
      <input
        className="input cash-count__input"
        inputMode="numeric"
        aria-label={label}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? id : undefined}
        value={value}
        placeholder="0"
        onChange={(event) => onChange(event.target.value)}
      />
      {problem && (
        <span id={id} className="field__error cash-count__error" role="alert">
          {t(`shift.countError.${problem}`, { max: MAX_PIECES })}
        </span>
      )}
    </label>
  )
}
