import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Dialog } from '@renderer/components/Dialog'
import { TextField } from '@renderer/components/TextField'
import { hqApi } from '@shared/hq-api/index'
import type { HqStore } from '@shared/hq-api/stores'
import { call } from '../../api/client'
import { ErrorNotice, useFieldError } from '../../components/ErrorNotice'
import { NewPasswordField, RoleAndStores, accessToSend, type UserAccess } from './UserFields'

/** A new head-office user: name, password, role and — for a manager — their stores. */
export function AddUserDialog({
  stores,
  onClose,
  onAdded
}: {
  stores: HqStore[]
  onClose: () => void
  onAdded: () => void
}) {
  const { t } = useTranslation()
  const fieldError = useFieldError()
  const [name, setName] = useState('')
  const [password, setPassword] = useState('')
  const [access, setAccess] = useState<UserAccess>({ role: 'manager', storeIds: [] })
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const named = ['name', 'password', 'role', 'storeIds']

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    try {
      await call(hqApi.auth.createUser, {
        name,
        password,
        ...accessToSend(access)
      })
      onAdded()
    } catch (failure) {
      setError(failure)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog title={t('hq.users.addTitle')} open onClose={onClose}>
      <form className="hq-form" onSubmit={(event) => void submit(event)}>
        <TextField
          label={t('hq.users.name')}
          value={name}
          onChange={setName}
          error={fieldError(error, 'name')}
          data-autofocus
          required
        />
        <NewPasswordField
          label={t('hq.users.password')}
          hint={t('hq.users.passwordHint')}
          value={password}
          onChange={setPassword}
          error={fieldError(error, 'password')}
        />
        <RoleAndStores value={access} onChange={setAccess} stores={stores} error={error} />
        {!named.some((field) => fieldError(error, field)) && <ErrorNotice error={error} />}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('hq.common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('hq.users.save')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
