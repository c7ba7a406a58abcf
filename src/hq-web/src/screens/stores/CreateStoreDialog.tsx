import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Dialog } from '@renderer/components/Dialog'
import { TextField } from '@renderer/components/TextField'
import { hqApi } from '@shared/hq-api/index'
import { call } from '../../api/client'
import { ErrorNotice, useFieldError } from '../../components/ErrorNotice'

/**
 * A new store: its name (at most STORE_NAME_MAX characters, checked before sending) and IANA time
 * zone, starting from the head office machine's own (`hqTimeZone`), never a silent UTC.
 */
export function CreateStoreDialog({
  open,
  defaultZone,
  onClose,
  onCreated
}: {
  open: boolean
  defaultZone: string
  onClose: () => void
  onCreated: () => void
}) {
  const { t } = useTranslation()
  const fieldError = useFieldError()
  const [name, setName] = useState('')
  const [timeZone, setTimeZone] = useState(defaultZone)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    try {
      await call(hqApi.stores.create, { name, timeZone })
      setName('')
      setError(null)
      onCreated()
    } catch (failure) {
      setError(failure)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog title={t('hq.stores.createTitle')} open={open} onClose={onClose}>
      <form onSubmit={(event) => void submit(event)} className="hq-form">
        <TextField
          label={t('hq.stores.name')}
          value={name}
          onChange={setName}
          error={fieldError(error, 'name')}
          data-autofocus
          required
        />
        <TextField
          label={t('hq.stores.timeZone')}
          hint={t('hq.stores.timeZoneHint')}
          value={timeZone}
          onChange={setTimeZone}
          error={fieldError(error, 'timeZone')}
          required
        />
        {!fieldError(error, 'name') && !fieldError(error, 'timeZone') && <ErrorNotice error={error} />}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('hq.common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('hq.stores.save')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
