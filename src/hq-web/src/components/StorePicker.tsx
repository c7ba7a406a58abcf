import { useTranslation } from 'react-i18next'
import type { HqStore } from '@shared/hq-api/stores'

/**
 * A set of stores as one checkbox each — the stores a master-data change is published to, the
 * stores a manager runs — with the refusal naming the field (`storeIds`) below it.
 */
export function StorePicker({
  label,
  stores,
  value,
  onChange,
  error
}: {
  label: string
  stores: HqStore[]
  value: string[]
  onChange: (ids: string[]) => void
  error?: string | undefined
}) {
  const { t } = useTranslation()
  return (
    <fieldset
      className={`field hq-stores${error ? ' field--invalid' : ''}`}
      aria-invalid={error ? true : undefined}
    >
      <legend className="field__label">{label}</legend>
      <div className="hq-stores__list">
        {stores.length === 0 && <p className="field__hint">{t('hq.dashboard.empty')}</p>}
        {stores.map((store) => (
          <label key={store.id} className="hq-check">
            <input
              type="checkbox"
              checked={value.includes(store.id)}
              onChange={(event) =>
                onChange(event.target.checked ? [...value, store.id] : value.filter((id) => id !== store.id))
              }
            />
            {store.name}
          </label>
        ))}
      </div>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  )
}
