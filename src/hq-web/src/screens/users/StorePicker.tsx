import { useTranslation } from 'react-i18next'
import type { HqStore } from '@shared/hq-api/stores'

/** The stores a manager runs: one checkbox per store, with the refusal on `storeIds` if any. */
export function StorePicker({
  stores,
  value,
  onChange,
  error
}: {
  stores: HqStore[]
  value: string[]
  onChange: (ids: string[]) => void
  error?: string
}) {
  const { t } = useTranslation()
  return (
    <fieldset className="hq-fieldset" aria-invalid={error ? true : undefined}>
      <legend className="field__label">{t('hq.users.stores')}</legend>
      {stores.map((store) => (
        <label key={store.id} className="checkbox">
          <input
            type="checkbox"
            checked={value.includes(store.id)}
            onChange={(event) =>
              onChange(event.target.checked ? [...value, store.id] : value.filter((id) => id !== store.id))
            }
          />{' '}
          {store.name}
        </label>
      ))}
      {error && <p className="field__error">{error}</p>}
    </fieldset>
  )
}
