import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '@shared/contract'
import { ApiCallError, call } from '../../api/client'
import { TextField } from '../../components/TextField'
import { fieldError, useErrorText } from '../../i18n/error-text'
import { useAuthStore } from '../../stores/auth-store'

const toError = (error: unknown): ApiError =>
  error instanceof ApiCallError ? error.error : { code: 'INTERNAL', message: String(error) }

/** Everyone's own profile: the name freely; password and PIN only with the current password. */
export function ProfileScreen() {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const user = useAuthStore((s) => s.status?.user)
  const refresh = useAuthStore((s) => s.refresh)
  const [displayName, setDisplayName] = useState(user?.displayName ?? '')
  const [secrets, setSecrets] = useState({ currentPassword: '', newPassword: '', newPin: '' })
  const [error, setError] = useState<{ form: 'name' | 'secrets'; error: ApiError } | null>(null)
  const [saved, setSaved] = useState<'name' | 'secrets' | null>(null)
  if (!user) return null

  const submit = (form: 'name' | 'secrets') => async (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    setSaved(null)
    try {
      if (form === 'name') await call('profile:update', { displayName })
      else
        await call('profile:update', {
          currentPassword: secrets.currentPassword,
          ...(secrets.newPassword ? { newPassword: secrets.newPassword } : {}),
          ...(secrets.newPin ? { newPin: secrets.newPin } : {})
        })
      if (form === 'secrets') setSecrets({ currentPassword: '', newPassword: '', newPin: '' })
      setSaved(form)
      await refresh()
    } catch (e) {
      setError({ form, error: toError(e) })
    }
  }
  const err = (form: 'name' | 'secrets', field: string): string | undefined => {
    if (error?.form !== form) return undefined
    const found = fieldError(error.error, field)
    return found ? errorText(found) : undefined
  }
  const formError = (form: 'name' | 'secrets') =>
    error?.form === form && !error.error.field ? (
      <span className="status status--error">{errorText(error.error)}</span>
    ) : null

  return (
    <section className="screen" aria-labelledby="profile-title">
      <header className="screen__header">
        <div>
          <h1 id="profile-title" className="screen__title">
            {t('accounts.profile.title')}
          </h1>
          <p className="screen__subtitle">
            {t('accounts.profile.subtitle')} · <code>{user.username}</code> ·{' '}
            {t(`accounts.roles.${user.role}`)}
          </p>
        </div>
      </header>
      <div className="settings-form">
        <form
          className="card"
          onSubmit={(e) => void submit('name')(e)}
          noValidate
          aria-labelledby="profile-name-title"
        >
          <h2 id="profile-name-title" className="card__title">
            {t('accounts.profile.nameSection')}
          </h2>
          <TextField
            label={t('accounts.fields.displayName')}
            error={err('name', 'displayName')}
            value={displayName}
            onChange={(value) => setDisplayName(value)}
          />
          <div className="form-actions form-actions--inline">
            <div className="form-actions__status" role="status">
              {saved === 'name' && <span className="status status--ok">{t('accounts.profile.saved')}</span>}
              {formError('name')}
            </div>
            <button type="submit" className="button button--primary">
              {t('accounts.profile.saveName')}
            </button>
          </div>
        </form>
        <form
          className="card"
          onSubmit={(e) => void submit('secrets')(e)}
          noValidate
          aria-labelledby="profile-secrets-title"
        >
          <h2 id="profile-secrets-title" className="card__title">
            {t('accounts.profile.secretsSection')}
          </h2>
          <p className="field__hint card__hint">{t('accounts.profile.secretsHint')}</p>
          <TextField
            label={t('accounts.fields.currentPassword')}
            error={err('secrets', 'currentPassword')}
            type="password"
            autoComplete="current-password"
            value={secrets.currentPassword}
            onChange={(value) => setSecrets({ ...secrets, currentPassword: value })}
          />
          <TextField
            label={t('accounts.fields.newPassword')}
            hint={t('accounts.fields.passwordHint')}
            error={err('secrets', 'newPassword')}
            type="password"
            autoComplete="new-password"
            value={secrets.newPassword}
            onChange={(value) => setSecrets({ ...secrets, newPassword: value })}
          />
          <TextField
            label={t('accounts.fields.newPin')}
            hint={t('accounts.fields.pinHint')}
            error={err('secrets', 'newPin')}
            className="input input--pin"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={6}
            value={secrets.newPin}
            onChange={(value) => setSecrets({ ...secrets, newPin: value.replace(/\D/g, '') })}
          />
          <div className="form-actions form-actions--inline">
            <div className="form-actions__status" role="status">
              {saved === 'secrets' && (
                <span className="status status--ok">{t('accounts.profile.saved')}</span>
              )}
              {formError('secrets')}
            </div>
            <button type="submit" className="button button--primary">
              {t('accounts.profile.saveSecrets')}
            </button>
          </div>
        </form>
      </div>
    </section>
  )
}
