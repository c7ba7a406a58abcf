import { useTranslation } from 'react-i18next'
import { minorDigits } from '@shared/money/currencies'
import { countedCash, denominationsOf, type Denomination } from '@shared/money/denominations'
import { parseDecimalToMinor } from '@shared/money/format'
import { Field } from '../../components/Field'
import { useMoney } from '../../lib/money'

export interface CashCountDraft {
  counts: Record<string, string>
  other: string
}

export const EMPTY_COUNT: CashCountDraft = { counts: {}, other: '' }

/** The count as the API takes it: whole counts per note and coin, and loose cash as a decimal. */
export function countInput(draft: CashCountDraft): { counts: Record<string, number>; other?: string } {
  const counts: Record<string, number> = {}
  for (const [id, text] of Object.entries(draft.counts)) if (text.trim() !== '') counts[id] = Number(text)
  return { counts, ...(draft.other.trim() ? { other: draft.other.trim() } : {}) }
}

/** What the count adds up to (the same shared function main uses), or null while a field is not a number. */
export function countTotal(currency: string, draft: CashCountDraft): number | null {
  try {
    const input = countInput(draft)
    const other = input.other ? parseDecimalToMinor(input.other, currency, 'other') : 0
    return countedCash(currency, input.counts, other)
  } catch {
    return null
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
  // "¥100", "¥0.50": a note or coin reads as printed, without ".00".
  const digits = minorDigits(currency)
  const face = (value: number): string =>
    digits > 0 && value % 10 ** digits === 0
      ? money(value, currency).replace(`.${'0'.repeat(digits)}`, '')
      : money(value, currency)
  const table = denominationsOf(currency)
  const total = countTotal(currency, draft)
  const group = (kind: Denomination['kind']) => table.filter((d) => d.kind === kind)

  return (
    <div className="cash-count">
      {(['note', 'coin'] as const).map((kind) =>
        group(kind).length === 0 ? null : (
          <fieldset key={kind} className="cash-count__group">
            <legend>{kind === 'note' ? t('shift.notes') : t('shift.coins')}</legend>
            {group(kind).map((d) => (
              <label key={d.id} className="cash-count__cell">
                <span className="cash-count__face">{face(d.value)}</span>
                <input
                  className="input cash-count__input"
                  inputMode="numeric"
                  aria-label={`${kind === 'note' ? t('shift.notes') : t('shift.coins')} ${face(d.value)}`}
                  value={draft.counts[d.id] ?? ''}
                  placeholder="0"
                  onChange={(event) =>
                    onChange({
                      ...draft,
                      counts: { ...draft.counts, [d.id]: event.target.value.replace(/[^0-9]/g, '') }
                    })
                  }
                />
              </label>
            ))}
          </fieldset>
        )
      )}
      <Field
        label={t('shift.other', { currency })}
        hint={table.length ? t('shift.otherHint') : undefined}
        error={error}
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
