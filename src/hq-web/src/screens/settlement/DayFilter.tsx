import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Field } from '@renderer/components/Field'
import { SelectField } from '@renderer/components/SelectField'
import type { HqStore } from '@shared/hq-api/stores'
import { navigate } from '../../route'

/**
 * The business day and store to show; "Show" puts them in the address (so Back returns to the
 * previous day). Keyed by the shown day, so it starts again from it after navigation.
 */
export function DayFilter({ date, storeId, stores }: { date: string; storeId: string; stores: HqStore[] }) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState({ date, storeId })
  return (
    <form
      className="hq-filters hq-no-print"
      onSubmit={(event) => {
        event.preventDefault()
        navigate('settlement', { date: draft.date, ...(draft.storeId ? { store: draft.storeId } : {}) })
      }}
    >
      <Field label={t('hq.settlement.date')}>
        {(props) => (
          <input
            {...props}
            type="date"
            className="input"
            value={draft.date}
            onChange={(event) => setDraft({ ...draft, date: event.target.value })}
            required
          />
        )}
      </Field>
      <SelectField
        label={t('hq.settlement.store')}
        value={draft.storeId}
        onChange={(storeId) => setDraft({ ...draft, storeId })}
      >
        <option value="">{t('hq.settlement.allStores')}</option>
        {stores.map((store) => (
          <option key={store.id} value={store.id}>
            {store.name}
          </option>
        ))}
      </SelectField>
      <button type="submit" className="button button--primary">
        {t('hq.settlement.show')}
      </button>
    </form>
  )
}
