import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Dialog } from '@renderer/components/Dialog'
import { TextField } from '@renderer/components/TextField'
import { hqApi } from '@shared/hq-api/index'
import type { HqStore } from '@shared/hq-api/stores'
import { call } from '../../api/client'
import { ErrorNotice, useFieldError } from '../../components/ErrorNotice'

/** The owner moves a store to another time zone; it is published to the store's tills. */
export function TimeZoneDialog({
  store,
  onClose,
  onChanged
}: {
  store: HqStore
  onClose: () => void
  onChanged: () => void
}) {
  const { t } = useTranslation()
  const fieldError = useFieldError()
  const [timeZone, setTimeZone] = useState(store.timeZone)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    try {
      await call(hqApi.stores.setTimeZone, { storeId: store.id, timeZone: timeZone.trim() })
      onChanged()
    } catch (failure) {
      setError(failure)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog title={t('hq.stores.zoneTitle', { store: store.name })} open onClose={onClose}>
      <form onSubmit={(event) => void submit(event)} className="hq-form">
        <TextField
          label={t('hq.stores.timeZone')}
          hint={t('hq.stores.zoneHint')}
          value={timeZone}
          onChange={setTimeZone}
          error={fieldError(error, 'timeZone')}
          data-autofocus
          required
        />
        {!fieldError(error, 'timeZone') && <ErrorNotice error={error} />}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('hq.common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('hq.stores.zoneSave')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
