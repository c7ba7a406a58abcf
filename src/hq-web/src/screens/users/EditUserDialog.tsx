import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Dialog } from '@renderer/components/Dialog'
import type { HqUser } from '@shared/hq-api/auth'
import { hqApi } from '@shared/hq-api/index'
import type { HqStore } from '@shared/hq-api/stores'
import { call } from '../../api/client'
import { ErrorNotice, useFieldError } from '../../components/ErrorNotice'
import { useDateTime } from '../../lib/time'
import { NewPasswordField, RoleAndStores, accessToSend, type UserAccess } from './UserFields'

/**
 * The owner's changes to one user: role and stores, a new password (which also lifts a lock-out
 * and ends their sessions), unlocking, deactivating and reactivating (a user is never deleted: the
 * audit trail keeps naming them). Each is its own request; `onChanged` reloads the list.
 */
export function EditUserDialog({
  user,
  stores,
  onClose,
  onChanged
}: {
  user: HqUser
  stores: HqStore[]
  onClose: () => void
  onChanged: () => void
}) {
  const { t } = useTranslation()
  const dateTime = useDateTime()
  const fieldError = useFieldError()
  const [access, setAccess] = useState<UserAccess>({ role: user.role, storeIds: user.storeIds })
  const [password, setPassword] = useState('')
  const [confirmDeactivate, setConfirmDeactivate] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [done, setDone] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const run = async (action: () => Promise<unknown>, message: string, close = false) => {
    setBusy(true)
    setError(null)
    setDone(null)
    try {
      await action()
      onChanged()
      if (close) onClose()
      else setDone(message)
    } catch (failure) {
      setError(failure)
    } finally {
      setBusy(false)
    }
  }
  const save = (event: FormEvent) => {
    event.preventDefault()
    void run(
      () => call(hqApi.auth.updateUser, { id: user.id, ...accessToSend(access) }),
      t('hq.users.edit.saved')
    )
  }
  const reset = (event: FormEvent) => {
    event.preventDefault()
    void run(async () => {
      await call(hqApi.auth.resetPassword, { id: user.id, password })
      setPassword('')
    }, t('hq.users.edit.passwordSet'))
  }
  const named = ['role', 'storeIds', 'password']

  return (
    <Dialog title={t('hq.users.edit.title', { name: user.name })} open onClose={onClose}>
      <form className="hq-form" onSubmit={save} aria-label={t('hq.users.edit.roleSection')}>
        <RoleAndStores value={access} onChange={setAccess} stores={stores} error={error} autoFocus />
        <div className="dialog__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('hq.users.edit.save')}
          </button>
        </div>
      </form>
      <form className="hq-form" onSubmit={reset} aria-label={t('hq.users.edit.passwordSection')}>
        <NewPasswordField
          label={t('hq.users.edit.newPassword')}
          hint={t('hq.users.edit.newPasswordHint')}
          value={password}
          onChange={setPassword}
          error={fieldError(error, 'password')}
        />
        <div className="dialog__actions">
          {user.locked && (
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() =>
                void run(() => call(hqApi.auth.unlockUser, { id: user.id }), t('hq.users.edit.unlocked'))
              }
            >
              {t('hq.users.edit.unlock')}
            </button>
          )}
          <button type="submit" className="button" disabled={busy}>
            {t('hq.users.edit.setPassword')}
          </button>
        </div>
      </form>
      {done && (
        <p className="notice" role="status">
          {done}
        </p>
      )}
      {!named.some((field) => fieldError(error, field)) && <ErrorNotice error={error} />}
      <section className="hq-form" aria-label={t('hq.users.edit.statusSection')}>
        <p className="muted" data-testid="user-access">
          {user.deactivatedAt
            ? t('hq.users.edit.deactivatedOn', { time: dateTime(user.deactivatedAt) })
            : t('hq.users.edit.deactivateHint')}
        </p>
      </section>
      <div className="dialog__actions">
        {user.deactivatedAt ? (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() =>
              void run(() => call(hqApi.auth.reactivateUser, { id: user.id }), t('hq.users.edit.reactivated'))
            }
          >
            {t('hq.users.edit.reactivate')}
          </button>
        ) : confirmDeactivate ? (
          <button
            type="button"
            className="button button--danger-ghost"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                await call(hqApi.auth.deactivateUser, { id: user.id })
                setConfirmDeactivate(false)
              }, '')
            }
          >
            {t('hq.users.edit.confirmDeactivate', { name: user.name })}
          </button>
        ) : (
          <button type="button" className="button" onClick={() => setConfirmDeactivate(true)}>
            {t('hq.users.edit.deactivate')}
          </button>
        )}
        <button type="button" className="button" onClick={onClose}>
          {t('hq.common.close')}
        </button>
      </div>
    </Dialog>
  )
}
