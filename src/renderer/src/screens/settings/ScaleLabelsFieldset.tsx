import { useTranslation } from 'react-i18next'
import { Plus, Trash2 } from 'lucide-react'
import { valueDigits, type ScaleLabelLayout } from '@shared/barcodes/scale-label'
import type { ApiError } from '@shared/contract'

/** `21 IIIII WWWWW C`: what a label of this layout looks like, for the person setting it up. */
function pattern(layout: ScaleLabelLayout): string {
  const value = (layout.content === 'weight' ? 'W' : 'P').repeat(Math.max(0, valueDigits(layout)))
  return `${layout.prefixes[0] ?? '2X'} ${'I'.repeat(layout.itemDigits)}${layout.valueCheckDigit ? ' K' : ''} ${value} C`
}

/**
 * The shop scale's label layouts (store settings): which 20–29 prefixes mean a weight or a price label,
 * how long the item code is, and whether the value carries its own check digit.
 */
export function ScaleLabelsFieldset({
  layouts,
  error,
  onChange
}: {
  layouts: ScaleLabelLayout[]
  error: ApiError | null
  onChange: (layouts: ScaleLabelLayout[]) => void
}) {
  const { t } = useTranslation()
  const set = (i: number, patch: Partial<ScaleLabelLayout>): void =>
    onChange(layouts.map((layout, j) => (j === i ? { ...layout, ...patch } : layout)))
  const errorOf = (i: number): string | undefined =>
    error?.field?.startsWith(`scaleLabels[${i}]`) ? error.message.replace(/^[^:]*: /, '') : undefined
  const used = new Set(layouts.flatMap((l) => l.prefixes))
  const free = Array.from({ length: 10 }, (_, n) => String(20 + n)).find((p) => !used.has(p))

  return (
    <fieldset className="card scale-labels">
      <legend className="card__title">{t('settings.scale.title')}</legend>
      <p className="field__hint scale-labels__intro">{t('settings.scale.hint')}</p>
      {layouts.length === 0 && <p className="scale-labels__none">{t('settings.scale.none')}</p>}
      {layouts.map((layout, i) => {
        const name = t('settings.scale.layoutName', { n: i + 1 })
        return (
          <div key={i} className="scale-labels__layout" role="group" aria-label={name}>
            <div className="scale-labels__row">
              <label className="scale-labels__cell">
                <span className="field__label">{t('settings.scale.prefixes')}</span>
                <input
                  className="input"
                  value={layout.prefixes.join(', ')}
                  inputMode="numeric"
                  onChange={(e) =>
                    set(i, {
                      prefixes: e.target.value
                        .split(/[\s,，]+/)
                        .map((p) => p.trim())
                        .filter(Boolean)
                    })
                  }
                />
              </label>
              <label className="scale-labels__cell">
                <span className="field__label">{t('settings.scale.content')}</span>
                <select
                  className="input"
                  value={layout.content}
                  onChange={(e) => set(i, { content: e.target.value as ScaleLabelLayout['content'] })}
                >
                  <option value="weight">{t('settings.scale.content_weight')}</option>
                  <option value="price">{t('settings.scale.content_price')}</option>
                </select>
              </label>
              <label className="scale-labels__cell scale-labels__cell--narrow">
                <span className="field__label">{t('settings.scale.itemDigits')}</span>
                <select
                  className="input"
                  value={layout.itemDigits}
                  onChange={(e) => set(i, { itemDigits: Number(e.target.value) })}
                >
                  {[4, 5, 6].map((n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <div className="scale-labels__row scale-labels__row--end">
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={layout.valueCheckDigit}
                  onChange={(e) => set(i, { valueCheckDigit: e.target.checked })}
                />{' '}
                {t('settings.scale.valueCheckDigit')}
              </label>
              <code className="scale-labels__pattern" aria-label={t('settings.scale.pattern')}>
                {pattern(layout)}
              </code>
              <button
                type="button"
                className="icon-button"
                aria-label={t('settings.scale.remove', { name })}
                onClick={() => onChange(layouts.filter((_, j) => j !== i))}
              >
                <Trash2 aria-hidden="true" size={20} />
              </button>
            </div>
            {errorOf(i) && (
              <p className="field__error" role="alert">
                {errorOf(i)}
              </p>
            )}
          </div>
        )
      })}
      {error?.field === 'scaleLabels' && (
        <p className="field__error" role="alert">
          {error.message.replace(/^[^:]*: /, '')}
        </p>
      )}
      {free && layouts.length < 10 && (
        <button
          type="button"
          className="button button--ghost scale-labels__add"
          onClick={() =>
            onChange([
              ...layouts,
              { prefixes: [free], itemDigits: 5, content: 'weight', valueCheckDigit: false }
            ])
          }
        >
          <Plus aria-hidden="true" size={20} /> {t('settings.scale.add')}
        </button>
      )}
    </fieldset>
  )
}
