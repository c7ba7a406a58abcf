import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Field } from '@renderer/components/Field'
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
      <Field label={t('hq.settlement.store')}>
        {(props) => (
          <select
            {...props}
            className="input"
            value={draft.storeId}
            onChange={(event) => setDraft({ ...draft, storeId: event.target.value })}
          >
            <option value="">{t('hq.settlement.allStores')}</option>
            {stores.map((store) => (
              <option key={store.id} value={store.id}>
                {store.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" className="button button--primary">
        {t('hq.settlement.show')}
      </button>
    </form>
  )
}
